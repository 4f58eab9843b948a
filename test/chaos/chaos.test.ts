import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../electron/core/journal/journal';
import { kopiyky } from '../../electron/shared/money';
import { checkInvariants } from './checker';
import { plan, type Op } from './plan';
import { summary, violationLines } from './report';
import { runChaos } from './run';

/** The fixed seed CI runs; `npm run chaos -- --seed 20261128 --ops 300` is the same run. */
const CI_SEED = 20_261_128;
const CI_OPS = 300;

describe('the chaos run', () => {
  it(`keeps money, statuses and the journal right through ${CI_OPS} seeded operations, faults and kills`, async () => {
    const report = await runChaos({ seed: CI_SEED, ops: plan(CI_SEED, CI_OPS) });
    console.log(summary(report));
    expect(violationLines(report.violations)).toBe('');
    // A run that moved no money, injected nothing or never killed the core proves nothing.
    expect(report.stats.moneyCalls).toBeGreaterThan(5);
    expect(report.stats.faults.uapay + report.stats.faults.crm).toBeGreaterThan(5);
    expect(report.stats.kills.between + report.stats.kills.inside).toBeGreaterThan(2);
  }, 420_000);

  it('reports a RetailCRM amount that differs from UAPAY and an intent left without a result', async () => {
    // A paid link of the automatic merchant, no faults: every invariant holds before the tampering.
    const ops: Op[] = [
      { op: 'add', pick: 0, merchant: 'auto' },
      { op: 'refresh', full: false },
      { op: 'link', pick: 0.5 },
      { op: 'pay', pick: 0, card: 'success' },
      { op: 'sync', all: true },
    ];
    let tampered: number | undefined;
    const report = await runChaos({
      seed: 0,
      ops,
      async beforeCheck(world, driver) {
        const payments = driver.crmPayments();
        expect(await checkInvariants(world, payments)).toEqual([]);
        const paid = payments.find((p) => p.state === 'paid');
        expect(paid).toBeDefined();
        tampered = paid!.id;
        world.sandbox.retailcrm.fake.state.editPayment(paid!.id, { amount: kopiyky(paid!.amount + 1) });
        const orphan = { t: 'intent', opId: 'planted', at: new Date().toISOString(), kind: 'payment.refund' };
        await appendFile(
          path.join(world.dir, JOURNAL_FILE),
          `${JSON.stringify({ ...orphan, actor: { osUser: 'test' }, orderId: 1, crmPaymentId: paid!.id })}\n`,
        );
      },
    });
    expect(report.violations.map((v) => [v.kind, v.paymentId])).toEqual([
      ['money', tampered],
      ['journal', tampered],
    ]);
  }, 120_000);
});
