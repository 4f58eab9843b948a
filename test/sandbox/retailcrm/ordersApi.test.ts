import { describe, expect, it } from 'vitest';
import { startAccount, type Account } from './support';

async function numbers(account: Account, query: string): Promise<string[]> {
  const reply = await account.http.get('/api/v5/orders', query);
  expect(reply.status).toBe(200);
  return reply.body.orders.map((order: { number: string }) => order.number);
}

describe('RetailCRM fake: GET /api/v5/orders', () => {
  it('lists the newest orders first with a pagination object', async () => {
    const account = await startAccount();
    const reply = await account.http.get('/api/v5/orders');
    expect(reply.body.pagination).toEqual({ limit: 20, totalCount: 3, currentPage: 1, totalPageCount: 1 });
    expect(reply.body.orders.map((order: { number: string }) => order.number)).toEqual([
      '2001B',
      '1002A',
      '1001A',
    ]);
  });

  it('filters by ids, numbers, externalIds, sites, payment types and payment statuses', async () => {
    const account = await startAccount();
    const { ids } = account;
    expect(await numbers(account, `filter[ids][]=${ids.orderA1}&filter[ids][]=${ids.orderB1}`)).toEqual([
      '2001B',
      '1001A',
    ]);
    expect(await numbers(account, 'filter[ids][]=999&filter[ids][]=998')).toEqual([]);
    expect(await numbers(account, 'filter[ids][]=999')).toEqual([]);
    expect(await numbers(account, 'filter[numbers][0]=1002A')).toEqual(['1002A']);
    expect(await numbers(account, 'filter[externalIds][]=ext-1001')).toEqual(['1001A']);
    expect(await numbers(account, 'filter[sites][]=shop-b')).toEqual(['2001B']);
    expect(await numbers(account, 'filter[paymentTypes][]=cash')).toEqual(['1002A']);
    expect(await numbers(account, 'filter[paymentStatuses][]=not-paid')).toEqual(['1001A']);
    expect(await numbers(account, 'filter[paymentTypes][]=uapay&filter[paymentStatuses][]=paid')).toEqual([]);
    expect(await numbers(account, 'filter[sites][]=shop-a&filter[paymentStatuses][]=paid')).toEqual([
      '1002A',
    ]);
  });

  it('filters by creation date (Y-m-d, inclusive) and refuses another format', async () => {
    const account = await startAccount();
    expect(await numbers(account, 'filter[createdAtFrom]=2025-03-05')).toEqual(['2001B', '1002A']);
    expect(await numbers(account, 'filter[createdAtFrom]=2025-03-02&filter[createdAtTo]=2025-03-05')).toEqual(
      ['1002A'],
    );
    const bad = await account.http.get('/api/v5/orders', 'filter[createdAtFrom]=05.03.2025');
    expect(bad).toEqual({
      status: 400,
      body: {
        success: false,
        errorMsg: 'Errors in the input parameters',
        errors: { 'children[createdAtFrom]': 'This value is not valid.' },
      },
    });
  });

  it('searches by customer name or phone and by e-mail', async () => {
    const account = await startAccount();
    expect(await numbers(account, 'filter[customer]=petrenko')).toEqual(['1002A', '1001A']);
    expect(await numbers(account, `filter[customer]=${encodeURIComponent('Olena Shevchenko')}`)).toEqual([
      '2001B',
    ]);
    expect(await numbers(account, 'filter[customer]=0501234567')).toEqual(['1002A', '1001A']);
    expect(await numbers(account, 'filter[email]=example.org')).toEqual(['2001B']);
    expect(await numbers(account, 'filter[email]=IVAN@')).toEqual(['1002A', '1001A']);
  });

  it('accepts only limit 20, 50 or 100 and a page of at least 1', async () => {
    const account = await startAccount();
    for (const limit of [20, 50, 100])
      expect((await account.http.get('/api/v5/orders', `limit=${limit}`)).status).toBe(200);
    for (const query of ['limit=10', 'limit=250', 'limit=abc', 'page=0', 'page=-1', 'page=x']) {
      const reply = await account.http.get('/api/v5/orders', query);
      expect(reply.status, query).toBe(400);
      expect(reply.body.errorMsg).toBe('Errors in the input parameters');
    }
  });

  it('pages through the list', async () => {
    const account = await startAccount();
    for (let index = 0; index < 45; index++)
      account.fake.state.addOrder({ site: 'shop-a', number: `P${index}`, totalSumm: 100 });
    const page1 = await account.http.get('/api/v5/orders', 'limit=20&page=1');
    const page3 = await account.http.get('/api/v5/orders', 'limit=20&page=3');
    const page4 = await account.http.get('/api/v5/orders', 'limit=20&page=4');
    expect(page1.body.pagination).toEqual({ limit: 20, totalCount: 48, currentPage: 1, totalPageCount: 3 });
    expect(page1.body.orders[0].number).toBe('P44');
    expect(page3.body.orders.map((order: { number: string }) => order.number)).toEqual([
      'P4',
      'P3',
      'P2',
      'P1',
      'P0',
      '2001B',
      '1002A',
      '1001A',
    ]);
    expect(page4.body).toMatchObject({ orders: [], pagination: { currentPage: 4, totalPageCount: 3 } });
  });

  it('prints payments as an object keyed by payment id, {} when there are none', async () => {
    const account = await startAccount();
    const { body } = await account.http.get('/api/v5/orders', 'filter[sites][]=shop-b');
    expect(body.orders[0].payments).toEqual({});
    const withPayment = await account.http.get('/api/v5/orders/ext-1001');
    expect(withPayment.body.order.payments).toEqual({
      [account.ids.paymentA1]: {
        id: account.ids.paymentA1,
        status: 'not-paid',
        type: 'uapay',
        externalId: 'inv-1001',
        amount: 1000,
      },
    });
  });
});

describe('RetailCRM fake: GET /api/v5/orders/{externalId}', () => {
  it('takes the path as externalId by default and as the internal id with by=id', async () => {
    const account = await startAccount();
    const byExternal = await account.http.get('/api/v5/orders/ext-1001');
    expect(byExternal.body.order).toMatchObject({
      id: account.ids.orderA1,
      number: '1001A',
      site: 'shop-a',
      currency: 'UAH',
    });
    const byId = await account.http.get(`/api/v5/orders/${account.ids.orderA1}`, 'by=id');
    expect(byId.body.order.externalId).toBe('ext-1001');
    expect((await account.http.get(`/api/v5/orders/${account.ids.orderA1}`)).status).toBe(404);
    expect((await account.http.get('/api/v5/orders/ext-1001', 'by=number')).status).toBe(400);
  });

  it('answers an unknown order, or one outside the given site, with 404 Not found', async () => {
    const account = await startAccount();
    expect(await account.http.get('/api/v5/orders/999', 'by=id')).toEqual({
      status: 404,
      body: { success: false, errorMsg: 'Not found' },
    });
    expect((await account.http.get('/api/v5/orders/ext-1001', 'site=shop-b')).status).toBe(404);
    expect((await account.http.get('/api/v5/orders/ext-1001', 'site=shop-a')).status).toBe(200);
  });

  it('embeds the customer and keeps the order its own contact copy', async () => {
    const account = await startAccount();
    const { body } = await account.http.get('/api/v5/orders/ext-1001');
    expect(body.order).toMatchObject({
      firstName: 'Ivan',
      email: 'ivan@example.com',
      customer: {
        type: 'customer',
        id: account.ids.ivan,
        externalId: 'cust-ivan',
        phones: [{ number: '+380 50 123 45 67' }],
      },
      customFields: [],
    });
  });
});
