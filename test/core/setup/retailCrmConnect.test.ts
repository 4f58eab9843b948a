import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RETAILCRM_API_KEY } from '../../../electron/core/secrets/accounts';
import type { RetailCrmConnectResult } from '../../../electron/shared/channels/setup';
import type { SettingsView } from '../../../electron/shared/settings';
import { FULL_KEY, READ_ONLY_KEY, SHOP_B_KEY, startAccount } from '../retailcrm/account';
import { unavailableKeychain } from '../../support/keychain';
import { openDesk } from './support';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(status: number, body: string): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html' });
    res.end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const connect = 'setup.retailCrm.connect';

describe('setup: connect RetailCRM', () => {
  it('saves a good account: the origin, its check, the key in the keychain and never in the reply', async () => {
    const { url } = await startAccount();
    const { value, keychain } = await openDesk();
    const result = await value<RetailCrmConnectResult>(connect, { url: `${url}/orders/`, apiKey: FULL_KEY });
    expect(result.saved).toBe(true);
    expect(result.check).toEqual({
      url,
      problems: [],
      warnings: [],
      missingMethods: [],
      baseCurrency: 'UAH',
      siteAccess: 'access_full',
      sites: [
        { code: 'shop-a', name: 'Квіти А' },
        { code: 'shop-b', name: 'Shop B' },
      ],
    });
    expect(result.view.settings.retailCrm).toEqual({
      url,
      siteCodes: [],
      lastCheck: { at: expect.any(String) as string, baseCurrency: 'UAH', acceptedWarnings: [] },
    });
    expect(result.view.secrets.retailCrmApiKey).toBe(true);
    expect(await keychain.get(RETAILCRM_API_KEY)).toBe(FULL_KEY);
    expect(JSON.stringify(result)).not.toContain(FULL_KEY);
  });

  it('refuses an address that is not a RetailCRM account address, saying what one looks like', async () => {
    const { error } = await openDesk();
    expect(await error(connect, { url: 'https://shop.example.com/crm', apiKey: FULL_KEY })).toEqual({
      kind: 'validation',
      message:
        '"shop.example.com" is not a RetailCRM account address. It looks like myshop.retailcrm.ru ' +
        '(or on retailcrm.pro, retailcrm.es, simla.com, simla.io).',
      issues: [{ path: 'url', code: 'invalid_address', message: expect.any(String) as string }],
    });
  });

  it('says an unreachable host cannot be reached, and saves nothing', async () => {
    const url = await serve(200, '');
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
    const { value, keychain } = await openDesk();
    const result = await value<RetailCrmConnectResult>(connect, { url, apiKey: FULL_KEY });
    expect(result.saved).toBe(false);
    expect(result.check.problems).toEqual([
      {
        code: 'unreachable',
        params: { host: new URL(url).host },
        message: `Could not reach ${new URL(url).host}. Check the address of your RetailCRM account and that this computer is connected to the internet.`,
        detail: 'Could not reach RetailCRM (ECONNREFUSED).',
      },
    ]);
    expect(result.view.settings.retailCrm).toBeNull();
    expect(await keychain.get(RETAILCRM_API_KEY)).toBeNull();
  });

  it('says there is no RetailCRM account at a host that answers with a web page', async () => {
    const url = await serve(404, '<!doctype html><h1>Account does not exist</h1>');
    const { value } = await openDesk();
    const result = await value<RetailCrmConnectResult>(connect, { url, apiKey: FULL_KEY });
    expect(result.saved).toBe(false);
    expect(result.check.problems).toEqual([
      {
        code: 'not_retailcrm',
        params: { host: new URL(url).host },
        message: `There is no RetailCRM account at ${new URL(url).host}. Enter the address you open RetailCRM at, like myshop.retailcrm.ru.`,
        detail: 'Account does not exist.',
      },
    ]);
  });

  it('says a wrong key is not accepted, keeping RetailCRM’s own words', async () => {
    const { url } = await startAccount();
    const { value } = await openDesk();
    const result = await value<RetailCrmConnectResult>(connect, {
      url,
      apiKey: 'a-key-from-another-account',
    });
    expect(result.saved).toBe(false);
    expect(result.check.problems).toEqual([
      {
        code: 'wrong_key',
        message:
          'RetailCRM does not accept this API key. Copy it again from Administration > Integration > API keys ' +
          'in RetailCRM (or create a key there) and paste it whole.',
        detail: 'Wrong "apiKey" value.',
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('a-key-from-another-account');
  });

  it('refuses a key with characters no RetailCRM key has, before any call', async () => {
    const { url, fake } = await startAccount();
    const { error } = await openDesk();
    expect(await error(connect, { url, apiKey: 'ключ key' })).toEqual({
      kind: 'validation',
      message:
        'The API key has characters no RetailCRM key has (a space or a non-Latin letter). Copy it again ' +
        'from Administration > Integration > API keys in RetailCRM.',
      issues: [{ path: 'apiKey', code: 'invalid_key', message: expect.any(String) as string }],
    });
    expect(fake.control.callCount('credentials').calls).toBe(0);
  });

  it('lists by name every method a key without rights lacks, and never saves it', async () => {
    const { url } = await startAccount();
    const { value } = await openDesk();
    const result = await value<RetailCrmConnectResult>(connect, {
      url,
      apiKey: READ_ONLY_KEY,
      acceptWarnings: ['missing_methods'],
    });
    const missing = [
      'POST /api/orders/payments/create',
      'POST /api/orders/payments/{id}/edit',
      'GET /api/customers/{externalId}',
      'POST /api/reference/payment-types/{code}/edit',
      'POST /api/reference/payment-statuses/{code}/edit',
    ];
    expect(result.saved).toBe(false);
    expect(result.check.missingMethods).toEqual(missing);
    expect(result.check.problems).toEqual([
      {
        code: 'missing_methods',
        params: { count: 5, methods: missing.join(', ') },
        message:
          `The API key is missing 5 methods UAPAY Desk needs: ${missing.join(', ')}. In RetailCRM open ` +
          'Administration > Integration > API keys, edit this key and allow them (or create a key with ' +
          'them), then connect again.',
      },
    ]);
    expect(result.view.settings.retailCrm).toBeNull();
  });

  it('refuses a non-UAH base currency, saying where to change it', async () => {
    const { url } = await startAccount({ baseCurrency: 'USD' });
    const { value } = await openDesk();
    const result = await value<RetailCrmConnectResult>(connect, {
      url,
      apiKey: FULL_KEY,
      acceptWarnings: ['currency', 'base_currency'],
    });
    expect(result.saved).toBe(false);
    expect(result.check.baseCurrency).toBe('USD');
    expect(result.check.problems).toEqual([
      {
        code: 'currency',
        params: { base: 'USD' },
        message:
          'The base currency of this RetailCRM account is USD. UAPAY takes payments in hryvnias only, and ' +
          'the module guide requires UAH as the base currency: make UAH the base currency in RetailCRM ' +
          '(Administration > Reference books > Currencies), then connect again.',
      },
    ]);
  });

  it('refuses a non-UAH base currency even when the stores it handles are in hryvnias', async () => {
    const { url, fake } = await startAccount({ baseCurrency: 'USD' });
    fake.state.addSite({ code: 'shop-ua', name: 'Shop UA', currency: 'UAH' });
    const { value } = await openDesk();
    const result = await value<RetailCrmConnectResult>(connect, {
      url,
      apiKey: FULL_KEY,
      siteCodes: ['shop-ua'],
      acceptWarnings: ['base_currency'],
    });
    expect(result.saved).toBe(false);
    expect(result.check.problems.map((p) => p.code)).toEqual(['currency']);
    expect(result.view.settings.retailCrm).toBeNull();
  });

  it('refuses stores none of which is in hryvnias', async () => {
    const { url, fake } = await startAccount();
    fake.state.addSite({ code: 'shop-us', name: 'US', currency: 'USD' });
    const { value } = await openDesk();
    const result = await value<RetailCrmConnectResult>(connect, {
      url,
      apiKey: FULL_KEY,
      siteCodes: ['shop-us'],
      acceptWarnings: ['site_currency'],
    });
    expect(result.saved).toBe(false);
    expect(result.check.problems).toEqual([
      expect.objectContaining({ code: 'no_uah_store', params: { sites: 'shop-us' } }),
    ]);
  });

  it('warns about stores in another currency among UAH ones', async () => {
    const { url, fake } = await startAccount();
    fake.state.addSite({ code: 'shop-us', name: 'US', currency: 'USD' });
    const { value } = await openDesk();
    const result = await value<RetailCrmConnectResult>(connect, { url, apiKey: FULL_KEY });
    expect(result.check.warnings).toEqual([
      {
        code: 'site_currency',
        params: { sites: 'shop-us' },
        message:
          'Orders of "shop-us" (USD) are not in UAH: UAPAY cannot take payments for them. Choose only UAH ' +
          'stores, or accept this.',
      },
    ]);
  });

  it('shows the stores a selective key sees, and refuses a store it cannot see', async () => {
    const { url } = await startAccount();
    const { value } = await openDesk();
    const seen = await value<RetailCrmConnectResult>(connect, { url, apiKey: SHOP_B_KEY });
    expect(seen.check).toMatchObject({ siteAccess: 'access_selective', sites: [{ code: 'shop-b' }] });
    expect(seen.saved).toBe(true);
    const refused = await value<RetailCrmConnectResult>(connect, {
      url,
      apiKey: SHOP_B_KEY,
      siteCodes: ['shop-a'],
    });
    expect(refused.saved).toBe(false);
    expect(refused.check.problems).toEqual([
      {
        code: 'unknown_sites',
        params: { sites: 'shop-a', visible: 'shop-b' },
        message: 'The API key cannot see "shop-a": choose among "shop-b".',
      },
    ]);
  });

  it('refuses a key that sees no store, saying where to give it access', async () => {
    const { url, fake } = await startAccount();
    fake.state.addApiKey({ key: 'crm-no-store-key-0004', siteAccess: 'access_selective', sites: [] });
    const { value } = await openDesk();
    const result = await value<RetailCrmConnectResult>(connect, { url, apiKey: 'crm-no-store-key-0004' });
    expect(result.saved).toBe(false);
    expect(result.check.problems).toEqual([
      {
        code: 'no_sites',
        message:
          'The API key cannot see any store. In RetailCRM open Administration > Integration > API keys, edit ' +
          'this key and give it access to the stores whose orders UAPAY Desk should handle.',
      },
    ]);
  });

  it('checks the saved key again without it being typed, only for the same account', async () => {
    const { url } = await startAccount();
    const { value, error } = await openDesk();
    await value(connect, { url, apiKey: FULL_KEY });
    const again = await value<RetailCrmConnectResult>(connect, { url, siteCodes: ['shop-a'] });
    expect(again.saved).toBe(true);
    expect(again.view.settings.retailCrm?.siteCodes).toEqual(['shop-a']);
    expect(await error(connect, { url: 'other.retailcrm.ru' })).toMatchObject({
      kind: 'validation',
      message: 'Enter the API key of this RetailCRM account.',
    });
  });

  it('retries a 503 burst from RetailCRM and connects', async () => {
    const { url, fake } = await startAccount();
    fake.control.injectFault({ route: 'credentials', kind: 'status', status: 503, times: 3 });
    const { value } = await openDesk();
    expect((await value<RetailCrmConnectResult>(connect, { url, apiKey: FULL_KEY })).saved).toBe(true);
    expect(fake.control.callCount('credentials')).toEqual({ calls: 4, succeeded: 1 });
  });

  it('gives a clear error when RetailCRM keeps answering 503', async () => {
    const { url, fake } = await startAccount();
    fake.control.injectFault({ route: 'credentials', kind: 'status', status: 503 });
    const { error, value } = await openDesk();
    expect(await error(connect, { url, apiKey: FULL_KEY })).toEqual({
      kind: 'network',
      service: 'retailcrm',
      reason: 'rate_limited',
      status: 503,
      message:
        'RetailCRM kept answering "too many requests" (HTTP 503) after 5 attempts. Wait a minute and try again.',
    });
    expect(fake.control.callCount('credentials').calls).toBe(5);
    expect((await value<SettingsView>('settings.get', {})).settings.retailCrm).toBeNull();
  });

  it('refuses to save where the keychain is unavailable, saying why, and saves no settings', async () => {
    const { url } = await startAccount();
    const unavailable = unavailableKeychain('no Secret Service on the bus');
    const { error, value } = await openDesk({ secrets: unavailable });
    expect(await error(connect, { url, apiKey: FULL_KEY })).toEqual({
      kind: 'keychain',
      reason: 'unavailable',
      message: expect.stringMatching(
        /^The RetailCRM API key could not be read: the system keychain \(secret-service\) is not available \(no Secret Service on the bus\)\. UAPAY Desk keeps keys and passwords only in the system keychain and never in a file\./,
      ) as string,
    });
    expect((await value<SettingsView>('settings.get', {})).settings.retailCrm).toBeNull();
  });

  it('disconnects: the account is forgotten and its key deleted', async () => {
    const { url } = await startAccount();
    const { value, keychain } = await openDesk();
    await value(connect, { url, apiKey: FULL_KEY });
    const view = await value<SettingsView>('setup.retailCrm.disconnect', {});
    expect(view.settings.retailCrm).toBeNull();
    expect(view.secrets.retailCrmApiKey).toBe(false);
    expect(await keychain.get(RETAILCRM_API_KEY)).toBeNull();
  });
});
