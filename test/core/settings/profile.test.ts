import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../electron/core/errors';
import { RETAILCRM_API_KEY, SMTP_PASSWORD } from '../../../electron/core/secrets/accounts';
import { RedactionRegistry } from '../../../electron/core/secrets/redaction';
import { Secrets } from '../../../electron/core/secrets/secrets';
import { exportProfile, importProfile, PROFILE_KIND } from '../../../electron/core/settings/profile';
import { SettingsService } from '../../../electron/core/settings/service';
import { SettingsStore } from '../../../electron/core/settings/store';
import { testKeychain } from '../../support/keychain';

const dirs: string[] = [];
const keychain = testKeychain();
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
  for (const account of [RETAILCRM_API_KEY, SMTP_PASSWORD]) await keychain.delete(account);
});

async function desk() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-profile-'));
  dirs.push(dir);
  return new SettingsService(new SettingsStore({ dir }), new Secrets(keychain, new RedactionRegistry()));
}

const meta = { appName: 'UAPAY Desk', appVersion: '1.0.0', now: new Date('2026-05-06T07:08:09.000Z') };

/** A shop set up the whole way, with secrets in the keychain. */
async function configuredShop() {
  const owner = await desk();
  await owner.setRetailCrm(
    {
      url: 'https://shop.retailcrm.ru',
      siteCodes: ['main', 'outlet'],
      lastCheck: { at: '2026-05-01T00:00:00.000Z', baseCurrency: 'UAH', acceptedWarnings: [] },
    },
    'crm-secret-key-1',
  );
  await owner.addMerchant(
    {
      name: 'Main',
      clientId: '6101',
      environment: 'production',
      confirmManually: true,
      paymentTypeCode: 'uapay-main',
    },
    'uapay-secret-1',
  );
  await owner.setStatusMapping({ paid: 'paid', held: 'hold', no_link: 'not-paid' });
  await owner.updateGeneral({
    smtp: { host: 'smtp.example.com', fromAddress: 'shop@example.com', fromName: 'Shop', user: 'shop' },
    holdLifetimeHours: 120,
    managerName: 'Owner',
    language: 'en',
  });
  await owner.setSmtpPassword('smtp-secret-1');
  await owner.setRelay({
    callbackUrl: 'https://relay.example/uapay/callback/abc',
    eventsUrl: 'https://relay.example/events/abc',
  });
  return owner;
}

describe('the team profile', () => {
  it('carries the shop settings and nothing secret or personal', async () => {
    const owner = await configuredShop();
    const { fileName, text } = exportProfile(await owner.get(), meta);
    expect(fileName).toBe('uapay-desk-team-profile-2026-05-06.uapaydesk');
    for (const secret of ['crm-secret-key-1', 'uapay-secret-1', 'smtp-secret-1'])
      expect(text).not.toContain(secret);
    const profile = JSON.parse(text) as Record<string, unknown> & { settings: Record<string, unknown> };
    expect(profile).toMatchObject({ kind: PROFILE_KIND, format: 1, exportedAt: '2026-05-06T07:08:09.000Z' });
    expect(Object.keys(profile.settings).sort()).toEqual(
      [
        'holdLifetimeHours',
        'merchants',
        'payLinkLifetimeHours',
        'relay',
        'retailCrm',
        'smtp',
        'statusMapping',
      ].sort(),
    );
    expect(profile.settings.retailCrm).toEqual({
      url: 'https://shop.retailcrm.ru',
      siteCodes: ['main', 'outlet'],
    });
    expect(text).not.toMatch(/managerName|language|demoMode|lastCheck/);
    await owner.removeMerchant((await owner.get()).merchants[0]?.id ?? '');
  });

  it('round-trips into another desktop, keeping its own name, language and secrets', async () => {
    const owner = await configuredShop();
    const { text } = exportProfile(await owner.get(), meta);
    const staff = await desk();
    await staff.updateGeneral({ managerName: 'Staff', language: 'ru' });
    await importProfile(staff.store, text);
    const [mine, theirs] = [await staff.get(), await owner.get()];
    expect(mine).toEqual({
      ...theirs,
      retailCrm: { url: 'https://shop.retailcrm.ru', siteCodes: ['main', 'outlet'] },
      managerName: 'Staff',
      language: 'ru',
    });
    // Same keychain in this test: the import neither read nor changed a secret.
    expect(await keychain.get(SMTP_PASSWORD)).toBe('smtp-secret-1');
    await owner.removeMerchant(theirs.merchants[0]?.id ?? '');
  });

  async function importError(text: string) {
    const error = await importProfile((await desk()).store, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).info;
  }

  const valid = () => ({
    kind: PROFILE_KIND,
    format: 1,
    exportedAt: '2026-05-06T07:08:09.000Z',
    settings: {
      retailCrm: null,
      merchants: [],
      statusMapping: {},
      smtp: null,
      relay: null,
      holdLifetimeHours: 168,
      payLinkLifetimeHours: 72,
    },
  });

  it('refuses text that is not JSON', async () => {
    const info = await importError('{"kind": ');
    expect(info.message).toBe('This file is not a team profile: it is not valid JSON.');
    expect(info.issues[0]).toMatchObject({ path: '', code: 'invalid_json' });
  });

  it('refuses a JSON file of another kind', async () => {
    const info = await importError(JSON.stringify({ version: 1, managerName: 'x' }));
    expect(info).toEqual({
      kind: 'validation',
      message: 'This file is not a UAPAY Desk team profile.',
      issues: [
        { path: 'kind', code: 'wrong_kind', message: `A team profile has "kind": "${PROFILE_KIND}".` },
      ],
    });
  });

  it('refuses a profile from a newer version with a message that says to update', async () => {
    const info = await importError(JSON.stringify({ ...valid(), format: 2 }));
    expect(info.message).toBe(
      'This team profile was written by a newer UAPAY Desk (profile format 2; this version reads format 1). ' +
        'Update UAPAY Desk, then import it again.',
    );
    expect(info.issues[0]).toMatchObject({ path: 'format', code: 'newer_format' });
  });

  it('lists every problem with its path and reason, and imports nothing', async () => {
    const profile = valid();
    const bad = {
      ...profile,
      settings: {
        ...profile.settings,
        holdLifetimeHours: 0,
        merchants: [
          {
            id: 'not-a-uuid',
            name: 'A',
            clientId: '1',
            environment: 'test',
            confirmManually: true,
            secretKey: 's',
          },
        ],
        smtp: {
          host: 'smtp.example.com',
          port: 70000,
          secure: false,
          user: '',
          fromAddress: 'nope',
          fromName: '',
        },
      },
    };
    const store = (await desk()).store;
    const error = (await importProfile(store, JSON.stringify(bad)).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(error.info.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'settings.merchants.0.id: The merchant id must be a UUID.',
      'settings.merchants.0.secretKey: "secretKey" is not a field this version of UAPAY Desk knows.',
      'settings.smtp.port: The SMTP port must be between 1 and 65535.',
      'settings.smtp.fromAddress: The sender address must be an e-mail address, like shop@example.com.',
      'settings.holdLifetimeHours: The hold lifetime must be at least 1 hour.',
    ]);
    expect(error.message).toMatch(
      /^The team profile has 5 problems, so nothing was imported: settings\.merchants\.0\.id/,
    );
    expect((await store.get()).holdLifetimeHours).toBe(168);
  });
});
