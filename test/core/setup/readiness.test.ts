import { describe, expect, it } from 'vitest';
import type { MerchantSaved, Readiness } from '../../../electron/shared/channels/setup';
import { LIFECYCLE_STATES } from '../../../electron/shared/lifecycle';
import { FULL_KEY, startAccount } from '../retailcrm/account';
import { testKeychain } from '../../support/keychain';
import { fullSetup, MERCHANT, openDesk, startUapay } from './support';

describe('setup: readiness', () => {
  it('lists everything a fresh installation lacks', async () => {
    const desk = await openDesk();
    expect(await desk.value<Readiness>('setup.readiness', {})).toEqual({
      ready: false,
      missing: [
        { code: 'retailcrm', message: 'Connect RetailCRM: enter the account address and an API key.' },
        { code: 'merchant', message: 'Add a UAPAY merchant: its client id and secret key.' },
        {
          code: 'status_mapping',
          states: LIFECYCLE_STATES,
          message:
            'Map these 9 payment states to RetailCRM payment statuses: no_link, link_sent, held, paid, ' +
            'failed, rejected, expired, refunded, partially_refunded.',
        },
      ],
    });
  });

  it('names a merchant without a payment type and one whose key is not on this computer', async () => {
    const owner = await openDesk();
    const { merchant } = await owner.value<MerchantSaved>('setup.merchants.add', {
      ...MERCHANT,
      environment: 'test',
      confirmManually: true,
    });
    const { text } = await owner.value<{ text: string }>('profile.export', {});
    // A colleague imports the team profile: the merchant comes, its key does not.
    const staff = await openDesk({ secrets: testKeychain() });
    await staff.value('profile.import', { text });
    const { missing } = await staff.value<Readiness>('setup.readiness', {});
    expect(missing.filter((gap) => gap.code.startsWith('merchant'))).toEqual([
      {
        code: 'merchant_key',
        merchantId: merchant.id,
        message: 'The secret key of "Квіти" is not saved on this computer: enter it.',
      },
      {
        code: 'merchant_payment_type',
        merchantId: merchant.id,
        message: '"Квіти" has no RetailCRM payment type: choose or create one.',
      },
    ]);
  });

  it('is ready after the whole setup, and not once a state is unmapped again', async () => {
    const crm = await startAccount();
    const uapay = await startUapay();
    const desk = await openDesk({ uapayBaseUrl: uapay.origin });
    await fullSetup(desk, crm.url, FULL_KEY);
    expect(await desk.value<Readiness>('setup.readiness', {})).toEqual({ ready: true, missing: [] });
    const { mapping } = await desk.value<{ mapping: Record<string, string> }>('setup.statusMapping.get', {});
    await desk.value('setup.statusMapping.set', {
      mapping: Object.fromEntries(Object.entries(mapping).filter(([state]) => state !== 'expired')),
    });
    expect(await desk.value<Readiness>('setup.readiness', {})).toEqual({
      ready: false,
      missing: [
        {
          code: 'status_mapping',
          states: ['expired'],
          message: 'Map this payment state to RetailCRM payment statuses: expired.',
        },
      ],
    });
  });
});
