import { describe, expect, it } from 'vitest';
import { startAccount } from './support';

describe('RetailCRM fake: order payments', () => {
  it('creates a payment with 201 {success, id}, addressing the order by id, externalId or number', async () => {
    const { http, ids, fake } = await startAccount();
    const byId = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { id: ids.orderB1 }, type: 'cash', amount: 100 },
    });
    const byExternalId = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { externalId: 'ext-1001' }, type: 'cash', amount: 1 },
    });
    const byNumber = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { number: '1002A' }, type: 'uapay', amount: 2 },
    });
    for (const reply of [byId, byExternalId, byNumber]) {
      expect(reply).toEqual({ status: 201, body: { success: true, id: expect.any(Number) } });
    }
    expect(fake.state.payment(byId.body.id)).toMatchObject({
      orderId: ids.orderB1,
      amount: 100_00,
      status: 'not-paid',
    });
    expect(fake.state.payment(byNumber.body.id)?.orderId).toBe(ids.orderA2);
  });

  it('gives a payment without an amount what is left to pay, and the defaultForApi status', async () => {
    const { http, ids, fake } = await startAccount();
    await http.post('/api/v5/orders/payments/create', {
      payment: { order: { id: ids.orderB1 }, type: 'cash', amount: 120.25 },
    });
    const reply = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { id: ids.orderB1 }, type: 'uapay' },
    });
    expect(fake.state.payment(reply.body.id)).toMatchObject({ amount: 179_75, status: 'not-paid' });
  });

  it('refuses an unknown order, type or status, and a duplicate externalId', async () => {
    const { http, ids } = await startAccount();
    const unknownOrder = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { id: 999 }, type: 'cash' },
    });
    expect(unknownOrder.body).toMatchObject({
      errorMsg: 'Errors in the entity format',
      errors: { order: expect.any(String) },
    });
    const unknownType = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { id: ids.orderB1 }, type: 'barter' },
    });
    expect(unknownType.body.errors).toEqual({ type: 'This value is not valid.' });
    const unknownStatus = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { id: ids.orderB1 }, type: 'cash', status: 'maybe' },
    });
    expect(unknownStatus.body.errors).toEqual({ status: 'This value is not valid.' });
    const duplicate = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { id: ids.orderB1 }, type: 'uapay', externalId: 'inv-1001' },
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors.externalId).toMatch(/^This external id is already set for a/);
  });

  it('edits by id by default and answers 200 {success, id}', async () => {
    const { http, ids, fake } = await startAccount();
    const reply = await http.post(`/api/v5/orders/payments/${ids.paymentA1}/edit`, {
      payment: {
        status: 'paid',
        paidAt: '2025-03-02 08:00:00',
        comment: 'Paid by card',
        externalId: 'inv-new',
      },
    });
    expect(reply).toEqual({ status: 200, body: { success: true, id: ids.paymentA1 } });
    expect(fake.state.payment(ids.paymentA1)).toMatchObject({
      status: 'paid',
      paidAt: '2025-03-02 08:00:00',
      comment: 'Paid by card',
      externalId: 'inv-new',
    });
  });

  it('edits by externalId and then ignores a new externalId', async () => {
    const { http, ids, fake } = await startAccount();
    const reply = await http.post('/api/v5/orders/payments/inv-1001/edit', {
      by: 'externalId',
      payment: { externalId: 'changed', comment: 'note' },
    });
    expect(reply).toEqual({ status: 200, body: { success: true, id: ids.paymentA1 } });
    expect(fake.state.payment(ids.paymentA1)).toMatchObject({ externalId: 'inv-1001', comment: 'note' });
  });

  it('answers an unknown payment with 404 Payment not found on edit and delete', async () => {
    const { http } = await startAccount();
    for (const reply of [
      await http.post('/api/v5/orders/payments/9999/edit', { payment: { comment: 'x' } }),
      await http.post('/api/v5/orders/payments/nope/edit', { by: 'externalId', payment: { comment: 'x' } }),
      await http.post('/api/v5/orders/payments/9999/delete', {}),
    ]) {
      expect(reply).toEqual({ status: 404, body: { success: false, errorMsg: 'Payment not found' } });
    }
  });

  it('deletes a payment', async () => {
    const { http, ids, fake } = await startAccount();
    expect(await http.post(`/api/v5/orders/payments/${ids.paymentA1}/delete`, {})).toEqual({
      status: 200,
      body: { success: true },
    });
    expect(fake.state.payment(ids.paymentA1)).toBeUndefined();
    expect((await http.get('/api/v5/orders/ext-1001')).body.order.payments).toEqual({});
  });

  it('keeps prepaySum and fullPaidAt consistent with paymentComplete statuses', async () => {
    const { http, ids } = await startAccount();
    const order = async () => (await http.get(`/api/v5/orders/${ids.orderB1}`, 'by=id')).body.order;
    const first = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { id: ids.orderB1 }, type: 'uapay', amount: 199.99, status: 'paid' },
    });
    expect(await order()).toMatchObject({ totalSumm: 300, prepaySum: 199.99 });
    expect(await order()).not.toHaveProperty('fullPaidAt');

    const second = await http.post('/api/v5/orders/payments/create', {
      payment: { order: { id: ids.orderB1 }, type: 'cash', amount: 100.01, status: 'not-paid' },
    });
    expect((await order()).prepaySum).toBe(199.99);
    await http.post(`/api/v5/orders/payments/${second.body.id}/edit`, { payment: { status: 'paid' } });
    expect(await order()).toMatchObject({
      prepaySum: 300,
      fullPaidAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });

    await http.post(`/api/v5/orders/payments/${first.body.id}/edit`, { payment: { status: 'refunded' } });
    const afterRefund = await order();
    expect(afterRefund.prepaySum).toBe(100.01);
    expect(afterRefund).not.toHaveProperty('fullPaidAt');

    await http.post(`/api/v5/orders/payments/${first.body.id}/edit`, {
      payment: { status: 'paid', amount: 150 },
    });
    expect(await order()).toMatchObject({ prepaySum: 250.01 });
    await http.post(`/api/v5/orders/payments/${second.body.id}/delete`, {});
    expect((await order()).prepaySum).toBe(150);
  });
});
