import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kopiyky } from '../../../electron/shared/money';
import { MoneyRunner } from '../../../electron/core/payments/moneyRunner';
import { expectedPair } from '../../support/readings';
import { createWorld, MAPPING, type World } from '../../support/world';

let world: World;
let runner: MoneyRunner;
beforeEach(async () => {
  world = await createWorld();
  runner = new MoneyRunner(world.ctx);
});
afterEach(() => world.close());

const completes = (paymentId?: string) =>
  world.uapay.control.calls({ method: 'invoicer/payments/complete', ...(paymentId && { paymentId }) });

describe('confirm a held payment', () => {
  it('captures in UAPAY once, then writes paid, the amount, the date and an audit line to RetailCRM', async () => {
    const target = await world.heldPayment(150_000);
    const outcome = await runner.run('payment.confirm', target);
    expect(outcome).toMatchObject({ outcome: 'succeeded', state: 'paid', amount: 150_000 });
    expect(world.uapay.state.invoice(target.invoiceId ?? '')?.payments[0]).toMatchObject({
      ...expectedPair('captured'),
      amount: 150_000,
    });
    expect(completes()).toBe(1);
    const crm = world.crmPayment(target.paymentId);
    expect(crm).toMatchObject({ status: MAPPING.paid, amount: 150_000, externalId: target.invoiceId });
    expect(crm.paidAt).toBeTruthy();
    expect(crm.comment).toMatch(
      new RegExp(`^UAPAY: ${target.link}\\nUAPAY Desk: .* Olena: підтверджено 1500.00 UAH$`),
    );
    expect(world.journal.forOrder(target.orderId).map((op) => [op.intent.kind, op.result?.outcome])).toEqual([
      ['payment.confirm', 'succeeded'],
    ]);
  });

  it('captures a smaller amount and records what was captured', async () => {
    const target = await world.heldPayment(150_000);
    await runner.run('payment.confirm', target, { amount: kopiyky(120_000) });
    // What UAPAY took, whatever amount its reply shows after a partial capture (a reading).
    const [payment] = world.uapay.state.invoice(target.invoiceId ?? '')?.payments ?? [];
    expect(world.uapay.state.money(payment?.paymentId ?? '')?.captured).toBe(120_000);
    expect(world.crmPayment(target.paymentId)).toMatchObject({ status: MAPPING.paid, amount: 120_000 });
  });

  it('refuses more than the hold without calling UAPAY, and leaves RetailCRM as it was', async () => {
    const target = await world.heldPayment(150_000);
    await expect(runner.run('payment.confirm', target, { amount: kopiyky(150_001) })).rejects.toMatchObject({
      info: { kind: 'refused', reason: 'amount_above_limit', limit: 150_000 },
    });
    expect(completes()).toBe(0);
    expect(world.crmPayment(target.paymentId).status).toBe(MAPPING.held);
    expect(world.journal.forOrder(target.orderId)[0]?.result?.outcome).toBe('failed');
  });

  it('keeps the RetailCRM status and shows UAPAY’s text when capture is refused; a retry then succeeds', async () => {
    const target = await world.heldPayment();
    world.uapay.control.addFault({
      method: 'invoicer/payments/complete',
      kind: 'error',
      code: 'BANK_REFUSED',
      message: 'Картку заблоковано банком',
    });
    await expect(runner.run('payment.confirm', target)).rejects.toMatchObject({
      info: { kind: 'uapay', code: 'BANK_REFUSED', message: 'Картку заблоковано банком' },
    });
    expect(world.crmPayment(target.paymentId).status).toBe(MAPPING.held);
    await expect(runner.run('payment.confirm', target)).resolves.toMatchObject({ outcome: 'succeeded' });
    expect(world.crmPayment(target.paymentId).status).toBe(MAPPING.paid);
    expect(completes()).toBe(2);
  });

  it('refuses a payment someone else already captured, without sending anything', async () => {
    const target = await world.heldPayment();
    const payment = world.uapay.state.invoice(target.invoiceId ?? '')?.payments[0];
    world.uapay.state.actAsOtherParty({
      action: 'complete',
      paymentId: payment?.paymentId ?? '',
      notify: false,
    });
    world.uapay.control.resetCalls();
    await expect(runner.run('payment.confirm', target)).rejects.toMatchObject({
      info: { kind: 'refused', reason: 'not_held', state: 'paid' },
    });
    expect(completes()).toBe(0);
  });

  it('lets only one of two simultaneous confirms through', async () => {
    const target = await world.heldPayment();
    const results = await Promise.allSettled([
      runner.run('payment.confirm', target),
      runner.run('payment.confirm', target),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ info: { kind: 'busy' } });
    expect(completes()).toBe(1);
  });
});
