import { expect } from '@open-wc/testing';
import { configure, getConfig, onConfigChange, resetConfig, resolveEndpoint } from '../../src/core/element/config.js';
import { missingEndpointMessage } from '../../src/core/element/diagnostics.js';

describe('core/config', () => {
  afterEach(() => {
    resetConfig();
    document.head.querySelectorAll('meta[name="ep-endpoint"]').forEach((meta) => meta.remove());
  });

  function addMeta(content: string): void {
    const meta = document.createElement('meta');
    meta.name = 'ep-endpoint';
    meta.content = content;
    document.head.append(meta);
  }

  it('prefers the element attribute, then configure(), then the meta tag', () => {
    addMeta('https://meta.example/ep');
    expect(resolveEndpoint(undefined)).to.equal('https://meta.example/ep');
    configure({ endpoint: 'https://configured.example/ep' });
    expect(resolveEndpoint(undefined)).to.equal('https://configured.example/ep');
    expect(resolveEndpoint('https://own.example/ep')).to.equal('https://own.example/ep');
  });

  it('treats blank values as missing', () => {
    configure({ endpoint: '   ' });
    expect(resolveEndpoint(' ')).to.equal(undefined);
    addMeta('');
    expect(resolveEndpoint('')).to.equal(undefined);
  });

  it('merges headers across calls and tells listeners', () => {
    let calls = 0;
    const stop = onConfigChange(() => (calls += 1));
    configure({ headers: { 'x-csrf-token': 'a' } });
    configure({ headers: { 'x-other': 'b' }, timeoutMs: 500 });
    stop();
    configure({ locale: 'ar' });
    expect(getConfig().headers).to.deep.equal({ 'x-csrf-token': 'a', 'x-other': 'b' });
    expect(getConfig().timeoutMs).to.equal(500);
    expect(calls).to.equal(2);
  });

  it('is shared by two copies of the library through a global registry symbol', () => {
    configure({ endpoint: '/shared' });
    const holder = globalThis as unknown as Record<symbol, { config: { endpoint?: string } }>;
    expect(holder[Symbol.for('ep-widgets.config')]!.config.endpoint).to.equal('/shared');
  });

  it('names the element and all three ways in the missing-endpoint message', () => {
    const text = missingEndpointMessage('EP-PAGE-POLL');
    expect(text).to.contain('<ep-page-poll>');
    expect(text).to.contain('endpoint attribute');
    expect(text).to.contain('configure({ endpoint');
    expect(text).to.contain('<meta name="ep-endpoint"');
  });
});
