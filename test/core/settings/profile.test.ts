import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../electron/core/errors';
import { RELAY_TOKEN, RETAILCRM_API_KEY, SMTP_PASSWORD } from '../../../electron/core/secrets/accounts';
import type { SecretStore } from '../../../electron/core/secrets/keychain';
import { RedactionRegistry } from '../../../electron/core/secrets/redaction';
import { Secrets } from '../../../electron/core/secrets/secrets';
import {
  exportProfile,
  importProfile,
  previewProfile,
  PROFILE_KIND,
} from '../../../electron/core/settings/profile';
import { SettingsService } from '../../../electron/core/settings/service';
import { SettingsStore } from '../../../electron/core/settings/store';
import { testKeychain } from '../../support/keychain';

const dirs: string[] = [];
const keychain = testKeychain();
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
  for (const account of [RETAILCRM_API_KEY, SMTP_PASSWORD, RELAY_TOKEN]) await keychain.delete(account);
});

async function desk(secretStore: SecretStore = keychain) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-profile-'));
  dirs.push(dir);
  return new SettingsService(new SettingsStore({ dir }), new Secrets(secretStore, new RedactionRegistry()));
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
    const staffKeychain = testKeychain();
    const staff = await desk(staffKeychain);
    await staff.updateGeneral({ managerName: 'Staff', language: 'ru' });
    await importProfile(staff.store, text);
    const [mine, theirs] = [await staff.get(), await owner.get()];
    expect(mine).toEqual({
      ...theirs,
      retailCrm: { url: 'https://shop.retailcrm.ru', siteCodes: ['main', 'outlet'] },
      managerName: 'Staff',
      language: 'ru',
    });
    // The owner's keys stay where they are; the staff desktop enters its own.
    expect(await keychain.get(SMTP_PASSWORD)).toBe('smtp-secret-1');
    expect(await staffKeychain.get(SMTP_PASSWORD)).toBeNull();
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

  describe('keeps each secret to the address it was entered for', () => {
    /** The owner's profile, with `edit` applied to its settings. */
    async function profileWith(edit: (settings: Record<string, unknown>) => void) {
      const owner = await configuredShop();
      const settings = await owner.get();
      const { text } = exportProfile(settings, meta);
      await owner.removeMerchant(settings.merchants[0]?.id ?? '');
      const profile = JSON.parse(text) as { settings: Record<string, unknown> };
      edit(profile.settings);
      return JSON.stringify(profile);
    }
    /** A desktop set up for the shop: its own keychain holds the three addressed secrets. */
    async function staffDesk(text: string) {
      const staffKeychain = testKeychain();
      const staff = await desk(staffKeychain);
      await importProfile(staff.store, text);
      await staff.secrets.save(RETAILCRM_API_KEY, 'staff-crm-key-123');
      await staff.secrets.save(SMTP_PASSWORD, 'staff-smtp-pass');
      await staff.secrets.save(RELAY_TOKEN, 'staff-relay-token');
      return { staff, staffKeychain };
    }

    it('deletes the RetailCRM key, SMTP password and relay token when a profile sends them elsewhere', async () => {
      const first = await profileWith(() => undefined);
      const { staff, staffKeychain } = await staffDesk(first);
      const moved = await profileWith((s) => {
        s.retailCrm = { url: 'https://other.retailcrm.ru', siteCodes: [] };
        s.smtp = { ...(s.smtp as object), host: 'smtp.attacker.example' };
        s.relay = {
          callbackUrl: 'https://relay.attacker.example/uapay/callback/abc',
          eventsUrl: 'https://relay.attacker.example/events/abc',
        };
      });
      await importProfile(staff.store, moved);
      expect(await staffKeychain.get(RETAILCRM_API_KEY)).toBeNull();
      expect(await staffKeychain.get(SMTP_PASSWORD)).toBeNull();
      expect(await staffKeychain.get(RELAY_TOKEN)).toBeNull();
      expect((await staff.view()).secrets).toMatchObject({
        retailCrmApiKey: false,
        smtpPassword: false,
        relayToken: false,
      });
    });

    it('keeps every secret when the profile changes other things only', async () => {
      const first = await profileWith(() => undefined);
      const { staff, staffKeychain } = await staffDesk(first);
      const same = await profileWith((s) => {
        s.holdLifetimeHours = 48;
        s.smtp = { ...(s.smtp as object), fromName: 'Renamed shop' };
      });
      await importProfile(staff.store, same);
      expect((await staff.get()).holdLifetimeHours).toBe(48);
      expect(await staffKeychain.get(RETAILCRM_API_KEY)).toBe('staff-crm-key-123');
      expect(await staffKeychain.get(SMTP_PASSWORD)).toBe('staff-smtp-pass');
      expect(await staffKeychain.get(RELAY_TOKEN)).toBe('staff-relay-token');
    });

    it('deletes a secret left from before on a fresh import that names a destination', async () => {
      const staffKeychain = testKeychain();
      const staff = await desk(staffKeychain);
      await staff.secrets.save(SMTP_PASSWORD, 'stale-password');
      await importProfile(staff.store, await profileWith(() => undefined));
      expect(await staffKeychain.get(SMTP_PASSWORD)).toBeNull();
    });

    it('previews each change side by side and the secrets it would delete, changing nothing', async () => {
      const first = await profileWith(() => undefined);
      const { staff, staffKeychain } = await staffDesk(first);
      const before = await staff.get();
      const moved = await profileWith((s) => {
        s.retailCrm = { url: 'https://other.retailcrm.ru', siteCodes: ['main'] };
        s.payLinkLifetimeHours = 24;
      });
      const { settings, secrets } = await staff.view();
      const preview = previewProfile(settings, moved, secrets);
      expect(preview).toEqual({
        changes: [
          {
            field: 'retailCrm',
            before: ['https://shop.retailcrm.ru'],
            after: ['https://other.retailcrm.ru'],
          },
          { field: 'sites', before: ['main', 'outlet'], after: ['main'] },
          { field: 'payLinkLifetimeHours', before: ['72'], after: ['24'] },
        ],
        droppedSecrets: ['retailCrmApiKey'],
      });
      expect(await staff.get()).toEqual(before);
      expect(await staffKeychain.get(RETAILCRM_API_KEY)).toBe('staff-crm-key-123');
    });

    it.each([
      ['a host that is not a RetailCRM account', 'https://crm.attacker.example'],
      ['a look-alike domain', 'https://shop.retailcrm.ru.attacker.example'],
      ['another port', 'https://shop.retailcrm.ru:8443'],
    ])('refuses a profile whose RetailCRM address is %s, importing nothing', async (_, url) => {
      const text = await profileWith((s) => {
        s.retailCrm = { url, siteCodes: [] };
      });
      const staff = await desk(testKeychain());
      const error = (await importProfile(staff.store, text).catch((e: unknown) => e)) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.info.issues[0]).toMatchObject({ path: 'settings.retailCrm.url', code: 'not_an_account' });
      expect((await staff.get()).retailCrm).toBeNull();
    });

    it('accepts the sandbox on loopback (Demo mode) as the connect screen does', async () => {
      const text = await profileWith((s) => {
        s.retailCrm = { url: 'http://127.0.0.1:4010', siteCodes: [] };
      });
      const staff = await desk(testKeychain());
      await importProfile(staff.store, text);
      expect((await staff.get()).retailCrm?.url).toBe('http://127.0.0.1:4010');
    });
  });
});
