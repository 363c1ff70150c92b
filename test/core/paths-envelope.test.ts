import { expect } from '@open-wc/testing';
import * as paths from '../../src/core/delivery/paths.js';
import { canonicalPageUrl, createEnvelope } from '../../src/core/delivery/envelope.js';
import { uuid } from '../../src/core/delivery/uuid.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('core/paths', () => {
  it('puts every route below the endpoint, with or without a trailing slash', () => {
    expect(paths.submissions('https://x.gov/ep')).to.equal('https://x.gov/ep/submissions');
    expect(paths.submissions('https://x.gov/ep/')).to.equal('https://x.gov/ep/submissions');
    expect(paths.tally('/ep', 'https://x.gov/a b?c=1')).to.equal('/ep/tally?page=https%3A%2F%2Fx.gov%2Fa%20b%3Fc%3D1');
  });
});

describe('core/envelope', () => {
  it('drops query and fragment by default, keeps the query when asked, never the fragment', () => {
    const href = 'https://x.gov/services/permit?utm=mail&id=7#apply';
    expect(canonicalPageUrl(href)).to.equal('https://x.gov/services/permit');
    expect(canonicalPageUrl(href, { includeQuery: true })).to.equal('https://x.gov/services/permit?utm=mail&id=7');
    expect(canonicalPageUrl(href, { override: '/other#x' })).to.equal('https://x.gov/other');
  });

  it('builds the one envelope shape', () => {
    const envelope = createEnvelope({
      kind: 'page-vote',
      data: { answer: 'yes' },
      locale: 'ar',
      privacyNotice: '2026-01',
      now: () => new Date('2026-11-28T10:00:00Z'),
    });
    expect(envelope.id).to.match(UUID);
    expect(envelope).to.deep.include({
      kind: 'page-vote',
      locale: 'ar',
      privacyNotice: '2026-01',
      submittedAt: '2026-11-28T10:00:00.000Z',
    });
    expect(envelope.data).to.deep.equal({ answer: 'yes' });
    expect(envelope.page.url).to.equal(location.origin + location.pathname);
    expect(envelope.page.title).to.equal(document.title);
    expect(envelope.page.lang).to.equal(document.documentElement.lang);
  });

  it('makes v4 UUIDs, also outside a secure context', () => {
    const ids = new Set(Array.from({ length: 200 }, uuid));
    expect(ids.size).to.equal(200);
    for (const id of ids) expect(id).to.match(UUID);
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'isSecureContext')!;
    Object.defineProperty(globalThis, 'isSecureContext', { value: false, configurable: true });
    try {
      expect(uuid()).to.match(UUID);
    } finally {
      Object.defineProperty(globalThis, 'isSecureContext', descriptor);
    }
  });
});
