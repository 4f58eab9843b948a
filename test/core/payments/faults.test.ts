import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kopiyky } from '../../../electron/shared/money';
import { MoneyRunner, type MoneyKind } from '../../../electron/core/payments/moneyRunner';
import { READING_VALUES, type UapayMethod } from '../../../electron/sandbox/uapay';
import { JOURNAL_STEPS } from '../../../electron/shared/journalSteps';
import { expectedPair } from '../../support/readings';
import { createWorld, MAPPING, type World } from '../../support/world';

let world: World;
let runner: MoneyRunner;
beforeEach(async () => {
  world = await createWorld();
  runner = new MoneyRunner(world.ctx);
});
afterEach(() => world.close());

const METHOD: Record<MoneyKind, UapayMethod> = {
  'payment.confirm': 'invoicer/payments/complete',
  'payment.cancel': 'invoicer/payments/cancel',
  'payment.refund': 'invoicer/payments/reverse',
};
/** `uapay`: the fake's label after the operation, which depends on the run's readings. */
const EXPECTED = {
  'payment.confirm': { uapay: expectedPair('captured'), crm: MAPPING.paid },
  'payment.cancel': { uapay: expectedPair('canceled'), crm: MAPPING.rejected },
  'payment.refund': { uapay: expectedPair('refunded'), crm: MAPPING.refunded },
} as const;

async function targetFor(kind: MoneyKind) {
  return kind === 'payment.refund' ? world.paidPayment(80_000) : world.heldPayment(80_000);
}
const uapayPayment = (invoiceId: string | undefined) =>
  world.uapay.state.invoice(invoiceId ?? '')?.payments[0];

describe.each(Object.keys(METHOD) as MoneyKind[])('%s under UAPAY faults', (kind) => {
  it('a lost reply (the work was done): succeeds after looking, and sends nothing twice', async () => {
    const target = await targetFor(kind);
    world.uapay.control.addFault({ method: METHOD[kind], kind: 'lostReply', reply: 'drop' });
    await expect(runner.run(kind, target)).resolves.toMatchObject({ outcome: 'succeeded' });
    expect(uapayPayment(target.invoiceId)).toMatchObject(EXPECTED[kind].uapay);
    expect(world.crmPayment(target.paymentId).status).toBe(EXPECTED[kind].crm);
    expect(world.uapay.control.calls({ method: METHOD[kind] })).toBe(1);
  });

  it('a gateway 5xx (nothing done): the payment waits for a person, RetailCRM is untouched, no second call', async () => {
    const target = await targetFor(kind);
    world.uapay.control.addFault({ method: METHOD[kind], kind: 'http', status: 502 });
    // A gateway page does not say whether UAPAY ran the call, and UAPAY's state cannot show it
    // either (a refund's trace is UNCERTAIN, §4; a capture or cancel may still be under way): the
    // payment stays locked for a person, however long it waits — never "did not happen" by time.
    await expect(runner.run(kind, target)).resolves.toMatchObject({ outcome: 'needs_attention' });
    await expect(runner.run(kind, target)).rejects.toMatchObject({ info: { kind: 'busy' } });
    const [open] = world.journal.unfinished();
    expect(await runner.reconcile(open!)).toBe(false);
    world.clock.advance(24 * 3_600_000 - 2 * 3_600_000); // a day on, the hold not yet expired
    expect(await runner.reconcile(open!)).toBe(false);
    expect(world.journal.get(open!.intent.opId)?.result).toBeUndefined();
    // The manager checked the UAPAY cabinet: it did not happen.
    await runner.resolve(world.journal.get(open!.intent.opId)!, false, {
      osUser: 'olena',
      managerName: 'Olena',
    });
    expect(world.journal.get(open!.intent.opId)?.result).toMatchObject({
      outcome: 'reconciled',
      detail: { happened: false },
    });
    expect(uapayPayment(target.invoiceId)).toMatchObject(
      expectedPair(kind === 'payment.refund' ? 'paid' : 'held'),
    );
    expect(world.crmPayment(target.paymentId).status).toBe(
      kind === 'payment.refund' ? MAPPING.paid : MAPPING.held,
    );
    expect(world.uapay.control.calls({ method: METHOD[kind] })).toBe(1);
    expect(world.journal.unfinished()).toEqual([]);
  });

  it('a timeout with the work not done: reported, nothing changed, one call', async () => {
    const target = await targetFor(kind);
    world.uapay.control.addFault({ method: METHOD[kind], kind: 'timeout' });
    const outcome = await runner.run(kind, target).then(
      (value) => value.outcome,
      (error: { info?: { kind: string } }) => error.info?.kind,
    );
    expect(outcome).toBe('needs_attention');
    expect(world.crmPayment(target.paymentId).status).toBe(
      kind === 'payment.refund' ? MAPPING.paid : MAPPING.held,
    );
    expect(world.uapay.control.calls({ method: METHOD[kind] })).toBe(1);
  });
});

describe('UAPAY slower than the app', () => {
  it('a capture UAPAY carries out after the app stopped waiting is found by a later look, not recorded as failed', async () => {
    const target = await world.heldPayment(70_000);
    // UAPAY answers after the client's timeout (1.5 s here), and only then captures.
    world.uapay.control.addFault({ method: 'invoicer/payments/complete', kind: 'latency', ms: 2_500 });
    await expect(runner.run('payment.confirm', target)).resolves.toMatchObject({
      outcome: 'needs_attention',
    });
    expect(world.crmPayment(target.paymentId).status).toBe(MAPPING.held);
    const [open] = world.journal.unfinished();
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // UAPAY finishes its work
    expect(await runner.reconcile(world.journal.get(open!.intent.opId)!)).toBe(true);
    expect(world.journal.get(open!.intent.opId)?.result).toMatchObject({
      outcome: 'reconciled',
      detail: { happened: true },
    });
    expect(world.crmPayment(target.paymentId)).toMatchObject({ status: MAPPING.paid, amount: 70_000 });
    expect(world.uapay.control.calls({ method: 'invoicer/payments/complete' })).toBe(1);
  });
});

describe('RetailCRM away after UAPAY did the work', () => {
  it('keeps the write pending in the journal, then finishes it once RetailCRM answers — without a second capture', async () => {
    const target = await world.heldPayment(50_000);
    world.crm.control.injectFault({
      route: 'orders/payments/{id}/edit',
      kind: 'status',
      status: 503,
      times: 50,
      skip: 1, // the lock goes in; the result does not
    });
    await expect(runner.run('payment.confirm', target)).resolves.toMatchObject({
      outcome: 'crm_pending',
      state: 'paid',
    });
    expect(uapayPayment(target.invoiceId)).toMatchObject(expectedPair('captured'));
    expect(world.crmPayment(target.paymentId).status).toBe(MAPPING.held);
    const [open] = world.journal.unfinished();
    expect(open?.steps.map((s) => s.step)).toEqual([
      JOURNAL_STEPS.leased,
      JOURNAL_STEPS.uapaySent,
      JOURNAL_STEPS.uapayConfirmed,
      JOURNAL_STEPS.crmPending,
    ]);
    await expect(runner.run('payment.confirm', target)).rejects.toMatchObject({ info: { kind: 'busy' } });

    world.crm.control.clearFaults();
    expect(await runner.reconcile(open!)).toBe(true);
    expect(world.crmPayment(target.paymentId)).toMatchObject({ status: MAPPING.paid, amount: 50_000 });
    expect(world.journal.get(open!.intent.opId)?.result?.outcome).toBe('reconciled');
    expect(world.uapay.control.calls({ method: 'invoicer/payments/complete' })).toBe(1);
  });

  it('retries a short RetailCRM 503 burst inside the operation', async () => {
    const target = await world.heldPayment(50_000);
    world.crm.control.injectFault({
      route: 'orders/payments/{id}/edit',
      kind: 'status',
      status: 503,
      times: 2,
    });
    await expect(runner.run('payment.confirm', target)).resolves.toMatchObject({ outcome: 'succeeded' });
    expect(world.crmPayment(target.paymentId).status).toBe(MAPPING.paid);
  });
});

describe('cancel and refund', () => {
  it('cancels a hold: UAPAY releases it and RetailCRM says rejected by manager', async () => {
    const target = await world.heldPayment(70_000);
    await expect(runner.run('payment.cancel', target)).resolves.toMatchObject({ state: 'rejected' });
    expect(uapayPayment(target.invoiceId)).toMatchObject(expectedPair('canceled'));
    expect(world.crmPayment(target.paymentId).status).toBe(MAPPING.rejected);
  });

  it('refunds part, then the rest; never more than remains', async () => {
    let target = await world.paidPayment(100_000);
    await expect(runner.run('payment.refund', target, { amount: kopiyky(30_000) })).resolves.toMatchObject({
      state: 'partially_refunded',
      amount: 30_000,
      remaining: 70_000,
    });
    expect(world.crmPayment(target.paymentId)).toMatchObject({
      status: MAPPING.partially_refunded,
      amount: 70_000,
    });
    target = { ...target, state: 'partially_refunded', amount: kopiyky(70_000) };
    await expect(runner.run('payment.refund', target, { amount: kopiyky(70_001) })).rejects.toMatchObject({
      info: { kind: 'refused', reason: 'amount_above_limit', limit: 70_000 },
    });
    await expect(runner.run('payment.refund', target)).resolves.toMatchObject({
      state: 'refunded',
      amount: 70_000,
      remaining: 0,
    });
    expect(uapayPayment(target.invoiceId)).toMatchObject(expectedPair('refunded'));
    expect(world.crmPayment(target.paymentId)).toMatchObject({ status: MAPPING.refunded, amount: 100_000 });
    expect(world.uapay.control.calls({ method: 'invoicer/payments/reverse' })).toBe(2);
  });

  it('refuses a refund of money that was never captured', async () => {
    const target = await world.heldPayment();
    await expect(runner.run('payment.refund', { ...target, state: 'paid' })).rejects.toMatchObject({
      info: { kind: 'refused', reason: 'not_captured', state: 'held' },
    });
  });
});

// Where the reversal time shows is UNCERTAIN (§3.5): only the payment's own record may carry it.
describe.each(READING_VALUES.reversedAt)('a second refund lost on the way (reversedAt: %s)', (reversedAt) => {
  it('is not taken as done from the first refund’s trace: it waits for a person, RetailCRM keeps what it kept', async () => {
    await world.close();
    world = await createWorld({ readings: { reversedAt, partialReverse: 'unchanged' } });
    runner = new MoneyRunner(world.ctx);
    let target = await world.paidPayment(100_000);
    await expect(runner.run('payment.refund', target, { amount: kopiyky(30_000) })).resolves.toMatchObject({
      state: 'partially_refunded',
    });
    target = { ...target, state: 'partially_refunded', amount: kopiyky(70_000) };
    world.clock.advance(60_000); // the first refund is a minute old
    world.uapay.control.addFault({ method: 'invoicer/payments/reverse', kind: 'timeout' });
    await expect(runner.run('payment.refund', target, { amount: kopiyky(20_000) })).resolves.toMatchObject({
      outcome: 'needs_attention',
    });
    expect(world.crmPayment(target.paymentId)).toMatchObject({
      status: MAPPING.partially_refunded,
      amount: 70_000,
    });
    expect(world.uapay.control.calls({ method: 'invoicer/payments/reverse' })).toBe(2);
  });
});
