import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kopiyky } from '../../../electron/shared/money';
import { Journal } from '../../../electron/core/journal/journal';
import type { PaymentsContext } from '../../../electron/core/payments/context';
import { DEFAULT_LEASE_TIMING } from '../../../electron/core/payments/lease';
import { MoneyRunner } from '../../../electron/core/payments/moneyRunner';
import type { MoneyKind } from '../../../electron/core/payments/moneyRunner';
import { createWorld, MAPPING, type World } from '../../support/world';

let world: World;
let other: { ctx: PaymentsContext; journal: Journal };
beforeEach(async () => {
  // The production timing of the RetailCRM lock: this is the race it exists for.
  world = await createWorld({ lease: DEFAULT_LEASE_TIMING });
  const journal = await Journal.open(await mkdtemp(path.join(os.tmpdir(), 'desk-second-')), {
    managerName: () => 'Ірина',
  });
  other = { journal, ctx: { ...world.ctx, journal, desktopId: 'desk-0000000000b2' } };
});
afterEach(async () => {
  await other.journal.close();
  await world.close();
});

const METHOD: Record<MoneyKind, string> = {
  'payment.confirm': 'invoicer/payments/complete',
  'payment.cancel': 'invoicer/payments/cancel',
  'payment.refund': 'invoicer/payments/reverse',
};

describe('two desktops, one payment', () => {
  it.each(Object.keys(METHOD) as MoneyKind[])(
    'two desktops racing %s make one UAPAY call; the other is told which desktop has it',
    async (kind) => {
      const target =
        kind === 'payment.refund' ? await world.paidPayment(60_000) : await world.heldPayment(60_000);
      const amount = kind === 'payment.refund' ? { amount: kopiyky(20_000) } : {};
      const results = await Promise.allSettled([
        new MoneyRunner(world.ctx).run(kind, target, amount),
        new MoneyRunner(other.ctx).run(kind, target, amount),
      ]);
      expect(world.uapay.control.calls({ method: METHOD[kind] as 'invoicer/payments/reverse' })).toBe(1);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused).toMatchObject({ reason: { info: { kind: 'busy', elsewhere: expect.any(Object) } } });
      // The winner's result is written, and its lock is gone from the comment.
      const expected = {
        'payment.confirm': 'paid',
        'payment.cancel': 'rejected',
        'payment.refund': 'partially_refunded',
      } as const;
      expect(world.crmPayment(target.paymentId).status).toBe(MAPPING[expected[kind]]);
      expect(world.crmPayment(target.paymentId).comment).not.toMatch(/UAPAY Desk lock/);
    },
  );

  it('a desktop keeps off a payment whose refund waits for a person on another desktop', async () => {
    const target = await world.paidPayment(60_000);
    world.uapay.control.addFault({ method: 'invoicer/payments/reverse', kind: 'http', status: 502 });
    await expect(
      new MoneyRunner(world.ctx).run('payment.refund', target, { amount: kopiyky(10_000) }),
    ).resolves.toMatchObject({
      outcome: 'needs_attention',
    });
    expect(world.crmPayment(target.paymentId).comment).toMatch(
      /UAPAY Desk lock: payment.refund .* needs-attention — Olena/,
    );
    world.clock.advance(48 * 3_600_000); // an attention mark does not expire
    await expect(new MoneyRunner(other.ctx).run('payment.refund', target)).rejects.toMatchObject({
      info: { kind: 'busy', elsewhere: { attention: true, who: 'Olena' } },
    });
    expect(world.uapay.control.calls({ method: 'invoicer/payments/reverse' })).toBe(1);
  });
});

describe('lock lines anyone can edit', () => {
  /**
   * A paid payment whose comment has, above its link, a long-expired lock line (pasted from an old
   * note, or on purpose), and below it the other desktop's lock written at `at`, as composeComment
   * writes it; and a refund run on this desktop.
   */
  async function refundUnder(at: Date) {
    const target = await world.paidPayment(60_000);
    world.crm.state.editPayment(target.paymentId, {
      comment: [
        'UAPAY Desk lock: payment.refund 2020-01-01T00:00:00.000Z desk-0000000000ff op-old',
        `UAPAY: ${target.link}`,
        `UAPAY Desk lock: payment.refund ${at.toISOString()} ${other.ctx.desktopId} op-b2 — Ірина`,
      ].join('\n'),
    });
    const run = new MoneyRunner(world.ctx).run('payment.refund', target, { amount: kopiyky(10_000) });
    return { target, run };
  }

  it('a live lock of another desktop holds the payment even when an older, expired lock line sits above it', async () => {
    const { run } = await refundUnder(world.clock.date());
    await expect(run).rejects.toMatchObject({
      info: { kind: 'busy', elsewhere: { desktopId: other.ctx.desktopId } },
    });
    expect(world.uapay.control.calls({ method: 'invoicer/payments/reverse' })).toBe(0);
  });

  it('expired lock lines of other desktops do not hold the payment, and the operation drops them', async () => {
    const { target, run } = await refundUnder(
      new Date(world.clock.date().getTime() - DEFAULT_LEASE_TIMING.ttlMs - 1_000),
    );
    await expect(run).resolves.toMatchObject({ outcome: 'succeeded' });
    expect(world.uapay.control.calls({ method: 'invoicer/payments/reverse' })).toBe(1);
    expect(world.crmPayment(target.paymentId).comment).not.toMatch(/UAPAY Desk lock/);
  });
});

describe('the lock while RetailCRM’s queue is full', () => {
  it('is taken within its window behind a bulk run’s calls at 10 a second, and the capture goes through once', async () => {
    const target = await world.heldPayment(50_000);
    const crm = await world.connections.retailCrm();
    // Twenty callers keep about two seconds of other calls waiting in the app's one limiter, as a
    // bulk run does; the lock's read and claim must not wait behind them (a 1.5 s window).
    let running = true;
    const others = Array.from({ length: 20 }, async () => {
      while (running) await crm.sites();
    });
    try {
      await expect(new MoneyRunner(world.ctx).run('payment.confirm', target)).resolves.toMatchObject({
        outcome: 'succeeded',
      });
    } finally {
      running = false;
      await Promise.all(others);
    }
    expect(world.uapay.control.calls({ method: 'invoicer/payments/complete' })).toBe(1);
    expect(world.crmPayment(target.paymentId).status).toBe(MAPPING.paid);
  }, 60_000);
});
