import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kopiyky } from '../../../electron/shared/money';
import { MoneyRunner } from '../../../electron/core/payments/moneyRunner';
import { JOURNAL_STEPS } from '../../../electron/shared/journalSteps';
import { createWorld, MAPPING, type World } from '../../support/world';

let world: World;
let runner: MoneyRunner;
beforeEach(async () => {
  world = await createWorld();
  runner = new MoneyRunner(world.ctx);
});
afterEach(() => world.close());

const reverses = () => world.uapay.control.calls({ method: 'invoicer/payments/reverse' });

describe('success is what UAPAY signs', () => {
  it('takes an unsigned "status: 1" to a refund as no proof: UAPAY’s state or a person decides', async () => {
    const target = await world.paidPayment(50_000);
    world.uapay.control.addFault({
      method: 'invoicer/payments/reverse',
      kind: 'unprovenReply',
      reply: 'unsigned',
    });
    const outcome = await runner.run('payment.refund', target, { amount: kopiyky(10_000) });
    // Where UAPAY's state shows the reversal it is done; where it cannot tell, the payment waits.
    expect(['succeeded', 'needs_attention']).toContain(outcome.outcome);
    expect(reverses()).toBe(1);
    const [open] = world.journal.unfinished();
    if (outcome.outcome === 'succeeded') {
      expect(open).toBeUndefined();
      expect(world.crmPayment(target.paymentId)).toMatchObject({
        status: MAPPING.partially_refunded,
        amount: 40_000,
      });
    } else {
      expect(open?.steps.map((s) => s.step)).toContain(JOURNAL_STEPS.needsAttention);
      expect(world.crmPayment(target.paymentId).status).toBe(MAPPING.paid);
    }
  });

  it('takes a reply signed with another key as no proof, and looks: a capture shows in UAPAY', async () => {
    const target = await world.heldPayment(50_000);
    world.uapay.control.addFault({
      method: 'invoicer/payments/complete',
      kind: 'unprovenReply',
      reply: 'bad-signature',
    });
    await expect(runner.run('payment.confirm', target)).resolves.toMatchObject({
      outcome: 'succeeded',
      amount: 50_000,
    });
    expect(
      world.journal.forOrder(target.orderId)[0]?.steps.find((s) => s.step === JOURNAL_STEPS.uapayConfirmed)
        ?.detail,
    ).toEqual({
      by: 'uapay state',
    });
  });

  it('records a signed success at once, with the operation’s own amount, without waiting for UAPAY’s state', async () => {
    const target = await world.paidPayment(50_000);
    world.uapay.control.resetCalls();
    const outcome = await runner.run('payment.refund', target, { amount: kopiyky(12_500) });
    expect(outcome).toMatchObject({ outcome: 'succeeded', amount: 12_500, remaining: 37_500 });
    expect(world.uapay.control.calls({ method: 'invoicer/invoices/show' })).toBe(1); // the look before
    const [operation] = world.journal.forOrder(target.orderId);
    expect(operation?.result).toMatchObject({
      amount: 12_500,
      remaining: 37_500,
      detail: { happened: true, moved: 12_500 },
    });
  });
});

describe('a person decides what UAPAY’s state cannot tell', () => {
  it('keeps the refund locked until a manager says it happened; then writes it, journaled with who', async () => {
    const target = await world.paidPayment(50_000);
    world.uapay.control.addFault({ method: 'invoicer/payments/reverse', kind: 'timeout' });
    await expect(runner.run('payment.refund', target, { amount: kopiyky(20_000) })).resolves.toMatchObject({
      outcome: 'needs_attention',
      amount: 20_000,
    });
    const [open] = world.journal.unfinished();
    const attention = open?.steps.find((s) => s.step === JOURNAL_STEPS.needsAttention)?.detail;
    expect(attention).toMatchObject({
      sent: { amount: 20_000 },
      uapay: { paymentStatus: expect.any(String) },
    });
    // Nothing closes it by time.
    world.clock.advance(7 * 24 * 3_600_000);
    expect(await runner.reconcile(world.journal.get(open!.intent.opId)!)).toBe(false);

    // The manager checked the UAPAY cabinet: the refund went through.
    const outcome = await runner.resolve(world.journal.get(open!.intent.opId)!, true, {
      osUser: 'olena',
      managerName: 'Olena',
    });
    expect(outcome).toMatchObject({
      outcome: 'reconciled',
      state: 'partially_refunded',
      amount: 20_000,
      remaining: 30_000,
    });
    expect(world.crmPayment(target.paymentId)).toMatchObject({
      status: MAPPING.partially_refunded,
      amount: 30_000,
    });
    const closed = world.journal.get(open!.intent.opId)!;
    expect(closed.steps.find((s) => s.step === JOURNAL_STEPS.resolved)?.detail).toMatchObject({
      happened: true,
      by: 'Olena',
    });
    expect(closed.result).toMatchObject({ outcome: 'reconciled', detail: { happened: true, moved: 20_000 } });
    expect(reverses()).toBe(1);
  });

  it('counts a refund a manager confirmed against what may still be refunded', async () => {
    const target = await world.paidPayment(50_000);
    world.uapay.control.addFault({ method: 'invoicer/payments/reverse', kind: 'timeout' });
    await runner.run('payment.refund', target, { amount: kopiyky(30_000) });
    const [open] = world.journal.unfinished();
    await runner.resolve(open!, true, { osUser: 'olena' });
    await expect(
      runner.run('payment.refund', { ...target, state: 'partially_refunded' }, { amount: kopiyky(20_001) }),
    ).rejects.toMatchObject({ info: { kind: 'refused', reason: 'amount_above_limit', limit: 20_000 } });
  });
});

describe('an invoice is bound to its payment', () => {
  it('refuses money on an invoice id pasted from another order, without calling UAPAY’s money methods', async () => {
    const mine = await world.heldPayment(10_000);
    const theirs = await world.heldPayment(10_000);
    const pasted = { ...mine, invoiceId: theirs.invoiceId };
    world.crm.state.editPayment(theirs.paymentId, { externalId: 'moved-elsewhere' });
    world.crm.state.editPayment(mine.paymentId, { externalId: theirs.invoiceId });
    await expect(runner.run('payment.confirm', pasted)).rejects.toMatchObject({
      info: { kind: 'refused', reason: 'invoice_mismatch' },
    });
    expect(world.uapay.control.calls({ method: 'invoicer/payments/complete' })).toBe(0);
  });

  it('never refunds more than UAPAY shows captured, whatever RetailCRM says', async () => {
    const target = await world.paidPayment(10_000);
    world.crm.state.editPayment(target.paymentId, { amount: kopiyky(90_000) });
    await expect(
      runner.run('payment.refund', { ...target, amount: kopiyky(90_000) }, { amount: kopiyky(50_000) }),
    ).rejects.toMatchObject({ info: { kind: 'refused', reason: 'amount_above_limit', limit: 10_000 } });
    expect(reverses()).toBe(0);
  });
});

describe('where a reverse leaves no trace in UAPAY’s state (reference §4, §3.5: UNCERTAIN)', () => {
  it('records a partial refund from its signed reply at once, and never lets it be made twice', async () => {
    const quiet = await createWorld({ readings: { partialReverse: 'unchanged', reversedAt: 'nowhere' } });
    try {
      const runner = new MoneyRunner(quiet.ctx);
      const target = await quiet.paidPayment(100_000);
      await expect(runner.run('payment.refund', target, { amount: kopiyky(30_000) })).resolves.toMatchObject({
        outcome: 'succeeded',
        amount: 30_000,
        remaining: 70_000,
      });
      expect(quiet.journal.unfinished()).toEqual([]);
      // Ten minutes on, nothing reopens it; what may still be refunded is what remains.
      quiet.clock.advance(11 * 60_000);
      await expect(
        runner.run('payment.refund', { ...target, state: 'partially_refunded' }, { amount: kopiyky(70_001) }),
      ).rejects.toMatchObject({ info: { kind: 'refused', reason: 'amount_above_limit', limit: 70_000 } });
      expect(quiet.uapay.control.calls({ method: 'invoicer/payments/reverse' })).toBe(1);
      const paymentId = quiet.uapay.state.invoice(target.invoiceId ?? '')?.payments[0]?.paymentId ?? '';
      expect(quiet.uapay.state.money(paymentId)).toMatchObject({ reversed: 30_000 });
    } finally {
      await quiet.close();
    }
  });
});
