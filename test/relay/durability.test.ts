import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pairNewChannel, type PairingResult } from '../../electron/relay/pairing';
import { uapayCallback } from './support/callbacks';
import { relayEntry, spawnRelay, type RelayProcess } from './support/child';
import { catchUpAll } from './support/relay';
import { SseClient } from './support/sse';
import { reportMissingPostgres } from './support/postgresGate';
import { freshStore, storeKinds, type FreshStore } from './support/stores';

const TOTAL = 3000;
const CONCURRENCY = 40;
const KILL_AFTER_ACKS = 600;

/**
 * Sends TOTAL distinct callbacks from CONCURRENCY loops; once `stopAfter` were answered 200 it calls
 * `interrupt` (SIGKILL / SIGTERM) and the loops stop at their next failure. Answers the bodies that
 * got a 200.
 */
async function load(
  url: string,
  stopAfter: number,
  interrupt: () => void,
  tag: string,
): Promise<Set<string>> {
  const acked = new Set<string>();
  let next = 0;
  let interrupted = false;
  let failed = false;
  const worker = async () => {
    while (next < TOTAL && !failed) {
      const body = uapayCallback({ externalId: `${tag}-${next++}` });
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await response.arrayBuffer();
        if (response.status === 200) acked.add(body);
        else if (interrupted) failed = true;
        else throw new Error(`callback answered ${response.status}`);
      } catch (error) {
        if (!interrupted) throw error;
        failed = true;
      }
      if (!interrupted && acked.size >= stopAfter) {
        interrupted = true;
        interrupt();
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return acked;
}

const rebase = (url: string, base: string) => base + new URL(url).pathname;

for (const kind of storeKinds()) {
  // Child processes on a shared 2-core machine: more time than the default 30 s, just in case.
  describe(`relay process under load (${kind})`, { timeout: 90_000 }, () => {
    let fresh: FreshStore;
    let pairing: PairingResult;
    const running: RelayProcess[] = [];
    const streams: SseClient[] = [];
    const start = async () => {
      const relay = await spawnRelay({
        ...fresh.env,
        RELAY_RATE_LIMIT_PER_MIN: '10000000',
        RELAY_CHANNEL_LIMIT_PER_MIN: '10000000',
      });
      running.push(relay);
      return relay;
    };

    beforeEach(async () => {
      fresh = await freshStore(kind);
      pairing = await pairNewChannel(
        await fresh.open({ watch: false }),
        'http://127.0.0.1',
        'load',
        Date.now(),
      );
    });
    afterEach(async () => {
      streams.splice(0).forEach((stream) => stream.drop());
      for (const relay of running.splice(0)) {
        if (relay.child.exitCode === null && relay.child.signalCode === null) relay.child.kill('SIGKILL');
        await relay.exited;
      }
      await fresh.dispose();
    });

    it('delivers every callback it answered 200 to, after a SIGKILL mid-load and a restart', async () => {
      const first = await start();
      const before = await SseClient.open(rebase(pairing.eventsUrl, first.base), pairing.token);
      streams.push(before);
      const acked = await load(
        rebase(pairing.callbackUrl, first.base),
        KILL_AFTER_ACKS,
        () => first.child.kill('SIGKILL'),
        'kill',
      );
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

      // The desktop reconnects to the restarted relay on the same data and resumes where it was.
      const second = await start();
      const lastSeen = before.events.at(-1)?.id ?? '0';
      const after = await SseClient.open(rebase(pairing.eventsUrl, second.base), pairing.token, {
        lastEventId: lastSeen,
      });
      streams.push(after);
      const delivered = () => new Set([...before.messages(), ...after.messages()].map((m) => m.body));
      await after.waitUntil(
        () => [...acked].every((body) => delivered().has(body)),
        15_000,
        'every acknowledged callback',
      );

      const all = await catchUpAll(rebase(pairing.eventsUrl, second.base), pairing.token);
      const stored = new Set(all.map((e) => e.body));
      const missing = [...acked].filter((body) => !stored.has(body));
      console.info(
        `relay ${kind} (${relayEntry().at(-1)}): ${acked.size} callbacks answered 200 before SIGKILL, ${stored.size} stored, ` +
          `${missing.length} missing; ${delivered().size} delivered over SSE across the restart`,
      );
      expect(missing).toEqual([]);
      expect(all.length).toBe(stored.size); // stored once each
      expect(all.map((e) => e.id)).toEqual(all.map((e) => e.id).sort((a, b) => a - b));
    });

    it('shuts down gracefully on SIGTERM: in-flight callbacks are committed, streams end, exit code 0', async () => {
      const relay = await start();
      const stream = await SseClient.open(rebase(pairing.eventsUrl, relay.base), pairing.token);
      streams.push(stream);
      const acked = await load(
        rebase(pairing.callbackUrl, relay.base),
        300,
        () => relay.child.kill('SIGTERM'),
        'term',
      );
      expect(await relay.exited, relay.output().slice(-3000)).toEqual({ code: 0, signal: null });
      await stream.waitForEnd(5000);
      const stored = new Set(await fresh.storedBodies());
      expect([...acked].filter((body) => !stored.has(body))).toEqual([]);
      expect(relay.output()).toContain('shutting down');
    });
  });
}

reportMissingPostgres('relay process under load');
