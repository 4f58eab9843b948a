import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newChannelId } from '../../electron/relay/credentials';
import type { PairingResult } from '../../electron/relay/pairing';
import { signHs256, uapayCallback } from './support/callbacks';
import { startRelay, type RunningRelay } from './support/relay';
import { reportMissingPostgres } from './support/postgresGate';
import { freshStore, storeKinds, type FreshStore } from './support/stores';

const BODY_LIMIT = 2048;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

for (const kind of storeKinds()) {
  describe(`POST /uapay/callback/<channel> (${kind})`, () => {
    let fresh: FreshStore;
    let relay: RunningRelay;
    let pairing: PairingResult;

    beforeEach(async () => {
      fresh = await freshStore(kind);
      relay = await startRelay(fresh, { env: { RELAY_BODY_LIMIT_BYTES: String(BODY_LIMIT) } });
      pairing = await relay.pair();
    });
    afterEach(async () => {
      await relay.close();
      await fresh.dispose();
    });

    it('has the raw body on disk, byte for byte, when it answers 200', async () => {
      // White space and key order are kept: the relay stores what UAPAY sent, not a re-encoding.
      const body = ` {"token" :  ${JSON.stringify(signHs256({ invoiceId: 'inv-1', amount: 100 }, 'k'))}}\n`;
      const response = await relay.post(pairing.callbackUrl, body, 'application/json; charset=UTF-8');
      expect(response.status).toBe(200);
      // Read straight from the database, through another connection, right after the 200.
      expect(await fresh.storedBodies()).toEqual([body]);
    });

    it('stores an identical delivery (a UAPAY retry) once and answers 200 to each', async () => {
      const body = uapayCallback({ invoiceId: 'retried' });
      const sequential = [
        await relay.post(pairing.callbackUrl, body),
        await relay.post(pairing.callbackUrl, body),
      ];
      const concurrent = await Promise.all([1, 2, 3].map(() => relay.post(pairing.callbackUrl, body)));
      expect([...sequential, ...concurrent].map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(await fresh.storedBodies()).toEqual([body]);
    });

    it('stores the same body once per channel', async () => {
      const other = await relay.pair('other shop');
      const body = uapayCallback();
      expect((await relay.post(pairing.callbackUrl, body)).status).toBe(200);
      expect((await relay.post(other.callbackUrl, body)).status).toBe(200);
      expect(await fresh.storedBodies()).toEqual([body, body]);
    });

    it('refuses forged, oversized, malformed and wrongly typed callbacks with a 4xx and stores nothing', async () => {
      const jwt = signHs256({ invoiceId: 'x' }, 'k');
      const cases: Array<[string | null, string | Buffer, string, number]> = [
        [null, Buffer.from(JSON.stringify({ token: jwt })), 'no content type', 415],
        ['text/plain', JSON.stringify({ token: jwt }), 'wrong content type', 415],
        ['application/jsonp', JSON.stringify({ token: jwt }), 'look-alike content type', 415],
        ['application/x-www-form-urlencoded', `token=${jwt}`, 'form-encoded', 415],
        ['application/json', JSON.stringify({ token: jwt, pad: 'x'.repeat(BODY_LIMIT) }), 'oversized', 413],
        ['application/json', '', 'empty', 400],
        ['application/json', '{"token":', 'not JSON', 400],
        ['application/json', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'not UTF-8', 400],
        ['application/json', JSON.stringify([jwt]), 'not an object', 400],
        ['application/json', JSON.stringify({ jwt }), 'no token member', 400],
        ['application/json', JSON.stringify({ token: 42 }), 'token not a string', 400],
        ['application/json', JSON.stringify({ token: 'hello' }), 'token not a JWT', 400],
        [
          'application/json',
          JSON.stringify({ token: 'aaaa.bbbb.cccc' }),
          'forged: segments are not JSON',
          400,
        ],
        [
          'application/json',
          JSON.stringify({ token: `${b64({ alg: 'none' })}.${b64({ a: 1 })}.x` }),
          'unsigned',
          400,
        ],
        [
          'application/json',
          JSON.stringify({ token: `${b64({ typ: 'JWT' })}.${b64({ a: 1 })}.x` }),
          'no alg',
          400,
        ],
        [
          'application/json',
          JSON.stringify({ token: `${b64({ alg: 'HS256' })}.${b64('str')}.x` }),
          'payload',
          400,
        ],
      ];
      for (const [contentType, body, what, status] of cases) {
        const response = await relay.post(pairing.callbackUrl, body, contentType);
        expect(response.status, what).toBe(status);
      }
      expect(await fresh.storedBodies()).toEqual([]);
    });

    it('answers 404 for an unknown or malformed channel and stores nothing', async () => {
      const body = uapayCallback();
      for (const channel of [newChannelId(), 'short', `${pairing.channelId}x`]) {
        const response = await relay.post(`${relay.base}/uapay/callback/${channel}`, body);
        expect(response.status, channel).toBe(404);
      }
      expect(await fresh.storedBodies()).toEqual([]);
    });

    it('limits callbacks per client address and stores none beyond the limit', async () => {
      const limited = await startRelay(fresh, { env: { RELAY_RATE_LIMIT_PER_MIN: '3' }, store: relay.store });
      try {
        const url = pairing.callbackUrl.replace(relay.base, limited.base);
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) statuses.push((await limited.post(url, uapayCallback({ n: i }))).status);
        expect(statuses).toEqual([200, 200, 200, 429, 429]);
        expect(await fresh.storedBodies()).toHaveLength(3);
      } finally {
        await limited.close();
      }
    });
  });
}

reportMissingPostgres('POST /uapay/callback/<channel>');
