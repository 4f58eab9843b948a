/**
 * One chaos run: a fresh world, the ops of the plan in order, then the final reconciliation and the
 * invariant checks. `findShortestFailingPrefix` re-runs prefixes of a failing plan.
 */
import { checkInvariants, moneyCalls } from './checker';
import { clearFaults, Driver } from './driver';
import type { Op } from './plan';
import type { RunReport } from './report';
import { openWorld, type World } from './world';

export interface RunOptions {
  seed: number;
  ops: readonly Op[];
  /** A line per hundred ops, for long runs. */
  progress?: (line: string) => void;
  /** Called after the final reconciliation and before the checks (tests plant a violation here). */
  beforeCheck?: (world: World, driver: Driver) => Promise<void> | void;
}

/** The clock of the final reconciliation: the app started again eleven minutes later. */
const SETTLE_SHIFT_MS = 11 * 60_000;

export async function runChaos(options: RunOptions): Promise<RunReport> {
  const started = Date.now();
  const world = await openWorld();
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
    await settle(world, driver);
    await options.beforeCheck?.(world, driver);
    const payments = driver.crmPayments();
    const violations = [...driver.violations, ...(await checkInvariants(world, payments))];
    driver.stats.payments = payments.length;
    driver.stats.moneyCalls = moneyCalls(world);
    driver.stats.wallMs = Date.now() - started;
    return { seed: options.seed, stats: driver.stats, violations };
  } finally {
    await driver.killCore();
    await world.close();
  }
}

/**
 * Faults off, the relay back, the core started again (as after a crash) ten minutes later; it
 * finishes what the journal shows open, reloads the list and asks UAPAY about every payment, as the
 * manager's "check with UAPAY" does; then it quits normally.
 */
async function settle(world: World, driver: Driver): Promise<void> {
  clearFaults(world);
  await world.relay.up();
  await driver.killCore();
  world.sandbox.uapay.fake.control.advanceClock(SETTLE_SHIFT_MS);
  const core = await driver.coreNow(SETTLE_SHIFT_MS);
  for (let round = 0; round < 20 && (await core.reconcile()) !== 0; round++)
    await new Promise((resolve) => setTimeout(resolve, 200));
  await driver.call('orders.refresh', { full: true });
  await driver.call('payments.sync', { paymentIds: driver.crmPayments().map((p) => p.id) });
  await core.reconcile();
  await driver.closeCore();
}

/**
 * The shortest prefix of `ops` that still fails, by bisection over prefix lengths (a prefix is a
 * plan of its own: see plan.ts). Timing makes a run not exactly repeatable, so the answer is the
 * shortest failing prefix found within `maxRuns` runs, not a proof that shorter ones pass.
 */
export async function findShortestFailingPrefix(
  seed: number,
  ops: readonly Op[],
  options: { maxRuns?: number; progress?: (line: string) => void } = {},
): Promise<{ length: number; report: RunReport | undefined; runs: number }> {
  let low = 1;
  let high = ops.length;
  let failing: RunReport | undefined;
  let runs = 0;
  while (low < high && runs < (options.maxRuns ?? 10)) {
    const middle = Math.floor((low + high) / 2);
    const report = await runChaos({ seed, ops: ops.slice(0, middle) });
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
