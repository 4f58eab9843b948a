import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kopiyky } from '../../../electron/shared/money';
import type { OrderRow } from '../../../electron/shared/orders';
import { createLink } from '../../../electron/core/payments/createLink';
import { syncStatuses } from '../../../electron/core/payments/statusSync';
import type { PaymentTarget } from '../../../electron/core/payments/context';
import { AUTO, MANUAL, createWorld, MAPPING, type World } from '../../support/world';

let world: World;
const patches = new Map<number, Partial<OrderRow>>();
beforeEach(async () => {
  world = await createWorld();
  patches.clear();
  world.ctx.onRowChange = (id, patch) => patches.set(id, { ...patches.get(id), ...patch });
});
afterEach(() => world.close());

function row(target: PaymentTarget, extra: Partial<OrderRow> = {}): OrderRow {
  return {
    ...target,
    createdAt: new Date().toISOString(),
    customerName: 'Тарас Шевченко',
    emails: [],
    phones: [],
    orderTotal: target.amount,
    paymentType: target.merchantId === world.merchantIds.manual ? MANUAL.type : AUTO.type,
    ...extra,
  };
}

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
    expect(world.uapay.control.calls({ method: 'invoicer/invoices/show' })).toBe(0);
  });

  it('leaves a payment alone while an operation runs on it', async () => {
    const r = await linkSent(AUTO.type);
    world.uapay.state.pay(r.invoiceId ?? '', { card: 'success', notify: false });
    await world.journal.begin({ kind: 'payment.refund', orderId: r.orderId, crmPaymentId: r.paymentId });
    expect(await syncStatuses(world.ctx, [r])).toMatchObject({ changed: 0 });
    expect(world.crmPayment(r.paymentId).status).toBe(MAPPING.link_sent);
  });
});
