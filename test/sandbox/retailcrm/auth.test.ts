import { describe, expect, it } from 'vitest';
import { FULL_KEY, READ_ONLY_KEY, SHOP_B_KEY, startAccount } from './support';

describe('RetailCRM fake: authentication', () => {
  it('accepts the key in the X-API-KEY header, the apiKey query parameter and the apiKey form field', async () => {
    const { http } = await startAccount();
    expect((await http.get('/api/v5/orders', '', FULL_KEY)).status).toBe(200);
    expect((await http.get('/api/v5/orders', `apiKey=${FULL_KEY}`, null)).status).toBe(200);
    const viaForm = await http.post(
      '/api/v5/orders/payments/create',
      {
        apiKey: FULL_KEY,
        payment: { order: { number: '2001B' }, type: 'cash', amount: 10 },
      },
      null,
    );
    expect(viaForm).toMatchObject({ status: 201, body: { success: true } });
  });

  it('answers a missing key with "apiKey" is missing.', async () => {
    const { http } = await startAccount();
    const reply = await http.get('/api/v5/orders', '', null);
    expect(reply).toEqual({ status: 403, body: { success: false, errorMsg: '"apiKey" is missing.' } });
  });

  it('answers a wrong key with 403 Wrong "apiKey" value.', async () => {
    const { http } = await startAccount();
    for (const reply of [
      await http.get('/api/v5/orders', '', 'not-a-key'),
      await http.get('/api/credentials', 'apiKey=not-a-key', null),
      await http.post('/api/v5/orders/payments/1/edit', { apiKey: 'nope', payment: {} }, null),
    ]) {
      expect(reply).toEqual({ status: 403, body: { success: false, errorMsg: 'Wrong "apiKey" value.' } });
    }
  });

  it('refuses a method outside the key scopes with 403 Access denied.', async () => {
    const { http } = await startAccount();
    expect((await http.get('/api/v5/orders', '', READ_ONLY_KEY)).status).toBe(200);
    const denied = [
      await http.post(
        '/api/v5/orders/payments/create',
        { payment: { order: { id: 1 }, type: 'cash' } },
        READ_ONLY_KEY,
      ),
      await http.get('/api/v5/reference/payment-types', '', READ_ONLY_KEY),
      await http.get('/api/v5/customers/cust-ivan', '', READ_ONLY_KEY),
      await http.post(
        '/api/v5/reference/payment-statuses/new-one/edit',
        { paymentStatus: { name: 'x' } },
        SHOP_B_KEY,
      ),
    ];
    for (const reply of denied)
      expect(reply).toEqual({ status: 403, body: { success: false, errorMsg: 'Access denied.' } });
  });

  it('reports scopes, credentials derived from them, siteAccess and sitesAvailable', async () => {
    const { http } = await startAccount();
    const readOnly = await http.get('/api/credentials', '', READ_ONLY_KEY);
    expect(readOnly).toEqual({
      status: 200,
      body: {
        success: true,
        scopes: ['order_read'],
        credentials: ['/api/orders', '/api/orders/history', '/api/orders/{externalId}'],
        siteAccess: 'access_full',
        sitesAvailable: ['shop-a', 'shop-b'],
      },
    });
    const full = await http.get('/api/credentials');
    expect(full.body.credentials).toEqual(
      expect.arrayContaining([
        '/api/orders/payments/create',
        '/api/orders/payments/{id}/edit',
        '/api/reference/payment-types/{code}/edit',
        '/api/reference/payment-statuses/{code}/edit',
        '/api/reference/currencies',
        '/api/customers/{externalId}',
      ]),
    );
    const shopB = await http.get('/api/credentials', '', SHOP_B_KEY);
    expect(shopB.body).toMatchObject({ siteAccess: 'access_selective', sitesAvailable: ['shop-b'] });
    expect(shopB.body.credentials).not.toContain('/api/reference/payment-types/{code}/edit');
  });

  it('serves credentials and api-versions only without the version segment', async () => {
    const { http } = await startAccount();
    expect(await http.get('/api/api-versions')).toEqual({
      status: 200,
      body: { success: true, versions: ['3.0', '4.0', '5.0'] },
    });
    expect((await http.get('/api/v5/credentials')).status).toBe(404);
  });

  it('shows a key limited to some stores only their orders, customers and sites', async () => {
    const { http, ids } = await startAccount();
    const list = await http.get('/api/v5/orders', '', SHOP_B_KEY);
    expect(list.body.orders.map((order: { number: string }) => order.number)).toEqual(['2001B']);
    const askedForA = await http.get('/api/v5/orders', 'filter[sites][]=shop-a', SHOP_B_KEY);
    expect(askedForA.body.orders).toEqual([]);
    expect((await http.get(`/api/v5/orders/${ids.orderA1}`, 'by=id', SHOP_B_KEY)).status).toBe(404);
    expect((await http.get('/api/v5/orders/ext-1001', 'site=shop-a', SHOP_B_KEY)).body).toEqual({
      success: false,
      errorMsg: 'Access denied.',
    });
    expect((await http.get('/api/v5/customers/cust-ivan', '', SHOP_B_KEY)).status).toBe(404);
    expect(Object.keys((await http.get('/api/v5/reference/sites', '', SHOP_B_KEY)).body.sites)).toEqual([
      'shop-b',
    ]);
    const edit = await http.post(
      `/api/v5/orders/payments/${ids.paymentA1}/edit`,
      { payment: { comment: 'x' } },
      SHOP_B_KEY,
    );
    expect(edit).toEqual({ status: 404, body: { success: false, errorMsg: 'Payment not found' } });
  });
});
