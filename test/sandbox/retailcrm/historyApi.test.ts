import { describe, expect, it } from 'vitest';
import { FULL_KEY, READ_ONLY_KEY, SHOP_B_KEY, startAccount, type Http } from './support';

type HistoryRecord = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- wire JSON

async function history(http: Http, query: string, key = FULL_KEY): Promise<HistoryRecord[]> {
  const reply = await http.get('/api/v5/orders/history', query, key);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.history;
}

describe('RetailCRM fake: GET /api/v5/orders/history', () => {
  it('starts from the oldest record, with a full snapshot on created records (payments as an array)', async () => {
    const { http, ids } = await startAccount();
    const records = await history(http, 'limit=100');
    expect(records.map((record) => record.id)).toEqual([1, 2, 3]);
    expect(records[0]).toMatchObject({
      id: 1,
      createdAt: '2025-03-01 10:00:00',
      created: true,
      source: 'api',
      apiKey: { current: false },
      field: 'status',
      oldValue: null,
      newValue: { code: 'new' },
      order: {
        id: ids.orderA1,
        number: '1001A',
        totalSumm: 1000,
        payments: [
          { id: ids.paymentA1, type: 'uapay', status: 'not-paid', amount: 1000, externalId: 'inv-1001' },
        ],
      },
    });
  });

  it('keeps the created snapshot as the order was when created, after later changes', async () => {
    const { http, ids, fake } = await startAccount();
    await http.post(`/api/v5/orders/payments/${ids.paymentA1}/edit`, { payment: { status: 'paid' } });
    fake.state.editOrder(ids.orderA1, { status: 'complete' });
    const [created] = await history(http, `filter[orderId]=${ids.orderA1}`);
    expect(created).toMatchObject({ created: true, order: { status: 'new', prepaySum: 0 } });
    expect(created!.order.payments[0].status).toBe('not-paid');
    expect(created!.order).not.toHaveProperty('fullPaidAt');
  });

  it('treats sinceId as exclusive, answers ascending ids, and pages over what remains', async () => {
    const { http, fake } = await startAccount();
    for (let index = 0; index < 30; index++) fake.state.addOrder({ site: 'shop-a', totalSumm: 100 });
    const reply = await http.get('/api/v5/orders/history', 'filter[sinceId]=3&limit=20');
    const ids = reply.body.history.map((record: HistoryRecord) => record.id);
    expect(ids).toEqual(Array.from({ length: 20 }, (_, index) => index + 4));
    expect(reply.body.pagination).toEqual({ limit: 20, totalCount: 30, currentPage: 1, totalPageCount: 2 });
    const next = await http.get('/api/v5/orders/history', `filter[sinceId]=${ids.at(-1)}&limit=20`);
    expect(next.body.history.map((record: HistoryRecord) => record.id)).toEqual(
      Array.from({ length: 10 }, (_, index) => index + 24),
    );
    expect(next.body.pagination).toMatchObject({ totalCount: 10, currentPage: 1, totalPageCount: 1 });
    const done = await http.get('/api/v5/orders/history', 'filter[sinceId]=33');
    expect(done.body).toMatchObject({ history: [], pagination: { totalCount: 0, totalPageCount: 0 } });
  });

  it('refuses sinceId together with page, even page=1', async () => {
    const { http } = await startAccount();
    for (const query of ['filter[sinceId]=1&page=2', 'filter[sinceId]=1&page=1']) {
      const reply = await http.get('/api/v5/orders/history', query);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({
        success: false,
        errorMsg: expect.stringContaining('filter[sinceId]'),
      });
    }
    expect((await http.get('/api/v5/orders/history', 'page=2&limit=20')).status).toBe(200);
  });

  it('validates startDate/endDate and filters the window on createdAt', async () => {
    const { http } = await startAccount();
    const bad = await http.get('/api/v5/orders/history', 'filter[startDate]=yesterday');
    expect(bad).toEqual({
      status: 400,
      body: {
        success: false,
        errorMsg: 'Errors in the input parameters',
        errors: { 'children[startDate]': 'This value is not valid.' },
      },
    });
    expect((await http.get('/api/v5/orders/history', 'filter[endDate]=2025-13-01 00:00:00')).status).toBe(
      400,
    );
    const window = await history(
      http,
      `filter[startDate]=${encodeURIComponent('2025-03-05 00:00:00')}&filter[endDate]=${encodeURIComponent('2025-03-09 23:59:59')}`,
    );
    expect(window.map((record) => record.order.number)).toEqual(['1002A']);
    expect((await history(http, 'filter[orderExternalId]=ext-1001')).map((record) => record.id)).toEqual([1]);
    expect((await http.get('/api/v5/orders/history', 'limit=30')).status).toBe(400);
  });

  it('writes one record per changed field for a payment edit, sharing createdAt, with compact orders', async () => {
    const { http, ids, clock } = await startAccount();
    clock.advance(60_000);
    await http.post(`/api/v5/orders/payments/${ids.paymentA1}/edit`, {
      payment: { status: 'paid', paidAt: '2025-03-02 00:00:00', comment: 'ok' },
    });
    const records = await history(http, 'filter[sinceId]=3');
    expect(records.map((record) => record.field)).toEqual([
      'full_paid_at',
      'payments.paid_at',
      'payments.comment',
      'payments.status',
    ]);
    expect(records.map((record) => record.id)).toEqual([4, 5, 6, 7]);
    expect(new Set(records.map((record) => record.createdAt)).size).toBe(1);
    const compact = { id: ids.orderA1, externalId: 'ext-1001', site: 'shop-a', status: 'new' };
    for (const record of records) expect(record.order).toEqual(compact);
    expect(records[0]).not.toHaveProperty('payment');
    expect(records[0]).toMatchObject({ oldValue: null, newValue: records[0]!.createdAt });
    expect(records[1]).toMatchObject({ oldValue: null, newValue: '2025-03-02 00:00:00' });
    expect(records[3]).toMatchObject({
      oldValue: { code: 'not-paid' },
      newValue: { code: 'paid' },
      payment: { id: ids.paymentA1, type: 'uapay', externalId: 'inv-1001' },
    });
  });

  it('records amount and external id changes, payment creation and removal, and full_paid_at going back', async () => {
    const { http, ids } = await startAccount();
    const created = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { id: ids.orderB1 }, type: 'cash', amount: 300, status: 'paid' },
    });
    await http.post(`/api/v5/orders/payments/${created.body.id}/edit`, {
      payment: { amount: 299.5, externalId: 'x-1' },
    });
    await http.post(`/api/v5/orders/payments/${created.body.id}/delete`, {});
    const records = await history(http, 'filter[sinceId]=3&limit=20');
    expect(records.map((record) => [record.field, record.oldValue, record.newValue])).toEqual([
      ['full_paid_at', null, expect.any(String)],
      ['payments', null, { id: created.body.id, type: 'cash' }],
      ['full_paid_at', expect.any(String), null],
      ['payments.amount', 300, 299.5],
      ['payments.external_id', null, 'x-1'],
      ['payments', { id: created.body.id, type: 'cash' }, null],
    ]);
    expect(records[1]!.payment).toEqual({ id: created.body.id, status: 'paid', type: 'cash', amount: 300 });
    expect(records[5]!.payment).toEqual({ id: created.body.id, type: 'cash', externalId: 'x-1' });
  });

  it('sets apiKey.current by the key that reads the history', async () => {
    const { http, ids } = await startAccount();
    await http.post(
      `/api/v5/orders/payments/${ids.paymentA1}/edit`,
      { payment: { comment: 'mine' } },
      FULL_KEY,
    );
    const [mine] = await history(http, 'filter[sinceId]=3', FULL_KEY);
    const [theirs] = await history(http, 'filter[sinceId]=3', READ_ONLY_KEY);
    expect(mine).toMatchObject({ source: 'api', apiKey: { current: true } });
    expect(theirs).toMatchObject({ source: 'api', apiKey: { current: false } });
  });

  it('shows a manager edit in the CRM as source user with the user id', async () => {
    const { http, ids, fake } = await startAccount();
    fake.state.editPayment(ids.paymentA1, { status: 'paid' }, { source: 'user', userId: 7 });
    fake.state.editOrder(ids.orderA1, { status: 'complete' });
    const records = await history(http, 'filter[sinceId]=3');
    expect(records.map((record) => [record.field, record.source, record.user])).toEqual([
      ['full_paid_at', 'user', { id: 7 }],
      ['payments.status', 'user', { id: 7 }],
      ['status', 'user', { id: 1 }],
    ]);
    for (const record of records) expect(record).not.toHaveProperty('apiKey');
    expect(records[2]).toMatchObject({
      oldValue: { code: 'new' },
      newValue: { code: 'complete' },
      order: { status: 'complete' },
    });
  });

  it('always includes generatedAt from the sandbox clock', async () => {
    const { http, clock } = await startAccount();
    const before = (await http.get('/api/v5/orders/history')).body.generatedAt;
    clock.advance(2 * 24 * 3600_000);
    const after = (await http.get('/api/v5/orders/history')).body.generatedAt;
    expect(before).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(after > before).toBe(true);
  });

  it('shows a key limited to some stores only their orders history', async () => {
    const { http } = await startAccount();
    const records = await history(http, '', SHOP_B_KEY);
    expect(records.map((record) => record.order.number)).toEqual(['2001B']);
  });
});
