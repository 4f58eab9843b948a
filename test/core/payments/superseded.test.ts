import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kopiyky } from '../../../electron/shared/money';
import type { OrderRow } from '../../../electron/shared/orders';
import { createLink } from '../../../electron/core/payments/createLink';
import { MoneyRunner } from '../../../electron/core/payments/moneyRunner';
import type { PaymentTarget } from '../../../electron/core/payments/context';
import { syncStatuses } from '../../../electron/core/payments/statusSync';
import { AUTO, MANUAL, createWorld, MAPPING, recordRowPatches, type World } from '../../support/world';

let world: World;
let patches: Map<number, Partial<OrderRow>>;
beforeEach(async () => {
  world = await createWorld();
  patches = recordRowPatches(world);
});
afterEach(() => world.close());

const order = (type: string, amount: number) => world.unlinkedPayment(amount, type);
const row = (target: PaymentTarget, extra?: Partial<OrderRow>) => world.rowOf(target, extra);

/** A payment whose first link (for 500 ₴) was superseded by a second one after its amount changed. */
async function superseded(type: string) {
  const target = order(type, 50_000);
  const first = await createLink(world.ctx, target);
  world.crm.state.editPayment(target.paymentId, { amount: kopiyky(45_000) });
  const changed = { ...target, amount: kopiyky(45_000), state: 'link_sent' as const };
  const second = await createLink(world.ctx, { ...changed, invoiceId: first.invoiceId, link: first.link });
  expect(second.invoiceId).not.toBe(first.invoiceId);
  return {
    target: changed,
    first,
    second,
    row: row({ ...changed, invoiceId: second.invoiceId, link: second.link }),
  };
}

describe('money on a superseded link', () => {
  it('is found by the order’s externalIds and written against its payment (PAY: paid, with what was paid)', async () => {
    const { first, row: r } = await superseded(AUTO.type);
    // The customer pays from the first e-mail.
    world.uapay.state.pay(first.invoiceId, { card: 'success', notify: false });
    expect(await syncStatuses(world.ctx, [r])).toMatchObject({ checked: 1, changed: 1 });
    expect(world.crmPayment(r.paymentId)).toMatchObject({
      status: MAPPING.paid,
      amount: 50_000,
      externalId: first.invoiceId,
    });
    expect(patches.get(r.paymentId)).toMatchObject({ state: 'paid', invoiceId: first.invoiceId });
  });

  it('is seen on a hold too, which is then confirmed on the invoice that holds it', async () => {
    const { first, row: r } = await superseded(MANUAL.type);
    world.uapay.state.pay(first.invoiceId, { card: 'success', notify: false });
    await syncStatuses(world.ctx, [r]);
    expect(world.crmPayment(r.paymentId)).toMatchObject({
      status: MAPPING.held,
      externalId: first.invoiceId,
    });
  });

  it('flags money on two invoices of one payment for a person, with the extra one named', async () => {
    const { first, second, row: r } = await superseded(AUTO.type);
    world.uapay.state.pay(second.invoiceId, { card: 'success', notify: false });
    world.uapay.state.pay(first.invoiceId, { card: 'success', notify: false });
    await syncStatuses(world.ctx, [r]);
    expect(world.crmPayment(r.paymentId)).toMatchObject({
      status: MAPPING.paid,
      externalId: second.invoiceId,
    });
    expect(patches.get(r.paymentId)?.uapay?.extra).toEqual([
      expect.objectContaining({ invoiceId: first.invoiceId, state: 'paid', amount: 50_000 }),
    ]);

    // The extra money goes back; the payment keeps its own invoice, status and amount.
    const paid = row(
      { ...r, state: 'paid', amount: kopiyky(45_000) },
      { uapay: patches.get(r.paymentId)?.uapay },
    );
    const outcome = await new MoneyRunner(world.ctx).run(
      'payment.refund',
      { ...paid, invoiceId: first.invoiceId, state: 'paid' },
      { extra: true },
    );
    expect(outcome).toMatchObject({ outcome: 'succeeded', amount: 50_000 });
    expect(
      world.uapay.control.calls({ method: 'invoicer/payments/reverse', invoiceId: first.invoiceId }),
    ).toBe(1);
    expect(world.crmPayment(r.paymentId)).toMatchObject({
      status: MAPPING.paid,
      amount: 45_000,
      externalId: second.invoiceId,
    });
    await syncStatuses(world.ctx, [paid]);
    expect(patches.get(r.paymentId)?.uapay?.extra).toBeUndefined();
  });

  it('keeps watching an older link that can still be paid, even once the payment is paid', async () => {
    const { first, second, row: r } = await superseded(AUTO.type);
    world.uapay.state.pay(second.invoiceId, { card: 'success', notify: false });
    await syncStatuses(world.ctx, [r]);
    const facts = patches.get(r.paymentId)?.uapay;
    expect(facts?.openInvoices).toBe(1);
    // Later the first link is paid too: the next round (not asked about this row) still sees it.
    world.uapay.state.pay(first.invoiceId, { card: 'success', notify: false });
    const paidRow = row({ ...r, state: 'paid', invoiceId: second.invoiceId }, { uapay: facts });
    await syncStatuses(world.ctx, [paidRow]);
    expect(patches.get(r.paymentId)?.uapay?.extra?.[0]?.invoiceId).toBe(first.invoiceId);
  });

  it('never writes a payment from an invoice that does not say it belongs to it', async () => {
    const mine = order(AUTO.type, 20_000);
    const other = order(AUTO.type, 20_000);
    // Another order's paid invoice, whose id someone pasted into this payment in RetailCRM.
    const theirs = world.uapay.state.createInvoice(AUTO.clientId, {
      type: 'PAY',
      amount: 20_000,
      externalId: other.orderNumber,
      description: other.orderNumber,
      extraInfo: JSON.stringify({ orderId: other.orderId, paymentId: other.paymentId }),
    });
    world.uapay.state.pay(theirs.id, { card: 'success', notify: false });
    world.crm.state.editPayment(mine.paymentId, { externalId: theirs.id, status: MAPPING.link_sent });
    await syncStatuses(world.ctx, [row({ ...mine, invoiceId: theirs.id, state: 'link_sent' })]);
    expect(world.crmPayment(mine.paymentId).status).toBe(MAPPING.link_sent);
  });
});
