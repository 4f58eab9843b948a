import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kopiyky } from '../../../electron/shared/money';
import type { OrderRow } from '../../../electron/shared/orders';
import { createLink } from '../../../electron/core/payments/createLink';
import { syncStatuses } from '../../../electron/core/payments/statusSync';
import { MoneyRunner } from '../../../electron/core/payments/moneyRunner';
import type { PaymentTarget } from '../../../electron/core/payments/context';
import { AUTO, MANUAL, createWorld, MAPPING, recordRowPatches, type World } from '../../support/world';

let world: World;
let patches: Map<number, Partial<OrderRow>>;
beforeEach(async () => {
  world = await createWorld();
  patches = recordRowPatches(world);
});
afterEach(() => world.close());

const row = (target: PaymentTarget, extra?: Partial<OrderRow>) => world.rowOf(target, extra);

async function linkSent(type: string, amount = 25_000): Promise<OrderRow> {
  const order = world.crm.state.addOrder({
    totalSumm: kopiyky(amount),
    payments: [{ type, status: MAPPING.no_link, amount: kopiyky(amount) }],
  });
  const payment = world.crm.state.paymentsOf(order.id)[0]!;
  const target: PaymentTarget = {
    paymentId: payment.id,
    orderId: order.id,
    orderNumber: order.number,
    site: 'shop',
    merchantId: type === MANUAL.type ? world.merchantIds.manual : world.merchantIds.auto,
    amount: kopiyky(amount),
    state: 'no_link',
  };
  const link = await createLink(world.ctx, target);
  return row({ ...target, invoiceId: link.invoiceId, link: link.link, state: 'link_sent' });
}

const edits = () => world.crm.control.callCount('orders/payments/{id}/edit').calls;

describe('status sync', () => {
  it('sees a paid link of an automatic merchant and writes paid, the amount and the date — no manager needed', async () => {
    const r = await linkSent(AUTO.type, 31_415);
    world.uapay.state.pay(r.invoiceId ?? '', { card: 'success', notify: false });
    expect(await syncStatuses(world.ctx, [r])).toMatchObject({ checked: 1, changed: 1 });
    expect(world.crmPayment(r.paymentId)).toMatchObject({ status: MAPPING.paid, amount: 31_415 });
    expect(world.crmPayment(r.paymentId).paidAt).toBeTruthy();
    expect(patches.get(r.paymentId)).toMatchObject({ state: 'paid', crmStatus: MAPPING.paid });
  });

  it('sees a hold, records its age and end, and writes held', async () => {
    const r = await linkSent(MANUAL.type);
    world.uapay.state.pay(r.invoiceId ?? '', { card: 'success', notify: false });
    await syncStatuses(world.ctx, [r]);
    expect(world.crmPayment(r.paymentId).status).toBe(MAPPING.held);
    const facts = patches.get(r.paymentId)?.uapay;
    expect(facts?.amount).toBe(25_000);
    expect(Date.parse(facts?.holdExpiresAt ?? '') - Date.parse(facts?.heldSince ?? '')).toBe(168 * 3_600_000);
  });

  it('writes failed after a declined card', async () => {
    const r = await linkSent(MANUAL.type);
    world.uapay.state.pay(r.invoiceId ?? '', { card: 'decline', notify: false });
    await syncStatuses(world.ctx, [r]);
    expect(world.crmPayment(r.paymentId).status).toBe(MAPPING.failed);
  });

  it('calls a link nobody paid before it expired failed, and the hosted page refuses it', async () => {
    const r = await linkSent(MANUAL.type);
    world.clock.advance(72 * 3_600_000 + 60_000); // the payment-link lifetime setting
    await syncStatuses(world.ctx, [r]);
    expect(world.crmPayment(r.paymentId).status).toBe(MAPPING.failed);
    expect(() => world.uapay.state.pay(r.invoiceId ?? '', { card: 'success', notify: false })).toThrow(
      /expired/,
    );
  });

  it('shows an expired hold as expired', async () => {
    const target = await world.heldPayment();
    world.clock.advance(168 * 3_600_000 + 60_000);
    await syncStatuses(world.ctx, [row(target)]);
    expect(world.crmPayment(target.paymentId).status).toBe(MAPPING.expired);
  });

  it('writes nothing when UAPAY’s state is what RetailCRM already says', async () => {
    const target = await world.heldPayment();
    const before = edits();
    expect(await syncStatuses(world.ctx, [row(target)])).toMatchObject({ checked: 1, changed: 0 });
    expect(edits()).toBe(before);
  });

  it('reads many invoices in lists of 100, not one call each', async () => {
    const rows = [];
    for (let i = 0; i < 120; i++) rows.push(row(await world.heldPayment(1_000 + i)));
    world.uapay.control.resetCalls();
    await syncStatuses(world.ctx, rows);
    expect(world.uapay.control.calls({ method: 'invoicer/invoices/show/list' })).toBe(2);
    // UNCERTAIN (reference §3.4): where list items are only summaries, each invoice is read whole.
    const whole = world.uapay.control.readings().showList === 'summary' ? 120 : 0;
    expect(world.uapay.control.calls({ method: 'invoicer/invoices/show' })).toBe(whole);
  });

  it('leaves a payment alone while an operation runs on it', async () => {
    const r = await linkSent(AUTO.type);
    world.uapay.state.pay(r.invoiceId ?? '', { card: 'success', notify: false });
    await world.journal.begin({ kind: 'payment.refund', orderId: r.orderId, crmPaymentId: r.paymentId });
    expect(await syncStatuses(world.ctx, [r])).toMatchObject({ changed: 0 });
    expect(world.crmPayment(r.paymentId).status).toBe(MAPPING.link_sent);
  });
});

// §4: what a full refund leaves is UNCERTAIN; under this reading it reads like a partial one.
describe('status sync on a row behind RetailCRM', () => {
  it('never moves a payment another desktop refunded back to partly refunded', async () => {
    await world.close();
    world = await createWorld({ readings: { fullReverse: 'REVERSED/RETURNED' } });
    const target = await world.paidPayment(40_000);
    // The other desktop refunds it all; this desktop's row still says paid.
    await new MoneyRunner(world.ctx).run('payment.refund', target);
    expect(world.crmPayment(target.paymentId).status).toBe(MAPPING.refunded);
    const stale = world.rowOf({ ...target, state: 'paid' });
    await syncStatuses(world.ctx, [stale], { only: new Set([stale.paymentId]) });
    expect(world.crmPayment(target.paymentId)).toMatchObject({ status: MAPPING.refunded, amount: 40_000 });
  });
});
