import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PairingResult } from '../../electron/relay/pairing';
import { decodePairingCode } from '../../electron/shared/pairingCode';
import { startRelay, type RunningRelay } from './support/relay';
import { reportMissingPostgres } from './support/postgresGate';
import { freshStore, storeKinds, type FreshStore } from './support/stores';

const ADMIN = 'admin-token-for-tests-0123456789';
const PUBLIC = 'https://relay.example.test/base';

for (const kind of storeKinds()) {
  describe(`/admin (${kind})`, () => {
    let fresh: FreshStore;
    let relay: RunningRelay;
    const admin = (method: string, path: string, token = ADMIN, body?: unknown) =>
      fetch(`${relay.base}/admin${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    beforeEach(async () => {
      fresh = await freshStore(kind);
      relay = await startRelay(fresh, { env: { RELAY_ADMIN_TOKEN: ADMIN, RELAY_PUBLIC_URL: `${PUBLIC}/` } });
    });
    afterEach(async () => {
      await relay.close();
      await fresh.dispose();
    });

    it('refuses calls without the admin token', async () => {
      for (const token of ['', 'admin-token-for-tests-012345678', `${ADMIN}x`]) {
        expect((await admin('GET', '/channels', token)).status).toBe(401);
        expect((await admin('POST', '/channels', token)).status).toBe(401);
      }
      expect(await relay.store.listChannels()).toEqual([]);
    });

    it('pairs a channel, adds a desktop, lists them without secrets and revokes a token', async () => {
      const created = await admin('POST', '/channels', ADMIN, { label: 'Shop till' });
      expect(created.status).toBe(201);
      const first = (await created.json()) as PairingResult;
      expect(first.callbackUrl).toBe(`${PUBLIC}/uapay/callback/${first.channelId}`);
      expect(first.eventsUrl).toBe(`${PUBLIC}/events/${first.channelId}`);
      expect(decodePairingCode(first.pairingCode)).toEqual({
        ok: true,
        value: { callbackUrl: first.callbackUrl, eventsUrl: first.eventsUrl, token: first.token },
      });

      const added = await admin('POST', `/channels/${first.channelId}/tokens`, ADMIN, { label: 'Olena' });
      expect(added.status).toBe(201);
      const second = (await added.json()) as PairingResult;
      expect(second.channelId).toBe(first.channelId);
      expect(second.token).not.toBe(first.token);
      expect((await admin('POST', '/channels/AAAAAAAAAAAAAAAAAAAAAA/tokens')).status).toBe(404);

      const listed = await admin('GET', '/channels');
      const text = await listed.text();
      expect(text).not.toContain(first.token.split('.')[1]);
      expect(text).not.toContain(second.token.split('.')[1]);
      const { channels } = JSON.parse(text) as {
        channels: Array<{ channelId: string; tokens: Array<{ tokenId: string; label: string }> }>;
      };
      expect(channels.map((c) => c.channelId)).toEqual([first.channelId]);
      expect(channels[0]!.tokens.map((t) => [t.tokenId, t.label])).toEqual([
        [first.tokenId, 'Shop till'],
        [second.tokenId, 'Olena'],
      ]);

      const local = first.eventsUrl.replace(PUBLIC, relay.base);
      expect((await relay.catchUp(local, first.token)).status).toBe(200);
      expect((await admin('POST', `/tokens/${first.tokenId}/revoke`)).status).toBe(200);
      expect((await admin('POST', `/tokens/${first.tokenId}/revoke`)).status).toBe(404);
      expect((await relay.catchUp(local, first.token)).status).toBe(401);
      expect((await relay.catchUp(local, second.token)).status).toBe(200);
    });
  });
}

describe('/admin without RELAY_ADMIN_TOKEN', () => {
  it('does not exist', async () => {
    const fresh = await freshStore('sqlite');
    const relay = await startRelay(fresh);
    try {
      const response = await fetch(`${relay.base}/admin/channels`, {
        method: 'POST',
        headers: { authorization: 'Bearer x' },
      });
      expect(response.status).toBe(404);
    } finally {
      await relay.close();
      await fresh.dispose();
    }
  });
});

reportMissingPostgres('/admin');
