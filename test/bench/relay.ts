/**
 * Callback relay benchmark (not a test): `npx tsx test/bench/relay.ts [--duration 10] [--connections 50] [--bundle]`.
 *
 * For each store, a relay runs in its own process (tsx, or the production bundle with --bundle)
 * on loopback, a desktop subscribes to its event stream from this process, and autocannon posts
 * distinct UAPAY-shaped callbacks for the given time. Measured:
 *   durable_per_s    callbacks answered 200 per second (each is committed to disk before its 200),
 *                    checked against the store's count afterwards;
 *   p50/p99 ingest   autocannon's request latency;
 *   p99 delivery     from the moment a POST is sent to its event arriving on the desktop's stream.
 * PostgreSQL uses DESK_TEST_DATABASE_URL (a role with CREATEDB; a scratch database is created and
 * dropped). The last line is `relay: store=sqlite durable_per_s=… p99_ingest_ms=… p99_delivery_ms=…`,
 * after the same line for store=postgres.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { pairNewChannel } from '../../electron/relay/pairing';
import { signHs256 } from '../relay/support/callbacks';
import { ROOT, spawnRelay } from '../relay/support/child';
import { SseClient } from '../relay/support/sse';
import { PG_MISSING, PG_URL, freshStore, type StoreKind } from '../relay/support/stores';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    bundle: { type: 'boolean', default: false },
    store: { type: 'string' },
  },
});
const DURATION_S = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const BUNDLE = path.join(ROOT, 'dist/relay/index.js');
if (values.bundle && !existsSync(BUNDLE))
  throw new Error('No dist/relay/index.js: run `npm run build` first.');

interface Figures {
  durablePerS: number;
  p50IngestMs: number;
  p99IngestMs: number;
  p99DeliveryMs: number;
  delivered: number;
  answered200: number;
  stored: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function bench(kind: StoreKind): Promise<Figures> {
  const fresh = await freshStore(kind);
  try {
    const setup = await fresh.open({ watch: false });
    const pairing = await pairNewChannel(setup, 'http://127.0.0.1', 'bench', Date.now());
    await setup.close();

    const relay = await spawnRelay(
      { ...fresh.env, RELAY_RATE_LIMIT_PER_MIN: '10000000', RELAY_CHANNEL_LIMIT_PER_MIN: '10000000' },
      30_000,
      values.bundle ? [BUNDLE] : undefined,
    );
    try {
      const on = (url: string) => relay.base + new URL(url).pathname;
      const desktop = await SseClient.open(on(pairing.eventsUrl), pairing.token);
      const sentAt = new Map<number, number>();
      const deliveryMs: number[] = [];
      desktop.onEvent = (event) => {
        const arrived = performance.now();
        const { body } = JSON.parse(event.data) as { body: string };
        const token = (JSON.parse(body) as { token: string }).token;
        const { nonce } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as {
          nonce: number;
        };
        const sent = sentAt.get(nonce);
        if (sent !== undefined) deliveryMs.push(arrived - sent);
      };

      let nonce = 0;
      const result = await autocannon({
        url: on(pairing.callbackUrl),
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => {
              const n = nonce++;
              const payload = { nonce: n, invoiceId: `inv-${n}`, paymentStatus: 'FINISHED', amount: 100000 };
              sentAt.set(n, performance.now());
              return { ...request, body: JSON.stringify({ token: signHs256(payload, 'bench-key') }) };
            },
          },
        ],
      });
      const answered200 = result['2xx'];
      // Every answered callback must reach the desktop; give the stream time to drain.
      await desktop
        .waitUntil((c) => c.events.length >= answered200, 30_000, 'all events on the stream')
        .catch((error: Error) => console.error(error.message));
      desktop.drop();
      const stored = (await fresh.storedBodies()).length;
      deliveryMs.sort((x, y) => x - y);
      return {
        durablePerS: answered200 / (result.duration || DURATION_S),
        p50IngestMs: result.latency.p50,
        p99IngestMs: result.latency.p99,
        p99DeliveryMs: percentile(deliveryMs, 99),
        delivered: desktop.events.length,
        answered200,
        stored,
        errors: result.errors + result.non2xx,
      };
    } finally {
      relay.child.kill('SIGTERM');
      await relay.exited;
    }
  } finally {
    await fresh.dispose();
  }
}

function line(kind: StoreKind, f: Figures): string {
  return (
    `relay: store=${kind} durable_per_s=${Math.round(f.durablePerS)} ` +
    `p99_ingest_ms=${f.p99IngestMs.toFixed(1)} p99_delivery_ms=${f.p99DeliveryMs.toFixed(1)}`
  );
}

const kinds: StoreKind[] = values.store ? [values.store as StoreKind] : ['postgres', 'sqlite'];
const lines: string[] = [];
console.log(
  `relay benchmark: ${CONNECTIONS} connections for ${DURATION_S} s per store, relay from ${values.bundle ? 'dist/relay/index.js' : 'tsx'}`,
);
for (const kind of kinds) {
  if (kind === 'postgres' && !PG_URL) {
    console.log(`postgres: skipped (${PG_MISSING})`);
    lines.push(`relay: store=postgres skipped`);
    continue;
  }
  const f = await bench(kind);
  console.log(
    `${kind}: ${f.answered200} answered 200, ${f.stored} stored, ${f.delivered} delivered, ${f.errors} errors; ` +
      `ingest p50 ${f.p50IngestMs} ms p99 ${f.p99IngestMs} ms`,
  );
  // Each 200 promised a durable, delivered callback: a shortfall is a failure, not a figure.
  if (f.stored < f.answered200 || f.delivered < f.answered200) {
    console.log(
      `${kind}: FAILED: ${f.answered200} answered 200 but ${f.stored} stored, ${f.delivered} delivered`,
    );
    process.exitCode = 1;
  }
  lines.push(line(kind, f));
}
for (const text of lines) console.log(text);
