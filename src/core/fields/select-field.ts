/**
 * A drop-down in the GOV.UK pattern, for any element: its label above it, the options as text, the chosen
 * one selected. Its `name` says what it sets; the element listens for `change`. Styled as `.input`, in a `.field`.
 */
import { html, type TemplateResult } from 'lit';

export interface SelectOptions {
  id: string;
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onChange: (event: Event) => void;
}

export function renderSelect({ id, name, label, options, value, onChange }: SelectOptions): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select class="input" id=${id} name=${name} part=${`select ${id}`} @change=${onChange}>
      ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
    </select>
  </div>`;
}
