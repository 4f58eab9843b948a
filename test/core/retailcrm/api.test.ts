import { describe, expect, it } from 'vitest';
import { RetailCrmApi } from '../../../electron/core/retailcrm/api';
import { RetailCrmClient } from '../../../electron/core/retailcrm/client';
import { RetailCrmError } from '../../../electron/core/retailcrm/errors';
import { kopiyky } from '../../../electron/shared/money';
import { FULL_KEY, SHOP_B_KEY, startAccount } from './account';

function api(url: string, apiKey = FULL_KEY): RetailCrmApi {
  return new RetailCrmApi(new RetailCrmClient({ origin: url, apiKey, backoffMs: 5, timeoutMs: 2_000 }));
}

describe('RetailCRM API: reference books and credentials', () => {
  it('reads what the key may do from the unversioned /api/credentials', async () => {
    const { url } = await startAccount();
    expect(await api(url, SHOP_B_KEY).credentials()).toEqual({
      scopes: ['order_read', 'order_write', 'reference_read', 'reference_write', 'customer_read'],
      credentials: expect.arrayContaining(['/api/orders', '/api/orders/payments/create']) as string[],
      siteAccess: 'access_selective',
      sitesAvailable: ['shop-b'],
    });
  });

  it('turns the keyed reference books into lists and reads the base currency', async () => {
    const { url } = await startAccount({ baseCurrency: 'USD' });
    const crm = api(url);
    expect((await crm.sites()).map((s) => s.code)).toEqual(['shop-a', 'shop-b']);
    expect(await crm.currencies()).toEqual([
      expect.objectContaining({ code: 'USD', isBase: true }),
      expect.objectContaining({ code: 'UAH', isBase: false }),
    ]);
    expect(await crm.paymentStatuses()).toContainEqual(
      expect.objectContaining({ code: 'paid', name: 'Оплачено', paymentComplete: true }),
    );
    expect(await crm.paymentTypes()).toContainEqual(
      expect.objectContaining({ code: 'bank-card', paymentStatuses: ['not-paid', 'paid'] }),
    );
  });

  it('creates a payment status linked to payment types', async () => {
    const { url, fake } = await startAccount();
    await api(url).editPaymentStatus('uapay-held', {
      name: 'Заблоковано',
      active: true,
      paymentComplete: false,
      paymentTypes: ['bank-card'],
    });
    expect(fake.state.refs.paymentStatuses.get('uapay-held')).toMatchObject({
      name: 'Заблоковано',
      paymentComplete: false,
    });
    expect(fake.state.refs.statusesOfType('bank-card')).toContain('uapay-held');
  });
});

describe('RetailCRM API: orders', () => {
  it('walks every page of a filtered list, 100 at a time', async () => {
    const { url, fake } = await startAccount();
    for (let i = 0; i < 230; i++) {
      fake.state.addOrder({
        site: 'shop-a',
        totalSumm: kopiyky(100_00 + i),
        payments: i % 10 === 0 ? [] : [{ type: 'bank-card', amount: kopiyky(100_00 + i) }],
      });
    }
    const pages: number[] = [];
    const ids = new Set<number>();
    for await (const page of api(url).allOrders({ paymentTypes: ['bank-card'] })) {
      pages.push(page.length);
      for (const order of page) ids.add(order.id);
    }
    expect(pages).toEqual([100, 100, 7]);
    expect(ids.size).toBe(207);
    expect(fake.control.callCount('orders').calls).toBe(3);
  });

  it('asks for the next page while the caller handles this one, and reads no further when it stops', async () => {
    const { url, fake } = await startAccount();
    for (let i = 0; i < 230; i++)
      fake.state.addOrder({ site: 'shop-a', payments: [{ type: 'bank-card', amount: kopiyky(100_00) }] });
    const asked: number[] = [];
    for await (const page of api(url).allOrders({ paymentTypes: ['bank-card'] })) {
      // Handling the first page takes a while: the second is on its way meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 300));
      asked.push(fake.control.callCount('orders').calls);
      if (page.length > 0) break;
    }
    expect(asked).toEqual([2]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.control.callCount('orders').calls).toBe(2);
  });

  it('yields one empty page when nothing matches', async () => {
    const { url } = await startAccount();
    const pages = [];
    for await (const page of api(url).allOrders({ paymentTypes: ['nobody-uses-this'] })) pages.push(page);
    expect(pages).toEqual([[]]);
  });

  it('asks for a small page to learn whether any order uses a payment type', async () => {
    const { url, fake } = await startAccount();
    fake.state.addOrder({
      site: 'shop-a',
      totalSumm: kopiyky(10_00),
      payments: [{ type: 'cash', amount: kopiyky(10_00) }],
    });
    const { orders, pagination } = await api(url).orders({ paymentTypes: ['cash'] }, 1, 20);
    expect(orders).toHaveLength(1);
    expect(pagination).toEqual({ limit: 20, totalCount: 1, currentPage: 1, totalPageCount: 1 });
  });

  it('reads amounts exactly in kopiyky, whatever the float would say', async () => {
    const { url, fake } = await startAccount();
    const order = fake.state.addOrder({
      site: 'shop-a',
      totalSumm: kopiyky(307_70_40),
      payments: [{ type: 'bank-card', status: 'paid', amount: kopiyky(30) }],
    });
    const read = await api(url).order(order.id);
    expect(read.totalSumm).toBe(307_70_40);
    expect(read.payments).toEqual([expect.objectContaining({ type: 'bank-card', amount: 30 })]);
  });
  it.each([
    ['too large to be money', 1e17],
    ['not a number', 'about 100'],
  ])(
    'refuses an order whose payment amount is %s as a RetailCRM error, not a bare RangeError',
    async (_, amount) => {
      const { url, fake } = await startAccount();
      fake.control.injectFault({
        route: 'orders/{externalId}',
        kind: 'status',
        status: 200,
        body: {
          success: true,
          order: { id: 7, number: '7A', site: 'shop-a', payments: { '1': { id: 1, type: 'x', amount } } },
        },
      });
      const api = new RetailCrmApi(new RetailCrmClient({ origin: url, apiKey: FULL_KEY, backoffMs: 5 }));
      await expect(api.order(7)).rejects.toBeInstanceOf(RetailCrmError);
    },
  );
});

describe('RetailCRM API: payments', () => {
  it('creates and edits a payment with amounts exact to the kopiyka', async () => {
    const { url, fake } = await startAccount();
    const order = fake.state.addOrder({ site: 'shop-a', totalSumm: kopiyky(1_234_56) });
    const crm = api(url);
    const id = await crm.createPayment(order.id, {
      type: 'bank-card',
      status: 'not-paid',
      amount: kopiyky(1_234_56),
      externalId: 'uapay-inv-1',
      comment: 'Посилання: https://pay.example/1',
    });
    expect(fake.state.payment(id)).toMatchObject({
      type: 'bank-card',
      status: 'not-paid',
      amount: 1_234_56,
      externalId: 'uapay-inv-1',
    });
    // 0.1 + 0.2 style sums never appear: 1 234.57 and 0.07 are sent as their decimal text.
    await crm.editPayment(id, { status: 'paid', amount: kopiyky(1_234_57) });
    expect(fake.state.payment(id)).toMatchObject({ status: 'paid', amount: 1_234_57 });
    await crm.editPayment(id, { amount: kopiyky(7) });
    const read = await crm.order(order.id);
    expect(read.payments).toEqual([expect.objectContaining({ id, amount: 7, status: 'paid' })]);
    expect(read.prepaySum).toBe(7);
  });

  it('says "Payment not found" for an edit of a payment that is gone', async () => {
    const { url } = await startAccount();
    await expect(api(url).editPayment(999_999, { status: 'paid' })).rejects.toMatchObject({
      info: { kind: 'retailcrm', status: 404, message: 'Payment not found' },
    });
  });
});

describe('RetailCRM API: history', () => {
  it('reads history after a cursor without ever sending page', async () => {
    const { url, fake } = await startAccount();
    const order = fake.state.addOrder({ site: 'shop-a', totalSumm: kopiyky(50_00) });
    const crm = api(url);
    const all = await crm.history();
    expect(all.history.map((r) => r.order?.id)).toContain(order.id);
    const since = all.history.at(-1)!.id;
    fake.state.createPayment({ orderId: order.id, type: 'cash', amount: kopiyky(50_00) });
    const next = await crm.history(since);
    expect(next.history.length).toBeGreaterThan(0);
    expect(next.history.every((r) => r.id > since)).toBe(true);
    expect(next.history[0]).toMatchObject({ field: 'payments', order: { id: order.id } });
    // The fake answers 400 to sinceId with page (reference §10.2): both calls succeeded without it.
    expect(fake.control.callCount('orders/history')).toEqual({ calls: 2, succeeded: 2 });
  });
});
