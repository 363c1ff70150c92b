/**
 * Who the client is, and how long it may take (issue 12, items 5 and 7): EP_TRUST_PROXY takes addresses,
 * CIDR ranges or a hop count and refuses a bare `true`; a forged X-Forwarded-For from a peer that is not a
 * trusted proxy does not change the rate-limit key; a request whose body is still trickling in when the
 * request timeout passes gets 408 and its connection closed (it used to live about 90 s with 15 s set).
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, it } from 'node:test';
import { loadConfig } from '../config.js';
import { envelope, openTestApp, post } from './helpers.js';

describe('EP_TRUST_PROXY', () => {
  it('takes addresses, CIDR ranges and proxy-addr names, or a hop count; off by default', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ EP_TRUST_PROXY: 'false' }).trustProxy, false);
    assert.deepEqual(loadConfig({ EP_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,loopback, fd00::/8, ::1' }).trustProxy, [
      '10.0.0.0/8',
      '127.0.0.1',
      'loopback',
      'fd00::/8',
      '::1',
    ]);
    assert.equal(loadConfig({ EP_TRUST_PROXY: '2' }).trustProxy, 2);
  });

  it('refuses a bare true, saying what to write instead, and anything that is not an address', () => {
    assert.throws(
      () => loadConfig({ EP_TRUST_PROXY: 'true' }),
      (error: Error) => {
        assert.match(error.message, /EP_TRUST_PROXY=true would let any client choose its own address/);
        assert.match(error.message, /EP_TRUST_PROXY=10\.0\.0\.0\/8,127\.0\.0\.1/);
        assert.match(error.message, /EP_TRUST_PROXY=1\b/);
        return true;
      },
    );
    for (const bad of ['yes', '10.0.0.0/33', '300.1.1.1', 'proxy.example.sa', '10.0.0.1/8/8', '::1/129']) {
      assert.throws(
        () => loadConfig({ EP_TRUST_PROXY: bad }),
        /EP_TRUST_PROXY: .* is not an address or a CIDR range/,
        bad,
      );
    }
  });

  it('a forged X-Forwarded-For from a peer that is not a trusted proxy does not change the rate-limit key', async () => {
    const t = await openTestApp('sqlite', {
      rateLimit: { submissions: 2, reads: 0, admin: 0 },
      trustProxy: ['10.0.0.0/8'],
    });
    try {
      const send = (remoteAddress: string, forwarded: string) =>
        t.app.inject({
          method: 'POST',
          url: '/submissions',
          remoteAddress,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded },
          payload: envelope('page-vote'),
        });
      // 192.0.2.50 is not the proxy: each forged address is still 192.0.2.50.
      assert.deepEqual(
        [
          await send('192.0.2.50', '198.51.100.1'),
          await send('192.0.2.50', '198.51.100.2'),
          await send('192.0.2.50', '198.51.100.3'),
        ].map((r) => r.statusCode),
        [201, 201, 429],
      );
      // Through the proxy (10.1.2.3), the address it appended is the client; what the client wrote before it is not.
      assert.deepEqual(
        [
          await send('10.1.2.3', '6.6.6.6, 198.51.100.9'),
          await send('10.1.2.3', '7.7.7.7, 198.51.100.9'),
          await send('10.1.2.3', '8.8.8.8, 198.51.100.9'),
        ].map((r) => r.statusCode),
        [201, 201, 429],
      );
      assert.equal(
        (await send('10.1.2.3', '198.51.100.10')).statusCode,
        201,
        'another client behind the proxy has its own allowance',
      );
    } finally {
      await t.close();
    }
  });

  it('with a hop count, the client is the address the last proxy appended, whatever the client forged before it', async () => {
    const t = await openTestApp('sqlite', { rateLimit: { submissions: 1, reads: 0, admin: 0 }, trustProxy: 1 });
    try {
      const send = (forwarded: string) => post(t.app, envelope('page-vote'), { 'x-forwarded-for': forwarded });
      assert.equal((await send('1.1.1.1, 198.51.100.1')).statusCode, 201);
      assert.equal(
        (await send('2.2.2.2, 198.51.100.1')).statusCode,
        429,
        'the forged first address does not make a new client',
      );
      assert.equal((await send('198.51.100.2')).statusCode, 201, 'another client');
    } finally {
      await t.close();
    }
  });
});

describe('the request timeout covers the body', () => {
  it('answers 408 and closes a connection whose body still trickles in after EP_REQUEST_TIMEOUT_MS', async () => {
    assert.equal(loadConfig({}).requestTimeout, 15_000);
    assert.equal(loadConfig({ EP_REQUEST_TIMEOUT_MS: '1000' }).requestTimeout, 1000);
    const t = await openTestApp('sqlite', { requestTimeout: 1000 });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    const started = Date.now();
    let answer = '';
    let trickle: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        socket.on('connect', () => {
          socket.write(
            'POST /submissions HTTP/1.1\r\nHost: collector\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{',
          );
          trickle = setInterval(() => socket.write(' '), 200);
        });
        socket.on('data', (chunk) => (answer += String(chunk)));
        socket.on('close', () => resolve());
        socket.on('error', reject);
        // Without the fix the connection lives 60 s or more: fail well before.
        setTimeout(() => reject(new Error(`still open after ${Date.now() - started} ms`)), 5000).unref();
      });
      const seconds = (Date.now() - started) / 1000;
      assert.match(answer, /^HTTP\/1\.1 408 /);
      assert.ok(seconds >= 0.9 && seconds < 2.5, `closed after ${seconds} s`);
    } finally {
      clearInterval(trickle);
      socket.destroy();
      await t.close();
    }
  });
});
