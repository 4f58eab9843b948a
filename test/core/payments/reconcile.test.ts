import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../electron/core/journal/journal';
import { MoneyRunner } from '../../../electron/core/payments/moneyRunner';
import { reconcileOpen } from '../../../electron/core/payments/reconcile';
import { JOURNAL_STEPS } from '../../../electron/shared/journalSteps';
import { createWorld, type World } from '../../support/world';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(() => world.close());

describe('reconciliation while operations run', () => {
  it('leaves alone the operations this process is still running, and closes them after a restart', async () => {
    const target = await world.heldPayment(10_000);
    const base = { orderId: target.orderId, orderNumber: target.orderNumber, merchantId: target.merchantId };
    // Begun here, nothing written after the intent: a link being made, a letter being sent, a
    // confirm still looking at UAPAY. The background round must not close them under their code
    // (found by the chaos run: "Journal operation … is already finished" as an internal error).
    const link = await world.journal.begin({ ...base, kind: 'link.create', crmPaymentId: target.paymentId });
    const letter = await world.journal.begin({
      ...base,
      kind: 'link.email',
      crmPaymentId: target.paymentId + 1,
    });
    const confirm = await world.journal.begin({
      ...base,
      kind: 'payment.confirm',
      crmPaymentId: target.paymentId + 2,
      invoiceId: target.invoiceId,
    });
    expect(await reconcileOpen(world.ctx, new MoneyRunner(world.ctx))).toBe(3);
    expect([link, letter, confirm].map((i) => world.journal.get(i.opId)?.result)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);

    // A link whose RetailCRM write failed is left open on purpose: reconciliation finishes it.
    await world.journal.step(link.opId, JOURNAL_STEPS.crmPending, {});
    await reconcileOpen(world.ctx, new MoneyRunner(world.ctx));
    expect(world.journal.get(link.opId)?.result?.outcome).toBe('reconciled');

    // After a restart the others were left by a process that is gone: they are closed.
    const reopened = await Journal.open(world.userDataDir);
    const ctx = { ...world.ctx, journal: reopened };
    expect(await reconcileOpen(ctx, new MoneyRunner(ctx))).toBe(0);
    expect(reopened.get(letter.opId)?.result?.outcome).toBe('reconciled');
    expect(reopened.get(confirm.opId)?.result).toMatchObject({ outcome: 'reconciled' });
    await reopened.close();
  });
});
