/**
 * Sharing an idea: the form (title, description, topic, optional contact details) behind a "Share an idea"
 * button, and the confirmation. Drafts, spam guards, sending and its outcomes are core/forms/form-flow.ts's.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Announcer } from '../core/a11y/announcer.js';
import { contactModeOf, renderContactFields } from '../core/fields/contact-fields.js';
import type { DeliveryNote } from '../core/delivery/delivery-note.js';
import { draftKey } from '../core/forms/draft.js';
import { renderRadioGroup, renderTextArea, renderTextField } from '../core/fields/fields.js';
import { FormFlow, type FormSpec } from '../core/forms/form-flow.js';
import { referenceLabel } from '../core/forms/form-messages.js';
import { renderedLocale } from '../core/language/language-sync.js';
import { pageKeyOf } from '../core/delivery/page-url.js';
import type { EpIdeaBox } from './ep-idea-box.js';
import * as t from './messages.js';
import { DESCRIPTION_MAX, FIELDS, emptyValues, type Values } from './model.js';
import { ideaCodeMessages, toPayload, validate } from './validate.js';
import type { Submitter } from '../core/delivery/submitter.js';

export class IdeaForm {
  /** Whether the form is shown under "Share an idea" (it always is with `view="form"`). */
  #open?: boolean;
  readonly flow: FormFlow<Values>;

  constructor(
    private readonly host: EpIdeaBox,
    announcer: Announcer,
    submitter: Submitter,
    delivery: DeliveryNote,
  ) {
    const contact = () => contactModeOf(host.contact);
    const spec: FormSpec<Values> = {
      kind: 'idea',
      fields: FIELDS,
      empty: emptyValues,
      // Per page, and per idea box on the page (by its id).
      draftKey: () => draftKey('idea-box', pageKeyOf(host), host.id),
      noDraft: () => host.noDraft,
      validate: (values) => validate(values, host.topicList, contact()),
      payload: (values) => toPayload(values, host.topicList, contact(), renderedLocale()),
      codeMessages: () => ideaCodeMessages,
      minFillTime: () => host.minFillTime,
      watch: { field: 'description', max: () => DESCRIPTION_MAX },
    };
    this.flow = new FormFlow(host, announcer, submitter, spec, delivery);
  }

  #toggle = (): void => {
    // Not while the idea is on its way: its answer is shown, and heard, in the form, which must stay open for it.
    if (this.flow.step === 'sending') return;
    this.#open = !this.#isOpen;
    if (this.#open) this.flow.startFillTimeClock();
    this.host.requestUpdate();
  };

  /** Open when the visitor opened it, or when a draft was restored. */
  get #isOpen(): boolean {
    return this.#open ?? this.flow.restored;
  }

  #renderFields(): TemplateResult {
    const { values, errors, text } = this.flow;
    return html`${renderTextField({ id: 'title', label: t.titleLabel(), type: 'text', autocomplete: 'off', value: values.title, error: errors.title, required: true })}
    ${renderTextArea({
      id: 'description',
      label: t.descriptionLabel(),
      hint: t.descriptionHint(),
      value: values.description,
      required: true,
      error: errors.description,
      count: text.count(DESCRIPTION_MAX),
      warning: text.warning(),
    })}
    ${renderRadioGroup({
      id: 'topic',
      label: t.topicLegend(),
      choices: this.host.topicList,
      value: values.topic,
      locale: renderedLocale(),
      required: true,
      error: errors.topic,
    })}
    ${renderContactFields(values, errors, contactModeOf(this.host.contact))}`;
  }

  /**
   * The form (or the confirmation), behind the "Share an idea" button unless it is shown `alone`.
   * `level` is the level of the element's inner headings.
   */
  render(level: number, alone: boolean): TemplateResult {
    const open = alone || this.#isOpen;
    const inner = alone ? level : Math.min(level + 1, 6);
    return html`${
      alone
        ? nothing
        : html`<div role="heading" aria-level=${level}>
            <button id="share" type="button" class="primary" part="share-button" aria-expanded=${open ? 'true' : 'false'} aria-controls="share-form" aria-disabled=${ifDefined(this.flow.step === 'sending' ? 'true' : undefined)} @click=${this.#toggle}>
              ${t.share()}
            </button>
          </div>`
    }
      <div id="share-form" class="share-form" ?hidden=${!open}>
        ${
          open
            ? this.flow.step === 'sent'
              ? this.flow.renderConfirmation(inner, {
                  sent: t.sentTitle(),
                  saved: t.savedTitle(),
                  reference: referenceLabel(),
                  body: html`<p>${t.next()}</p>`,
                  another: t.shareAnother(),
                })
              : this.flow.renderForm(
                  { labelledBy: alone ? 'heading' : 'share', level: inner, send: t.send(), notSent: t.notSent() },
                  this.#renderFields(),
                )
            : nothing
        }
      </div>`;
  }
}
