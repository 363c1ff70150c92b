/**
 * The console's accounts (`#/accounts`), for administrators: every account with its role and whether it may
 * sign in, a form that changes an account's role or disables and enables it, one that changes its display
 * name or sets a new password, and one that adds an account with a role and a first password. After a change, focus goes to the heading, above the list as it now
 * is, and the change is said. Other roles are not shown the way here; one who comes is told why the
 * collector refused.
 */
import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import { count, moment } from './formats.js';
import { roleName } from './labels.js';
import { announce, ConsoleScreen } from './screen.js';
import type { DetailsChanged } from './account-details-form.js';
import './account-add-form.js';
import './account-change-form.js';
import './account-details-form.js';

type Account = Schemas['ConsoleAccount'];

@customElement('console-accounts')
@localized()
export class ConsoleAccounts extends ConsoleScreen<Account[]> {
  protected load(): Promise<Account[]> {
    return api<Account[]>('accounts');
  }

  protected loadedText(accounts: Account[]): string {
    return msg(str`${count(accounts.length)} accounts`);
  }

  protected override problemOf(error: unknown): string {
    if (error instanceof ApiError && error.status === 403)
      return msg('Managing accounts needs the administrator role.');
    return super.problemOf(error);
  }

  override render() {
    return html`
      <h1 tabindex="-1">${msg('Console accounts')}</h1>
      <p>${msg('Who may sign in to the console, and what each role allows: viewers read; moderators also change what visitors are told; administrators also manage accounts.')}</p>
      ${this.loadingState()} ${this.data ? this.accounts(this.data) : nothing}
    `;
  }

  private accounts(accounts: Account[]) {
    return html`
      <div class="table-wrap">
        <table>
          <caption>
            ${msg('Accounts, by name')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Account name')}</th>
              <th scope="col">${msg('Display name')}</th>
              <th scope="col">${msg('Role')}</th>
              <th scope="col">${msg('State')}</th>
              <th scope="col">${msg('Last changed')}</th>
            </tr>
          </thead>
          <tbody>
            ${accounts.map(
              (account) => html`<tr>
                <th scope="row"><span dir="ltr">${account.name}</span></th>
                <td dir="auto">${account.displayName}</td>
                <td>${roleName(account.role)}</td>
                <td>${account.disabled ? msg('Disabled: may not sign in') : msg('Enabled')}</td>
                <td>${moment(account.updatedAt)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <console-account-change-form .accounts=${accounts} self=${this.session?.name ?? ''}
        @console-account-changed=${this.changed}></console-account-change-form>
      <console-account-details-form .accounts=${accounts} self=${this.session?.name ?? ''}
        @console-account-details-changed=${this.detailsChanged}></console-account-details-form>
      <console-account-add-form @console-account-added=${this.added}></console-account-add-form>
    `;
  }

  private changed(event: CustomEvent<Account>): Promise<void> {
    const account = event.detail;
    const state = account.disabled ? msg('disabled') : msg('enabled');
    return this.saved(msg(str`The account ${account.name} is saved: ${roleName(account.role)}, ${state}.`), account);
  }

  private detailsChanged(event: CustomEvent<DetailsChanged>): Promise<void> {
    const { account, displayNameSet, passwordSet } = event.detail;
    const { name, displayName } = account;
    const said =
      displayNameSet && passwordSet
        ? msg(str`The account ${name} is saved: its display name is ${displayName}, and it has a new password.`)
        : displayNameSet
          ? msg(str`The account ${name} is saved: its display name is ${displayName}.`)
          : msg(str`The account ${name} is saved: it has a new password.`);
    return this.saved(said, account);
  }

  private added(event: CustomEvent<Account>): Promise<void> {
    const account = event.detail;
    return this.saved(msg(str`The account ${account.name} is added as ${roleName(account.role)}.`), account);
  }

  /** Shows the list with the account as the API now has it, focuses the heading, and says what changed. */
  private async saved(said: string, account: Account): Promise<void> {
    const others = (this.data ?? []).filter((one) => one.name !== account.name);
    this.data = [...others, account].sort((a, b) => (a.name < b.name ? -1 : 1));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    announce(this, said);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-accounts': ConsoleAccounts;
  }
}
