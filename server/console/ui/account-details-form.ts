/**
 * An account's display name and password (an administrator): choose the account, then write its new
 * display name or set a new password for a person who lost theirs, or both. Only what changed is sent;
 * nothing changed is said at the display name. The new password is checked as the contract checks it (the
 * API's own length), and a new password ends that account's sessions, which the hint says (your own
 * included). Once saved, `console-account-details-changed` carries the account as it now is and what was
 * set.
 */
import { localized, msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { MAX_PASSWORD, MIN_PASSWORD } from './account-add-form.js';
import { api, ApiError, type Schemas } from './api.js';
import { ConsoleAccountChoiceForm, type Account } from './account-choice-form.js';
import { describedBy, fieldError, type FormError } from './error-summary.js';

type AccountChange = Schemas['ConsoleAccountChange'];

/** What `console-account-details-changed` carries. */
export interface DetailsChanged {
  account: Account;
  displayNameSet: boolean;
  passwordSet: boolean;
}

@customElement('console-account-details-form')
@localized()
export class ConsoleAccountDetailsForm extends ConsoleAccountChoiceForm {
  override render() {
    const { account, errors } = this;
    if (!account) return nothing;
    // Keyed by the account as saved: choosing another, or saving, shows its display name afresh and empties
    // the password.
    return html`
      <console-error-summary .errors=${errors}></console-error-summary>
      <form novalidate @submit=${this.submit} aria-labelledby="details-title">
        <h2 id="details-title">${msg('Change a display name or password')}</h2>
        <div class="field">
          <label for="details-account">${msg('Account')}</label>
          <select id="details-account" name="account" dir="ltr" @change=${this.choose}>
            ${this.accounts.map(({ name }) => html`<option value=${name} ?selected=${name === account.name}>${name}</option>`)}
          </select>
        </div>
        ${keyed(
          `${account.name} ${account.updatedAt}`,
          html`<div class=${this.fieldClass('details-display-name')}>
            <label for="details-display-name">${msg('Display name')}</label>
            ${fieldError(errors, 'details-display-name')}
            <input id="details-display-name" name="display-name" dir="auto" size="40" .value=${account.displayName}
              aria-invalid=${this.invalid('details-display-name')} aria-describedby=${describedBy(errors, 'details-display-name')} />
          </div>
          <div class=${this.fieldClass('details-password')}>
            <label for="details-password">${msg('New password (optional)')}</label>
            <p class="hint" id="details-password-hint">
              ${
                account.name === this.self
                  ? msg(
                      'At least 12 characters; leave it empty to keep the password. A new password for your own account signs you out.',
                    )
                  : msg(
                      'At least 12 characters; leave it empty to keep the password. A new password signs the account’s sessions out.',
                    )
              }
            </p>
            ${fieldError(errors, 'details-password')}
            <input id="details-password" name="password" type="password" dir="ltr" autocomplete="new-password"
              aria-invalid=${this.invalid('details-password')}
              aria-describedby=${describedBy(errors, 'details-password', 'details-password-hint')} />
          </div>`,
        )}
        <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Save the name and password')}</button>
      </form>
    `;
  }

  /** The change the form asks for (only what differs), or the problems at their fields. */
  private changeOf(account: Account, data: FormData): AccountChange | FormError[] {
    const displayName = String(data.get('display-name') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const errors: FormError[] = [];
    if (displayName.length > 200)
      errors.push({ field: 'details-display-name', text: msg('Shorten the display name to 200 characters or fewer') });
    if (password && [...password].length < MIN_PASSWORD)
      errors.push({ field: 'details-password', text: msg('Enter a new password of at least 12 characters') });
    else if (password.length > MAX_PASSWORD)
      errors.push({ field: 'details-password', text: msg('Shorten the password to 1,024 characters or fewer') });
    const change: AccountChange = {
      ...(displayName && displayName !== account.displayName ? { displayName } : {}),
      ...(password ? { password } : {}),
    };
    if (!errors.length && !Object.keys(change).length)
      errors.push({ field: 'details-display-name', text: msg('Change the display name or enter a new password') });
    return errors.length ? errors : change;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { account } = this;
    if (!account) return;
    const change = this.changeOf(account, new FormData(event.target as HTMLFormElement));
    if (Array.isArray(change)) return this.fail(change);
    const changed = await this.send(
      () => api<Account>(`accounts/${account.name}`, { method: 'PATCH', body: change }),
      this.refusal,
    );
    if (!changed) return;
    const detail: DetailsChanged = {
      account: changed,
      displayNameSet: change.displayName !== undefined,
      passwordSet: change.password !== undefined,
    };
    this.dispatchEvent(new CustomEvent('console-account-details-changed', { detail, bubbles: true, composed: true }));
  }

  private readonly refusal = (error: unknown): FormError => {
    if (error instanceof ApiError && error.status === 422) {
      const password = error.fieldErrors[0]?.field === 'password';
      return password
        ? {
            field: 'details-password',
            text: msg('The collector refused this password: choose one of at least 12 characters'),
          }
        : { field: 'details-display-name', text: msg('The collector refused this field: check it and save again') };
    }
    const field = 'details-display-name';
    if (error instanceof ApiError && error.status === 403)
      return { field, text: msg('Your account may not change accounts: this needs the administrator role') };
    if (error instanceof ApiError && error.status === 404)
      return { field, text: msg('This account no longer exists: reload the page to see the accounts as they are') };
    return { field, text: msg('The account was not saved: the collector could not be reached. Try again.') };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'console-account-details-form': ConsoleAccountDetailsForm;
  }
}
