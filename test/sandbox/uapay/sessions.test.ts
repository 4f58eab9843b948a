import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_LIFETIME_MS } from '../../../electron/sandbox/uapay';
import { OTHER_MERCHANT, startFake } from './harness';

describe('UAPAY fake: sessions (reference §3.1)', () => {
  it('creates a session per call and accepts it on the invoicer methods', async () => {
    const { session, createInvoice } = await startFake();
    const first = await session();
    const second = await session();
    expect(first).not.toBe(second);
    await createInvoice(first);
    await createInvoice(second);
  });

  it('expires a session after 24 h of sandbox time by default, with SESSION_EXPIRED', async () => {
    const { session, call, clock } = await startFake();
    const sessionId = await session();
    const show = () => call('invoicer/invoices/show/list', { params: { sessionId, ids: ['x'] } });
    clock.advance(DEFAULT_SESSION_LIFETIME_MS - 60_000);
    expect((await show()).body.status).toBe(1);
    clock.advance(60_000);
    expect((await show()).body).toEqual({
      status: 0,
      error: { code: 'SESSION_EXPIRED', message: 'Session expired' },
    });
  });

  it('honours a configured session lifetime', async () => {
    const { session, call, clock } = await startFake({ sessionLifetimeMs: 60_000 });
    const sessionId = await session();
    clock.advance(61_000);
    const result = await call('invoicer/invoices/show', { params: { sessionId, id: 'x' } });
    expect(result.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('refuses an unknown session and names a missing one in FORMAT_ERROR', async () => {
    const { call } = await startFake();
    expect((await call('invoicer/invoices/show', { params: { sessionId: 'nope', id: 'x' } })).body).toEqual({
      status: 0,
      error: { code: 'SESSION_NOT_FOUND', message: 'Session not found' },
    });
    expect((await call('invoicer/invoices/show', { params: { id: 'x' } })).body).toEqual({
      status: 0,
      error: { code: 'FORMAT_ERROR', fields: { params: { sessionId: 'REQUIRED' } } },
    });
  });

  it("refuses a session used with another merchant's key", async () => {
    const { session, call } = await startFake();
    const sessionId = await session();
    const result = await call('invoicer/invoices/show', {
      params: { sessionId, id: 'x' },
      secretKey: OTHER_MERCHANT.secretKey,
    });
    expect(result.body.error.code).toBe('TOKEN_ERROR');
  });

  it("does not show one merchant's invoice to another", async () => {
    const { session, createInvoice, call } = await startFake();
    const { id } = await createInvoice(await session());
    const otherSession = await session(OTHER_MERCHANT);
    const result = await call(
      'invoicer/invoices/show',
      { params: { sessionId: otherSession, id } },
      OTHER_MERCHANT,
    );
    expect(result.body).toEqual({
      status: 0,
      error: { code: 'INVOICE_NOT_FOUND', message: 'Invoice not found' },
    });
  });
});
