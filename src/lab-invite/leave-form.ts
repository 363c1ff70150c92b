/**
 * Leaving the panel: the withdrawal code and the email address or mobile number given at sign-up, sent as a
 * `lab-withdraw`. The answer is the same whether or not they matched a panel member, so the confirmation
 * says what happens if they did. A 429 (the collector limits attempts) says to try later instead of keeping
 * the request on the device, where the outbox would send it again and again. No draft: the code is a secret.
 */
import { html, type TemplateResult } from 'lit';
import type { Announcer } from '../core/a11y/announcer.js';
import type { DeliveryNote } from '../core/delivery/delivery-note.js';
import type { Submitter } from '../core/delivery/submitter.js';
import type { EpQueuedEvent } from '../core/element/events.js';
import { renderReachFields } from '../core/fields/contact-fields.js';
import { renderTextField } from '../core/fields/fields.js';
import { draftKey } from '../core/forms/draft.js';
import { FormFlow } from '../core/forms/form-flow.js';
import { pageKeyOf } from '../core/delivery/page-url.js';
import { formatNumber } from '../core/language/format.js';
import { renderedLocale } from '../core/language/language-sync.js';
import type { EpLabInvite } from './ep-lab-invite.js';
import { leaveCodeMessages, toLeavePayload, validateLeave } from './leave-rules.js';
import * as t from './messages.js';
import { CODE_LENGTH, LEAVE_FIELDS, emptyLeave, type LeaveValues } from './model.js';

export const LEAVE_KIND = 'lab-withdraw';

export class LeaveForm {
  readonly flow: FormFlow<LeaveValues>;

  constructor(host: EpLabInvite, announcer: Announcer, submitter: Submitter, delivery: DeliveryNote) {
    this.flow = new FormFlow(
      host,
      announcer,
      submitter,
      {
        kind: LEAVE_KIND,
        fields: LEAVE_FIELDS,
        empty: emptyLeave,
        draftKey: () => draftKey(LEAVE_KIND, pageKeyOf(host), host.id),
        noDraft: () => true,
        validate: validateLeave,
        payload: toLeavePayload,
        codeMessages: () => leaveCodeMessages,
        minFillTime: () => host.minFillTime,
      },
      delivery,
    );
    host.addEventListener('ep-queued', (event: EpQueuedEvent) => {
      const { envelope, outcome } = event.detail;
      if (envelope.kind === LEAVE_KIND && outcome.status === 429) event.preventDefault();
    });
  }

  #renderFields(): TemplateResult {
    const { values, errors } = this.flow;
    return html`${renderTextField({ id: 'code', label: t.codeFieldLabel(), hint: t.codeFieldHint(formatNumber(CODE_LENGTH, renderedLocale())), type: 'text', autocomplete: 'off', dir: 'ltr', value: values.code, error: errors.code, required: true })}
      <fieldset class="contact" part="contact" aria-describedby="leave-contact-hint">
        <legend>${t.leaveContactLegend()}</legend>
        <p id="leave-contact-hint" class="hint">${t.leaveContactHint()}</p>
        ${renderReachFields(values, errors)}
      </fieldset>`;
  }

  /** The form, or the same answer whatever matched. `level` is the level of the element's inner headings. */
  render(level: number): TemplateResult {
    const { flow } = this;
    if (flow.step === 'sent') {
      return flow.renderConfirmation(level, {
        sent: t.leftTitle(),
        saved: t.leftSavedTitle(),
        body: html`<p>${flow.saved ? t.leftSavedBody() : t.leftBody()}</p>`,
      });
    }
    return html`<p class="intro">${t.leaveIntro()}</p>
      ${flow.renderForm(
        { labelledBy: 'title', level, send: t.leaveSend(), notSent: t.leaveNotSent(), tooMany: t.tooMany() },
        this.#renderFields(),
      )}`;
  }
}
