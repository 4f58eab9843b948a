import { afterEach, describe, expect, it } from 'vitest';
import { memoryKeychain } from '../../../electron/core/demo/memoryKeychain';
import { kopiyky } from '../../../electron/shared/money';
import { openCore, openShop, STATUS_MAPPING, type Core, type Shop } from '../bulk/support';

let shop: Shop | undefined;
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  await shop?.close();
});

/** A shop with one held payment of `amount`, and the core on it with the orders list read. */
async function heldPayment(amount: number) {
  const secretStore = memoryKeychain();
  const opened = await openShop({ secretStore });
  shop = opened;
  const held = opened.held({ amount });
  const started = openCore({ dir: opened.dir, secretStore, uapayUrl: opened.sandbox.uapay.url });
  core = started;
  await started.orders.refresh({ full: true });
  return { held, shop: opened, core: started };
}

describe('a refund through the payments service', () => {
  it('computes what RetailCRM keeps from RetailCRM itself, not from a cached row that missed a refund', async () => {
    const { held, shop, core } = await heldPayment(10_000);
    await core.payments.money('payment.confirm', held.paymentId);
    await core.payments.money('payment.refund', held.paymentId, kopiyky(3_000));
    expect(shop.crmAmount(held)).toBe(7_000);

    // The row as a cache saved before that refund has it (a crash, or another desktop refunded).
    core.orders.patch(held.paymentId, { amount: kopiyky(10_000), state: 'paid' });
    await core.payments.money('payment.refund', held.paymentId, kopiyky(2_000));
    expect([shop.crmStatus(held), shop.crmAmount(held)]).toEqual([STATUS_MAPPING.partially_refunded, 5_000]);
  });

  it("journals who acted under the manager's name as Settings has it at that moment", async () => {
    const { held, core } = await heldPayment(10_000);
    await core.payments.money('payment.confirm', held.paymentId);
    await core.settings.updateGeneral({ managerName: 'Ira' });
    await core.payments.money('payment.refund', held.paymentId, kopiyky(1_000));
    const entries = await core.journal.list({ paymentId: held.paymentId });
    expect(entries.map((entry) => [entry.kind, entry.managerName])).toEqual([
      ['payment.refund', 'Ira'],
      ['payment.confirm', 'Olena'],
    ]);
  });

  it('does not replace a paid invoice that the cached row does not know about with a new link', async () => {
    const { held, shop, core } = await heldPayment(10_000);
    // As a cache saved before the link was made (a crash, or the link was made on another desktop).
    core.orders.patch(held.paymentId, { invoiceId: undefined, link: undefined, state: 'no_link' });
    await expect(core.payments.createLink(held.paymentId)).rejects.toMatchObject({
      info: { kind: 'refused', reason: 'link_paid' },
    });
    expect(shop.sandbox.retailcrm.fake.state.payment(held.paymentId)?.externalId).toBe(held.invoiceId);
    expect(shop.sandbox.uapay.fake.state.invoices()).toHaveLength(1);
  });
});
