import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskFailure, KeychainError, ValidationError } from '../../../electron/core/errors';
import {
  merchantKeyAccount,
  RELAY_TOKEN,
  RETAILCRM_API_KEY,
  SMTP_PASSWORD,
} from '../../../electron/core/secrets/accounts';
import type { SecretStore } from '../../../electron/core/secrets/keychain';
import { RedactionRegistry } from '../../../electron/core/secrets/redaction';
import { Secrets } from '../../../electron/core/secrets/secrets';
import { SettingsService, unmappedStates, type NewMerchant } from '../../../electron/core/settings/service';
import { SettingsStore } from '../../../electron/core/settings/store';
import { LIFECYCLE_STATES } from '../../../electron/shared/lifecycle';
import { testKeychain, unavailableKeychain } from '../../support/keychain';

const dirs: string[] = [];
const keychain = testKeychain();
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function service(store: SecretStore = keychain) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-settings-'));
  dirs.push(dir);
  return new SettingsService(new SettingsStore({ dir }), new Secrets(store, new RedactionRegistry()));
}

const shop: NewMerchant = { name: 'Main shop', clientId: '6101', environment: 'test', confirmManually: true };

async function validationOf(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).info;
}

/** The typed error a refused call carries, as the renderer receives it. */
async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeskFailure);
  return (error as DeskFailure).info;
}

describe('merchants', () => {
  it('adds a merchant with our own id and its key in the keychain, and removing it deletes the key', async () => {
    const desk = await service();
    const merchant = await desk.addMerchant(shop, 'merchant-key-abc');
    expect(merchant).toEqual({
      ...shop,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      paymentTypeLocked: false,
    });
    expect(await keychain.get(merchantKeyAccount(merchant.id))).toBe('merchant-key-abc');
    expect((await desk.view()).secrets.merchantKeys).toEqual({ [merchant.id]: true });

    await desk.removeMerchant(merchant.id);
    expect((await desk.get()).merchants).toEqual([]);
    expect(await keychain.get(merchantKeyAccount(merchant.id))).toBeNull();
  });

  it('replaces a merchant key and edits the merchant', async () => {
    const desk = await service();
    const { id } = await desk.addMerchant(shop, 'first-key-1');
    const edited = await desk.updateMerchant(id, { name: 'Renamed', confirmManually: false }, 'second-key-2');
    expect(edited).toMatchObject({ id, name: 'Renamed', confirmManually: false, clientId: '6101' });
    expect(await keychain.get(merchantKeyAccount(id))).toBe('second-key-2');
    await desk.removeMerchant(id);
  });

  it('refuses duplicates at the field of the new merchant, saving no key', async () => {
    const desk = await service();
    const first = await desk.addMerchant({ ...shop, paymentTypeCode: 'uapay-1' });
    const issues = (
      await validationOf(
        desk.addMerchant({ ...shop, name: 'main SHOP', paymentTypeCode: 'uapay-1' }, 'k-123'),
      )
    ).issues;
    expect(issues).toEqual([
      { path: 'name', code: 'custom', message: 'Merchant 1 already has this name.' },
      {
        path: 'clientId',
        code: 'custom',
        message: 'Merchant 1 already uses this client id in the same environment.',
      },
      {
        path: 'paymentTypeCode',
        code: 'custom',
        message: 'Merchant 1 is already linked to this payment type: each merchant needs its own.',
      },
    ]);
    expect((await desk.get()).merchants).toEqual([first]);
    // The same client id is fine in the other environment.
    await desk.addMerchant({ ...shop, name: 'Live', environment: 'production' });
  });

  it('explains each wrong field of a merchant', async () => {
    const desk = await service();
    const info = await validationOf(
      desk.addMerchant({
        name: ' ',
        clientId: 'has space',
        environment: 'live' as 'test',
        confirmManually: 'yes' as never,
      }),
    );
    expect(info.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'name: The merchant name is required.',
      'clientId: The UAPAY client id must not contain spaces.',
      'environment: The environment must be "test" or "production".',
      'confirmManually: "Confirm manually" must be on or off.',
    ]);
    expect(info.message).toMatch(
      /^The merchant is not valid: name: The merchant name is required; clientId: /,
    );
  });

  it('refuses to relink or unlock a payment type once it is locked', async () => {
    const desk = await service();
    const { id } = await desk.addMerchant({ ...shop, paymentTypeCode: 'uapay-1' });
    await desk.lockPaymentType(id);
    const info = await refusalOf(desk.updateMerchant(id, { paymentTypeCode: 'uapay-2' }));
    expect(info).toEqual({
      kind: 'locked',
      what: 'paymentType',
      message: 'The payment type of "Main shop" can no longer change: payments of that type exist.',
    });
    expect(await refusalOf(desk.updateMerchant(id, { paymentTypeLocked: false }))).toMatchObject({
      kind: 'locked',
      what: 'paymentType',
    });
    expect(await desk.updateMerchant(id, { name: 'Still editable' })).toMatchObject({
      paymentTypeCode: 'uapay-1',
    });
  });

  it('says so when a merchant does not exist', async () => {
    const desk = await service();
    expect(await refusalOf(desk.removeMerchant('0b7e8f8e-1111-4222-8333-944455556666'))).toEqual({
      kind: 'not_found',
      what: 'merchant',
      message: 'There is no merchant with id 0b7e8f8e-1111-4222-8333-944455556666.',
    });
  });

  it('keeps the merchant, and changes nothing, when the keychain cannot save its key', async () => {
    const unavailable = unavailableKeychain('No D-Bus session.');
    const desk = await service(unavailable);
    await expect(desk.addMerchant(shop, 'would-be-key')).rejects.toBeInstanceOf(KeychainError);
    expect((await desk.get()).merchants).toEqual([]);
    const { id } = await desk.addMerchant(shop); // without a key: fine
    await expect(desk.removeMerchant(id)).rejects.toThrow(
      /merchant secret key was not deleted.*not available/,
    );
    expect((await desk.get()).merchants).toHaveLength(1);
  });
});

describe('connections and general settings', () => {
  it('saves the RetailCRM connection with its key; disconnecting deletes the key', async () => {
    const desk = await service();
    await desk.setRetailCrm({ url: 'https://shop.retailcrm.ru', siteCodes: ['main'] }, 'crm-key-123');
    expect(await keychain.get(RETAILCRM_API_KEY)).toBe('crm-key-123');
    expect((await desk.view()).secrets.retailCrmApiKey).toBe(true);
    await desk.setRetailCrm(null);
    expect(await keychain.get(RETAILCRM_API_KEY)).toBeNull();
    expect((await desk.get()).retailCrm).toBeNull();
  });

  it('refuses a RetailCRM address that is not a bare https origin, before touching the key', async () => {
    const desk = await service();
    const info = await validationOf(
      desk.setRetailCrm({ url: 'http://shop.retailcrm.ru/api', siteCodes: [] }, 'k-123'),
    );
    expect(info.issues).toEqual([
      {
        path: 'url',
        code: 'custom',
        message: 'The RetailCRM address must be stored as https://<account host> with no path.',
      },
    ]);
    expect(await keychain.get(RETAILCRM_API_KEY)).toBeNull();
  });

  it('puts the previous key back when the settings cannot be written', async () => {
    const desk = await service();
    await desk.setRelay(
      { callbackUrl: 'https://relay.example/cb/1', eventsUrl: 'https://relay.example/ev/1' },
      'token-one',
    );
    await fs.rm(path.dirname(desk.store.file), { recursive: true });
    await fs.writeFile(path.dirname(desk.store.file), 'a file where the folder was');
    await expect(
      desk.setRelay(
        { callbackUrl: 'https://relay.example/cb/2', eventsUrl: 'https://relay.example/ev/2' },
        'token-two',
      ),
    ).rejects.toThrow();
    expect(await keychain.get(RELAY_TOKEN)).toBe('token-one');
    await fs.rm(path.dirname(desk.store.file));
    await keychain.delete(RELAY_TOKEN);
  });

  it('tracks which lifecycle states still need a RetailCRM status', async () => {
    const desk = await service();
    expect(unmappedStates(await desk.get())).toEqual([...LIFECYCLE_STATES]);
    const allButExpired = LIFECYCLE_STATES.filter((s) => s !== 'expired').map((s) => [s, `st-${s}`]);
    await desk.setStatusMapping(Object.fromEntries(allButExpired));
    expect(unmappedStates(await desk.get())).toEqual(['expired']);
    const info = await validationOf(desk.setStatusMapping({ paid: 'has space', captured: 'x' } as never));
    expect(info.issues.map((i) => i.path)).toEqual(['paid', 'captured']);
  });

  it('merges SMTP fields into what is there, and says what is missing for a first sender', async () => {
    const desk = await service();
    const info = await validationOf(desk.updateGeneral({ smtp: { host: 'smtp.example.com' } }));
    expect(info.issues).toEqual([
      { path: 'smtp.fromAddress', code: 'invalid_type', message: 'The sender address is required.' },
    ]);
    await desk.updateGeneral({
      smtp: { host: 'smtp.example.com', fromAddress: 'shop@example.com' },
      managerName: 'Ira',
    });
    await desk.updateGeneral({ smtp: { port: 465, secure: true } });
    expect(await desk.get()).toMatchObject({
      managerName: 'Ira',
      smtp: {
        host: 'smtp.example.com',
        port: 465,
        secure: true,
        user: '',
        fromAddress: 'shop@example.com',
        fromName: '',
      },
    });
    await desk.updateGeneral({ smtp: null });
    expect((await desk.get()).smtp).toBeNull();
  });
});

describe('a secret goes only where it was entered for', () => {
  const smtp = { host: 'smtp.shop.example', port: 587, user: 'shop', fromAddress: 'shop@example.com' };

  it('deletes the SMTP password when the server, port or login changes, and keeps it otherwise', async () => {
    for (const change of [{ host: 'smtp.elsewhere.example' }, { port: 2525 }, { user: 'someone-else' }]) {
      const desk = await service();
      await desk.updateGeneral({ smtp });
      await desk.setSmtpPassword('smtp-password-1');
      await desk.updateGeneral({ smtp: { fromName: 'Shop', secure: false } });
      expect(await keychain.get(SMTP_PASSWORD), 'a sender name is no new destination').toBe(
        'smtp-password-1',
      );
      await desk.updateGeneral({ smtp: change });
      expect(await keychain.get(SMTP_PASSWORD), JSON.stringify(change)).toBeNull();
      expect((await desk.view()).secrets.smtpPassword).toBe(false);
    }
  });

  it('keeps a key entered together with its new address, and deletes one that was not', async () => {
    const desk = await service();
    await desk.setRetailCrm({ url: 'https://one.retailcrm.ru', siteCodes: [] }, 'first-crm-key');
    await desk.setRetailCrm({ url: 'https://two.retailcrm.ru', siteCodes: [] }, 'second-crm-key');
    expect(await keychain.get(RETAILCRM_API_KEY)).toBe('second-crm-key');
    await desk.setRetailCrm({ url: 'https://three.retailcrm.ru', siteCodes: [] });
    expect(await keychain.get(RETAILCRM_API_KEY)).toBeNull();
  });

  it('deletes the relay token when the events address changes without a new token', async () => {
    const desk = await service();
    const relay = (host: string) => ({
      callbackUrl: `https://${host}/uapay/callback/abc`,
      eventsUrl: `https://${host}/events/abc`,
    });
    await desk.setRelay(relay('relay.shop.example'), 'relay-token-1');
    await desk.setRelay(relay('relay.shop.example'));
    expect(await keychain.get(RELAY_TOKEN)).toBe('relay-token-1');
    await desk.setRelay(relay('relay.elsewhere.example'));
    expect(await keychain.get(RELAY_TOKEN)).toBeNull();
  });

  it('holds for any write that reaches the store, not only the service methods', async () => {
    const desk = await service();
    await desk.setRetailCrm({ url: 'https://one.retailcrm.ru', siteCodes: [] }, 'first-crm-key');
    await desk.store.update((s) => ({
      ...s,
      retailCrm: { url: 'https://evil.retailcrm.ru', siteCodes: [] },
    }));
    expect(await keychain.get(RETAILCRM_API_KEY)).toBeNull();
  });
});
