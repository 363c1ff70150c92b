/**
 * Adding an account (an administrator): its name, an optional display name, a role and a first password,
 * which the person changes once they know it. Checked as the contract checks it, then by the API (a name
 * taken in any case: 409; a password it finds too weak: 422), each refusal at its field. Once added, the
 * form empties and `console-account-added` carries the account.
 */
import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import { ConsoleForm } from './console-form.js';
import { describedBy, fieldError, type FormError } from './error-summary.js';
import { CONSOLE_ROLES, roleName } from './labels.js';

type Account = Schemas['ConsoleAccount'];
type AccountInput = Schemas['ConsoleAccountInput'];

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The password's length as the contract and the API take it (ConsoleAccountInput, ConsoleAccountChange). */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 1024;

@customElement('console-account-add-form')
@localized()
export class ConsoleAccountAddForm extends ConsoleForm {
  override render() {
    const { errors } = this;
    return html`
      <console-error-summary .errors=${errors}></console-error-summary>
      <form novalidate @submit=${this.submit} aria-labelledby="add-title">
        <h2 id="add-title">${msg('Add an account')}</h2>
        <div class=${this.fieldClass('new-name')}>
          <label for="new-name">${msg('Account name')}</label>
          <p class="hint" id="new-name-hint">
            ${msg('What the person signs in with: English letters, digits, dots, dashes and underscores, at most 64 (for example amal.harbi).')}
          </p>
          ${fieldError(errors, 'new-name')}
          <input id="new-name" name="new-name" dir="ltr" autocomplete="off" spellcheck="false" aria-invalid=${this.invalid('new-name')}
            aria-describedby=${describedBy(errors, 'new-name', 'new-name-hint')} />
        </div>
        <div class=${this.fieldClass('display-name')}>
          <label for="display-name">${msg('Display name (optional)')}</label>
          ${fieldError(errors, 'display-name')}
          <input id="display-name" name="display-name" dir="auto" size="40" aria-invalid=${this.invalid('display-name')}
            aria-describedby=${describedBy(errors, 'display-name')} />
        </div>
        <div class="field">
          <label for="new-role">${msg('Role')}</label>
          <select id="new-role" name="new-role">
            ${CONSOLE_ROLES.map((role) => html`<option value=${role} ?selected=${role === 'viewer'}>${roleName(role)}</option>`)}
          </select>
        </div>
        <div class=${this.fieldClass('new-password')}>
          <label for="new-password">${msg('First password')}</label>
          <p class="hint" id="new-password-hint">
            ${msg('At least 12 characters. Give it to the person by a safe way; an administrator can set a new one later.')}
          </p>
          ${fieldError(errors, 'new-password')}
          <input id="new-password" name="new-password" type="password" dir="ltr" autocomplete="new-password"
            aria-invalid=${this.invalid('new-password')} aria-describedby=${describedBy(errors, 'new-password', 'new-password-hint')} />
        </div>
        <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Add the account')}</button>
      </form>
    `;
  }

  private check({ name, displayName = '', password }: AccountInput): FormError[] {
    const errors: FormError[] = [];
    if (!name) errors.push({ field: 'new-name', text: msg('Enter the account name') });
    else if (!NAME.test(name))
      errors.push({
        field: 'new-name',
        text: msg('Write the account name in English letters, digits, dots, dashes and underscores, at most 64'),
      });
    if (displayName.length > 200)
      errors.push({ field: 'display-name', text: msg('Shorten the display name to 200 characters or fewer') });
    if ([...password].length < MIN_PASSWORD)
      errors.push({ field: 'new-password', text: msg('Enter a first password of at least 12 characters') });
    else if (password.length > MAX_PASSWORD)
      errors.push({ field: 'new-password', text: msg('Shorten the password to 1,024 characters or fewer') });
    return errors;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const displayName = String(data.get('display-name') ?? '').trim();
    const input: AccountInput = {
      name: String(data.get('new-name') ?? '').trim(),
      role: String(data.get('new-role')) as AccountInput['role'],
      password: String(data.get('new-password') ?? ''),
      ...(displayName ? { displayName } : {}),
    };
    const errors = this.check(input);
    if (errors.length) return this.fail(errors);
    const added = await this.send(() => api<Account>('accounts', { method: 'POST', body: input }), this.refusal);
    if (!added) return;
    form.reset();
    this.dispatchEvent(new CustomEvent('console-account-added', { detail: added, bubbles: true, composed: true }));
  }

  private readonly refusal = (error: unknown): FormError => {
    if (error instanceof ApiError && error.status === 409)
      return { field: 'new-name', text: msg('An account with this name exists already: choose another name') };
    if (error instanceof ApiError && error.status === 422) {
      const named = error.fieldErrors[0]?.field ?? '';
      if (named === 'password')
        return {
          field: 'new-password',
          text: msg('The collector refused this password: choose one of at least 12 characters'),
        };
      return {
        field: named === 'displayName' ? 'display-name' : 'new-name',
        text: msg('The collector refused this field: check it and add the account again'),
      };
    }
    if (error instanceof ApiError && error.status === 403)
      return { field: 'new-name', text: msg('Your account may not add accounts: this needs the administrator role') };
    return {
      field: 'new-name',
      text: msg('The account was not added: the collector could not be reached. Try again.'),
    };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'console-account-add-form': ConsoleAccountAddForm;
  }
}
