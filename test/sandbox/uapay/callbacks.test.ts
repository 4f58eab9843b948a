import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { CALLBACK_RETRY_DELAYS_MS, DEFAULT_HOLD_LIFETIME_MS } from '../../../electron/sandbox/uapay';
import { key, MERCHANT, startFake, startReceiver, waitFor } from './harness';

async function verified(token: string) {
  expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
  return (await jwtVerify(token, key(MERCHANT.secretKey), { algorithms: ['HS256'] })).payload;
}

describe('UAPAY fake: callbacks (reference §5)', () => {
  it('POSTs {"token": JWT} signed with the merchant key after a payment, with the documented fields', async () => {
    const h = await startFake();
    const receiver = await startReceiver();
    const extraInfo = JSON.stringify({ orderId: 42 });
    const ids = await h.paidInvoice('PAY', 100000, {
      callbackUrl: receiver.url,
      externalId: 'ORD-42',
      extraInfo,
    });
    await waitFor(() => receiver.received.length === 1);
    const [delivery] = receiver.received;
    expect(delivery!.contentType).toBe('application/json');
    expect(Object.keys(delivery!.body)).toEqual(['token']);
    const payload = await verified(delivery!.body.token);
    expect(payload).toEqual({
      paymentId: ids.paymentId,
      invoiceId: ids.invoiceId,
      externalId: 'ORD-42',
      paymentNumber: expect.any(Number),
      cardFromMasked: '4111111111',
      cardToMasked: null,
      amount: 100000,
      status: 'FINISHED',
      type: 'PAY',
      systemType: 'ECOM',
      paymentStatus: 'FINISHED',
      // §5: a JSON string in callbacks.
      extraInfo,
      createDate: expect.stringMatching(/Z$/),
      payDate: expect.stringMatching(/Z$/),
      iat: expect.any(Number),
    });
    expect(payload.iat).toBeLessThanOrEqual(h.clock.now() / 1000);
    expect(h.fake.control.callbacks()).toMatchObject([
      { state: 'delivered', event: 'paid', attempts: [{ httpStatus: 200 }] },
    ]);
  });

  it('refuses to verify with another key (the signature is real)', async () => {
    const h = await startFake();
    const receiver = await startReceiver();
    await h.paidInvoice('PAY', 100, { callbackUrl: receiver.url });
    await waitFor(() => receiver.received.length === 1);
    await expect(jwtVerify(receiver.received[0]!.body.token, key('wrong'))).rejects.toThrow();
  });

  it('sends one callback per state change: hold, partial capture, partial and full refund', async () => {
    const h = await startFake();
    const receiver = await startReceiver();
    const ids = await h.paidInvoice('HOLD', 10000, { callbackUrl: receiver.url });
    const op = (method: string, extra: object = {}) =>
      h.call(`invoicer/payments/${method}`, {
        params: { sessionId: ids.sessionId, invoiceId: ids.invoiceId, paymentId: ids.paymentId },
        ...extra,
      });
    await waitFor(() => receiver.received.length === 1);
    await op('complete', {
      params: { sessionId: ids.sessionId, invoiceId: ids.invoiceId, paymentId: ids.paymentId, amount: 9000 },
    });
    await waitFor(() => receiver.received.length === 2);
    await op('reverse', { data: { amount: 4000 } });
    await waitFor(() => receiver.received.length === 3);
    await op('reverse');
    await waitFor(() => receiver.received.length === 4);
    const states = await Promise.all(
      receiver.received.map(async ({ body }) => {
        const payload = await verified(body.token);
        return [payload.status, payload.paymentStatus, payload.amount];
      }),
    );
    expect(states).toEqual([
      ['PAID', 'HOLDED', 10000],
      ['FINISHED', 'FINISHED', 9000],
      ['FINISHED', 'RETURNED', 9000],
      ['REVERSED', 'REVERSED', 9000],
    ]);
  });

  it('tells about a declined attempt, a cancelled hold and an expired hold', async () => {
    const h = await startFake();
    const receiver = await startReceiver();
    const sessionId = await h.session();
    const first = await h.createInvoice(sessionId, { type: 'HOLD', callbackUrl: receiver.url });
    h.fake.state.pay(first.id, { card: 'decline' });
    const held = h.fake.state.pay(first.id, { card: 'success' });
    h.fake.state.actAsOtherParty({ action: 'cancel', paymentId: held.paymentId });
    const second = await h.createInvoice(sessionId, { type: 'HOLD', callbackUrl: receiver.url });
    h.fake.state.pay(second.id, { card: 'success' });
    await waitFor(() => receiver.received.length === 4);
    // The clock moving is enough: nobody calls the API, the fake's own timer releases the hold.
    h.clock.advance(DEFAULT_HOLD_LIFETIME_MS);
    await waitFor(() => receiver.received.length === 5);
    const pairs = await Promise.all(
      receiver.received.map(async ({ body }) => {
        const payload = await verified(body.token);
        return `${payload.status}/${payload.paymentStatus}`;
      }),
    );
    expect(new Set(pairs.slice(0, 4))).toEqual(
      new Set(['CANCELED/REJECTED', 'PAID/HOLDED', 'CANCELED/CANCELED']),
    );
    expect(pairs[4]).toBe('CANCELED/CANCELED');
    expect(h.fake.control.callbacks().map((delivery) => delivery.event)).toEqual([
      'declined',
      'held',
      'canceled',
      'held',
      'hold-expired',
    ]);
  });

  it('retries after a non-200 answer on the documented schedule, compressed by the time factor', async () => {
    const factor = 0.001;
    const h = await startFake({ callbackTimeFactor: factor });
    const receiver = await startReceiver([500, 404, 200]);
    await h.paidInvoice('PAY', 100, { callbackUrl: receiver.url });
    await waitFor(() => receiver.received.length === 3);
    const times = receiver.received.map((delivery) => delivery.at);
    // 5 s × 0.001 = 5 ms, then 5 min × 0.001 = 300 ms.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(CALLBACK_RETRY_DELAYS_MS[0]! * factor - 1);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(CALLBACK_RETRY_DELAYS_MS[1]! * factor - 1);
    await waitFor(() => h.fake.control.callbacks()[0]?.state === 'delivered');
    expect(h.fake.control.callbacks()[0]!.attempts.map((attempt) => attempt.httpStatus)).toEqual([
      500, 404, 200,
    ]);
    // Each attempt is signed afresh and verifies.
    for (const delivery of receiver.received) await verified(delivery.body.token);
  });

  it('gives up after the first attempt and five retries', async () => {
    const factor = 0.00001; // the whole day-long schedule in under a second
    const h = await startFake({ callbackTimeFactor: factor });
    const receiver = await startReceiver([503]);
    await h.paidInvoice('PAY', 100, { callbackUrl: receiver.url });
    await waitFor(() => h.fake.control.callbacks()[0]?.state === 'failed');
    expect(receiver.received).toHaveLength(1 + CALLBACK_RETRY_DELAYS_MS.length);
    const gaps = receiver.received
      .slice(1)
      .map((delivery, index) => delivery.at - receiver.received[index]!.at);
    CALLBACK_RETRY_DELAYS_MS.forEach((delay, index) =>
      expect(gaps[index]).toBeGreaterThanOrEqual(delay * factor - 1),
    );
  });

  it('retries when the merchant cannot be reached at all', async () => {
    const h = await startFake({ callbackTimeFactor: 0.00001 });
    const receiver = await startReceiver();
    const url = receiver.url;
    await receiver.close();
    await h.paidInvoice('PAY', 100, { callbackUrl: url });
    await waitFor(() => h.fake.control.callbacks()[0]?.state === 'failed');
    const attempts = h.fake.control.callbacks()[0]!.attempts;
    expect(attempts).toHaveLength(6);
    expect(attempts[0]!.error).toEqual(expect.any(String));
  });

  it('stops retrying cleanly on close()', async () => {
    const h = await startFake({ callbackTimeFactor: 1 });
    const receiver = await startReceiver([500]);
    await h.paidInvoice('PAY', 100, { callbackUrl: receiver.url });
    await waitFor(() => receiver.received.length === 1);
    await waitFor(() => h.fake.control.callbacks()[0]!.attempts[0]!.httpStatus === 500);
    const started = performance.now();
    await h.fake.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(h.fake.control.callbacks()[0]!.state).toBe('stopped');
  });

  it('sends nothing without a callbackUrl, or when the library is asked not to notify', async () => {
    const h = await startFake();
    const receiver = await startReceiver();
    await h.paidInvoice('PAY', 100);
    const sessionId = await h.session();
    const { id } = await h.createInvoice(sessionId, { callbackUrl: receiver.url });
    h.fake.state.pay(id, { card: 'success', notify: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.received).toHaveLength(0);
    expect(h.fake.control.callbacks()).toHaveLength(0);
  });
});
