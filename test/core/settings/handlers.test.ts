import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDesk, type Desk } from '../../../electron/core/desk';
import { dispatch } from '../../../electron/core/ipc';
import { LOG_FILE } from '../../../electron/core/logFile';
import { SMTP_PASSWORD } from '../../../electron/core/secrets/accounts';
import type { SecretStore } from '../../../electron/core/secrets/keychain';
import type { Notice } from '../../../electron/shared/app';
import type { Result } from '../../../electron/shared/errors';
import type { ProfileExport, SettingsView } from '../../../electron/shared/settings';
import { testKeychain, unavailableKeychain } from '../../support/keychain';

const dirs: string[] = [];
const desks: Desk[] = [];
const keychain = testKeychain();
afterEach(async () => {
  vi.restoreAllMocks();
  // Closed first: an open desk writes its log file into the folder being removed.
  await Promise.all(desks.splice(0).map((desk) => desk.close()));
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
  await keychain.delete(SMTP_PASSWORD);
});

async function open(options: { settingsFile?: string; secrets?: SecretStore } = {}) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-settings-ipc-'));
  dirs.push(dir);
  if (options.settingsFile !== undefined)
    await fs.writeFile(path.join(dir, 'settings.json'), options.settingsFile);
  const desk = createDesk({
    appName: 'UAPAY Desk',
    appVersion: '2.0.0',
    userDataDir: dir,
    shell: 'harness',
    secrets: options.secrets ?? keychain,
  });
  desks.push(desk);
  const notices: Notice[] = [];
  desk.events.subscribe((event, payload) => {
    if (event === 'app.notice') notices.push(payload);
  });
  const replies: unknown[] = [];
  const call = async <T>(channel: string, payload: unknown): Promise<Result<T>> => {
    const reply = await dispatch(desk.handlers, channel, payload);
    replies.push(reply);
    return reply as Result<T>;
  };
  const value = async <T>(channel: string, payload: unknown): Promise<T> => {
    const reply = await call<T>(channel, payload);
    if (!reply.ok) throw new Error(`${channel} failed: ${JSON.stringify(reply.error)}`);
    return reply.value;
  };
  return { dir, desk, notices, replies, call, value };
}

describe('settings over IPC', () => {
  it('answers settings.get with the defaults and every secret missing', async () => {
    const { value } = await open();
    expect(await value<SettingsView>('settings.get', {})).toEqual({
      settings: expect.objectContaining({
        holdLifetimeHours: 168,
        payLinkLifetimeHours: 72,
        language: 'uk',
        merchants: [],
      }) as object,
      secrets: { retailCrmApiKey: false, smtpPassword: false, relayToken: false, merchantKeys: {} },
    });
  });

  it('updates the general fields and the SMTP sender', async () => {
    const { value, desk, dir } = await open();
    const view = await value<SettingsView>('settings.update', {
      managerName: '  Olena  ',
      language: 'en',
      holdLifetimeHours: 96,
      smtp: { host: 'smtp.example.com', port: 465, secure: true, fromAddress: 'shop@example.com' },
    });
    expect(view.settings).toMatchObject({
      managerName: 'Olena',
      language: 'en',
      holdLifetimeHours: 96,
      smtp: {
        host: 'smtp.example.com',
        port: 465,
        secure: true,
        user: '',
        fromAddress: 'shop@example.com',
        fromName: '',
      },
    });
    await desk.close();
    expect(JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      version: 1,
      managerName: 'Olena',
    });
  });

  it('refuses a bad patch with a specific message per field', async () => {
    const { call } = await open();
    const reply = await call('settings.update', {
      holdLifetimeHours: 0,
      language: 'de',
      payLinkLifetimeHours: '72',
      apiKey: 'x',
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).toMatchObject({ kind: 'validation' });
    expect('issues' in reply.error && reply.error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'holdLifetimeHours: The hold lifetime must be at least 1 hour.',
      'payLinkLifetimeHours: The payment link lifetime must be a number of hours.',
      'language: The language must be uk, ru or en.',
      'apiKey: "apiKey" is not a field this version of UAPAY Desk knows.',
    ]);
  });

  it('says what a first SMTP sender still lacks', async () => {
    const { call } = await open();
    expect(await call('settings.update', { smtp: { host: 'smtp.example.com' } })).toEqual({
      ok: false,
      error: {
        kind: 'validation',
        message: 'These settings cannot be saved: smtp.fromAddress: The sender address is required.',
        issues: [
          { path: 'smtp.fromAddress', code: 'invalid_type', message: 'The sender address is required.' },
        ],
      },
    });
  });

  it('saves, replaces and deletes the SMTP password, answering only saved or not', async () => {
    const { value, call } = await open();
    expect(
      (await value<SettingsView>('settings.smtpPassword.set', { password: 'smtp-ipc-pass-1' })).secrets
        .smtpPassword,
    ).toBe(true);
    await value('settings.smtpPassword.set', { password: 'smtp-ipc-pass-2' });
    expect(await keychain.get(SMTP_PASSWORD)).toBe('smtp-ipc-pass-2');
    expect((await value<SettingsView>('settings.smtpPassword.delete', {})).secrets.smtpPassword).toBe(false);
    expect(await call('settings.smtpPassword.set', { password: ' ' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'The SMTP password is empty or too short.' },
    });
  });

  it('refuses to save a password where the keychain is unavailable, with the reason', async () => {
    const unavailable = unavailableKeychain('no Secret Service on the bus');
    const { call, value } = await open({ secrets: unavailable });
    const reply = await call('settings.smtpPassword.set', { password: 'unsaved-password' });
    expect(reply).toEqual({
      ok: false,
      error: {
        kind: 'keychain',
        reason: 'unavailable',
        message: expect.stringMatching(
          /^The SMTP password was not saved: the system keychain \(secret-service\) is not available \(no Secret Service on the bus\)\. UAPAY Desk keeps keys and passwords only in the system keychain and never in a file\./,
        ) as string,
      },
    });
    const view = await value<SettingsView>('settings.get', {});
    expect(view.secrets).toMatchObject({
      smtpPassword: false,
      keychainProblem: expect.stringContaining('could not be read') as string,
    });
  });

  it('reports a corrupt settings file in settings.get and as one app.notice', async () => {
    const { value, notices, dir } = await open({ settingsFile: '{ not json' });
    const view = await value<SettingsView>('settings.get', {});
    expect(view.problem).toMatchObject({
      reason: 'corrupt',
      movedTo: expect.stringMatching(/^settings\.corrupt-.+\.json$/) as string,
    });
    await value('settings.get', {});
    expect(notices).toEqual([
      { level: 'warning', code: 'settingsCorrupt', params: { file: view.problem?.movedTo } },
    ]);
    expect(await fs.readFile(path.join(dir, view.problem?.movedTo ?? ''), 'utf8')).toBe('{ not json');
  });

  it('exports the team profile and imports it on another desktop', async () => {
    const owner = await open();
    await owner.value('settings.update', { holdLifetimeHours: 100, managerName: 'Owner' });
    const { fileName, text } = await owner.value<ProfileExport>('profile.export', {});
    expect(fileName).toMatch(/^uapay-desk-team-profile-\d{4}-\d{2}-\d{2}\.uapaydesk$/);
    const staff = await open();
    const view = await staff.value<SettingsView>('profile.import', { text });
    expect(view.settings).toMatchObject({ holdLifetimeHours: 100, managerName: '' });
    expect(
      await staff.call('profile.import', { text: text.replace('"format": 1', '"format": 3') }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'format', code: 'newer_format' }] },
    });
  });

  it('leaves no secret in the user-data folder, the log or any reply after a full setup', async () => {
    const log: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      log.push(String(chunk));
      return true;
    });
    const { value, call, replies, dir, desk } = await open({ settingsFile: '{"version": 1, "broken": ' });
    const password = 'full-setup-smtp-password';
    await value('settings.update', {
      smtp: { host: 'smtp.example.com', fromAddress: 'a@example.com', user: 'a' },
    });
    await value('settings.smtpPassword.set', { password });
    // A person pasting it into the wrong field: refused, naming the field, not the value.
    expect(await call('settings.update', { managerName: password })).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'managerName', code: 'secret_in_settings' }] },
    });
    await value('settings.get', {});
    await value('profile.export', {});
    await call('profile.import', { text: `{"kind": "${password}"}` });
    await desk.close();

    // Every file, the log file in logs/ too.
    const files = (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(1);
    expect(files.map((f) => f.name)).toContain(LOG_FILE);
    for (const file of files)
      expect(await fs.readFile(path.join(file.parentPath, file.name), 'utf8')).not.toContain(password);
    expect(log.join('')).not.toContain(password);
    expect(JSON.stringify(replies)).not.toContain(password);
    expect(replies.length).toBe(6);
  });
});
