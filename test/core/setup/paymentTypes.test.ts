import { describe, expect, it } from 'vitest';
import type { MerchantSaved, PaymentTypesView } from '../../../electron/shared/channels/setup';
import { kopiyky } from '../../../electron/shared/money';
import { FULL_KEY, startAccount } from '../retailcrm/account';
import { MERCHANT, openDesk, SECOND_MERCHANT, type TestDesk } from './support';

/** A connected account and two merchants, no links yet. */
async function connected(options: { fresh?: boolean } = {}) {
  const crm = await startAccount(options);
  const desk = await openDesk();
  await desk.value('setup.retailCrm.connect', { url: crm.url, apiKey: FULL_KEY });
  const add = async (m: typeof MERCHANT) =>
    (
      await desk.value<MerchantSaved>('setup.merchants.add', {
        ...m,
        environment: 'test',
        confirmManually: true,
      })
    ).merchant.id;
  return { crm, desk, first: await add(MERCHANT), second: await add(SECOND_MERCHANT) };
}

const link = (desk: TestDesk, merchantId: string, code: string) =>
  desk.call<PaymentTypesView>('setup.paymentTypes.link', { merchantId, code });

describe('setup: payment types', () => {
  it('lists the RetailCRM payment types and the merchants, nothing linked yet', async () => {
    const { desk, first, second } = await connected();
    expect(await desk.value<PaymentTypesView>('setup.paymentTypes.list', {})).toEqual({
      types: [
        { code: 'bank-card', name: 'Картка', active: true, sites: [] },
        { code: 'cash', name: 'Готівка', active: true, sites: [] },
      ],
      merchants: [
        { merchantId: first, name: 'Квіти', locked: false },
        { merchantId: second, name: 'Books', locked: false },
      ],
    });
  });

  it('links a merchant to an existing type, one merchant per type', async () => {
    const { desk, first, second } = await connected();
    const linked = await desk.value<PaymentTypesView>('setup.paymentTypes.link', {
      merchantId: first,
      code: 'bank-card',
    });
    expect(linked.types[0]).toEqual({
      code: 'bank-card',
      name: 'Картка',
      active: true,
      sites: [],
      merchantId: first,
    });
    expect(linked.merchants[0]).toEqual({
      merchantId: first,
      name: 'Квіти',
      paymentTypeCode: 'bank-card',
      locked: false,
    });
    expect(await link(desk, second, 'bank-card')).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        message:
          'The payment type "bank-card" is already linked to the merchant "Квіти": each merchant needs its own.',
        issues: [{ path: 'code', code: 'taken' }],
      },
    });
    // While no payments exist, the link may still change.
    expect((await link(desk, first, 'cash')).ok).toBe(true);
  });

  it('refuses a type RetailCRM does not have, and one another integration owns', async () => {
    const { desk, first, crm } = await connected();
    expect(await link(desk, first, 'no-such-type')).toMatchObject({
      ok: false,
      error: {
        message: 'RetailCRM has no payment type "no-such-type". Choose one from the list or create it.',
      },
    });
    crm.fake.state.putPaymentType({
      code: 'w1',
      name: 'Wallet One',
      integrationModule: { active: true, name: 'Wallet One' },
    });
    expect(await link(desk, first, 'w1')).toMatchObject({
      ok: false,
      error: {
        issues: [{ code: 'integration' }],
        message:
          'The payment type "Wallet One" belongs to the integration "Wallet One" in RetailCRM: choose another ' +
          'type or create a new one for this merchant.',
      },
    });
  });

  it('creates a new type through the API, active on the stores, and links it', async () => {
    const { desk, first, crm } = await connected({ fresh: true });
    const view = await desk.value<PaymentTypesView>('setup.paymentTypes.create', {
      merchantId: first,
      code: 'uapay-kvity',
      name: 'UAPAY — Квіти',
    });
    expect(view.types).toEqual([
      {
        code: 'uapay-kvity',
        name: 'UAPAY — Квіти',
        active: true,
        sites: ['shop-a', 'shop-b'],
        merchantId: first,
      },
    ]);
    expect(crm.fake.state.refs.paymentTypes.get('uapay-kvity')).toMatchObject({
      active: true,
      sites: ['shop-a', 'shop-b'],
    });
    expect(crm.fake.control.callCount('reference/payment-types/{code}/edit', 'uapay-kvity').succeeded).toBe(
      1,
    );
    expect(
      await desk.call('setup.paymentTypes.create', { merchantId: first, code: 'uapay-kvity', name: 'Again' }),
    ).toMatchObject({
      ok: false,
      error: {
        message:
          'RetailCRM already has a payment type with the code "uapay-kvity": choose it from the list, or use another code.',
      },
    });
  });

  it('creates the type on the chosen stores only, able to use the statuses already mapped', async () => {
    const { desk, first, crm } = await connected();
    await desk.value('setup.statusMapping.set', { mapping: { paid: 'paid', refunded: 'refunded' } });
    await desk.value('setup.paymentTypes.create', {
      merchantId: first,
      code: 'uapay-a',
      name: 'UAPAY A',
      siteCodes: ['shop-a'],
    });
    expect(crm.fake.state.refs.paymentTypes.get('uapay-a')).toMatchObject({ sites: ['shop-a'] });
    expect(crm.fake.state.refs.statusesOfType('uapay-a').sort()).toEqual(['paid', 'refunded']);
  });

  it('locks the link once payments of the type exist, and then refuses to change it', async () => {
    const { desk, first, crm } = await connected();
    await link(desk, first, 'cash');
    crm.fake.state.addOrder({
      site: 'shop-a',
      totalSumm: kopiyky(100_00),
      payments: [{ type: 'cash', amount: kopiyky(100_00) }],
    });
    const listed = await desk.value<PaymentTypesView>('setup.paymentTypes.list', {});
    expect(listed.merchants[0]).toMatchObject({ paymentTypeCode: 'cash', locked: true });
    const locked = {
      ok: false,
      error: {
        kind: 'locked',
        what: 'paymentType',
        message:
          'The payment type of "Квіти" can no longer change: RetailCRM has payments of the type "cash".',
      },
    };
    expect(await link(desk, first, 'bank-card')).toMatchObject(locked);
    expect(
      await desk.call('setup.paymentTypes.create', { merchantId: first, code: 'uapay-new', name: 'New' }),
    ).toMatchObject(locked);
    expect(crm.fake.state.refs.paymentTypes.has('uapay-new')).toBe(false);
    // Linking it again to the same type is no change.
    expect((await link(desk, first, 'cash')).ok).toBe(true);
  });

  it('finds payments at the moment of a change, locks the link and refuses the change', async () => {
    const { desk, first, crm } = await connected();
    await link(desk, first, 'cash');
    crm.fake.state.addOrder({
      site: 'shop-b',
      totalSumm: kopiyky(5_00),
      payments: [{ type: 'cash', amount: kopiyky(5_00) }],
    });
    crm.fake.control.resetCounts();
    expect(await link(desk, first, 'bank-card')).toMatchObject({
      ok: false,
      error: { kind: 'locked', what: 'paymentType' },
    });
    expect(crm.fake.control.callCount('orders')).toEqual({ calls: 1, succeeded: 1 });
    const listed = await desk.value<PaymentTypesView>('setup.paymentTypes.list', {});
    expect(listed.merchants[0]).toMatchObject({ paymentTypeCode: 'cash', locked: true });
  });

  it('locks a link at once when the chosen type already carries payments', async () => {
    const { desk, second, crm } = await connected();
    crm.fake.state.addOrder({
      site: 'shop-a',
      totalSumm: kopiyky(1_00),
      payments: [{ type: 'bank-card', amount: kopiyky(1_00) }],
    });
    const view = await desk.value<PaymentTypesView>('setup.paymentTypes.link', {
      merchantId: second,
      code: 'bank-card',
    });
    expect(view.merchants[1]).toMatchObject({ paymentTypeCode: 'bank-card', locked: true });
  });

  it('asks to connect RetailCRM first', async () => {
    const desk = await openDesk();
    expect(await desk.error('setup.paymentTypes.list', {})).toMatchObject({
      kind: 'not_connected',
      service: 'retailcrm',
      message: 'RetailCRM is not connected yet: add its address and API key in Settings.',
    });
  });
});
