import { describe, expect, it } from 'vitest';
import { startAccount } from './support';

describe('RetailCRM fake: reference books', () => {
  it('lists payment types and statuses keyed by code, with the links on both sides', async () => {
    const { http } = await startAccount();
    const types = await http.get('/api/v5/reference/payment-types');
    expect(Object.keys(types.body.paymentTypes)).toEqual(['uapay', 'cash']);
    expect(types.body.paymentTypes.uapay).toEqual({
      name: 'UAPAY',
      code: 'uapay',
      active: true,
      defaultForCrm: false,
      defaultForApi: false,
      deliveryTypes: [],
      paymentStatuses: ['not-paid', 'paid', 'refunded'],
    });
    const statuses = await http.get('/api/v5/reference/payment-statuses');
    expect(statuses.body.paymentStatuses.paid).toEqual({
      name: 'Paid',
      code: 'paid',
      active: true,
      defaultForCrm: false,
      defaultForApi: false,
      paymentComplete: true,
      ordering: 60,
      paymentTypes: ['uapay', 'cash'],
    });
    expect(statuses.body.paymentStatuses.refunded.paymentTypes).toEqual(['uapay']);
  });

  it('lists sites keyed by code and currencies as an array with exactly one base', async () => {
    const { http } = await startAccount();
    const sites = await http.get('/api/v5/reference/sites');
    expect(sites.body.sites['shop-a']).toMatchObject({
      code: 'shop-a',
      name: 'Shop A',
      currency: 'UAH',
      url: 'https://a.example',
    });
    const currencies = await http.get('/api/v5/reference/currencies');
    expect(currencies.body.currencies).toEqual([
      { id: 1, code: 'UAH', isBase: true, isAutoConvert: false },
      { id: 2, code: 'USD', isBase: false, isAutoConvert: true, autoConvertExtraPercent: 2 },
    ]);
  });

  it('creates a payment type with 201 and updates it with 200', async () => {
    const { http } = await startAccount();
    const created = await http.post('/api/v5/reference/payment-types/uapay-hold/edit', {
      paymentType: {
        name: 'UAPAY (hold)',
        active: true,
        paymentStatuses: ['not-paid', 'paid'],
        description: 'Card, captured later',
      },
    });
    expect(created).toEqual({ status: 201, body: { success: true } });
    const updated = await http.postMultipart('/api/v5/reference/payment-types/uapay-hold/edit', {
      paymentType: { defaultForApi: true },
    });
    expect(updated).toEqual({ status: 200, body: { success: true } });
    const { body } = await http.get('/api/v5/reference/payment-types');
    expect(body.paymentTypes['uapay-hold']).toMatchObject({
      name: 'UAPAY (hold)',
      defaultForApi: true,
      description: 'Card, captured later',
      paymentStatuses: ['not-paid', 'paid'],
    });
  });

  it('creates a payment status with 201 and updates it with 200', async () => {
    const { http } = await startAccount();
    const created = await http.post('/api/v5/reference/payment-statuses/held/edit', {
      paymentStatus: { name: 'Held', active: true, ordering: 40, paymentTypes: ['uapay'] },
    });
    expect(created).toEqual({ status: 201, body: { success: true } });
    expect(
      (await http.post('/api/v5/reference/payment-statuses/held/edit', { paymentStatus: { ordering: 45 } }))
        .status,
    ).toBe(200);
    const { body } = await http.get('/api/v5/reference/payment-types');
    expect(body.paymentTypes.uapay.paymentStatuses).toContain('held');
    const statuses = await http.get('/api/v5/reference/payment-statuses');
    expect(statuses.body.paymentStatuses.held).toMatchObject({
      ordering: 45,
      paymentComplete: false,
      paymentTypes: ['uapay'],
    });
  });

  it('refuses a new element without a name and fields of the wrong type', async () => {
    const { http } = await startAccount();
    const reply = await http.post('/api/v5/reference/payment-statuses/nameless/edit', {
      paymentStatus: { paymentComplete: 'yes', paymentTypes: ['no-such-type'] },
    });
    expect(reply).toEqual({
      status: 400,
      body: {
        success: false,
        errorMsg: 'Errors in the entity format',
        errors: {
          name: 'This value should not be blank.',
          paymentComplete: 'This value is not valid.',
          paymentTypes: 'This value is not valid.',
        },
      },
    });
  });

  it('re-derives order totals when a status starts or stops counting as paid', async () => {
    const { http } = await startAccount();
    const order = async () => (await http.get('/api/v5/orders/ext-1001')).body.order;
    expect((await order()).prepaySum).toBe(0);
    await http.post('/api/v5/reference/payment-statuses/not-paid/edit', {
      paymentStatus: { paymentComplete: true },
    });
    expect(await order()).toMatchObject({ prepaySum: 1000, fullPaidAt: expect.any(String) });
  });
});
