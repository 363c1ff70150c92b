// FormErrors on its own: a form's problems on its fields and in a focused error summary, from its own rules
// or from a collector's refusal.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Announcer } from '../../../src/core/a11y/announcer.js';
import { FormErrors } from '../../../src/core/forms/form-errors.js';

type Field = 'title' | 'topic' | 'email';

class ErrorsHost extends LitElement {
  readonly announcer = new Announcer(this);
  readonly errors = new FormErrors<Field>(['title', 'topic', 'email'], this.announcer);
  override render() {
    return html`${this.errors.render(3)}<input id="title" /><input id="topic" /><input id="email" />${this.announcer.render()}`;
  }
}
customElements.define('ep-test-form-errors', ErrorsHost);

const summary = (host: ErrorsHost) =>
  [...host.shadowRoot!.querySelectorAll('.error-summary li')].map((item) => item.textContent!.trim());
const links = (host: ErrorsHost) =>
  [...host.shadowRoot!.querySelectorAll('.error-summary a')].map((link) => link.getAttribute('href'));

async function rendered(host: ErrorsHost): Promise<void> {
  host.requestUpdate();
  await host.updateComplete;
  await nextFrame();
}

describe('core/forms/form-errors', () => {
  it('lists problems in the order of the fields, the collector’s other words last, each field linked; the summary takes focus', async () => {
    const host = await fixture<ErrorsHost>(html`<ep-test-form-errors></ep-test-form-errors>`);
    expect(
      host.errors.show({ email: () => 'Enter an email', title: () => 'Enter a title' }, [
        'Attachments are not accepted.',
      ]),
    ).to.equal(true);
    await rendered(host);
    expect(summary(host)).to.deep.equal(['Enter a title', 'Enter an email', 'Attachments are not accepted.']);
    expect(links(host)).to.deep.equal(['#title', '#email']);
    expect(host.shadowRoot!.querySelector('.error-summary-title')!.getAttribute('aria-level')).to.equal('3');
    expect(host.shadowRoot!.activeElement?.className).to.equal('error-summary');
    expect(Object.keys(host.errors.byField)).to.have.members(['title', 'email']);
  });

  it('clears the summary and the fields’ messages when shown nothing, and then says there is no problem', async () => {
    const host = await fixture<ErrorsHost>(html`<ep-test-form-errors></ep-test-form-errors>`);
    host.errors.show({ title: () => 'Enter a title' });
    await rendered(host);
    expect(host.errors.show()).to.equal(false);
    await rendered(host);
    expect(host.shadowRoot!.querySelector('.error-summary')).to.equal(null);
    expect(host.errors.byField).to.deep.equal({});
    expect(host.errors.show({}, [])).to.equal(false);
  });

  it('puts a refusal on its fields: a known code in the form’s words, else the collector’s message, else the fallback', async () => {
    const host = await fixture<ErrorsHost>(html`<ep-test-form-errors></ep-test-form-errors>`);
    const known = { 'too-long': { title: () => 'Enter 120 characters or fewer' } };
    const shown = host.errors.showRefusal(
      [
        { field: 'data.title', code: 'too-long' },
        { field: 'title', message: 'A second error on a field with one already' },
        { field: 'topic', code: 'unknown-code', message: 'Pick one of ours' },
        { field: 'contact.email', code: 'unknown-code' },
        { field: 'attachment', message: 'Attachments are not accepted.' },
        { field: 'nothing-we-have' },
      ],
      known,
      () => 'This is not valid.',
    );
    expect(shown).to.equal(true);
    await rendered(host);
    expect(summary(host)).to.deep.equal([
      'Enter 120 characters or fewer',
      'Pick one of ours',
      'This is not valid.',
      'Attachments are not accepted.',
    ]);
    expect(links(host)).to.deep.equal(['#title', '#topic', '#email']);
  });

  it('says a refusal about nothing it has, in no words, is not about its fields (the element shows a general failure)', async () => {
    const host = await fixture<ErrorsHost>(html`<ep-test-form-errors></ep-test-form-errors>`);
    expect(host.errors.showRefusal([{ field: 'unknown' }], {}, () => 'fallback')).to.equal(false);
    expect(host.errors.showRefusal([], {}, () => 'fallback')).to.equal(false);
    await rendered(host);
    expect(host.shadowRoot!.querySelector('.error-summary')).to.equal(null);
  });
});
