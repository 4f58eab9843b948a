import { describe, expect, it } from 'vitest';
import { startFake, type Harness } from './harness';

async function heldPayment(h: Harness) {
  return h.paidInvoice('HOLD', 10000);
}

function complete(
  h: Harness,
  ids: { sessionId: string; invoiceId: string; paymentId: string },
  signal?: AbortSignal,
) {
  return h.call('invoicer/payments/complete', {
    params: { sessionId: ids.sessionId, invoiceId: ids.invoiceId, paymentId: ids.paymentId },
    signal,
  });
}

describe('UAPAY fake: injected faults', () => {
  it('adds latency and then answers normally', async () => {
    const h = await startFake();
    const ids = await heldPayment(h);
    h.fake.control.addFault({ method: 'invoicer/payments/complete', kind: 'latency', ms: 150 });
    const started = performance.now();
    const result = await complete(h, ids);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(result.body.status).toBe(1);
  });

  it('answers a 5xx gateway page without doing the work, once by default', async () => {
    const h = await startFake();
    const ids = await heldPayment(h);
    h.fake.control.addFault({ method: 'invoicer/payments/complete', kind: 'http', status: 503 });
    const failed = await complete(h, ids);
    expect(failed.http).toBe(503);
    expect(failed.body).toContain('503 Service Unavailable');
    expect(h.fake.state.payment(ids.paymentId)).toMatchObject({ paymentStatus: 'HOLDED' });
    expect((await complete(h, ids)).body.status).toBe(1);
    expect(h.fake.state.payment(ids.paymentId)).toMatchObject({ paymentStatus: 'FINISHED' });
  });

  it('holds a request unanswered (timeout) without doing the work, and close() still finishes', async () => {
    const h = await startFake();
    const ids = await heldPayment(h);
    h.fake.control.addFault({ method: 'invoicer/payments/complete', kind: 'timeout' });
    await expect(complete(h, ids, AbortSignal.timeout(300))).rejects.toThrow(/abort|timeout/i);
    expect(h.fake.state.payment(ids.paymentId)).toMatchObject({ paymentStatus: 'HOLDED' });

    // A request still held when the fake closes sees its connection dropped.
    h.fake.control.addFault({ method: 'invoicer/payments/complete', kind: 'timeout' });
    const pending = complete(h, ids);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await h.fake.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });

  it('does the work but loses the reply (502): the capture happened although the caller saw a failure', async () => {
    const h = await startFake();
    const ids = await heldPayment(h);
    h.fake.control.addFault({ method: 'invoicer/payments/complete', kind: 'lostReply' });
    const failed = await complete(h, ids);
    expect(failed.http).toBe(502);
    expect(failed.body).toContain('502 Bad Gateway');
    const shown = await h.call('invoicer/payments/show', {
      params: { sessionId: ids.sessionId, paymentId: ids.paymentId },
    });
    expect(shown.payload).toMatchObject({ status: 'FINISHED', paymentStatus: 'FINISHED' });
    // A blind retry now meets a payment that is no longer held.
    expect((await complete(h, ids)).body.error.code).toBe('PAYMENT_STATUS_ERROR');
  });

  it('does the work but drops the connection', async () => {
    const h = await startFake();
    const ids = await heldPayment(h);
    h.fake.control.addFault({ method: 'invoicer/payments/reverse', kind: 'lostReply', reply: 'drop' });
    const ids2 = await h.paidInvoice('PAY', 5000);
    await expect(
      h.call('invoicer/payments/reverse', {
        params: { sessionId: ids2.sessionId, invoiceId: ids2.invoiceId, paymentId: ids2.paymentId },
        data: { amount: 2000 },
      }),
    ).rejects.toThrow();
    expect(h.fake.state.payment(ids2.paymentId)).toMatchObject({
      status: 'FINISHED',
      paymentStatus: 'RETURNED',
    });
    expect(h.fake.state.payment(ids.paymentId)).toMatchObject({ paymentStatus: 'HOLDED' });
  });

  it('does the work and never answers (hang)', async () => {
    const h = await startFake();
    const sessionId = await h.session();
    h.fake.control.addFault({
      method: 'invoicer/invoices/create',
      kind: 'lostReply',
      reply: 'hang',
      externalId: 'LOST-1',
    });
    await expect(
      h.call('invoicer/invoices/create', {
        params: { sessionId, systemType: 'ECOM' },
        data: { externalId: 'LOST-1', type: 'PAY', amount: 100, description: 'x' },
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    // The invoice exists: a client can find it by externalId.
    const found = await h.call('invoicer/invoices/show/list', {
      params: { sessionId, externalIds: ['LOST-1'] },
    });
    expect(found.payload!.invoices).toHaveLength(1);
  });

  it("refuses with UAPAY's error envelope and the given code and text", async () => {
    const h = await startFake();
    const ids = await heldPayment(h);
    h.fake.control.addFault({
      method: 'invoicer/payments/complete',
      kind: 'error',
      code: 'PAYMENT_ERROR',
      message: 'Недостатньо коштів на рахунку',
      times: 2,
    });
    for (let i = 0; i < 2; i++) {
      expect((await complete(h, ids)).body).toEqual({
        status: 0,
        error: { code: 'PAYMENT_ERROR', message: 'Недостатньо коштів на рахунку' },
      });
    }
    expect(h.fake.state.payment(ids.paymentId)).toMatchObject({ paymentStatus: 'HOLDED' });
    expect((await complete(h, ids)).body.status).toBe(1);
  });

  it('aims a fault at one payment only', async () => {
    const h = await startFake();
    const a = await heldPayment(h);
    const b = await heldPayment(h);
    h.fake.control.addFault({
      method: 'invoicer/payments/complete',
      kind: 'http',
      status: 500,
      paymentId: b.paymentId,
      times: 'always',
    });
    expect((await complete(h, a)).body.status).toBe(1);
    expect((await complete(h, b)).http).toBe(500);
    expect((await complete(h, b)).http).toBe(500);
    h.fake.control.clearFaults();
    expect((await complete(h, b)).body.status).toBe(1);
  });

  it('aims a fault at one invoice, across methods with "*"', async () => {
    const h = await startFake();
    const a = await heldPayment(h);
    const id = h.fake.control.addFault({
      method: '*',
      kind: 'http',
      status: 502,
      invoiceId: a.invoiceId,
      times: 'always',
    });
    expect(
      (await h.call('invoicer/invoices/show', { params: { sessionId: a.sessionId, id: a.invoiceId } })).http,
    ).toBe(502);
    expect((await complete(h, a)).http).toBe(502);
    expect(
      (
        await h.call('invoicer/invoices/show/list', {
          params: { sessionId: a.sessionId, ids: [a.invoiceId] },
        })
      ).http,
    ).toBe(502);
    h.fake.control.removeFault(id);
    expect(h.fake.control.faults()).toEqual([]);
  });

  it('rejects a malformed fault', () => {
    return startFake().then((h) => {
      expect(() => h.fake.control.addFault({ method: '*', kind: 'http', status: 404 })).toThrow(RangeError);
      expect(() => h.fake.control.addFault({ method: '*', kind: 'latency', ms: 1, times: 0 })).toThrow(
        RangeError,
      );
    });
  });
});
