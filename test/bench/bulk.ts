/**
 * Bulk confirmation benchmark (not a test): `npx tsx test/bench/bulk.ts [--payments 50,500]
 * [--latency 80-150] [--rate 10] [--concurrency 12] [--memory-keychain]`.
 *
 * Seeds N held payments in the sandbox, with the RetailCRM fake limited to `--rate` requests per
 * second (reference §1.7: 10) and a latency drawn anew every few milliseconds from `--latency` on
 * both fakes. The core runs in a child process of its own (this file with `--child`), as the app
 * runs apart from RetailCRM and UAPAY: it loads the orders list (not measured: the list is loaded
 * before anyone confirms in bulk), runs the preflight (printed apart: a person reads its table
 * before starting), then the batch, headless through the core. Printed:
 *   wall time of the batch (bulk.start until it ended), the lower bound RetailCRM's limit allows
 *   for the requests the batch made (successful requests / rate), their ratio (goal ≥ 0.9),
 *   requests per payment, 503s seen (the fake's refusals) and surfaced (payments failed or left
 *   with a pending RetailCRM write because of them; goal 0), and duplicates (UAPAY complete calls
 *   beyond one per payment; must be 0).
 * RetailCRM counts are the fake's own; UAPAY's are its call log. The keychain is the OS one when a
 * Secret Service answers (as in the app), else (or with --memory-keychain) an in-memory store.
 * The core runs as it ships: the RetailCRM lock of every payment on its production timing
 * (DEFAULT_LEASE_TIMING: a 2 s wait for a concurrent writer before each UAPAY call).
 * One line per size, the last one last: `bulk: payments=<n> wall_s=<x> bound_s=<y> ratio=<y/x>
 * surfaced_503=<n> duplicates=<n>` (by default 50, then 500).
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { memoryKeychain } from '../../electron/core/demo/memoryKeychain';
import { merchantKeyAccount, RETAILCRM_API_KEY } from '../../electron/core/secrets/accounts';
import { DEFAULT_LEASE_TIMING } from '../../electron/core/payments/lease';
import { osKeychain, type SecretStore } from '../../electron/core/secrets/keychain';
import type { BulkCounts } from '../../electron/shared/channels/bulk';
import { openCore, openShop, type Held } from '../core/bulk/support';

const { values } = parseArgs({
  options: {
    payments: { type: 'string', default: '50,500' },
    latency: { type: 'string', default: '80-150' },
    rate: { type: 'string', default: '10' },
    concurrency: { type: 'string' },
    'memory-keychain': { type: 'boolean', default: false },
    child: { type: 'boolean', default: false },
  },
});
const SIZES = values.payments.split(',').map(Number);
const RATE = Number(values.rate);
const [LOW, HIGH] = values.latency.split('-').map(Number) as [number, number];
const JITTER_EVERY_MS = 5;

interface ChildResult {
  wallS: number;
  counts: BulkCounts;
  surfaced: number;
  rates: number[];
  /** Why payments failed: "kind/code: message" → count (a fast run that fails proves nothing). */
  failures: Record<string, number>;
}

/** The in-memory keychain holding the keys the parent handed over (the child cannot reach its memory). */
async function keychainWith(entries: Record<string, string>): Promise<SecretStore> {
  const keychain = memoryKeychain();
  for (const [account, secret] of Object.entries(entries)) await keychain.set(account, secret);
  return keychain;
}

/** The core's process: answers the parent's `go` lines with one JSON line per phase. */
async function child(): Promise<void> {
  const env = process.env;
  const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const say = async (message: object) => {
    process.stdout.write(`${JSON.stringify(message)}\n`);
    await lines.next();
  };
  const core = openCore({
    dir: env.DESK_DIR ?? '',
    lease: DEFAULT_LEASE_TIMING,
    ...(env.DESK_MEMORY_SECRETS
      ? { secretStore: await keychainWith(JSON.parse(env.DESK_MEMORY_SECRETS) as Record<string, string>) }
      : { keychainService: env.DESK_KEYCHAIN_SERVICE ?? '' }),
    uapayUrl: env.DESK_UAPAY_URL ?? '',
    retailCrmRequestsPerSecond: RATE,
    lookAgainMs: [500, 2_000, 5_000],
    ...(values.concurrency && { concurrency: Number(values.concurrency) }),
  });
  const loaded = await core.orders.refresh();
  await say({ phase: 'loaded', rows: loaded.total, requests: loaded.requests });
  let t0 = performance.now();
  const preflight = await core.bulk.preflight({ action: 'confirm', query: { chips: ['held'] } });
  await say({
    phase: 'preflight',
    seconds: (performance.now() - t0) / 1000,
    eligible: preflight.eligible.count,
  });
  const rates: number[] = [];
  core.events.subscribe((event, payload) => {
    if (event === 'bulk.progress' && payload.state === 'running' && payload.ratePerSecond > 0)
      rates.push(payload.ratePerSecond);
  });
  t0 = performance.now();
  const { batchId } = await core.bulk.start(preflight.preflightId);
  await core.bulk.idle();
  const wallS = (performance.now() - t0) / 1000;
  const status = (await core.bulk.status(batchId))!;
  const surfaced = status.rows.filter(
    (row) =>
      row.outcome === 'crm_pending' || (row.outcome === 'failed' && row.error?.code === 'rate_limited'),
  ).length;
  const failures: Record<string, number> = {};
  for (const row of status.rows) {
    if (row.outcome !== 'failed') continue;
    const why = `${row.error?.kind ?? '?'}/${row.error?.code ?? '-'}: ${row.error?.message?.slice(0, 90) ?? ''}`;
    failures[why] = (failures[why] ?? 0) + 1;
  }
  await core.close();
  const result: ChildResult = { wallS, counts: status.counts, surfaced, rates, failures };
  await say({ phase: 'batch', ...result });
  // The open stdin reader would keep this process (and the parent's read of its stdout) alive.
  process.exit(0);
}

async function parent(N: number): Promise<void> {
  let secretStore: SecretStore | undefined;
  let keychainName = 'memory (--memory-keychain)';
  if (!values['memory-keychain']) {
    const probe = await osKeychain(`UAPAY Desk bench probe ${process.pid}`).status();
    keychainName = probe.available
      ? `OS keychain (${probe.backend})`
      : `memory (no OS keychain: ${probe.problem})`;
    if (!probe.available) secretStore = memoryKeychain();
  } else secretStore = memoryKeychain();

  const shop = await openShop({ rateLimitPerSecond: RATE, ...(secretStore && { secretStore }) });
  const { retailcrm, uapay } = shop.sandbox;
  const all: Held[] = Array.from({ length: N }, () => shop.held());
  const between = () => LOW + Math.random() * (HIGH - LOW);
  let uapayFault = uapay.fake.control.addFault({
    method: '*',
    kind: 'latency',
    ms: between(),
    times: 'always',
  });
  const jitter = setInterval(() => {
    retailcrm.fake.control.setLatency(between());
    const next = uapay.fake.control.addFault({
      method: '*',
      kind: 'latency',
      ms: between(),
      times: 'always',
    });
    uapay.fake.control.removeFault(uapayFault);
    uapayFault = next;
  }, JITTER_EVERY_MS);

  const memorySecrets = secretStore && {
    [RETAILCRM_API_KEY]: shop.sandbox.secrets.retailCrmApiKey,
    ...Object.fromEntries(
      Object.entries(shop.sandbox.secrets.merchantKeys).map(([id, key]) => [merchantKeyAccount(id), key]),
    ),
  };
  const core = spawn(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--child', ...process.argv.slice(2), `--payments=${N}`],
    {
      env: {
        ...process.env,
        DESK_DIR: shop.dir,
        DESK_UAPAY_URL: uapay.url,
        DESK_KEYCHAIN_SERVICE: shop.keychainService,
        ...(memorySecrets && { DESK_MEMORY_SECRETS: JSON.stringify(memorySecrets) }),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const crmTotals = () => {
    let calls = 0;
    let succeeded = 0;
    for (const [key, count] of Object.entries(retailcrm.fake.control.allCounts())) {
      if (key.includes('#')) continue; // per-id counts repeat the route's
      calls += count.calls;
      succeeded += count.succeeded;
    }
    return { calls, succeeded };
  };
  const reset = () => {
    retailcrm.fake.control.resetCounts();
    uapay.fake.control.resetCalls();
  };

  let result: ChildResult | undefined;
  for await (const line of readline.createInterface({ input: core.stdout })) {
    if (!line.startsWith('{')) continue;
    const message = JSON.parse(line) as { phase: string } & Record<string, number>;
    if (message.phase === 'loaded') {
      console.log(
        `seeded ${N} held payments; orders list loaded (${message.rows} rows, ${message.requests} requests); ` +
          `latency ${LOW}-${HIGH} ms on both fakes; RetailCRM limit ${RATE}/s; keychain: ${keychainName}`,
      );
      reset();
    } else if (message.phase === 'preflight') {
      console.log(
        `preflight: ${message.seconds!.toFixed(2)} s, ${message.eligible} eligible, ${crmTotals().succeeded} RetailCRM ` +
          `requests, ${uapay.fake.control.calls({ method: 'invoicer/invoices/show/list' })} UAPAY show/list calls`,
      );
      reset();
    } else if (message.phase === 'batch') {
      result = message as unknown as ChildResult;
    }
    core.stdin.write('go\n');
  }
  clearInterval(jitter);
  if (!result) throw new Error('the core process ended without a result');

  const { wallS, counts, surfaced, rates, failures } = result;
  const crm = crmTotals();
  const boundS = crm.succeeded / RATE;
  const completes = all.map((held) => shop.calls('complete', held));
  const duplicates = completes.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const uapayCalls = uapay.fake.control.calls();
  console.log(
    `batch: ${counts.done} done, ${counts.failed} failed, ${counts.skipped} skipped in ${wallS.toFixed(2)} s ` +
      `(${(counts.done / wallS).toFixed(2)} payments/s; progress showed ${Math.min(...rates).toFixed(1)}–` +
      `${Math.max(...rates).toFixed(1)}/s)`,
  );
  for (const [why, count] of Object.entries(failures)) console.log(`  failed ${count} × ${why}`);
  console.log(
    `RetailCRM: ${crm.succeeded} requests (${(crm.succeeded / N).toFixed(2)} per payment), lower bound at ` +
      `${RATE}/s ${boundS.toFixed(2)} s; 503s seen ${crm.calls - crm.succeeded}, surfaced ${surfaced}`,
  );
  console.log(
    `UAPAY: ${uapayCalls} calls (${(uapayCalls / N).toFixed(2)} per payment); complete calls ` +
      `${completes.reduce((a, b) => a + b, 0)}, payments captured ` +
      `${all.filter((held) => shop.uapayStatus(held) === 'FINISHED').length}, duplicates ${duplicates}`,
  );
  await shop.close();
  console.log(
    `bulk: payments=${N} wall_s=${wallS.toFixed(2)} bound_s=${boundS.toFixed(2)} ` +
      `ratio=${(boundS / wallS).toFixed(3)} surfaced_503=${surfaced} duplicates=${duplicates}`,
  );
}

if (values.child) await child();
else for (const size of SIZES) await parent(size);
