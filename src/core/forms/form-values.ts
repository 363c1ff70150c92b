/**
 * What a visitor types into a form, for any element: the values of its fields, kept from the form's
 * `input` events (a trap field, or any other control, is not one of them), and kept as a draft in the
 * tab's session storage (core/forms/draft.ts) under a key the element gives, with when the visitor started
 * (the spam guard's clock, which a reload does not restart). Knows no element.
 */
import type { ReactiveControllerHost } from 'lit';
import { clearDraft, readDraft, writeDraft, type DraftValues } from './draft.js';

export class FormValues<V extends DraftValues> {
  values: V;
  /** When the visitor started on the form (ms since the epoch); 0: no fill-time guard applies. */
  startedAt = 0;
  /** The draft's key; '' keeps no draft. */
  key = '';
  /** The id of the submission of these values on its way (held in the outbox), kept with the draft. */
  pending?: string | undefined;

  /** `changed` hears each field the visitor changes (to count a text, say). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly empty: () => V,
    private readonly changed: (field: keyof V & string, value: string | boolean) => void = () => undefined,
  ) {
    this.values = empty();
  }

  /**
   * Starts the form under draft `key` ('' for none): with the draft the visitor left there, else with
   * `start` (or empty). True when a draft was restored.
   */
  restore(key: string, start: V = this.empty(), startedAt = Date.now()): boolean {
    this.key = key;
    const draft = key ? readDraft(key, this.empty()) : undefined;
    this.values = draft?.values ?? start;
    this.pending = draft?.pending;
    // A start in the future (the device clock was put back since the draft was written) counts from now:
    // a person must never be caught for good by a clock.
    this.startedAt = draft ? Math.min(draft.startedAt, Date.now()) : startedAt;
    return Boolean(draft);
  }

  /** Saves the values as the draft (after each change, or after the element put them back in the form). */
  saveDraft(): void {
    if (this.key) writeDraft(this.key, { values: this.values, startedAt: this.startedAt, pending: this.pending });
  }

  /** Forgets the draft (the form was sent, or given up), and the submission on its way; the values stay as they are. */
  forgetDraft(): void {
    this.pending = undefined;
    if (this.key) clearDraft(this.key);
  }

  /** The form's `input` listener. */
  readonly onInput = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    const field = control.name as keyof V & string;
    if (!(field in this.values) || (control.type === 'radio' && !control.checked)) return;
    const value = control.type === 'checkbox' ? this.#ticked(field, control) : control.value;
    this.values = { ...this.values, [field]: value };
    this.changed(field, value);
    this.saveDraft();
    this.host.requestUpdate();
  };

  /**
   * A check box alone is its field's boolean; one of a group (its field holds a string) adds or removes its
   * value from the group's codes, kept one a line in the order of the group (core/fields/fields.ts, `checkedCodes`).
   */
  #ticked(field: keyof V & string, box: HTMLInputElement): string | boolean {
    const current = this.values[field];
    if (typeof current !== 'string') return box.checked;
    const group = [...(box.form?.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${field}"]`) ?? [])];
    return group
      .filter((input) => input.checked)
      .map((input) => input.value)
      .join('\n');
  }
}
