/**
 * What a form of the console shares: its errors, shown GOV.UK's way (the summary at the top, which takes
 * focus, and a message at each field), and one call to the API at a time, whose refusal goes to that summary
 * in the person's terms. A form renders `<console-error-summary .errors=${this.errors}>` above its fields.
 */
import { LitElement } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { ConsoleErrorSummary, FormError } from './error-summary.js';
import { consoleStyles } from './styles.js';
import './error-summary.js';

export abstract class ConsoleForm extends LitElement {
  static override styles = consoleStyles;

  @state() protected errors: FormError[] = [];
  /** While the API has not answered: a second press does nothing. */
  @state() protected busy = false;
  @query('console-error-summary') private summary!: ConsoleErrorSummary;

  /** A field's `aria-invalid`. */
  protected invalid(field: string): 'true' | 'false' {
    return this.errors.some((error) => error.field === field) ? 'true' : 'false';
  }

  /** The class of a field's wrapper, marked while it has an error. */
  protected fieldClass(field: string): string {
    return this.invalid(field) === 'true' ? 'field invalid' : 'field';
  }

  /** Shows `errors` and moves focus to their summary. */
  protected async fail(errors: FormError[]): Promise<void> {
    this.errors = errors;
    await this.summary.show();
  }

  /** The API's answer to `call`, or undefined when it refused (said through `refusal`) or one is under way. */
  protected async send<T>(call: () => Promise<T>, refusal: (error: unknown) => FormError): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    try {
      const answer = await call();
      this.errors = [];
      return answer;
    } catch (error) {
      await this.fail([refusal(error)]);
      return undefined;
    } finally {
      this.busy = false;
    }
  }
}
