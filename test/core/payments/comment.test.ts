import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kopiyky } from '../../../electron/shared/money';
import { createLink } from '../../../electron/core/payments/createLink';
import { MoneyRunner } from '../../../electron/core/payments/moneyRunner';
import { syncStatuses } from '../../../electron/core/payments/statusSync';
import { rowContext, rowsOfOrder } from '../../../electron/core/orders/rows';
import { AUTO, createWorld, MAPPING, type World } from '../../support/world';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(() => world.close());

const NOTE = 'Клієнт просив передзвонити після 18:00.\nОплата частинами — узгоджено з Ольгою.';

/** The manager's own words in the RetailCRM payment comment, beside ours. */
function addNote(paymentId: number) {
  const comment = world.crmPayment(paymentId).comment ?? '';
  world.crm.state.editPayment(paymentId, { comment: `${comment}\n${NOTE}` });
}

describe('the manager’s words in the payment comment', () => {
  it('stay through a status written by status sync, from a row built as the orders list builds it', async () => {
    const created = world.crm.state.addOrder({
      totalSumm: kopiyky(30_000),
      payments: [{ type: AUTO.type, status: MAPPING.no_link, amount: kopiyky(30_000) }],
    });
    const payment = world.crm.state.paymentsOf(created.id)[0]!;
    const target = {
      paymentId: payment.id,
      orderId: created.id,
      orderNumber: created.number,
      site: 'shop',
      merchantId: world.merchantIds.auto,
      amount: kopiyky(30_000),
      state: 'no_link' as const,
    };
    const link = await createLink(world.ctx, target);
    addNote(target.paymentId);
    world.uapay.state.pay(link.invoiceId, { card: 'success', notify: false });
    const settings = await world.settings.get();
    const order = await (await world.connections.retailCrm()).order(target.orderId);
    const [row] = rowsOfOrder(order, rowContext(settings), () => undefined, new Date());
    expect(row?.comment).toContain(NOTE);
    await syncStatuses(world.ctx, [row!]);
    expect(world.crmPayment(target.paymentId)).toMatchObject({ status: MAPPING.paid });
    expect(world.crmPayment(target.paymentId).comment).toContain(NOTE);
  });

  it('stay through a capture, and a refund, even when the cached row never saw them', async () => {
    const target = await world.heldPayment(40_000);
    addNote(target.paymentId);
    const runner = new MoneyRunner(world.ctx);
    await runner.run('payment.confirm', target); // `target.comment` predates the note
    expect(world.crmPayment(target.paymentId).comment).toContain(NOTE);
    await runner.run('payment.refund', { ...target, state: 'paid' }, { amount: kopiyky(1_000) });
    const comment = world.crmPayment(target.paymentId).comment ?? '';
    expect(comment).toContain(NOTE);
    expect(comment.split('\n')[0]).toBe(`UAPAY: ${target.link}`);
    expect(comment).not.toMatch(/UAPAY Desk lock/);
  });

  it('stay through a new link', async () => {
    const created = world.crm.state.addOrder({
      totalSumm: kopiyky(12_000),
      payments: [{ type: AUTO.type, status: MAPPING.no_link, amount: kopiyky(12_000), comment: NOTE }],
    });
    const payment = world.crm.state.paymentsOf(created.id)[0]!;
    const link = await createLink(world.ctx, {
      paymentId: payment.id,
      orderId: created.id,
      orderNumber: created.number,
      site: 'shop',
      merchantId: world.merchantIds.auto,
      amount: kopiyky(12_000),
      state: 'no_link',
    });
    const comment = world.crmPayment(payment.id).comment ?? '';
    expect(comment.split('\n')[0]).toBe(`UAPAY: ${link.link}`);
    expect(comment.endsWith(NOTE)).toBe(true);
  });

  it('keeps a manager\'s note that happens to start with "UAPAY: " when a link is made', async () => {
    const target = world.unlinkedPayment(10_000);
    world.crm.state.editPayment(target.paymentId, { comment: 'UAPAY: клієнт оплатить завтра після 12:00' });
    const result = await createLink(world.ctx, target);
    const comment = world.crmPayment(target.paymentId).comment ?? '';
    expect(comment.split('\n')).toEqual([
      `UAPAY: ${result.link}`,
      expect.stringMatching(/^UAPAY Desk: /),
      'UAPAY: клієнт оплатить завтра після 12:00',
    ]);
  });

  it('keeps a note a manager adds in RetailCRM while a refund is at UAPAY', async () => {
    const target = await world.paidPayment(60_000);
    world.uapay.control.addFault({ method: 'invoicer/payments/reverse', kind: 'latency', ms: 1_500 });
    const running = new MoneyRunner(world.ctx).run('payment.refund', target, { amount: kopiyky(10_000) });
    // Once the refund is at UAPAY, the manager edits the comment in the CRM as the CRM's form does:
    // the whole text, with a line added.
    while (world.uapay.control.calls({ method: 'invoicer/payments/reverse' }) === 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const seen = world.crmPayment(target.paymentId).comment ?? '';
    expect(seen).toMatch(/UAPAY Desk lock/);
    world.crm.state.editPayment(target.paymentId, { comment: `${seen}\n${NOTE}` });
    await expect(running).resolves.toMatchObject({ outcome: 'succeeded' });
    const comment = world.crmPayment(target.paymentId).comment ?? '';
    expect(comment).toContain(NOTE);
    expect(comment).not.toMatch(/UAPAY Desk lock/);
  });
});
