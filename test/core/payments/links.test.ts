import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kopiyky } from '../../../electron/shared/money';
import { addPayment } from '../../../electron/core/payments/addPayment';
import { createLink } from '../../../electron/core/payments/createLink';
import { extraInfoOf } from '../../support/readings';
import { MANUAL, AUTO, createWorld, MAPPING, type World } from '../../support/world';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(() => world.close());

const unlinkedOrder = (amount?: number, type?: string) => world.unlinkedPayment(amount, type);

describe('generate link', () => {
  it('creates a HOLD invoice for a merchant that confirms manually and writes id, link and status to RetailCRM', async () => {
    const target = unlinkedOrder(99_990);
    const result = await createLink(world.ctx, target);
    expect(result).toMatchObject({ created: true, outcome: 'succeeded' });
    const invoice = world.uapay.state.invoice(result.invoiceId);
    expect(invoice).toMatchObject({ type: 'HOLD', amount: 99_990, externalId: target.orderNumber });
    // The fake shows extraInfo as an object or as the JSON string sent, by reading.
    expect(extraInfoOf(invoice?.extraInfo)).toMatchObject({
      orderId: target.orderId,
      paymentId: target.paymentId,
    });
    expect(world.crmPayment(target.paymentId)).toMatchObject({
      externalId: result.invoiceId,
      status: MAPPING.link_sent,
    });
    expect(world.crmPayment(target.paymentId).comment?.split('\n')[0]).toBe(`UAPAY: ${result.link}`);
  });

  it("tells UAPAY the shop's thank-you page, the customer's e-mail for its receipt, and the shop and order", async () => {
    await world.settings.updateMerchant(world.merchantIds.manual, {
      redirectUrl: 'https://shop.example/thanks',
    });
    await world.settings.updateGeneral({
      smtp: { host: 'smtp.example.com', fromAddress: 'shop@example.com', fromName: 'Соняшник' },
    });
    const target = { ...unlinkedOrder(12_345), emails: ['not an address', 'buyer@customer.example'] };
    const result = await createLink(world.ctx, target);
    expect(world.uapay.state.invoice(result.invoiceId)).toMatchObject({
      redirectUrl: 'https://shop.example/thanks',
      email: 'buyer@customer.example',
      description: `Оплата замовлення №${target.orderNumber} — Соняшник`,
    });
    // Without a thank-you page or an address, neither is sent; the store's code names the shop.
    await world.settings.updateMerchant(world.merchantIds.manual, { redirectUrl: '' });
    await world.settings.updateGeneral({ smtp: null });
    const bare = unlinkedOrder(1_000);
    const invoice = world.uapay.state.invoice((await createLink(world.ctx, bare)).invoiceId);
    expect(invoice?.redirectUrl ?? undefined).toBeUndefined();
    expect(invoice?.email ?? undefined).toBeUndefined();
    expect(invoice?.description).toBe(`Оплата замовлення №${bare.orderNumber} — shop`);
  });

  it('creates a PAY invoice for an automatic merchant', async () => {
    const result = await createLink(world.ctx, unlinkedOrder(10_000, AUTO.type));
    expect(world.uapay.state.invoice(result.invoiceId)?.type).toBe('PAY');
  });

  it('returns the live link when asked again, instead of a second invoice', async () => {
    const target = unlinkedOrder();
    const first = await createLink(world.ctx, target);
    const again = await createLink(world.ctx, {
      ...target,
      state: 'link_sent',
      invoiceId: first.invoiceId,
      link: first.link,
    });
    expect(again).toMatchObject({ created: false, invoiceId: first.invoiceId, link: first.link });
    expect(world.uapay.control.calls({ method: 'invoicer/invoices/create' })).toBe(1);
  });

  it('after a declined card, reuses the link while UAPAY keeps it payable, else makes a new one', async () => {
    const target = unlinkedOrder();
    const first = await createLink(world.ctx, target);
    world.uapay.state.pay(first.invoiceId, { card: 'decline', notify: false });
    const stillPayable = world.uapay.state.invoice(first.invoiceId)?.invoiceStatus === 'ACTIVE';
    const second = await createLink(world.ctx, {
      ...target,
      state: 'failed',
      invoiceId: first.invoiceId,
      link: first.link,
    });
    if (stillPayable) {
      expect(second).toMatchObject({ created: false, invoiceId: first.invoiceId, link: first.link });
      expect(world.uapay.control.calls({ method: 'invoicer/invoices/create' })).toBe(1);
    } else {
      expect(second.created).toBe(true);
      expect(second.invoiceId).not.toBe(first.invoiceId);
      // Unique per invoice, should UAPAY refuse a repeated externalId (reference §6.1).
      expect(world.uapay.state.invoice(second.invoiceId)?.externalId).toBe(`${target.orderNumber}-2`);
    }
  });

  it('makes a new invoice when the payment’s amount changed since its link; the old one stays watched', async () => {
    const target = unlinkedOrder(50_000);
    const first = await createLink(world.ctx, target);
    const second = await createLink(world.ctx, {
      ...target,
      amount: kopiyky(45_000),
      state: 'link_sent',
      invoiceId: first.invoiceId,
      link: first.link,
    });
    expect(second.created).toBe(true);
    expect(world.uapay.state.invoice(second.invoiceId)).toMatchObject({
      amount: 45_000,
      externalId: `${target.orderNumber}-2`,
    });
    expect(world.crmPayment(target.paymentId).externalId).toBe(second.invoiceId);
  });

  it('refuses a new link for a payment that is already held', async () => {
    const target = await world.heldPayment();
    await expect(createLink(world.ctx, target)).rejects.toMatchObject({
      info: { kind: 'refused', reason: 'link_paid' },
    });
  });

  it('fails cleanly when UAPAY answers 5xx: nothing written to RetailCRM, a retry works', async () => {
    const target = unlinkedOrder();
    world.uapay.control.addFault({ method: 'invoicer/invoices/create', kind: 'http', status: 503 });
    await expect(createLink(world.ctx, target)).rejects.toMatchObject({ info: { kind: 'network' } });
    expect(world.crmPayment(target.paymentId).externalId).toBeUndefined();
    await expect(createLink(world.ctx, target)).resolves.toMatchObject({ created: true });
  });
});

describe('add a UAPAY payment', () => {
  it('adds a payment of the linked type for the unpaid remainder', async () => {
    world.crm.state.putPaymentType({ code: 'cash', name: 'cash', paymentStatuses: [MAPPING.paid ?? ''] });
    const order = world.crm.state.addOrder({
      totalSumm: kopiyky(50_000),
      payments: [{ type: 'cash', status: MAPPING.paid, amount: kopiyky(20_000) }],
    });
    const added = await addPayment(world.ctx, { orderId: order.id, merchantId: world.merchantIds.manual });
    expect(added.amount).toBe(30_000);
    expect(world.crmPayment(added.paymentId)).toMatchObject({
      type: MANUAL.type,
      amount: 30_000,
      status: MAPPING.no_link,
    });
  });

  it('asks which merchant when several fit, and refuses a second UAPAY payment', async () => {
    const order = world.crm.state.addOrder({ totalSumm: kopiyky(10_000) });
    await expect(addPayment(world.ctx, { orderId: order.id })).rejects.toMatchObject({
      info: { kind: 'refused', reason: 'not_linked' },
    });
    await addPayment(world.ctx, { orderId: order.id, merchantId: world.merchantIds.auto });
    await expect(
      addPayment(world.ctx, { orderId: order.id, merchantId: world.merchantIds.auto }),
    ).rejects.toMatchObject({
      info: { kind: 'refused', reason: 'payment_exists' },
    });
  });

  it('never creates the payment twice when RetailCRM’s reply is lost', async () => {
    const order = world.crm.state.addOrder({ totalSumm: kopiyky(10_000) });
    world.crm.control.injectFault({ route: 'orders/payments/create', kind: 'drop', afterWork: true });
    const added = await addPayment(world.ctx, { orderId: order.id, merchantId: world.merchantIds.auto });
    expect(world.crm.state.paymentsOf(order.id).map((p) => p.id)).toEqual([added.paymentId]);
    expect(world.crm.control.callCount('orders/payments/create').calls).toBe(1);
  });
});
