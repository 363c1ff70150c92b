/**
 * What the forms that change an existing account share: the accounts to choose from, the one chosen (the
 * first when the chosen one is gone), and the signed-in account's name, since changing it can end this very
 * session. A form renders its own account select and calls `choose` on its change.
 */
import { type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Schemas } from './api.js';
import { ConsoleForm } from './console-form.js';

export type Account = Schemas['ConsoleAccount'];

export abstract class ConsoleAccountChoiceForm extends ConsoleForm {
  @property({ attribute: false }) accounts: Account[] = [];
  /** The signed-in account's name. */
  @property() self = '';

  /** The account chosen in the form, whose settings the form shows. */
  @state() protected chosen = '';

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('accounts') && !this.accounts.some((account) => account.name === this.chosen))
      this.chosen = this.accounts[0]?.name ?? '';
  }

  protected get account(): Account | undefined {
    return this.accounts.find((account) => account.name === this.chosen);
  }

  protected choose(event: Event): void {
    this.chosen = (event.target as HTMLSelectElement).value;
    this.errors = [];
  }
}
