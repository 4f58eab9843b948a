/**
 * One chaos run: a fresh world, the ops of the plan in order, then the final settle (every desktop
 * reconciles, a manager answers what waits for a person, the list is checked with UAPAY) and the
 * invariant checks. `findShortestFailingPrefix` re-runs prefixes of a failing plan.
 */
import type { OrderRow } from '../../electron/shared/orders';
import { checkInvariants, moneyCalls } from './checker';
import { clearFaults, Driver } from './driver';
import type { DeskIndex, Op } from './plan';
import type { RunReport } from './report';
import { callsBySend, carriedOut, readJournals, sendsOf } from './truth';
import { openWorld, type World, type WorldOptions } from './world';

export interface RunOptions {
  seed: number;
  ops: readonly Op[];
  /** A line per hundred ops, for long runs. */
  progress?: (line: string) => void;
  /** The world's options (the lock timing, the UAPAY fake's); default the run's own. */
  world?: WorldOptions;
  /**
   * Called after the final settle and before the checks, with the first desktop's list then
   * (tests plant a violation here).
   */
  beforeCheck?: (world: World, driver: Driver, rows: OrderRow[] | undefined) => Promise<void> | void;
}

/**
 * The clock of the final settle: the desktops start again sixteen minutes later, past the
 * RetailCRM lock's expiry (lease.ts, 15 min), so a lock a killed desktop left behind no longer
 * keeps the other desktop's status sync off the payment.
 */
const SETTLE_SHIFT_MS = 16 * 60_000;

/** How long the fake may take to finish the requests it holds (a late reply's work) before the settle. */
const UAPAY_IDLE_MS = 20_000;

const DESKS: readonly DeskIndex[] = [0, 1];

export async function runChaos(options: RunOptions): Promise<RunReport> {
  const started = Date.now();
  const world = await openWorld(options.world);
  const driver = new Driver(world);
  try {
    await driver.setUp();
    for (const [index, op] of options.ops.entries()) {
      await driver.run(op, index);
      if ((index + 1) % 100 === 0)
        options.progress?.(
          `  op ${index + 1}/${options.ops.length}, ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
    }
    const rows = await settle(world, driver);
    await options.beforeCheck?.(world, driver, rows);
    const payments = driver.crmPayments();
    const violations = [...driver.violations, ...(await checkInvariants(world, payments, rows))];
    driver.stats.payments = payments.length;
    driver.stats.moneyCalls = moneyCalls(world);
    driver.stats.wallMs = Date.now() - started;
    return { seed: options.seed, stats: driver.stats, violations };
  } finally {
    await driver.killAll();
    await world.close();
  }
}

/**
 * The end of the day. Faults off, the relay back, UAPAY done with what it received; every desktop
 * starts again (as after a crash) sixteen minutes later and finishes what its journal shows open.
 * What UAPAY's state cannot settle waits for a person: a manager looks in the UAPAY cabinet (the
 * fake's records, truth.ts) and answers each such operation on its desktop. Then the first
 * desktop reloads the list and asks UAPAY about every payment, as "check with UAPAY" does, and
 * quits normally. Resolves to its list then.
 */
async function settle(world: World, driver: Driver): Promise<OrderRow[] | undefined> {
  clearFaults(world);
  await world.relay.up();
  await driver.killAll();
  await uapayIdle(world);
  world.sandbox.uapay.fake.control.advanceClock(SETTLE_SHIFT_MS);
  const desks = DESKS.filter((desk) => driver.started(desk));
  for (const desk of desks) {
    await reconcileOn(driver, desk);
    await driver.closeCore(desk);
  }

  const answers = await managerAnswers(world);
  for (const desk of desks) {
    const mine = answers.filter((answer) => answer.desk === desk);
    if (mine.length === 0) continue;
    await driver.coreNow(desk, SETTLE_SHIFT_MS);
    for (const { paymentId, opId, happened } of mine) {
      const resolved = await driver.call('payments.resolve', { paymentId, opId, happened }, { desk });
      if (resolved?.ok) driver.stats.resolved[happened ? 'happened' : 'notHappened'] += 1;
    }
    await reconcileOn(driver, desk);
    await driver.closeCore(desk);
  }

  await driver.coreNow(0, SETTLE_SHIFT_MS);
  await driver.call('orders.refresh', { full: true });
  await driver.call('payments.sync', { paymentIds: driver.crmPayments().map((p) => p.id) });
  await (await driver.coreNow(0, SETTLE_SHIFT_MS)).reconcile();
  const rows = await driver.rows(0);
  await driver.closeCore(0);
  return rows;
}

/** A desktop's core (started if need be) finishes what its journal shows open, until nothing moves. */
async function reconcileOn(driver: Driver, desk: DeskIndex): Promise<void> {
  const core = await driver.coreNow(desk, SETTLE_SHIFT_MS);
  let open = -1;
  for (let round = 0; round < 20; round++) {
    const now = await core.reconcile();
    if (now === 0 || now === open) return;
    open = now;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** UAPAY finishes every request it holds (work arriving after the app gave up, too). */
async function uapayIdle(world: World): Promise<void> {
  const until = Date.now() + UAPAY_IDLE_MS;
  const control = world.sandbox.uapay.fake.control;
  while (control.callLog().some((call) => call.outcome === 'pending') && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

interface Answer {
  desk: DeskIndex;
  paymentId: number;
  opId: string;
  happened: boolean;
}

/**
 * The manager's answer to each operation that needs attention, read from the UAPAY cabinet: did
 * UAPAY carry out the capture, cancel or refund that operation sent? (The journals are read while
 * no core runs.)
 */
async function managerAnswers(world: World): Promise<Answer[]> {
  const journals = await readJournals(world);
  const calls = callsBySend(world, sendsOf(journals));
  return journals.flatMap((operations, desk) =>
    operations
      .filter((op) => !op.result && op.steps.some((step) => step.step === 'needs-attention'))
      .map((op) => ({
        desk: desk as DeskIndex,
        paymentId: op.intent.crmPaymentId,
        opId: op.intent.opId,
        happened: carriedOut(calls.of(op.intent.opId)),
      })),
  );
}

/**
 * The shortest prefix of `ops` that still fails, by bisection over prefix lengths (a prefix is a
 * plan of its own: see plan.ts). Timing makes a run not exactly repeatable, so the answer is the
 * shortest failing prefix found within `maxRuns` runs, not a proof that shorter ones pass.
 */
export async function findShortestFailingPrefix(
  seed: number,
  ops: readonly Op[],
  options: { maxRuns?: number; progress?: (line: string) => void; world?: WorldOptions } = {},
): Promise<{ length: number; report: RunReport | undefined; runs: number }> {
  let low = 1;
  let high = ops.length;
  let failing: RunReport | undefined;
  let runs = 0;
  while (low < high && runs < (options.maxRuns ?? 10)) {
    const middle = Math.floor((low + high) / 2);
    const report = await runChaos({
      seed,
      ops: ops.slice(0, middle),
      ...(options.world && { world: options.world }),
    });
    runs += 1;
    const fails = report.violations.length > 0;
    options.progress?.(`  prefix ${middle}: ${fails ? `fails (${report.violations.length})` : 'passes'}`);
    if (fails) {
      high = middle;
      failing = report;
    } else low = middle + 1;
  }
  return { length: high, report: failing, runs };
}
