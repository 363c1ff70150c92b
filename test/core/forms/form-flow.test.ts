// FormFlow on its own: the pieces in the order of a form that is sent once, on a bare element with one
// text field, against a scripted transport (no element's rules, no network).
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Announcer } from '../../../src/core/a11y/announcer.js';
import { FormFlow } from '../../../src/core/forms/form-flow.js';
import { FakeTransport, accepted, rejected } from './fake-transport.js';

type Values = { note: string };
const KEY = 'ep-widgets:note:draft:v1:test#';

class FlowHost extends LitElement {
  privacyNotice = '1';
  includeQuery = false;
  noDraft = false;
  minFill = 0;
  readonly announcer = new Announcer(this);
  readonly transport = new FakeTransport();
  readonly flow = new FormFlow<Values>(this, this.announcer, this.transport.submitter, {
    kind: 'note',
    fields: ['note'],
    empty: () => ({ note: '' }),
    draftKey: () => KEY,
    noDraft: () => this.noDraft,
    validate: (values) => (values.note.trim() ? {} : { note: () => 'Enter a note' }),
    payload: (values) => ({ note: values.note.trim() }),
    codeMessages: () => ({ rude: { note: () => 'Write it kindly' } }),
    minFillTime: () => this.minFill,
  });
  override render() {
    const { flow } = this;
    return html`<div id="title" tabindex="-1">Notes</div>
      ${
        flow.step === 'sent'
          ? flow.renderConfirmation(3, {
              sent: 'Sent',
              saved: 'Saved here',
              reference: 'Reference',
              body: 'Thanks',
              another: 'Another',
            })
          : flow.renderForm(
              {
                labelledBy: 'title',
                level: 3,
                send: 'Send note',
                notSent: 'Your note was not sent. What you wrote is kept.',
              },
              html`<textarea id="note" name="note" .value=${flow.values.note}></textarea>${flow.errors.note ? html`<p id="note-error">${flow.errors.note()}</p>` : ''}`,
            )
      }
      ${this.announcer.render()}`;
  }
}
customElements.define('ep-test-form-flow', FlowHost);

const place = () => fixture<FlowHost>(html`<ep-test-form-flow></ep-test-form-flow>`);
async function rendered(host: FlowHost): Promise<void> {
  await host.updateComplete;
  await nextFrame();
  await host.updateComplete;
}
async function type(host: FlowHost, text: string): Promise<void> {
  const area = host.shadowRoot!.querySelector('textarea')!;
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  await rendered(host);
}
async function send(host: FlowHost): Promise<void> {
  host.shadowRoot!.querySelector('form')!.requestSubmit();
  // The send waits for the transport to be loaded and to answer: a few turns of the event loop.
  for (let i = 0; i < 5; i++) await rendered(host);
}
const focused = (host: FlowHost) => host.shadowRoot!.activeElement;

describe('core/forms/form-flow', () => {
  afterEach(() => sessionStorage.clear());

  it('checks the values with the spec’s rules first: nothing is sent while there is a problem, and the summary takes focus', async () => {
    const host = await place();
    await send(host);
    expect(host.transport.calls).to.deep.equal([]);
    expect(host.flow.step).to.equal('form');
    expect(host.shadowRoot!.querySelector('.error-summary li')!.textContent!.trim()).to.equal('Enter a note');
    expect(focused(host)?.className).to.equal('error-summary');
    expect(host.shadowRoot!.querySelector('form')!.hasAttribute('novalidate')).to.equal(true);
  });

  it('sends the spec’s payload of what was typed, then confirms with the reference, focused, empty and without a draft', async () => {
    const host = await place();
    await type(host, '  Open on Saturdays ');
    expect(JSON.parse(sessionStorage.getItem(KEY)!).values).to.deep.equal({ note: '  Open on Saturdays ' });
    host.transport.answer(accepted({ reference: ' NT-7 ' }));
    await send(host);
    expect(host.transport.calls).to.deep.equal([{ kind: 'note', data: { note: 'Open on Saturdays' } }]);
    expect(host.flow.step).to.equal('sent');
    expect(host.flow.reference).to.equal('NT-7');
    expect(host.flow.sent).to.deep.equal({ note: '  Open on Saturdays ' });
    expect(host.flow.values).to.deep.equal({ note: '' });
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    expect(focused(host)?.className).to.equal('confirmation');
    expect(host.shadowRoot!.querySelector('[part="reference"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Reference NT-7',
    );
  });

  it('looks sent to a robot, and sends nothing: a filled honeypot, or a form sent sooner than the minimum fill time', async () => {
    const trapped = await place();
    await type(trapped, 'Buy cheap watches');
    const trap = trapped.shadowRoot!.querySelector<HTMLInputElement>('input[name="website"]')!;
    trap.value = 'https://spam.example';
    await send(trapped);
    expect(trapped.flow.step).to.equal('sent');
    expect(trapped.flow.reference).to.equal(undefined);

    const hasty = await place();
    hasty.minFill = 60_000;
    await type(hasty, 'Buy cheap watches');
    await send(hasty);
    expect(hasty.flow.step).to.equal('sent');
    expect(trapped.transport.calls.length + hasty.transport.calls.length).to.equal(0);
  });

  it('puts a refusal’s field errors on its fields through the spec’s codes, and shows a refusal about nothing it has as a failure without a retry', async () => {
    const host = await place();
    await type(host, 'You are all useless');
    host.transport.answer(rejected([{ field: 'data.note', code: 'rude' }]), rejected([{ field: 'elsewhere' }]));
    await send(host);
    expect(host.flow.errors.note?.()).to.equal('Write it kindly');
    expect(focused(host)?.className).to.equal('error-summary');
    expect(host.flow.step).to.equal('form');
    await send(host);
    expect(host.flow.errors).to.deep.equal({});
    const failure = host.shadowRoot!.querySelector('[part="error"] p')!;
    expect(failure.textContent).to.contain('The service could not accept this.');
    expect(host.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
    expect(host.transport.calls).to.have.length(2);
  });

  it('starts from the draft a reload left, and back() gives back what was sent, as a draft, with no fill-time guard', async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ values: { note: 'from before' }, startedAt: Date.now() - 60_000 }));
    const host = await place();
    expect(host.flow.restored).to.equal(true);
    expect(host.shadowRoot!.querySelector('textarea')!.value).to.equal('from before');
    host.transport.answer(accepted());
    await send(host);
    expect(host.flow.step).to.equal('sent');
    host.minFill = 60_000;
    host.flow.back();
    await rendered(host);
    expect(host.flow.step).to.equal('form');
    expect(host.flow.values).to.deep.equal({ note: 'from before' });
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).to.deep.include({ values: { note: 'from before' }, startedAt: 0 });
    expect(focused(host)?.id).to.equal('note');
    host.transport.answer(accepted());
    await send(host);
    expect(host.transport.calls, 'sent again at once: a person, not a robot').to.have.length(2);
  });

  it('starts another, empty form on another(), focused where asked, with the fill-time clock started anew', async () => {
    const host = await place();
    await type(host, 'First');
    host.transport.answer(accepted());
    await send(host);
    host.flow.another('#title');
    await rendered(host);
    expect(host.flow.step).to.equal('form');
    expect(host.shadowRoot!.querySelector('textarea')!.value).to.equal('');
    expect(focused(host)?.id).to.equal('title');
    host.minFill = 60_000;
    await type(host, 'Second, at once');
    await send(host);
    expect(host.flow.step, 'too soon after the form came back').to.equal('sent');
    expect(host.transport.calls).to.have.length(1);
  });

  it('drops the draft there is when drafts are turned off, and keeps none after', async () => {
    const host = await place();
    await type(host, 'Keep me');
    expect(sessionStorage.getItem(KEY)).not.to.equal(null);
    host.noDraft = true;
    host.requestUpdate();
    await rendered(host);
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    await type(host, 'Not kept');
    expect(sessionStorage.getItem(KEY)).to.equal(null);
  });
});
