import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../../electron/relay/credentials';
import { pairNewChannel, type PairingResult } from '../../../electron/relay/pairing';
import type { RelayStore } from '../../../electron/relay/store/types';
import { uapayCallback } from '../support/callbacks';
import { startRelay, type RunningRelay } from '../support/relay';
import { SseClient } from '../support/sse';
import { reportMissingPostgres } from '../support/postgresGate';
import { PG_URL, freshStore, type FreshStore } from '../support/stores';

describe.runIf(PG_URL)('PostgreSQL store with several relay instances', () => {
  let fresh: FreshStore;
  let a: RunningRelay;
  let b: RunningRelay;
  let pairing: PairingResult;
  const streams: SseClient[] = [];
  const on = (relay: RunningRelay, url: string) => relay.base + new URL(url).pathname;

  beforeEach(async () => {
    fresh = await freshStore('postgres');
    a = await startRelay(fresh);
    b = await startRelay(fresh); // its own pool and LISTEN connection: another instance
    pairing = await pairNewChannel(a.store, 'http://relay.example.test', 'lb', Date.now());
  });
  afterEach(async () => {
    streams.splice(0).forEach((stream) => stream.drop());
    await a.close();
    await b.close();
    await fresh.dispose();
  });

  it('delivers a callback received by one instance to a stream on another within a second', async () => {
    const stream = await SseClient.open(on(a, pairing.eventsUrl), pairing.token);
    streams.push(stream);
    await stream.waitUntil((c) => c.comments.includes('connected'), 2000, 'the stream to open');
    const body = uapayCallback();
    const sent = Date.now();
    expect((await b.post(on(b, pairing.callbackUrl), body)).status).toBe(200);
    await stream.waitForMessages(1, 1000);
    expect(stream.messages()[0]!.body).toBe(body);
    expect(Date.now() - sent).toBeLessThan(1000);
  });

  it('closes a stream on one instance when its token is revoked through another', async () => {
    const stream = await SseClient.open(on(a, pairing.eventsUrl), pairing.token);
    streams.push(stream);
    await stream.waitUntil((c) => c.comments.includes('connected'), 2000, 'the stream to open');
    expect(await b.store.revokeToken(pairing.tokenId, Date.now())).toBe(true);
    await stream.waitForEnd(1000);
    expect((await a.catchUp(on(a, pairing.eventsUrl), pairing.token)).status).toBe(401);
  });

  it('keeps delivering after its LISTEN connection was cut (it reconnects and looks again)', async () => {
    const stream = await SseClient.open(on(a, pairing.eventsUrl), pairing.token);
    streams.push(stream);
    await stream.waitUntil((c) => c.comments.includes('connected'), 2000, 'the stream to open');
    const admin = new pg.Client({ connectionString: fresh.env.DATABASE_URL });
    await admin.connect();
    try {
      const cut = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'`,
      );
      expect(cut.rowCount).toBe(2); // both instances' listeners
    } finally {
      await admin.end();
    }
    const body = uapayCallback();
    expect((await b.post(on(b, pairing.callbackUrl), body)).status).toBe(200);
    await stream.waitForMessages(1, 3000);
    expect(stream.messages()[0]!.body).toBe(body);
  });

  it('never lets a reader skip an event while instances append to one channel concurrently', async () => {
    const writers: RelayStore[] = [a.store, b.store];
    const total = 400;
    let sent = 0;
    const append = async (store: RelayStore) => {
      while (sent < total) {
        const body = uapayCallback({ n: sent++ });
        const [outcome] = await store.append([
          { channelId: pairing.channelId, hash: sha256(body), body, receivedAt: Date.now() },
        ]);
        expect(outcome?.kind).toBe('stored');
      }
    };
    const seen: number[] = [];
    let writing = true;
    const read = async () => {
      let cursor = 0;
      while (writing || seen.length < total) {
        const page = await a.store.eventsAfter(pairing.channelId, cursor, 50);
        for (const event of page) seen.push(event.id);
        cursor = page.at(-1)?.id ?? cursor;
        if (!writing && page.length === 0) break;
      }
    };
    const reader = read();
    await Promise.all(
      writers.flatMap((store) => [append(store), append(store), append(store), append(store)]),
    );
    writing = false;
    await reader;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});

reportMissingPostgres('PostgreSQL store with several relay instances');
