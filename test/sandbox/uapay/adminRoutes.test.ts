import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLD_LIFETIME_MS } from '../../../electron/sandbox/uapay';
import { startFake, startReceiver, waitFor } from './harness';

async function admin(origin: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${origin}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any };
}

describe('UAPAY fake: the admin API under /__sandbox/', () => {
  it('adds a merchant whose key then signs API calls', async () => {
    const h = await startFake();
    const merchant = { clientId: '9100', secretKey: 'demo-key-9100', name: 'Demo' };
    expect((await admin(h.origin, 'POST', '/merchants', merchant)).status).toBe(201);
    expect((await admin(h.origin, 'GET', '/merchants')).body.merchants).toContainEqual(merchant);
    expect((await h.session(merchant)).length).toBe(36);
    expect((await admin(h.origin, 'POST', '/merchants', { clientId: 'x' })).status).toBe(400);
  });

  it('creates, pays, captures and refunds through HTTP, as the other party would', async () => {
    const h = await startFake();
    const created = await admin(h.origin, 'POST', '/invoices', {
      clientId: '7001',
      type: 'HOLD',
      amount: 5000,
      externalId: 'ADM-1',
      description: 'admin',
    });
    expect(created.status).toBe(201);
    expect(created.body.paymentPageUrl).toBe(`${h.origin}/payment/${created.body.id}`);
    const paid = await admin(h.origin, 'POST', `/invoices/${created.body.id}/pay`, { card: 'success' });
    expect(paid.body).toMatchObject({ status: 'PAID', paymentStatus: 'HOLDED' });
    const { paymentId } = paid.body;
    expect(
      (await admin(h.origin, 'POST', `/payments/${paymentId}/complete`, { amount: 4000 })).body,
    ).toMatchObject({
      status: 'FINISHED',
      amount: 4000,
    });
    expect(
      (await admin(h.origin, 'POST', `/payments/${paymentId}/reverse`, { amount: 5000 })).body,
    ).toMatchObject({
      code: 'AMOUNT_ERROR',
    });
    expect((await admin(h.origin, 'POST', `/payments/${paymentId}/reverse`, {})).body).toMatchObject({
      status: 'REVERSED',
    });
    expect(
      (await admin(h.origin, 'POST', `/invoices/${created.body.id}/pay`, { card: 'success' })).status,
    ).toBe(409);
    expect((await admin(h.origin, 'GET', `/invoices/${created.body.id}`)).body.payments).toHaveLength(1);
    expect((await admin(h.origin, 'GET', '/payments/nope')).status).toBe(404);
    expect((await admin(h.origin, 'POST', '/invoices', { clientId: '7001', type: 'X' })).body.code).toBe(
      'FORMAT_ERROR',
    );
  });

  it('advances the shared clock, which expires holds and sends their callbacks', async () => {
    const h = await startFake();
    const receiver = await startReceiver();
    const ids = await h.paidInvoice('HOLD', 1000, { callbackUrl: receiver.url });
    await waitFor(() => receiver.received.length === 1);
    const before = (await admin(h.origin, 'GET', '/clock')).body.now;
    const after = await admin(h.origin, 'POST', '/clock/advance', { ms: DEFAULT_HOLD_LIFETIME_MS });
    expect(after.body.now).toBeGreaterThanOrEqual(before + DEFAULT_HOLD_LIFETIME_MS);
    expect(h.clock.now()).toBeGreaterThanOrEqual(after.body.now);
    expect((await admin(h.origin, 'GET', `/payments/${ids.paymentId}`)).body).toMatchObject({
      status: 'CANCELED',
      paymentStatus: 'CANCELED',
    });
    await waitFor(() => receiver.received.length === 2);
    expect(
      (await admin(h.origin, 'GET', '/callbacks')).body.callbacks.map((c: { event: string }) => c.event),
    ).toEqual(['held', 'hold-expired']);
  });

  it('injects faults, reports calls and sets the rate limit', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('HOLD', 1000);
    const fault = await admin(h.origin, 'POST', '/faults', {
      method: 'invoicer/payments/complete',
      kind: 'lostReply',
      paymentId: ids.paymentId,
    });
    expect(fault.status).toBe(201);
    expect((await admin(h.origin, 'GET', '/faults')).body.faults).toHaveLength(1);
    const params = { sessionId: ids.sessionId, invoiceId: ids.invoiceId, paymentId: ids.paymentId };
    expect((await h.call('invoicer/payments/complete', { params })).http).toBe(502);
    expect(h.fake.state.payment(ids.paymentId)).toMatchObject({ paymentStatus: 'FINISHED' });

    const calls = await admin(
      h.origin,
      'GET',
      `/calls?method=invoicer/payments/complete&paymentId=${ids.paymentId}`,
    );
    expect(calls.body.count).toBe(1);
    expect((await admin(h.origin, 'DELETE', '/calls')).status).toBe(204);
    expect((await admin(h.origin, 'GET', '/calls')).body.count).toBe(0);

    expect((await admin(h.origin, 'POST', '/faults', { method: 'nope', kind: 'timeout' })).status).toBe(400);
    expect(
      (await admin(h.origin, 'POST', '/faults', { method: '*', kind: 'http', status: 200 })).status,
    ).toBe(400);
    await admin(h.origin, 'POST', '/faults', { method: '*', kind: 'timeout', times: 'always' });
    expect((await admin(h.origin, 'DELETE', '/faults')).status).toBe(204);
    expect((await admin(h.origin, 'GET', '/faults')).body.faults).toEqual([]);

    expect(
      (await admin(h.origin, 'PUT', '/rate-limit', { rateLimit: { requests: 1, perMs: 60_000 } })).body,
    ).toEqual({
      rateLimit: { requests: 1, perMs: 60_000 },
    });
    await h.call('sessions/create', { params: { clientId: '7001' } });
    expect((await h.call('sessions/create', { params: { clientId: '7001' } })).body.error.code).toBe(
      'RATE_LIMIT_ERROR',
    );
    expect((await admin(h.origin, 'PUT', '/rate-limit', { rateLimit: null })).body).toEqual({
      rateLimit: null,
    });
  });
});
