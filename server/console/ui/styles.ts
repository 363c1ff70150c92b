/**
 * The console's shared styles: the widgets' own tokens, controls and focus ring (src/core/styles), and
 * what screens of data add to them: tables, form fields, field errors, the error summary. Logical
 * properties only, so the same rules serve Arabic and English.
 */
import { css } from 'lit';
import { sharedStyles } from '../../../src/core/styles/styles.js';

const screen = css`
  :host {
    margin-block-end: 0;
  }
  h1 {
    font-size: 1.75rem;
    margin-block: 0 1rem;
  }
  h2 {
    font-size: 1.3rem;
    margin-block: 2rem 0.75rem;
  }
  a {
    color: var(--_ep-color-primary);
    text-underline-offset: 0.15em;
  }
  .muted {
    color: var(--_ep-color-muted);
  }
  .url {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
  .reference {
    unicode-bidi: isolate;
    white-space: nowrap;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin-block: 1rem;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.4rem 1.5rem;
    margin-block: 0 1rem;
  }
  dl.facts dt {
    font-weight: 600;
  }
  dl.facts dd {
    margin: 0;
  }
  blockquote.written {
    margin-inline: 0;
    margin-block: 0 1rem;
    padding-inline-start: 1rem;
    border-inline-start: 4px solid var(--_ep-color-border);
    white-space: pre-line;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_ep-target);
    padding-inline: 1.25em;
    border: 2px solid var(--_ep-color-primary);
    border-radius: var(--_ep-radius);
    font-weight: 600;
    text-decoration: none;
  }
`;

const tables = css`
  .table-wrap {
    overflow-x: auto;
    max-inline-size: 100%;
  }
  table {
    border-collapse: collapse;
    min-inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding-block: 0.5rem;
    padding-inline: 0.5rem 1rem;
    border-block-end: 1px solid var(--_ep-color-border);
  }
  thead th {
    border-block-end-width: 2px;
  }
  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;

const fields = css`
  .field {
    margin-block-end: 1.25rem;
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  .hint {
    color: var(--_ep-color-muted);
    margin-block: 0 0.25rem;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    font: inherit;
    min-block-size: var(--_ep-target);
    padding: 0.4rem 0.5rem;
    border: 2px solid var(--_ep-color-border);
    border-radius: var(--_ep-radius);
    background: #fff;
    color: inherit;
    max-inline-size: 100%;
  }
  textarea {
    inline-size: 40rem;
    min-block-size: 6rem;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    accent-color: var(--_ep-color-primary);
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: normal;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 1.25rem;
  }
  [aria-invalid='true'] {
    border-color: var(--_ep-color-error);
  }
  .field.invalid {
    border-inline-start: 4px solid var(--_ep-color-error);
    padding-inline-start: 0.75rem;
  }
  .error-message {
    color: var(--_ep-color-error);
    font-weight: 600;
    margin-block: 0 0.25rem;
  }
`;

export const consoleStyles = [...sharedStyles, screen, tables, fields];
