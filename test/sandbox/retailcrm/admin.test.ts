import { afterEach, describe, expect, it } from 'vitest';
import { createRetailCrmFake, type RetailCrmFake } from '../../../electron/sandbox/retailcrm';
import { Http, StillClock } from './support';

const started: RetailCrmFake[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((fake) => fake.close()));
});

async function start(): Promise<Http> {
  const fake = createRetailCrmFake({ rateLimitPerSecond: 0, clock: new StillClock() });
  started.push(fake);
  return new Http(await fake.listen());
}

async function admin(http: Http, method: string, path: string, body?: unknown) {
  return http.send(`/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function seed(http: Http): Promise<{ orderId: number; paymentId: number }> {
  expect((await admin(http, 'POST', '/currencies', { code: 'UAH', isBase: true })).status).toBe(201);
  expect((await admin(http, 'POST', '/sites', { code: 'main', name: 'Main', currency: 'UAH' })).status).toBe(
    201,
  );
  await admin(http, 'POST', '/payment-statuses', { code: 'not-paid', name: 'Not paid', defaultForApi: true });
  await admin(http, 'POST', '/payment-statuses', { code: 'paid', name: 'Paid', paymentComplete: true });
  await admin(http, 'POST', '/payment-types', {
    code: 'uapay',
    name: 'UAPAY',
    paymentStatuses: ['not-paid', 'paid'],
  });
  expect(
    (await admin(http, 'POST', '/api-keys', { key: 'script-key', scopes: ['order_read', 'order_write'] }))
      .status,
  ).toBe(201);
  const customer = await admin(http, 'POST', '/customers', {
    site: 'main',
    firstName: 'Taras',
    email: 't@example.com',
  });
  const order = await admin(http, 'POST', '/orders', {
    site: 'main',
    customerId: customer.body.id,
    totalSumm: 12345,
    payments: [{ type: 'uapay', amount: 12345 }],
  });
  expect(order.status).toBe(201);
  return { orderId: order.body.order.id, paymentId: Number(Object.keys(order.body.order.payments)[0]) };
}

describe('RetailCRM fake: admin HTTP API', () => {
  it('creates stores, references, customers, keys and orders that the API then serves', async () => {
    const http = await start();
    const { orderId, paymentId } = await seed(http);
    const reply = await http.get(`/api/v5/orders/${orderId}`, 'by=id', 'script-key');
    expect(reply.body.order).toMatchObject({
      totalSumm: 123.45,
      currency: 'UAH',
      email: 't@example.com',
      payments: { [paymentId]: { amount: 123.45, status: 'not-paid', type: 'uapay' } },
    });
    expect((await admin(http, 'GET', '/summary')).body).toMatchObject({
      sites: 1,
      orders: 1,
      customers: 1,
      apiKeys: 1,
    });
    expect((await admin(http, 'GET', `/orders/${orderId}`)).body.order.id).toBe(orderId);
  });

  it('simulates a manager marking a payment paid in the CRM', async () => {
    const http = await start();
    const { orderId, paymentId } = await seed(http);
    const edited = await admin(http, 'POST', `/payments/${paymentId}/edit`, {
      status: 'paid',
      by: { source: 'user', userId: 5 },
    });
    expect(edited.body.payment).toMatchObject({ id: paymentId, status: 'paid' });
    const order = await http.get(`/api/v5/orders/${orderId}`, 'by=id', 'script-key');
    expect(order.body.order).toMatchObject({ prepaySum: 123.45, fullPaidAt: expect.any(String) });
    const history = await http.get('/api/v5/orders/history', 'filter[sinceId]=1', 'script-key');
    expect(
      history.body.history.map((record: { field: string; source: string; user: unknown }) => [
        record.field,
        record.source,
        record.user,
      ]),
    ).toEqual([
      ['full_paid_at', 'user', { id: 5 }],
      ['payments.status', 'user', { id: 5 }],
    ]);
    await admin(http, 'POST', `/orders/${orderId}/edit`, { status: 'complete' });
    expect((await admin(http, 'GET', `/orders/${orderId}`)).body.order.status).toBe('complete');
    expect((await admin(http, 'POST', `/payments/${paymentId}/delete`, {})).body).toEqual({ deleted: true });
  });

  it('injects and clears faults, and reports and resets call counts', async () => {
    const http = await start();
    const { paymentId } = await seed(http);
    const fault = await admin(http, 'POST', '/faults', {
      route: 'orders/payments/{id}/edit',
      kind: 'status',
      status: 503,
      times: 1,
    });
    expect(fault).toMatchObject({ status: 201, body: { id: expect.any(Number), remaining: 1 } });
    const edit = () =>
      http.post(`/api/v5/orders/payments/${paymentId}/edit`, { payment: { comment: 'x' } }, 'script-key');
    expect((await edit()).status).toBe(503);
    expect((await edit()).status).toBe(200);
    const counts = await admin(
      http,
      'GET',
      `/calls?route=${encodeURIComponent('orders/payments/{id}/edit')}&pathId=${paymentId}`,
    );
    expect(counts.body).toEqual({ calls: 2, succeeded: 1 });
    expect((await admin(http, 'GET', '/calls')).body.counts).toHaveProperty('orders/payments/{id}/edit');
    await admin(http, 'POST', '/faults', { route: '*', kind: 'status', status: 500 });
    expect((await admin(http, 'GET', '/faults')).body.faults).toHaveLength(1);
    expect((await http.get('/api/v5/orders', '', 'script-key')).status).toBe(500);
    await admin(http, 'DELETE', '/faults');
    expect((await http.get('/api/v5/orders', '', 'script-key')).status).toBe(200);
    await admin(http, 'DELETE', '/calls');
    expect((await admin(http, 'GET', '/calls')).body.counts).toEqual({});
  });

  it('sets the rate limit and latency, and reports bad input with 400', async () => {
    const http = await start();
    await seed(http);
    expect((await admin(http, 'PUT', '/rate-limit', { perSecond: 1, apiKey: 'script-key' })).status).toBe(
      200,
    );
    const replies = await Promise.all([1, 2].map(() => http.get('/api/v5/orders', '', 'script-key')));
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 503]);
    expect((await admin(http, 'PUT', '/latency', { ms: 5 })).body).toEqual({ latencyMs: 5 });
    expect((await admin(http, 'POST', '/orders', { site: 'nowhere' })).status).toBe(400);
    expect((await admin(http, 'POST', '/faults', { route: 'nope', kind: 'hang' })).status).toBe(400);
  });
});
