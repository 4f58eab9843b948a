import { describe, expect, it } from 'vitest';
import { formatPayExpiresAt, SHOW_LIST_LIMIT } from '../../../electron/sandbox/uapay';
import { MERCHANT, OTHER_MERCHANT, startFake } from './harness';

describe('UAPAY fake: invoices (reference §3.2–§3.4)', () => {
  it('creates an invoice and answers id, paymentPageUrl and paymentPageUrlQR', async () => {
    const { session, call, origin } = await startFake();
    const sessionId = await session();
    const result = await call('invoicer/invoices/create', {
      params: { sessionId, systemType: 'ECOM' },
      data: {
        externalId: 'A-100',
        type: 'HOLD',
        amount: 123450,
        description: 'Замовлення A-100',
        reusability: false,
        redirectUrl: 'https://shop.example/thanks',
        callbackUrl: 'https://shop.example/uapay?order=A-100',
        email: 'buyer@example.com',
        extraInfo: JSON.stringify({ orderId: 100, site: 'main' }),
        payExpiresAt: '2099-01-01 12:00:00',
      },
    });
    const { id } = result.payload!;
    expect(result.payload).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      paymentPageUrl: `${origin}/payment/${id}`,
      paymentPageUrlQR: `${origin}/payment/${id}/qr`,
      iat: expect.any(Number),
    });

    const shown = await call('invoicer/invoices/show', { params: { sessionId, id } });
    expect(shown.payload).toEqual({
      id,
      invoiceNumber: expect.any(Number),
      clientId: Number(MERCHANT.clientId),
      externalId: 'A-100',
      systemType: 'ECOM',
      amount: 123450,
      reusability: false,
      description: 'Замовлення A-100',
      invoiceStatus: 'ACTIVE',
      redirectUrl: 'https://shop.example/thanks',
      callbackUrl: 'https://shop.example/uapay?order=A-100',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      type: 'HOLD',
      email: 'buyer@example.com',
      // §3.3: a JSON string on create, an object in invoices/show.
      extraInfo: { orderId: 100, site: 'main' },
      serviceData: [],
      payments: [],
      iat: expect.any(Number),
    });
  });

  it('lists every missing required field in one FORMAT_ERROR', async () => {
    const { session, call } = await startFake();
    const result = await call('invoicer/invoices/create', {
      params: { sessionId: await session() },
      data: {},
    });
    expect(result.body).toEqual({
      status: 0,
      error: {
        code: 'FORMAT_ERROR',
        fields: {
          params: { systemType: 'REQUIRED' },
          data: { type: 'REQUIRED', amount: 'REQUIRED', externalId: 'REQUIRED', description: 'REQUIRED' },
        },
      },
    });
  });

  it.each([
    ['params', 'systemType', { systemType: 'P2P' }, {}],
    ['data', 'type', {}, { type: 'SUBSCRIBE' }],
    ['data', 'type', {}, { type: 'pay' }],
    ['data', 'amount', {}, { amount: 100.5 }],
    ['data', 'amount', {}, { amount: '10000' }],
    ['data', 'amount', {}, { amount: 0 }],
    ['data', 'extraInfo', {}, { extraInfo: '{not json' }],
    ['data', 'extraInfo', {}, { extraInfo: { orderId: 1 } }],
    ['data', 'payExpiresAt', {}, { payExpiresAt: '2099-01-01T12:00:00Z' }],
    ['data', 'payExpiresAt', {}, { payExpiresAt: '2099-02-30 12:00:00' }],
    ['data', 'reusability', {}, { reusability: true }],
    ['data', 'callbackUrl', {}, { callbackUrl: 'not a url' }],
    ['data', 'email', {}, { email: 'nobody' }],
  ])('refuses an invalid %s.%s (%j %j) with FORMAT_ERROR … INVALID', async (group, name, params, data) => {
    const { session, call } = await startFake();
    const result = await call('invoicer/invoices/create', {
      params: { sessionId: await session(), systemType: 'ECOM', ...params },
      data: { externalId: 'A', type: 'PAY', amount: 100, description: 'd', ...data },
    });
    expect(result.body).toEqual({
      status: 0,
      error: { code: 'FORMAT_ERROR', fields: { [group]: { [name]: 'INVALID' } } },
    });
  });

  it('turns an invoice INACTIVE once payExpiresAt passes on the shared clock', async () => {
    const { session, createInvoice, call, clock } = await startFake();
    const sessionId = await session();
    const { id } = await createInvoice(sessionId, {
      payExpiresAt: formatPayExpiresAt(clock.now() + 3600_000),
    });
    const status = async () =>
      (await call('invoicer/invoices/show', { params: { sessionId, id } })).payload!.invoiceStatus;
    expect(await status()).toBe('ACTIVE');
    clock.advance(3600_000 + 1000);
    expect(await status()).toBe('INACTIVE');
  });

  it('reads payExpiresAt as Kyiv local time', async () => {
    const { session, createInvoice, call, clock } = await startFake();
    const sessionId = await session();
    // The UTC wall time one hour ahead is already past in Kyiv (UTC+2/+3).
    const utcWall = new Date(clock.now() + 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    const { id } = await createInvoice(sessionId, { payExpiresAt: utcWall });
    expect((await call('invoicer/invoices/show', { params: { sessionId, id } })).payload!.invoiceStatus).toBe(
      'INACTIVE',
    );
  });

  it('shows many invoices by ids[] or by externalIds[]', async () => {
    const { session, createInvoice, call } = await startFake();
    const sessionId = await session();
    const a = await createInvoice(sessionId, { externalId: 'EXT-A' });
    const b = await createInvoice(sessionId, { externalId: 'EXT-B' });
    const again = await createInvoice(sessionId, { externalId: 'EXT-A' });
    const otherSession = await session(OTHER_MERCHANT);
    const foreign = await call(
      'invoicer/invoices/create',
      {
        params: { sessionId: otherSession, systemType: 'ECOM' },
        data: { externalId: 'EXT-A', type: 'PAY', amount: 1, description: 'x' },
      },
      OTHER_MERCHANT,
    );

    const byIds = await call('invoicer/invoices/show/list', {
      params: { sessionId, ids: [a.id, b.id, foreign.payload!.id, 'unknown'] },
    });
    expect(byIds.payload!.invoices.map((invoice: { id: string }) => invoice.id)).toEqual([a.id, b.id]);
    expect(byIds.payload!.invoices[0]).toMatchObject({
      externalId: 'EXT-A',
      invoiceStatus: 'ACTIVE',
      payments: [],
    });

    const byExternal = await call('invoicer/invoices/show/list', {
      params: { sessionId, externalIds: ['EXT-A'] },
    });
    expect(byExternal.payload!.invoices.map((invoice: { id: string }) => invoice.id)).toEqual([
      a.id,
      again.id,
    ]);
  });

  it('allows at most 100 ids per show/list request', async () => {
    const { session, call } = await startFake();
    const sessionId = await session();
    const ids = (count: number) => Array.from({ length: count }, (_, index) => `id-${index}`);
    expect(
      (await call('invoicer/invoices/show/list', { params: { sessionId, ids: ids(SHOW_LIST_LIMIT) } }))
        .payload,
    ).toMatchObject({ invoices: [] });
    expect(
      (await call('invoicer/invoices/show/list', { params: { sessionId, ids: ids(SHOW_LIST_LIMIT + 1) } }))
        .body,
    ).toEqual({ status: 0, error: { code: 'FORMAT_ERROR', fields: { params: { ids: 'INVALID' } } } });
    expect(
      (await call('invoicer/invoices/show/list', { params: { sessionId, externalIds: ids(101) } })).body
        .error,
    ).toEqual({ code: 'FORMAT_ERROR', fields: { params: { externalIds: 'INVALID' } } });
  });

  it('wants ids[] or externalIds[] in show/list', async () => {
    const { session, call } = await startFake();
    const sessionId = await session();
    expect((await call('invoicer/invoices/show/list', { params: { sessionId } })).body.error).toEqual({
      code: 'FORMAT_ERROR',
      fields: { params: { ids: 'REQUIRED' } },
    });
    expect(
      (await call('invoicer/invoices/show/list', { params: { sessionId, ids: [] } })).body.error,
    ).toEqual({
      code: 'FORMAT_ERROR',
      fields: { params: { ids: 'INVALID' } },
    });
  });

  it('names a missing invoice id and refuses an unknown one', async () => {
    const { session, call } = await startFake();
    const sessionId = await session();
    expect((await call('invoicer/invoices/show', { params: { sessionId } })).body.error).toEqual({
      code: 'FORMAT_ERROR',
      fields: { params: { id: 'REQUIRED' } },
    });
    expect(
      (await call('invoicer/invoices/show', { params: { sessionId, id: 'nope' } })).body.error.code,
    ).toBe('INVOICE_NOT_FOUND');
  });
});
