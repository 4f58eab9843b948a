import { describe, expect, it } from 'vitest';
import { FULL_KEY, startAccount } from './support';

describe('RetailCRM fake: faults and call counts', () => {
  it('fails a route with 503 a given number of times, then serves it again', async () => {
    const { http, ids, fake } = await startAccount();
    fake.control.injectFault({ route: 'orders/payments/{id}/edit', kind: 'status', status: 503, times: 2 });
    const edit = () =>
      http.post(`/api/v5/orders/payments/${ids.paymentA1}/edit`, { payment: { comment: 'x' } });
    expect(await edit()).toEqual({
      status: 503,
      body: { success: false, errorMsg: 'Service Temporarily Unavailable' },
    });
    expect((await edit()).status).toBe(503);
    expect((await edit()).status).toBe(200);
    expect(fake.control.faults()).toEqual([]);
    expect(fake.control.callCount('orders/payments/{id}/edit')).toEqual({ calls: 3, succeeded: 1 });
  });

  it('fails every call until cleared, with the documented 500 body', async () => {
    const { http, fake } = await startAccount();
    fake.control.injectFault({ route: 'orders', kind: 'status', status: 500 });
    for (let index = 0; index < 3; index++) {
      expect(await http.get('/api/v5/orders')).toEqual({
        status: 500,
        body: { success: false, errorMsg: 'Internal Server Error' },
      });
    }
    expect((await http.get('/api/v5/orders/history')).status).toBe(200);
    fake.control.clearFaults();
    expect((await http.get('/api/v5/orders')).status).toBe(200);
  });

  it('hits only the given path id, so one payment can fail while others work', async () => {
    const { http, ids, fake } = await startAccount();
    const other = fake.state.createPayment({ orderId: ids.orderB1, type: 'cash', amount: 1 });
    fake.control.injectFault({
      route: 'orders/payments/{id}/edit',
      pathId: ids.paymentA1,
      kind: 'status',
      status: 503,
    });
    expect(
      (await http.post(`/api/v5/orders/payments/${other.id}/edit`, { payment: { comment: 'x' } })).status,
    ).toBe(200);
    expect(
      (await http.post(`/api/v5/orders/payments/${ids.paymentA1}/edit`, { payment: { comment: 'x' } }))
        .status,
    ).toBe(503);
  });

  it('can lose the reply after doing the work, and the counts prove the write happened once', async () => {
    const { http, ids, fake } = await startAccount();
    fake.control.injectFault({
      route: 'orders/payments/{id}/edit',
      kind: 'status',
      status: 503,
      times: 1,
      afterWork: true,
    });
    const reply = await http.post(`/api/v5/orders/payments/${ids.paymentA1}/edit`, {
      payment: { status: 'paid' },
    });
    expect(reply.status).toBe(503);
    expect(fake.state.payment(ids.paymentA1)?.status).toBe('paid');
    expect(fake.control.callCount('orders/payments/{id}/edit', ids.paymentA1)).toEqual({
      calls: 1,
      succeeded: 0,
    });
    expect(fake.state.lastHistoryId()).toBe(5); // 3 created + full_paid_at + payments.status: written once
  });

  it('hangs a request until the client gives up, without doing the work', async () => {
    const { http, ids, fake } = await startAccount();
    fake.control.injectFault({ route: 'orders/payments/{id}/edit', kind: 'hang' });
    const request = http.send(`/api/v5/orders/payments/${ids.paymentA1}/edit`, {
      method: 'POST',
      headers: { 'X-API-KEY': FULL_KEY },
      body: new URLSearchParams({ payment: JSON.stringify({ status: 'paid' }) }),
      signal: AbortSignal.timeout(200),
    });
    await expect(request).rejects.toThrow();
    expect(fake.state.payment(ids.paymentA1)?.status).toBe('not-paid');
    fake.control.clearFaults('orders/payments/{id}/edit');
    expect(
      (await http.post(`/api/v5/orders/payments/${ids.paymentA1}/edit`, { payment: { status: 'paid' } }))
        .status,
    ).toBe(200);
  });

  it('drops the connection, and adds latency to one route', async () => {
    const { http, fake } = await startAccount();
    fake.control.injectFault({ route: 'reference/sites', kind: 'drop', times: 1 });
    await expect(http.get('/api/v5/reference/sites')).rejects.toThrow();
    expect((await http.get('/api/v5/reference/sites')).status).toBe(200);
    fake.control.injectFault({ route: '*', kind: 'latency', ms: 150, times: 1 });
    const startedAt = performance.now();
    expect((await http.get('/api/v5/reference/sites')).status).toBe(200);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(140);
  });

  it('counts calls per route and per payment id, and resets the counts', async () => {
    const { http, ids, fake } = await startAccount();
    const other = fake.state.createPayment({ orderId: ids.orderB1, type: 'cash', amount: 1 });
    await http.post(`/api/v5/orders/payments/${ids.paymentA1}/edit`, { payment: { comment: 'a' } });
    await http.post(`/api/v5/orders/payments/${ids.paymentA1}/edit`, { payment: { comment: 'b' } });
    await http.post(`/api/v5/orders/payments/${other.id}/edit`, { payment: { comment: 'c' } });
    await http.post(`/api/v5/orders/payments/${other.id}/edit`, { payment: { amount: -1 } });
    await http.get('/api/v5/orders');
    const { control } = fake;
    expect(control.callCount('orders/payments/{id}/edit')).toEqual({ calls: 4, succeeded: 3 });
    expect(control.callCount('orders/payments/{id}/edit', ids.paymentA1)).toEqual({ calls: 2, succeeded: 2 });
    expect(control.callCount('orders/payments/{id}/edit', String(other.id))).toEqual({
      calls: 2,
      succeeded: 1,
    });
    expect(control.callCount('orders')).toEqual({ calls: 1, succeeded: 1 });
    expect(control.callCount('orders/payments/create')).toEqual({ calls: 0, succeeded: 0 });
    control.resetCounts();
    expect(control.allCounts()).toEqual({});
  });

  it('refuses a fault on a route it does not know', async () => {
    const { fake } = await startAccount();
    // @ts-expect-error -- not a route name
    expect(() => fake.control.injectFault({ route: 'orders/create', kind: 'hang' })).toThrow(RangeError);
  });
});
