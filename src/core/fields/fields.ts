/**
 * Form fields in the GOV.UK pattern, for any element: a label (or a legend), an optional hint, the error
 * message (tied with `aria-describedby`, with a hidden "Error:"), then the control, marked `aria-invalid`
 * while in error. Each control's id is also its name, and the error summary links to it. Values are
 * bound as properties; the element listens for `input` on its form and keeps them. Styles: field-styles.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { choiceLabel, type Choice } from './choices.js';
import { describedBy, errorIdOf, renderFieldError, type Message } from './field-error.js';
import type { Locale } from '../language/locale.js';

export interface FieldOptions {
  /** The control's id and name (for a group of radios: the first radio's id, and the name of all). */
  id: string;
  label: string;
  hint?: string | undefined;
  error?: Message | undefined;
  /** Extra ids that describe the control, after its hint and error (a count, a warning). */
  describedBy?: (string | false)[];
  /** A group's part name where its id, a payload field's name, is not kebab case as parts are. Default: the id. */
  part?: string;
}

const wrapper = (error: Message | undefined): string => (error ? 'field invalid' : 'field');
/**
 * A radio or check box in error, or, when required, explicitly not: Chromium otherwise exposes a required one
 * left unticked as invalid from the start (its `:invalid`), and a screen reader says so before anything was sent.
 */
const invalidState = (error: Message | undefined, required: boolean): 'true' | 'false' | undefined =>
  error ? 'true' : required ? 'false' : undefined;
const hintOf = (id: string, hint: string | undefined) =>
  hint ? html`<p id=${`${id}-hint`} class="hint">${hint}</p>` : nothing;
const describe = ({ id, hint, error, describedBy: more = [] }: FieldOptions) =>
  ifDefined(describedBy(hint && `${id}-hint`, error && errorIdOf(id), ...more));

export interface TextFieldOptions extends FieldOptions {
  type: 'text' | 'email' | 'tel';
  value: string;
  /** What browsers may fill in (the tokens a contact form needs). */
  autocomplete:
    'name' | 'given-name' | 'family-name' | 'email' | 'tel' | 'tel-national' | 'organization' | 'postal-code' | 'off';
  /** Addresses and numbers read left to right in Arabic too. Default `auto`. */
  dir?: 'ltr' | 'auto';
  /** Said to assistive technology; the form checks it itself (its forms are `novalidate`). */
  required?: boolean;
}

export function renderTextField(options: TextFieldOptions): TemplateResult {
  const { id, label, hint, error, type, value, autocomplete, dir = 'auto', required = false } = options;
  return html`<div class=${wrapper(error)}>
    <label for=${id}>${label}</label>
    ${hintOf(id, hint)} ${renderFieldError(id, error)}
    <input
      class="input"
      id=${id}
      name=${id}
      part=${`input ${id}`}
      type=${type}
      autocomplete=${autocomplete}
      dir=${dir}
      spellcheck="false"
      ?required=${required}
      aria-describedby=${describe(options)}
      aria-invalid=${ifDefined(error ? 'true' : undefined)}
      .value=${value}
    />
  </div>`;
}

export interface TextAreaOptions extends FieldOptions {
  value: string;
  required?: boolean;
  /** What is under the box: the characters remaining (and whether that is an error), and a warning. */
  count: { text: string; over: boolean };
  warning?: string | undefined;
}

export function renderTextArea(options: TextAreaOptions): TemplateResult {
  const { id, label, hint, error, value, required = false, count, warning } = options;
  const describedByIds = describe({ ...options, describedBy: [`${id}-count`, Boolean(warning) && `${id}-warning`] });
  return html`<div class=${wrapper(error)}>
    <label for=${id}>${label}</label>
    ${hintOf(id, hint)} ${renderFieldError(id, error)}
    <textarea
      id=${id}
      name=${id}
      part=${id}
      rows="6"
      dir="auto"
      ?required=${required}
      aria-describedby=${describedByIds}
      aria-invalid=${ifDefined(error ? 'true' : undefined)}
      .value=${value}
    ></textarea>
    <p id=${`${id}-count`} part="count" class=${count.over ? 'error-message' : 'hint'}>${count.text}</p>
    ${warning ? html`<p id=${`${id}-warning`} class="warning">${warning}</p>` : nothing}
  </div>`;
}

export interface RadioGroupOptions extends FieldOptions {
  choices: readonly Choice[];
  value: string;
  locale: Locale;
  required?: boolean;
}

/** A group of radios in a fieldset whose legend asks the question; the error is tied to the group. */
export const renderRadioGroup = (options: RadioGroupOptions): TemplateResult =>
  renderChoiceGroup(options, 'radio', (code) => options.value === code, options.required);

export interface CheckboxGroupOptions extends FieldOptions {
  choices: readonly Choice[];
  /** The codes checked, as form-values.ts keeps a group of check boxes (see `checkedCodes`). */
  value: string;
  locale: Locale;
}

/**
 * A group of check boxes in a fieldset whose legend asks the question (choose any): one name for all, each
 * its code as its value; the first box has the group's id, which the error summary links to.
 */
export const renderCheckboxGroup = (options: CheckboxGroupOptions): TemplateResult =>
  renderChoiceGroup(options, 'checkbox', (code) => checkedCodes(options.value).includes(code));

/** The codes a group of check boxes holds (form-values.ts keeps them one a line). */
export const checkedCodes = (value: string): string[] => (value ? value.split('\n') : []);

function renderChoiceGroup(
  options: FieldOptions & { choices: readonly Choice[]; locale: Locale },
  type: 'radio' | 'checkbox',
  checked: (code: string) => boolean,
  required = false,
): TemplateResult {
  const { id, label, hint, error, choices, locale, part = id } = options;
  return html`<fieldset class=${wrapper(error)} part=${part} aria-describedby=${describe(options)}>
    <legend>${label}</legend>
    ${hintOf(id, hint)} ${renderFieldError(id, error)}
    <div class="choices">
      ${choices.map(
        (choice, index) => html`<label class="choice">
          <input
            type=${type}
            name=${id}
            id=${index ? `${id}-${index}` : id}
            .value=${choice.code}
            .checked=${checked(choice.code)}
            ?required=${required}
            aria-invalid=${ifDefined(invalidState(error, required))}
          />
          <span>${choiceLabel(choice, locale)}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

export interface CheckboxOptions extends FieldOptions {
  checked: boolean;
  required?: boolean;
}

/** One check box with its label beside it (consent, say). */
export function renderCheckbox(options: CheckboxOptions): TemplateResult {
  const { id, label, hint, error, checked, required = false } = options;
  return html`<div class=${wrapper(error)}>
    ${hintOf(id, hint)} ${renderFieldError(id, error)}
    <label class="choice">
      <input
        type="checkbox"
        id=${id}
        name=${id}
        part=${id}
        .checked=${checked}
        ?required=${required}
        aria-describedby=${describe(options)}
        aria-invalid=${ifDefined(invalidState(error, required))}
      />
      <span>${label}</span>
    </label>
  </div>`;
}
