import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PairingResult } from '../../electron/relay/pairing';
import { uapayCallback } from './support/callbacks';
import { startRelay, type RunningRelay } from './support/relay';
import { reportMissingPostgres } from './support/postgresGate';
import { freshStore, storeKinds, type FreshStore } from './support/stores';

const DAY = 24 * 60 * 60 * 1000;

for (const kind of storeKinds()) {
  describe(`retention (${kind})`, () => {
    let fresh: FreshStore;
    let relay: RunningRelay;
    let pairing: PairingResult;
    let now = Date.UTC(2026, 0, 10, 12);

    beforeEach(async () => {
      now = Date.UTC(2026, 0, 10, 12);
      fresh = await freshStore(kind);
      relay = await startRelay(fresh, { env: { RELAY_RETENTION_DAYS: '7' }, now: () => now });
      pairing = await relay.pair();
    });
    afterEach(async () => {
      await relay.close();
      await fresh.dispose();
    });

    it('removes events older than RELAY_RETENTION_DAYS and keeps younger ones', async () => {
      const old = [uapayCallback({ n: 1 }), uapayCallback({ n: 2 })];
      for (const body of old) await relay.post(pairing.callbackUrl, body);
      now += 6 * DAY;
      const young = uapayCallback({ n: 3 });
      await relay.post(pairing.callbackUrl, young);

      expect(await relay.relay.purgeExpired()).toBe(0);
      now += DAY + 1;
      expect(await relay.relay.purgeExpired()).toBe(2);
      expect(await fresh.storedBodies()).toEqual([young]);
      const page = await relay.catchUp(pairing.eventsUrl, pairing.token);
      expect(page.json.events.map((e) => e.body)).toEqual([young]);
      expect(page.json.events[0]!.receivedAt).toBe(new Date(Date.UTC(2026, 0, 16, 12)).toISOString());
    });

    it('never reuses an id, even after retention emptied the store (ids are desktop cursors)', async () => {
      await relay.post(pairing.callbackUrl, uapayCallback({ n: 1 }));
      await relay.post(pairing.callbackUrl, uapayCallback({ n: 2 }));
      const before = await relay.catchUp(pairing.eventsUrl, pairing.token);
      const lastId = before.json.events.at(-1)!.id;
      now += 8 * DAY;
      expect(await relay.relay.purgeExpired()).toBe(2);
      await relay.post(pairing.callbackUrl, uapayCallback({ n: 3 }));
      const after = await relay.catchUp(pairing.eventsUrl, pairing.token, `?after=${lastId}`);
      expect(after.json.events).toHaveLength(1);
      expect(after.json.events[0]!.id).toBeGreaterThan(lastId);
    });
  });
}

reportMissingPostgres('retention');
