import { describe, expect, it } from 'vitest';
import { startRelay } from './support/relay';
import { reportMissingPostgres } from './support/postgresGate';
import { freshStore, storeKinds } from './support/stores';

for (const kind of storeKinds()) {
  describe(`relay health (${kind})`, () => {
    it('reports health with the store kind, and 503 once the store is gone', async () => {
      const fresh = await freshStore(kind);
      const relay = await startRelay(fresh);
      try {
        const response = await fetch(`${relay.base}/health`);
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ ok: true, store: kind, streams: 0 });
        await relay.store.close();
        const down = await fetch(`${relay.base}/health`);
        expect(down.status).toBe(503);
        expect(await down.json()).toEqual({ ok: false, store: kind });
      } finally {
        await relay.close();
        await fresh.dispose();
      }
    });
  });
}

reportMissingPostgres('relay health');
