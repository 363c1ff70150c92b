// FormSender on its own: one form's submission through a transport, "Sending…" while it goes, a retry of
// the same data with the same envelope, a refusal final, a failure shown with its retry.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Announcer } from '../../../src/core/a11y/announcer.js';
import { DeliveryNote } from '../../../src/core/delivery/delivery-note.js';
import { FormSender } from '../../../src/core/forms/form-sender.js';
import { FakeTransport, accepted, failed, rejected } from './fake-transport.js';

class SenderHost extends LitElement {
  privacyNotice = '1';
  includeQuery = false;
  readonly announcer = new Announcer(this);
  readonly delivery = new DeliveryNote(this);
  readonly transport = new FakeTransport();
  readonly sender = new FormSender(this, this.announcer, this.delivery, this.transport.submitter);
  retries = 0;
  override render() {
    return html`${this.sender.renderFailure('Your note was not sent. What you wrote is kept.', () => (this.retries += 1))}
      <button part="send-button">${this.sender.label('Send note')}</button>${this.announcer.render()}`;
  }
}
customElements.define('ep-test-form-sender', SenderHost);

const place = () => fixture<SenderHost>(html`<ep-test-form-sender></ep-test-form-sender>`);
const text = (host: SenderHost, selector: string) =>
  host.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
async function rendered(host: SenderHost): Promise<void> {
  await host.updateComplete;
  await nextFrame();
}

describe('core/forms/form-sender', () => {
  it('is busy and says "Sending…" while the transport works, and refuses a second send meanwhile', async () => {
    const host = await place();
    host.transport.answer(accepted({ reference: 'R-1' }));
    host.transport.hold = true;
    const sending = host.sender.send('note', { text: 'hello' });
    await waitUntil(() => host.transport.calls.length === 1, 'not handed to the transport');
    expect(host.sender.busy).to.equal(true);
    host.requestUpdate();
    await rendered(host);
    expect(text(host, '[part="send-button"]')).to.equal('Sending…');
    await waitUntil(() => text(host, '#announcer') === 'Sending…', 'not said');
    expect(await host.sender.send('note', { text: 'hello' })).to.equal(undefined);
    host.transport.release();
    const result = await sending;
    expect(result!.outcome).to.deep.equal(accepted({ reference: 'R-1' }));
    expect(host.sender.busy).to.equal(false);
    await rendered(host);
    expect(text(host, '[part="send-button"]')).to.equal('Send note');
    expect(host.transport.calls).to.deep.equal([{ kind: 'note', data: { text: 'hello' } }]);
  });

  it('shows a failure with "Try again", focused, and sends the same data again as the same envelope; changed data as a new one', async () => {
    const host = await place();
    host.transport.answer(failed(), failed(), failed());
    const first = await host.sender.send('note', { text: 'hello' });
    await rendered(host);
    expect(host.sender.failure).to.equal('server');
    expect(text(host, '[part="error"] p')).to.equal(
      'Your note was not sent. What you wrote is kept. The service had a problem. Please try again in a moment.',
    );
    expect(host.shadowRoot!.activeElement?.textContent).to.contain('Your note was not sent');
    (host.shadowRoot!.querySelector('[part="retry-button"]') as HTMLButtonElement).click();
    expect(host.retries).to.equal(1);
    await host.sender.send('note', { text: 'hello' });
    expect(host.transport.calls[1]).to.equal(first!.envelope);
    await host.sender.send('note', { text: 'hello, changed' });
    expect(host.transport.calls[2]).to.deep.equal({ kind: 'note', data: { text: 'hello, changed' } });
  });

  it('takes a refusal as final: the same data next time is a new submission, and fail("rejected") offers no retry', async () => {
    const host = await place();
    host.transport.answer(rejected([{ field: 'text', code: 'rude' }]), accepted());
    const refused = await host.sender.send('note', { text: 'hello' });
    expect(refused!.outcome.type).to.equal('rejected');
    expect(host.sender.failure, 'the element decides what a refusal shows').to.equal(undefined);
    await host.sender.send('note', { text: 'hello' });
    expect(host.transport.calls[1]).to.deep.equal({ kind: 'note', data: { text: 'hello' } });
    host.sender.fail('rejected');
    host.requestUpdate();
    await rendered(host);
    expect(text(host, '[part="error"] p')).to.contain('The service could not accept this.');
    expect(host.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
  });

  it('takes a transport that cannot be downloaded for an unreachable service', async () => {
    const host = await place();
    host.transport.answer('unloadable');
    const result = await host.sender.send('note', { text: 'hello' });
    expect(result!.outcome).to.deep.equal({ type: 'failed', reason: 'network' });
    await rendered(host);
    expect(text(host, '[part="error"] p')).to.contain('We could not reach the service.');
    expect(host.transport.calls).to.deep.equal([]);
  });

  it('hands a submission saved on the device to the delivery note, and shows no failure', async () => {
    const host = await place();
    host.transport.answer({ type: 'queued', reason: 'server' });
    await host.sender.send('note', { text: 'hello' });
    expect(host.delivery.current).to.equal('queued');
    expect(host.sender.failure).to.equal(undefined);
  });

  it('forgets the envelope kept for a retry, and the failure shown, on reset()', async () => {
    const host = await place();
    host.transport.answer(failed(), accepted());
    await host.sender.send('note', { text: 'hello' });
    host.sender.reset();
    expect(host.sender.failure).to.equal(undefined);
    await host.sender.send('note', { text: 'hello' });
    expect(host.transport.calls[1]).to.deep.equal({ kind: 'note', data: { text: 'hello' } });
  });
});
