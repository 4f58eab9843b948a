import { describe, expect, it } from 'vitest';
import type { MerchantSaved, StatusMappingView } from '../../../electron/shared/channels/setup';
import { LIFECYCLE_STATES } from '../../../electron/shared/lifecycle';
import { FULL_KEY, startAccount } from '../retailcrm/account';
import { MERCHANT, openDesk } from './support';

async function connected(options: { fresh?: boolean } = {}) {
  const crm = await startAccount(options);
  const desk = await openDesk();
  await desk.value('setup.retailCrm.connect', { url: crm.url, apiKey: FULL_KEY });
  return { crm, desk };
}

const NAMED = [
  ['st-1', 'Не оплачено', false],
  ['st-2', 'Очікує оплати', false],
  ['st-3', 'Заблоковано', false],
  ['st-4', 'Оплачено', true],
  ['st-5', 'Скасовано', false],
  ['st-6', 'Відхилено менеджером', false],
  ['st-7', 'Термін минув', false],
  ['st-8', 'Повернено', false],
  ['st-9', 'Частково повернено', true],
] as const;

describe('setup: status mapping', () => {
  it('proposes a status to create for every state of a fresh account, paid ones complete', async () => {
    const { desk } = await connected({ fresh: true });
    const view = await desk.value<StatusMappingView>('setup.statusMapping.get', {});
    expect(view).toMatchObject({
      statuses: [],
      mapping: {},
      suggestions: {},
      warnings: [],
      unmapped: LIFECYCLE_STATES,
    });
    expect(view.proposals).toEqual(
      LIFECYCLE_STATES.map((state) => ({
        state,
        code: `uapay-${state.replace(/_/g, '-')}`,
        name: expect.any(String) as string,
        paymentComplete: state === 'paid' || state === 'partially_refunded',
      })),
    );
    expect(view.proposals.find((p) => p.state === 'rejected')?.name).toBe('Відхилено менеджером');
  });

  it('suggests existing statuses by name, and the mapping accepts them', async () => {
    const { desk, crm } = await connected({ fresh: true });
    NAMED.forEach(([code, name, paymentComplete], i) =>
      crm.fake.state.putPaymentStatus({ code, name, paymentComplete, ordering: i }),
    );
    crm.fake.state.putPaymentStatus({ code: 'old', name: 'Оплачено (старий)', active: false, ordering: -1 });
    const view = await desk.value<StatusMappingView>('setup.statusMapping.get', {});
    const expected = Object.fromEntries(LIFECYCLE_STATES.map((state, i) => [state, NAMED[i]![0]]));
    expect(view.suggestions).toEqual(expected);
    expect(view.proposals).toEqual([]);
    const saved = await desk.value<StatusMappingView>('setup.statusMapping.set', {
      mapping: view.suggestions,
    });
    expect(saved).toMatchObject({ mapping: expected, unmapped: [], suggestions: {}, warnings: [] });
  });

  it('refuses a mapping to a status RetailCRM does not have, per state', async () => {
    const { desk } = await connected();
    expect(
      await desk.error('setup.statusMapping.set', { mapping: { paid: 'paid', refunded: 'no-such-status' } }),
    ).toEqual({
      kind: 'validation',
      message:
        'The mapping names statuses RetailCRM does not have: RetailCRM has no payment status "no-such-status".',
      issues: [
        {
          path: 'mapping.refunded',
          code: 'not_found',
          message: 'RetailCRM has no payment status "no-such-status".',
        },
      ],
    });
  });

  it('creates a missing status with paymentComplete by the state, usable by the linked types, and maps it', async () => {
    const { desk, crm } = await connected();
    const { merchant } = await desk.value<MerchantSaved>('setup.merchants.add', {
      ...MERCHANT,
      environment: 'test',
      confirmManually: true,
    });
    await desk.value('setup.paymentTypes.link', { merchantId: merchant.id, code: 'bank-card' });
    const paid = await desk.value<StatusMappingView>('setup.statusMapping.createStatus', {
      state: 'partially_refunded',
      code: 'uapay-partially-refunded',
      name: 'Частково повернено',
    });
    expect(paid.mapping).toEqual({ partially_refunded: 'uapay-partially-refunded' });
    expect(paid.statuses).toContainEqual({
      code: 'uapay-partially-refunded',
      name: 'Частково повернено',
      active: true,
      paymentComplete: true,
      paymentTypes: ['bank-card'],
    });
    await desk.value('setup.statusMapping.createStatus', {
      state: 'rejected',
      code: 'uapay-rejected',
      name: 'Відхилено',
    });
    expect(crm.fake.state.refs.paymentStatuses.get('uapay-rejected')).toMatchObject({
      paymentComplete: false,
      active: true,
    });
    expect(crm.fake.state.refs.statusesOfType('bank-card')).toEqual(
      expect.arrayContaining(['uapay-partially-refunded', 'uapay-rejected']),
    );
    expect(
      await desk.error('setup.statusMapping.createStatus', { state: 'paid', code: 'paid', name: 'Оплачено' }),
    ).toMatchObject({
      message: 'RetailCRM already has a payment status with the code "paid": map it, or use another code.',
    });
  });

  it('warns when a mapped status counts as paid the wrong way, or a linked type cannot use it', async () => {
    const { desk } = await connected();
    const { merchant } = await desk.value<MerchantSaved>('setup.merchants.add', {
      ...MERCHANT,
      environment: 'test',
      confirmManually: true,
    });
    await desk.value('setup.paymentTypes.link', { merchantId: merchant.id, code: 'bank-card' });
    const view = await desk.value<StatusMappingView>('setup.statusMapping.set', {
      mapping: { paid: 'not-paid', refunded: 'paid', no_link: 'refunded' },
    });
    expect(view.warnings).toEqual([
      {
        state: 'no_link',
        statusCode: 'refunded',
        code: 'not_for_type',
        params: { state: 'no_link', status: 'refunded', types: 'bank-card' },
        message:
          '"Not paid" is mapped to "Повернено", which the payment type "bank-card" cannot use: allow it for that ' +
          'type in Administration > Reference books > Payment statuses.',
      },
      {
        state: 'paid',
        statusCode: 'not-paid',
        code: 'payment_complete',
        params: { state: 'paid', status: 'not-paid' },
        message:
          '"Paid" is mapped to "Не оплачено", which does not count as paid in RetailCRM: paid orders would not ' +
          'show the paid amount. Tick "Payment complete" for it in Administration > Reference books > Payment ' +
          'statuses, or map another status.',
      },
      {
        state: 'refunded',
        statusCode: 'paid',
        code: 'payment_complete',
        params: { state: 'refunded', status: 'paid' },
        message:
          '"Refunded" is mapped to "Оплачено", which counts as paid in RetailCRM: the order would still show ' +
          'the money as paid. Untick "Payment complete" for it in Administration > Reference books > Payment ' +
          'statuses, or map another status.',
      },
    ]);
  });
});
