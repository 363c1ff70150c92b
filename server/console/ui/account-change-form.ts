/**
 * Changing an account (an administrator): choose the account, then its role and whether it may sign in;
 * the role and state shown are the chosen account's. Only what changed is sent, and a change of role or
 * disabling ends that account's sessions, which the hint says (your own included); nothing changed is said at
 * the role. The API keeps one enabled administrator at least
 * (409), said at the field. Once saved, `console-account-changed` carries the account as it now is.
 */
import { localized, msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { api, ApiError, type Schemas } from './api.js';
import { ConsoleAccountChoiceForm, type Account } from './account-choice-form.js';
import { describedBy, fieldError, type FormError } from './error-summary.js';
import { CONSOLE_ROLES, roleName } from './labels.js';

type AccountChange = Schemas['ConsoleAccountChange'];

@customElement('console-account-change-form')
@localized()
export class ConsoleAccountChangeForm extends ConsoleAccountChoiceForm {
  override render() {
    const { account, errors } = this;
    if (!account) return nothing;
    // Keyed by the account as saved: choosing another, or saving, shows its role and state afresh.
    return html`
      <console-error-summary .errors=${errors}></console-error-summary>
      <form novalidate @submit=${this.submit} aria-labelledby="change-title">
        <h2 id="change-title">${msg('Change an account')}</h2>
        <div class="field">
          <label for="account">${msg('Account')}</label>
          <select id="account" name="account" dir="ltr" @change=${this.choose}>
            ${this.accounts.map(({ name }) => html`<option value=${name} ?selected=${name === account.name}>${name}</option>`)}
          </select>
        </div>
        ${keyed(
          `${account.name} ${account.updatedAt}`,
          html`<div class=${this.fieldClass('role')}>
            <label for="role">${msg('Role')}</label>
            <p class="hint" id="role-hint">
              ${
                account.name === this.self
                  ? msg('This is your own account: a new role, or disabling it, signs you out.')
                  : msg('A new role, or disabling the account, signs its sessions out.')
              }
            </p>
            ${fieldError(errors, 'role')}
            <select id="role" name="role" aria-invalid=${this.invalid('role')} aria-describedby=${describedBy(errors, 'role', 'role-hint')}>
              ${CONSOLE_ROLES.map((role) => html`<option value=${role} ?selected=${role === account.role}>${roleName(role)}</option>`)}
            </select>
          </div>
          <fieldset>
            <legend>${msg('May this account sign in?')}</legend>
            <label class="choice">
              <input type="radio" id="enabled" name="state" value="enabled" .checked=${!account.disabled} />
              ${msg('Enabled: it may sign in')}
            </label>
            <label class="choice">
              <input type="radio" id="disabled" name="state" value="disabled" .checked=${account.disabled} />
              ${msg('Disabled: it may not sign in')}
            </label>
          </fieldset>`,
        )}
        <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Save the account')}</button>
      </form>
    `;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { account } = this;
    if (!account) return;
    const data = new FormData(event.target as HTMLFormElement);
    // Only what differs: a role sent at all ends the account's sessions, even the same role.
    const role = String(data.get('role')) as AccountChange['role'];
    const disabled = data.get('state') === 'disabled';
    const change: AccountChange = {
      ...(role !== account.role ? { role } : {}),
      ...(disabled !== account.disabled ? { disabled } : {}),
    };
    if (!Object.keys(change).length)
      return this.fail([{ field: 'role', text: msg('Change the role or whether it may sign in, then save') }]);
    const changed = await this.send(
      () => api<Account>(`accounts/${account.name}`, { method: 'PATCH', body: change }),
      this.refusal,
    );
    if (!changed) return;
    this.dispatchEvent(new CustomEvent('console-account-changed', { detail: changed, bubbles: true, composed: true }));
  }

  private readonly refusal = (error: unknown): FormError => ({ field: 'role', text: this.refusalText(error) });

  private refusalText(error: unknown): string {
    if (error instanceof ApiError && error.status === 409)
      return msg('This is the last enabled administrator: make another account an administrator first');
    if (error instanceof ApiError && error.status === 403)
      return msg('Your account may not change accounts: this needs the administrator role');
    if (error instanceof ApiError && error.status === 404)
      return msg('This account no longer exists: reload the page to see the accounts as they are');
    return msg('The account was not saved: the collector could not be reached. Try again.');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-account-change-form': ConsoleAccountChangeForm;
  }
}
