import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { merchantKeyAccount } from '../../../electron/core/secrets/accounts';
import type { MerchantCheckResult, MerchantSaved } from '../../../electron/shared/channels/setup';
import type { SettingsView } from '../../../electron/shared/settings';
import { unavailableKeychain } from '../../support/keychain';
import { MERCHANT, openDesk, SECOND_MERCHANT, startUapay } from './support';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const form = (overrides: Record<string, unknown> = {}) => ({
  name: MERCHANT.name,
  clientId: MERCHANT.clientId,
  secretKey: MERCHANT.secretKey,
  environment: 'test',
  confirmManually: true,
  ...overrides,
});

describe('setup: merchants', () => {
  it('adds any number of merchants, each key in the keychain and none in a reply', async () => {
    const { value, keychain } = await openDesk();
    const first = await value<MerchantSaved>('setup.merchants.add', form());
    expect(first.merchant).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      name: 'Квіти',
      clientId: '7001',
      environment: 'test',
      confirmManually: true,
      paymentTypeLocked: false,
    });
    await value('setup.merchants.add', form({ ...SECOND_MERCHANT, confirmManually: false }));
    const third = await value<MerchantSaved>(
      'setup.merchants.add',
      form({ name: 'Third', clientId: '7003', secretKey: 'third-merchant-key', environment: 'production' }),
    );
    expect(third.view.settings.merchants.map((m) => m.name)).toEqual(['Квіти', 'Books', 'Third']);
    expect(Object.values(third.view.secrets.merchantKeys)).toEqual([true, true, true]);
    expect(await keychain.get(merchantKeyAccount(first.merchant.id))).toBe(MERCHANT.secretKey);
    expect(JSON.stringify(third)).not.toContain(MERCHANT.secretKey);
  });

  it('refuses a second merchant with the same client id in the same environment', async () => {
    const { value, error } = await openDesk();
    await value('setup.merchants.add', form());
    expect(await error('setup.merchants.add', form({ name: 'Copy' }))).toMatchObject({
      kind: 'validation',
      message:
        'The merchant is not valid: clientId: Merchant 1 already uses this client id in the same environment.',
    });
  });

  it('edits the fields and replaces the key; the payment type is not editable here', async () => {
    const { value, error, keychain } = await openDesk();
    const { merchant } = await value<MerchantSaved>('setup.merchants.add', form());
    const edited = await value<MerchantSaved>('setup.merchants.update', {
      id: merchant.id,
      name: 'Квіти і букети',
      confirmManually: false,
      secretKey: 'a-replaced-merchant-key',
    });
    expect(edited.merchant).toMatchObject({
      name: 'Квіти і букети',
      confirmManually: false,
      clientId: '7001',
    });
    expect(await keychain.get(merchantKeyAccount(merchant.id))).toBe('a-replaced-merchant-key');
    expect(
      await error('setup.merchants.update', { id: merchant.id, paymentTypeCode: 'bank-card' }),
    ).toMatchObject({
      kind: 'validation',
      issues: [
        {
          path: 'paymentTypeCode',
          message: '"paymentTypeCode" is not a field this version of UAPAY Desk knows.',
        },
      ],
    });
  });

  it('removes a merchant and deletes its key', async () => {
    const { value, keychain } = await openDesk();
    const { merchant } = await value<MerchantSaved>('setup.merchants.add', form());
    const view = await value<SettingsView>('setup.merchants.remove', { id: merchant.id });
    expect(view.settings.merchants).toEqual([]);
    expect(await keychain.get(merchantKeyAccount(merchant.id))).toBeNull();
  });

  it('refuses to add a merchant where the keychain is unavailable, and keeps no merchant', async () => {
    const unavailable = unavailableKeychain('locked');
    const { error, value } = await openDesk({ secrets: unavailable });
    expect(await error('setup.merchants.add', form())).toMatchObject({
      kind: 'keychain',
      reason: 'unavailable',
      message: expect.stringContaining(
        'the system keychain (secret-service) is not available (locked)',
      ) as string,
    });
    expect((await value<SettingsView>('settings.get', {})).settings.merchants).toEqual([]);
  });
});

describe('setup: check a merchant connection', () => {
  it('checks a saved merchant and the unsaved values of the form', async () => {
    const uapay = await startUapay();
    const { value } = await openDesk({ uapayBaseUrl: uapay.origin });
    const { merchant } = await value<MerchantSaved>('setup.merchants.add', form());
    expect(await value<MerchantCheckResult>('setup.merchants.check', { id: merchant.id })).toEqual({
      ok: true,
      message: 'Connected: UAPAY accepted client id 7001 and its key in the test (demo) environment.',
      params: { clientId: '7001', environment: 'test' },
    });
    expect(
      await value<MerchantCheckResult>('setup.merchants.check', {
        clientId: SECOND_MERCHANT.clientId,
        secretKey: SECOND_MERCHANT.secretKey,
        environment: 'production',
      }),
    ).toEqual({
      ok: true,
      message: 'Connected: UAPAY accepted client id 7002 and its key in production.',
      params: { clientId: '7002', environment: 'production' },
    });
    expect(uapay.fake.control.calls({ method: 'sessions/create' })).toBe(2);
  });

  it('names a wrong key specifically', async () => {
    const uapay = await startUapay();
    const { value } = await openDesk({ uapayBaseUrl: uapay.origin });
    const { merchant } = await value<MerchantSaved>(
      'setup.merchants.add',
      form({ secretKey: 'not-the-merchant-key' }),
    );
    expect(await value<MerchantCheckResult>('setup.merchants.check', { id: merchant.id })).toEqual({
      ok: false,
      problem: 'key',
      message:
        'UAPAY did not accept the secret key for client id 7001. Copy the key (SECRET KEY) again from ' +
        'UAPAY > My shops and paste it whole.',
      uapay: { code: 'TOKEN_ERROR', message: expect.any(String) as string },
      params: { clientId: '7001', environment: 'test' },
    });
    // The form's corrected key, over the saved merchant, without saving it.
    expect(
      await value<MerchantCheckResult>('setup.merchants.check', {
        id: merchant.id,
        secretKey: MERCHANT.secretKey,
      }),
    ).toMatchObject({ ok: true });
  });

  it('names an unknown client id specifically', async () => {
    const uapay = await startUapay();
    const { value } = await openDesk({ uapayBaseUrl: uapay.origin });
    expect(
      await value<MerchantCheckResult>('setup.merchants.check', {
        clientId: '9999',
        secretKey: MERCHANT.secretKey,
        environment: 'test',
      }),
    ).toEqual({
      ok: false,
      problem: 'client_id',
      message:
        'UAPAY does not know client id 9999 in the test (demo) environment. Check the shop ID in UAPAY > My ' +
        'shops, and that the environment is the one the shop was registered in.',
      uapay: { code: 'CLIENT_NOT_FOUND', message: expect.any(String) as string },
      params: { clientId: '9999', environment: 'test' },
    });
  });

  it('says the computer’s clock is off when UAPAY answers TIMELIMIT_ERROR', async () => {
    const uapay = await startUapay();
    uapay.fake.control.advanceClock(60_000);
    const { value } = await openDesk({ uapayBaseUrl: uapay.origin });
    const { merchant } = await value<MerchantSaved>('setup.merchants.add', form());
    expect(await value<MerchantCheckResult>('setup.merchants.check', { id: merchant.id })).toEqual({
      ok: false,
      problem: 'clock',
      message:
        "Your computer's clock is off by more than 20 seconds, so UAPAY refuses its requests. Turn on setting " +
        'the date and time automatically in the system settings, then check again.',
      uapay: { code: 'TIMELIMIT_ERROR', message: expect.any(String) as string },
      params: { clientId: '7001', environment: 'test' },
    });
  });

  it('does not trust a reply with a forged signature', async () => {
    const token = await new SignJWT({ id: 'session-from-a-stranger' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode('somebody-elses-key'));
    const hostile = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 1, data: { token } }));
    });
    const { value } = await openDesk({ uapayBaseUrl: hostile });
    const { merchant } = await value<MerchantSaved>('setup.merchants.add', form());
    expect(await value<MerchantCheckResult>('setup.merchants.check', { id: merchant.id })).toEqual({
      ok: false,
      problem: 'signature',
      message:
        "A reply that came as UAPAY's was not signed with this merchant's key, so it was not trusted. Check the " +
        'secret key in UAPAY > My shops; if it is right, something between this computer and UAPAY is ' +
        'changing the replies.',
      uapay: { code: 'BAD_SIGNATURE', message: expect.stringContaining('did not verify') as string },
      params: { clientId: '7001', environment: 'test' },
    });
  });

  it('says UAPAY cannot be reached', async () => {
    const closed = await listen(() => undefined);
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
    const { value } = await openDesk({ uapayBaseUrl: closed });
    expect(
      await value<MerchantCheckResult>('setup.merchants.check', {
        clientId: MERCHANT.clientId,
        secretKey: MERCHANT.secretKey,
        environment: 'test',
      }),
    ).toEqual({
      ok: false,
      problem: 'unreachable',
      message:
        'Could not reach UAPAY. Check that this computer is connected to the internet; a firewall or proxy ' +
        'may be blocking UAPAY.',
      params: { clientId: '7001', environment: 'test' },
    });
  });

  it('asks for the key again, sending nothing, when the keychain no longer has it', async () => {
    const uapay = await startUapay();
    const { value, error, keychain } = await openDesk({ uapayBaseUrl: uapay.origin });
    const { merchant } = await value<MerchantSaved>('setup.merchants.add', form());
    await keychain.delete(merchantKeyAccount(merchant.id));
    expect(await error('setup.merchants.check', { id: merchant.id })).toMatchObject({
      kind: 'not_connected',
      service: 'uapay',
      secret: true,
      merchantId: merchant.id,
    });
    expect(uapay.fake.control.calls({ method: 'sessions/create' })).toBe(0);
  });

  it('asks for the values it needs to check unsaved ones', async () => {
    const { error } = await openDesk();
    expect(await error('setup.merchants.check', { clientId: '7001' })).toMatchObject({
      kind: 'validation',
      issues: [{ message: 'Give a saved merchant, or the client id, secret key and environment to check.' }],
    });
  });
});
