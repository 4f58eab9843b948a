import { describe, expect, it } from 'vitest';
import { FULL_KEY, startAccount } from './support';

const numbersOf = (body: { orders: { number: string }[] }) => body.orders.map((order) => order.number).sort();

describe('RetailCRM fake: wire encoding', () => {
  it('reads bracket queries in the [] form (Go) and the [n] form (PHP http_build_query)', async () => {
    const { http } = await startAccount();
    const brackets = await http.get(
      '/api/v5/orders',
      'filter%5Bnumbers%5D%5B%5D=1001A&filter[numbers][]=2001B',
    );
    const indexed = await http.get(
      '/api/v5/orders',
      'filter%5Bnumbers%5D%5B0%5D=1001A&filter[numbers][1]=2001B',
    );
    expect(numbersOf(brackets.body)).toEqual(['1001A', '2001B']);
    expect(numbersOf(indexed.body)).toEqual(['1001A', '2001B']);
  });

  it('keeps large [n] indexes an array (100 numbers in PHP form)', async () => {
    const { http } = await startAccount();
    const query = Array.from(
      { length: 100 },
      (_, index) => `filter[numbers][${index}]=${index === 99 ? '1002A' : `x${index}`}`,
    );
    const reply = await http.get('/api/v5/orders', query.join('&'));
    expect(numbersOf(reply.body)).toEqual(['1002A']);
    const tooMany = await http.get('/api/v5/orders', [...query, 'filter[numbers][100]=1001A'].join('&'));
    expect(tooMany.status).toBe(400);
  });

  it('takes a form-encoded POST whose entity is a JSON string field', async () => {
    const { http } = await startAccount();
    const body = `payment=${encodeURIComponent(JSON.stringify({ order: { number: '2001B' }, type: 'cash', amount: 12.5 }))}`;
    const reply = await http.send('/api/v5/orders/payments/create', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-API-KEY': FULL_KEY },
      body,
    });
    expect(reply.status).toBe(201);
    const { body: listed } = await http.get('/api/v5/orders', 'filter[numbers][]=2001B');
    expect(listed.orders[0].payments[String(reply.body.id)]).toMatchObject({ type: 'cash', amount: 12.5 });
  });

  it('takes the same POST as multipart/form-data, the key included as a field', async () => {
    const { http, fake } = await startAccount();
    const reply = await http.postMultipart(
      '/api/v5/orders/payments/create',
      {
        apiKey: FULL_KEY,
        site: 'shop-b',
        payment: { order: { number: '2001B' }, type: 'cash', amount: 300, status: 'paid' },
      },
      null,
    );
    expect(reply).toMatchObject({ status: 201, body: { success: true, id: expect.any(Number) } });
    expect(fake.state.payment(reply.body.id)).toMatchObject({ amount: 300_00, status: 'paid' });
  });

  it('ignores a JSON body, as the real API reads only form fields', async () => {
    const { http } = await startAccount();
    const reply = await http.send('/api/v5/orders/payments/create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-API-KEY': FULL_KEY },
      body: JSON.stringify({ payment: { order: { id: 1 }, type: 'cash' } }),
    });
    expect(reply).toEqual({
      status: 400,
      body: { success: false, errorMsg: "Parameter 'payment' is missing" },
    });
  });

  it('answers bad JSON in an entity field with 400 Errors in the entity format', async () => {
    const { http } = await startAccount();
    const reply = await http.post('/api/v5/orders/payments/create', { payment: '{"order": {"id": 1' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ success: false, errorMsg: 'Errors in the entity format' });
    expect(reply.body.errors).toHaveProperty('payment');
  });

  it('answers a payment without an order reference with errors.order', async () => {
    const { http } = await startAccount();
    const reply = await http.post('/api/v5/orders/payments/create', { payment: { type: 'cash', amount: 1 } });
    expect(reply).toEqual({
      status: 400,
      body: {
        success: false,
        errorMsg: 'Errors in the entity format',
        errors: { order: 'Set one of the following fields: id, externalId, number' },
      },
    });
  });

  it('answers invalid fields with one errors object naming each field', async () => {
    const { http } = await startAccount();
    const reply = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { id: 1 }, amount: 'a lot', paidAt: '2025-02-30 10:00:00' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual({
      type: 'This value should not be blank.',
      amount: 'This value is not valid.',
      paidAt: 'This value is not valid.',
    });
  });

  it('refuses amounts with more than two decimals (a float sum in a client)', async () => {
    const { http } = await startAccount();
    const reply = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { id: 1 }, type: 'cash', amount: 0.1 + 0.2 },
    });
    expect(reply.body.errors).toEqual({ amount: 'This value is not valid.' });
  });

  it('names a missing parameter', async () => {
    const { http } = await startAccount();
    expect((await http.post('/api/v5/reference/payment-types/x/edit', {})).body).toEqual({
      success: false,
      errorMsg: "Parameter 'paymentType' is missing",
    });
  });

  it('answers an unknown method with 404 API method not found and a wrong verb with 405', async () => {
    const { http } = await startAccount();
    expect(await http.get('/api/v5/orders/payments')).toMatchObject({ status: 404 });
    expect(await http.get('/api/v5/telepathy')).toEqual({
      status: 404,
      body: { success: false, errorMsg: 'API method not found' },
    });
    expect(
      await http.send('/api/v5/orders/history', { method: 'POST', headers: { 'X-API-KEY': FULL_KEY } }),
    ).toEqual({
      status: 405,
      body: { success: false, errorMsg: 'Method Not Allowed' },
    });
    expect((await http.get('/api/v5/orders/payments/1/edit')).status).toBe(405);
  });

  it('refuses an unknown filter like a form with extra fields', async () => {
    const { http } = await startAccount();
    const reply = await http.get('/api/v5/orders', 'filter[paymentType]=uapay');
    expect(reply).toMatchObject({
      status: 400,
      body: { success: false, errorMsg: 'Errors in the input parameters' },
    });
  });

  it('prints amounts as hryvnia numbers and leaves empty fields out', async () => {
    const { http } = await startAccount();
    const { body } = await http.get('/api/v5/orders', 'filter[numbers][]=1002A');
    const order = body.orders[0];
    expect(order).toMatchObject({
      totalSumm: 501,
      summ: 501,
      prepaySum: 501,
      items: [{ initialPrice: 250.5, quantity: 2 }],
    });
    expect(order).not.toHaveProperty('externalId');
    expect(Object.values(order)).not.toContain(null);
  });
});
