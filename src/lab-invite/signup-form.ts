/**
 * Joining the panel: the form (sessions, topics, how and where, language, age, name and contact details,
 * consent) and its confirmation, which shows the withdrawal code the collector's receipt gives (or says it
 * will come once a sign-up saved on the device is sent). Drafts, spam guards, sending and its outcomes are
 * core/forms/form-flow.ts's.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Announcer } from '../core/a11y/announcer.js';
import type { DeliveryNote } from '../core/delivery/delivery-note.js';
import type { Submitter } from '../core/delivery/submitter.js';
import type { Choice } from '../core/fields/choices.js';
import { renderContactFields } from '../core/fields/contact-fields.js';
import { checkedCodes, renderCheckboxGroup, renderRadioGroup, renderTextField } from '../core/fields/fields.js';
import { draftKey } from '../core/forms/draft.js';
import { FormFlow } from '../core/forms/form-flow.js';
import { referenceLabel } from '../core/forms/form-messages.js';
import { formatNumber } from '../core/language/format.js';
import { renderedLocale } from '../core/language/language-sync.js';
import { pageKeyOf } from '../core/delivery/page-url.js';
import type { EpLabInvite } from './ep-lab-invite.js';
import * as t from './messages.js';
import {
  ADULT,
  AGE_BANDS,
  FIELDS,
  IN_PERSON,
  attendanceChoices,
  emptyValues,
  languageChoices,
  sessionChoices,
  type Values,
} from './model.js';
import { labCodeMessages, toPayload, validate } from './validate.js';

/** The age bands as choices, their numbers in the visitor's digits; "Prefer not to say" last, and chosen until another is. */
function ageChoices(): Choice[] {
  const n = (value: number) => formatNumber(value, renderedLocale());
  return [
    ...AGE_BANDS.map((band) => {
      const [from, to] = band.split('-').map(Number);
      return { code: band, label: to ? t.ageRange(n(from!), n(to)) : t.ageOver(n(from!)) };
    }),
    { code: '', label: t.agePreferNot() },
  ];
}

/** The withdrawal code a receipt gives, when it gives one as text. */
const withdrawalCodeOf = (receipt: Record<string, unknown> | undefined): string | undefined =>
  typeof receipt?.withdrawalCode === 'string' && receipt.withdrawalCode.trim() ? receipt.withdrawalCode : undefined;

export class SignupForm {
  readonly flow: FormFlow<Values>;

  constructor(
    private readonly host: EpLabInvite,
    announcer: Announcer,
    submitter: Submitter,
    delivery: DeliveryNote,
  ) {
    this.flow = new FormFlow(
      host,
      announcer,
      submitter,
      {
        kind: 'lab-signup',
        fields: FIELDS,
        empty: emptyValues,
        // Per page, and per invitation on the page (by its id).
        draftKey: () => draftKey('lab-invite', pageKeyOf(host), host.id),
        noDraft: () => host.noDraft,
        validate: (values) => validate(values, host.topicList),
        payload: (values) => toPayload(values, host.topicList, renderedLocale()),
        codeMessages: () => labCodeMessages(host.topicList),
        minFillTime: () => host.minFillTime,
        // Without it the visitor cannot leave the panel: it reaches them even when the outbox delivers the
        // sign-up from another page.
        keep: ['withdrawalCode'],
      },
      delivery,
    );
  }

  #renderFields(): TemplateResult {
    const { values, errors } = this.flow;
    const locale = renderedLocale();
    const topics = this.host.topicList;
    const group = (id: 'sessions' | 'topics' | 'attendance', label: string, choices: readonly Choice[]) =>
      renderCheckboxGroup({ id, label, hint: t.selectAll(), choices, value: values[id], locale, error: errors[id] });
    return html`${group('sessions', t.sessionsLegend(), sessionChoices())}
    ${topics.length > 0 ? group('topics', t.topicsLegend(), topics) : nothing}
    ${group('attendance', t.attendanceLegend(), attendanceChoices())}
    ${
      checkedCodes(values.attendance).includes(IN_PERSON)
        ? renderTextField({
            id: 'city',
            label: t.cityLabel(),
            hint: t.cityHint(),
            type: 'text',
            autocomplete: 'off',
            value: values.city,
            error: errors.city,
            required: true,
          })
        : nothing
    }
    ${renderRadioGroup({ id: 'language', label: t.languageLegend(), choices: languageChoices(), value: values.language, locale, required: true, error: errors.language })}
    ${renderRadioGroup({ id: 'ageBand', part: 'age-band', label: t.ageLegend(), hint: t.ageHint(formatNumber(ADULT, locale)), choices: ageChoices(), value: values.ageBand, locale, error: errors.ageBand })}
    ${renderContactFields(values, errors, 'required', { hint: t.contactHint, consentLabel: t.consentLabel, noChannel: true, nameRequired: true })}`;
  }

  /** The withdrawal code, prominent, with how to use it; or, for a sign-up saved on the device, that it will come. */
  #renderCode(): TemplateResult | typeof nothing {
    const { flow } = this;
    const code = withdrawalCodeOf(flow.receipt);
    if (code) {
      return html`<div class="withdrawal" part="withdrawal">
        <p>${t.codeLabel()}</p>
        <p class="code" part="withdrawal-code"><bdi dir="ltr">${code}</bdi></p>
        <p>${t.codeUse()}</p>
      </div>`;
    }
    return flow.saved ? html`<p class="withdrawal" part="withdrawal">${t.codeLater()}</p>` : nothing;
  }

  /** The form, or its confirmation once sent. `level` is the level of the element's inner headings. */
  render(level: number): TemplateResult {
    const { flow } = this;
    if (flow.step === 'sent') {
      return flow.renderConfirmation(level, {
        sent: t.sentTitle(),
        saved: t.savedTitle(),
        reference: referenceLabel(),
        body: html`${this.#renderCode()}
          <div class="subtitle" role="heading" aria-level=${level}>${t.nextTitle()}</div>
          <p>${t.next()}</p>`,
      });
    }
    return html`<slot name="intro"><p class="intro">${t.intro(formatNumber(ADULT, renderedLocale()))}</p></slot>
      ${flow.renderForm({ labelledBy: 'title', level, send: t.send(), notSent: t.notSent() }, this.#renderFields())}`;
  }
}
