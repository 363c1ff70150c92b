// Angular renders the ep-* tags as they are once CUSTOM_ELEMENTS_SCHEMA says unknown elements are allowed;
// it binds properties with [prop] and listens to the elements' events with (ep-success).
import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import type { EpSuccessEvent } from 'ep-widgets';
import 'ep-widgets/ep-page-poll.js';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Renew a licence</h1>
      <p>Everything you need to renew your licence online.</p>
      <ep-page-poll endpoint="/ep-dev/example-angular" [headingLevel]="2" (ep-success)="onSuccess($event)"></ep-page-poll>
      <p id="status" role="status">{{ status() }}</p>
    </main>
  `,
})
export class AppComponent {
  readonly status = signal('No answer yet.');

  // With strictTemplates, Angular types $event from the element's event map (which ep-widgets declares):
  // a handler for another event's class is a compile error.
  onSuccess(event: EpSuccessEvent): void {
    this.status.set(`Angular handler: the collector accepted a ${event.detail.envelope.kind}.`);
  }
}
