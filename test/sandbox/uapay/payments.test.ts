import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLD_LIFETIME_MS, NotPayableError, UapayApiError } from '../../../electron/sandbox/uapay';
import { invoiceShow, operate, paymentShow, startFake } from './harness';

const payment = paymentShow;
const invoice = invoiceShow;

describe('UAPAY fake: payments and their status pairs (reference §3.5–§3.9, §4)', () => {
  it('shows a paid PAY invoice as FINISHED/FINISHED and the invoice INACTIVE', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('PAY', 25000, { email: 'b@example.com' });
    expect(await payment(h, ids)).toEqual({
      invoiceId: ids.invoiceId,
      paymentId: ids.paymentId,
      number: expect.any(Number),
      receiptId: expect.stringMatching(/^[A-Z0-9]{12}$/),
      clientId: 7001,
      systemType: 'ECOM',
      amount: 25000,
      commission: 0,
      currency: 980,
      email: 'b@example.com',
      status: 'FINISHED',
      paymentStatus: 'FINISHED',
      cardFromId: expect.any(String),
      cardFromMasked: '4111111111',
      cardToId: null,
      cardToMasked: null,
      chequeLink: `${h.origin}/api/receipts/${ids.paymentId}`,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      paidAt: expect.any(String),
      reversedAt: null,
      iat: expect.any(Number),
    });
    const shown = await invoice(h, ids);
    expect(shown.invoiceStatus).toBe('INACTIVE');
    expect(shown.payments).toHaveLength(1);
    expect(shown.payments[0]).toMatchObject({ paymentId: ids.paymentId, status: 'FINISHED' });
  });

  it('shows an authorised HOLD as PAID/HOLDED', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 25000);
    expect(await payment(h, ids)).toMatchObject({ status: 'PAID', paymentStatus: 'HOLDED', amount: 25000 });
  });

  it('captures a hold in full: FINISHED/FINISHED', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 25000);
    const result = await operate(h, 'complete', ids);
    expect(result.payload).toEqual({ paymentId: ids.paymentId, iat: expect.any(Number) });
    expect(await payment(h, ids)).toMatchObject({
      status: 'FINISHED',
      paymentStatus: 'FINISHED',
      amount: 25000,
    });
  });

  it('captures a smaller amount given in params: the payment amount becomes the captured amount', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 25000);
    expect((await operate(h, 'complete', ids, { params: { amount: 18050 } })).body.status).toBe(1);
    expect(await payment(h, ids)).toMatchObject({
      status: 'FINISHED',
      paymentStatus: 'FINISHED',
      amount: 18050,
    });
  });

  it('ignores a capture amount sent in data (reference §3.7: it belongs in params)', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 25000);
    await operate(h, 'complete', ids, { data: { amount: 100 } });
    expect((await payment(h, ids)).amount).toBe(25000);
  });

  it('refuses a capture above the held amount and keeps the hold', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 25000);
    const result = await operate(h, 'complete', ids, { params: { amount: 25001 } });
    expect(result.body).toEqual({
      status: 0,
      error: { code: 'AMOUNT_ERROR', message: 'The amount exceeds the held amount' },
    });
    expect(await payment(h, ids)).toMatchObject({ status: 'PAID', paymentStatus: 'HOLDED' });
  });

  it('refuses to capture a payment that is not held (a PAY payment, a captured hold)', async () => {
    const h = await startFake();
    const pay = await h.paidInvoice('PAY', 1000);
    expect((await operate(h, 'complete', pay)).body.error.code).toBe('PAYMENT_STATUS_ERROR');
    const hold = await h.paidInvoice('HOLD', 1000);
    await operate(h, 'complete', hold);
    expect((await operate(h, 'complete', hold)).body.error).toEqual({
      code: 'PAYMENT_STATUS_ERROR',
      message: 'Only a held payment can be completed',
    });
  });

  it('refuses an invalid capture amount with FORMAT_ERROR params.amount', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 1000);
    expect((await operate(h, 'complete', ids, { params: { amount: -5 } })).body.error).toEqual({
      code: 'FORMAT_ERROR',
      fields: { params: { amount: 'INVALID' } },
    });
  });

  it('names missing payment ids in FORMAT_ERROR', async () => {
    const h = await startFake();
    const sessionId = await h.session();
    const result = await h.call('invoicer/payments/cancel', { params: { sessionId } });
    expect(result.body.error).toEqual({
      code: 'FORMAT_ERROR',
      fields: { params: { paymentId: 'REQUIRED', invoiceId: 'REQUIRED' } },
    });
  });

  it('refuses an operation naming the wrong invoice for the payment', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 1000);
    const other = await h.createInvoice(ids.sessionId);
    const result = await operate(h, 'complete', { ...ids, invoiceId: other.id });
    expect(result.body.error.code).toBe('PAYMENT_NOT_FOUND');
  });

  it('cancels a hold: CANCELED/CANCELED; cancel of anything not held is refused', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 1000);
    expect((await operate(h, 'cancel', ids)).payload).toMatchObject({ paymentId: ids.paymentId });
    expect(await payment(h, ids)).toMatchObject({ status: 'CANCELED', paymentStatus: 'CANCELED' });
    expect((await operate(h, 'cancel', ids)).body.error.code).toBe('PAYMENT_STATUS_ERROR');
    expect((await operate(h, 'complete', ids)).body.error.code).toBe('PAYMENT_STATUS_ERROR');
    const pay = await h.paidInvoice('PAY', 1000);
    expect((await operate(h, 'cancel', pay)).body.error.code).toBe('PAYMENT_STATUS_ERROR');
  });

  it('releases a hold after its lifetime on the shared clock: CANCELED/CANCELED, capture refused', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 1000);
    h.clock.advance(DEFAULT_HOLD_LIFETIME_MS - 60_000);
    // Sessions last a day: a week later the client opens a new one.
    const later = { ...ids, sessionId: await h.session() };
    expect(await payment(h, later)).toMatchObject({ status: 'PAID', paymentStatus: 'HOLDED' });
    h.clock.advance(60_000);
    expect(await payment(h, later)).toMatchObject({ status: 'CANCELED', paymentStatus: 'CANCELED' });
    expect((await operate(h, 'complete', later)).body.error.code).toBe('PAYMENT_STATUS_ERROR');
  });

  it('honours a configured hold lifetime', async () => {
    const h = await startFake({ holdLifetimeMs: 3600_000 });
    const ids = await h.paidInvoice('HOLD', 1000);
    h.clock.advance(3600_000);
    expect(await payment(h, ids)).toMatchObject({ status: 'CANCELED', paymentStatus: 'CANCELED' });
  });

  it('reverses a whole payment: REVERSED/REVERSED', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('PAY', 5000);
    expect((await operate(h, 'reverse', ids)).payload).toMatchObject({ paymentId: ids.paymentId });
    const shown = await payment(h, ids);
    expect(shown).toMatchObject({ status: 'REVERSED', paymentStatus: 'REVERSED', amount: 5000 });
    expect(shown.reversedAt).toEqual(expect.any(String));
    expect((await operate(h, 'reverse', ids)).body.error.code).toBe('PAYMENT_STATUS_ERROR');
  });

  it('allows several partial refunds (data.amount) up to the captured total, and no more', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 10000);
    await operate(h, 'complete', ids, { params: { amount: 8000 } });

    expect((await operate(h, 'reverse', ids, { data: { amount: 3000 } })).body.status).toBe(1);
    expect(await payment(h, ids)).toMatchObject({
      status: 'FINISHED',
      paymentStatus: 'RETURNED',
      amount: 8000,
    });
    expect((await operate(h, 'reverse', ids, { data: { amount: 3000 } })).body.status).toBe(1);
    expect(await payment(h, ids)).toMatchObject({ status: 'FINISHED', paymentStatus: 'RETURNED' });

    // 2000 remain of the 8000 captured.
    expect((await operate(h, 'reverse', ids, { data: { amount: 2001 } })).body.error).toEqual({
      code: 'AMOUNT_ERROR',
      message: 'The amount exceeds the refundable amount',
    });
    expect((await operate(h, 'reverse', ids, { data: { amount: 2000 } })).body.status).toBe(1);
    expect(await payment(h, ids)).toMatchObject({ status: 'REVERSED', paymentStatus: 'REVERSED' });
    expect((await operate(h, 'reverse', ids, { data: { amount: 1 } })).body.error.code).toBe(
      'PAYMENT_STATUS_ERROR',
    );
  });

  it('refunds the remainder when data.amount is left out after a partial refund', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('PAY', 10000);
    await operate(h, 'reverse', ids, { data: { amount: 2500 } });
    await operate(h, 'reverse', ids);
    expect(await payment(h, ids)).toMatchObject({ status: 'REVERSED', paymentStatus: 'REVERSED' });
  });

  it('refuses to reverse a hold (only FINISHED payments)', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 10000);
    expect((await operate(h, 'reverse', ids)).body.error.code).toBe('PAYMENT_STATUS_ERROR');
  });

  it('keeps a declined attempt (CANCELED/REJECTED) and the invoice ACTIVE until a later attempt succeeds', async () => {
    const h = await startFake();
    const sessionId = await h.session();
    const { id: invoiceId } = await h.createInvoice(sessionId, { type: 'HOLD', amount: 7000 });
    const declined = h.fake.state.pay(invoiceId, { card: 'decline' });
    expect(declined).toMatchObject({ status: 'CANCELED', paymentStatus: 'REJECTED' });
    expect((await invoice(h, { sessionId, invoiceId })).invoiceStatus).toBe('ACTIVE');

    const approved = h.fake.state.pay(invoiceId, { card: '3ds-confirmed' });
    const shown = await invoice(h, { sessionId, invoiceId });
    expect(shown.invoiceStatus).toBe('INACTIVE');
    expect(
      shown.payments.map((p: { paymentId: string; status: string; paymentStatus: string }) => [
        p.paymentId,
        p.status,
        p.paymentStatus,
      ]),
    ).toEqual([
      [declined.paymentId, 'CANCELED', 'REJECTED'],
      [approved.paymentId, 'PAID', 'HOLDED'],
    ]);
    expect(() => h.fake.state.pay(invoiceId, { card: 'success' })).toThrow(NotPayableError);
  });

  it('does not let a paid-and-refunded one-time invoice be paid again', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('PAY', 1000);
    await operate(h, 'reverse', ids);
    expect((await invoice(h, ids)).invoiceStatus).toBe('INACTIVE');
    expect(() => h.fake.state.pay(ids.invoiceId, { card: 'success' })).toThrow(NotPayableError);
  });

  it('shows changes made by someone else outside our app, and applies the same rules to them', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 9000);
    h.fake.state.actAsOtherParty({ action: 'complete', paymentId: ids.paymentId, amount: 6000 });
    expect(await payment(h, ids)).toMatchObject({
      status: 'FINISHED',
      paymentStatus: 'FINISHED',
      amount: 6000,
    });
    h.fake.state.actAsOtherParty({ action: 'reverse', paymentId: ids.paymentId, amount: 1000 });
    expect(await payment(h, ids)).toMatchObject({ paymentStatus: 'RETURNED' });
    expect(() => h.fake.state.actAsOtherParty({ action: 'cancel', paymentId: ids.paymentId })).toThrow(
      UapayApiError,
    );
    // Our own capture now meets a payment that is no longer held.
    expect((await operate(h, 'complete', ids)).body.error.code).toBe('PAYMENT_STATUS_ERROR');
  });

  it('refuses payments/show for an unknown payment', async () => {
    const h = await startFake();
    const sessionId = await h.session();
    const result = await h.call('invoicer/payments/show', { params: { sessionId, paymentId: 'nope' } });
    expect(result.body).toEqual({
      status: 0,
      error: { code: 'PAYMENT_NOT_FOUND', message: 'Payment not found' },
    });
  });
});
