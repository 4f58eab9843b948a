import { describe, expect, it } from 'vitest';
import { startFake } from './harness';

describe('UAPAY fake: call counts', () => {
  it('counts calls per method and per payment, so "sent exactly once" can be proven', async () => {
    const h = await startFake();
    const a = await h.paidInvoice('HOLD', 1000);
    const b = await h.paidInvoice('HOLD', 1000);
    const complete = (ids: typeof a) =>
      h.call('invoicer/payments/complete', {
        params: { sessionId: ids.sessionId, invoiceId: ids.invoiceId, paymentId: ids.paymentId },
      });
    await complete(a);
    await complete(b);
    await complete(b); // refused, but still a call
    const { control } = h.fake;
    expect(control.calls({ method: 'invoicer/payments/complete' })).toBe(3);
    expect(control.calls({ method: 'invoicer/payments/complete', paymentId: a.paymentId })).toBe(1);
    expect(control.calls({ method: 'invoicer/payments/complete', paymentId: b.paymentId })).toBe(2);
    expect(control.calls({ method: 'sessions/create' })).toBe(2);
    expect(control.callLog({ paymentId: b.paymentId }).map((call) => [call.outcome, call.errorCode])).toEqual(
      [
        ['ok', undefined],
        ['error', 'PAYMENT_STATUS_ERROR'],
      ],
    );
  });

  it('counts invoice creation per created invoice and per externalId', async () => {
    const h = await startFake();
    const sessionId = await h.session();
    const { id } = await h.createInvoice(sessionId, { externalId: 'ORDER-9' });
    await h.call('invoicer/invoices/show', { params: { sessionId, id } });
    expect(h.fake.control.calls({ invoiceId: id })).toBe(2);
    expect(h.fake.control.calls({ method: 'invoicer/invoices/create', invoiceId: id })).toBe(1);
    expect(h.fake.control.calls({ method: 'invoicer/invoices/create', externalId: 'ORDER-9' })).toBe(1);
  });

  it('counts calls that met a fault or a bad signature too, and resets', async () => {
    const h = await startFake();
    h.fake.control.addFault({ method: 'sessions/create', kind: 'http', status: 503 });
    await h.call('sessions/create', { params: { clientId: '7001' } });
    await h.call('sessions/create', { params: { clientId: '7001' }, secretKey: 'wrong' });
    expect(h.fake.control.callLog({ method: 'sessions/create' }).map((call) => call.outcome)).toEqual([
      'fault',
      'error',
    ]);
    h.fake.control.resetCalls();
    expect(h.fake.control.calls()).toBe(0);
  });
});
