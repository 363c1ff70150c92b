// FormValues on its own: what a visitor typed, from the form's input events, kept as a draft.
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { FormValues } from '../../../src/core/forms/form-values.js';

type Values = { message: string; type: string; consent: boolean };
const empty = (): Values => ({ message: '', type: '', consent: false });
const KEY = 'ep-widgets:test:draft:v1:page#';

/** A host that counts the renders asked of it. */
function fakeHost(): ReactiveControllerHost & { updates: number } {
  return {
    updates: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      this.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
}

/** A form with a text area, two radios, a checkbox and a trap, whose input events go to `values`. */
function formFor(values: FormValues<Values>): HTMLFormElement {
  const form = document.createElement('form');
  form.innerHTML = `<textarea name="message"></textarea>
    <input type="radio" name="type" value="idea" /><input type="radio" name="type" value="complaint" />
    <input type="checkbox" name="consent" /><input name="website" />`;
  form.addEventListener('input', values.onInput);
  document.body.append(form);
  return form;
}

function input(form: HTMLFormElement, selector: string, change: (control: HTMLInputElement) => void): void {
  const control = form.querySelector<HTMLInputElement>(selector)!;
  change(control);
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('core/forms/form-values', () => {
  afterEach(() => {
    sessionStorage.clear();
    document.querySelectorAll('form').forEach((form) => form.remove());
  });

  it('starts with the draft left under its key (only the fields it has, with their clock), else with the start given', () => {
    sessionStorage.setItem(
      KEY,
      JSON.stringify({ values: { message: 'hello', website: 'spam', consent: 'yes' }, startedAt: 1234 }),
    );
    const values = new FormValues(fakeHost(), empty);
    expect(values.restore(KEY)).to.equal(true);
    expect(values.values).to.deep.equal({ message: 'hello', type: '', consent: false });
    expect(values.startedAt).to.equal(1234);
    expect(values.key).to.equal(KEY);

    const fresh = new FormValues(fakeHost(), empty);
    expect(fresh.restore('', { message: 'given', type: 'idea', consent: true }, 99)).to.equal(false);
    expect(fresh.values).to.deep.equal({ message: 'given', type: 'idea', consent: true });
    expect(fresh.startedAt).to.equal(99);
    expect(fresh.key).to.equal('');
  });

  it('counts a draft started in the future (the clock was put back) from now', () => {
    sessionStorage.setItem(KEY, JSON.stringify({ values: { message: 'hello' }, startedAt: Date.now() + 3_600_000 }));
    const values = new FormValues(fakeHost(), empty);
    values.restore(KEY);
    expect(values.startedAt).to.be.at.most(Date.now());
  });

  it('takes each change of its fields from input events (a text, the checked radio, a ticked box), keeps the draft and says which field changed', () => {
    const host = fakeHost();
    const changed: Array<[string, string | boolean]> = [];
    const values = new FormValues(host, empty, (field, value) => changed.push([field, value]));
    values.restore(KEY, undefined, 42);
    const form = formFor(values);
    input(form, 'textarea', (area) => (area.value = 'Open on Saturdays'));
    input(form, 'input[value="complaint"]', (radio) => (radio.checked = true));
    input(form, 'input[name="consent"]', (box) => (box.checked = true));
    expect(values.values).to.deep.equal({ message: 'Open on Saturdays', type: 'complaint', consent: true });
    expect(changed).to.deep.equal([
      ['message', 'Open on Saturdays'],
      ['type', 'complaint'],
      ['consent', true],
    ]);
    expect(host.updates).to.equal(3);
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).to.deep.equal({ values: values.values, startedAt: 42 });
  });

  it('ignores a trap field and a radio that was unchecked', () => {
    const host = fakeHost();
    const values = new FormValues(host, empty);
    values.restore(KEY);
    const form = formFor(values);
    input(form, 'input[name="website"]', (trap) => (trap.value = 'https://spam.example'));
    input(form, 'input[value="idea"]', (radio) => (radio.checked = false));
    expect(values.values).to.deep.equal(empty());
    expect(host.updates).to.equal(0);
    expect(sessionStorage.getItem(KEY)).to.equal(null);
  });

  it('keeps the values as the draft on saveDraft(), forgets it on forgetDraft(), and touches no storage without a key', () => {
    const values = new FormValues(fakeHost(), empty);
    values.restore(KEY, undefined, 7);
    values.values = { message: 'back again', type: 'idea', consent: false };
    values.saveDraft();
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).to.deep.equal({ values: values.values, startedAt: 7 });
    values.forgetDraft();
    expect(sessionStorage.getItem(KEY)).to.equal(null);

    const keyless = new FormValues(fakeHost(), empty);
    keyless.restore('');
    keyless.values = { message: 'not kept', type: '', consent: false };
    keyless.saveDraft();
    expect(sessionStorage.length).to.equal(0);
    sessionStorage.setItem(KEY, 'someone else’s');
    keyless.forgetDraft();
    expect(sessionStorage.getItem(KEY)).to.equal('someone else’s');
  });
});
