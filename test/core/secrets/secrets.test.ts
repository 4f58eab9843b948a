import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  merchantKeyAccount,
  RELAY_TOKEN,
  RETAILCRM_API_KEY,
  SMTP_PASSWORD,
} from '../../../electron/core/secrets/accounts';
import type { SecretStore } from '../../../electron/core/secrets/keychain';
import { RedactionRegistry } from '../../../electron/core/secrets/redaction';
import { Secrets } from '../../../electron/core/secrets/secrets';
import { KeychainError, ValidationError } from '../../../electron/core/errors';
import { testKeychain } from '../../support/keychain';

const root = path.resolve(import.meta.dirname, '../../..');
const merchantId = '6f1c2a57-3d0e-4b8a-9c1f-2e7d5a4b3c21';

// Against the real OS keychain: on Linux CI, gnome-keyring under dbus-run-session (test/run.ts).
describe('Secrets over the OS keychain', () => {
  const keychain = testKeychain();
  const registry = new RedactionRegistry();
  const secrets = new Secrets(keychain, registry);
  afterEach(async () => {
    for (const account of [RETAILCRM_API_KEY, SMTP_PASSWORD, RELAY_TOKEN, merchantKeyAccount(merchantId)])
      await keychain.delete(account);
  });

  it('saves under the named account, replaces and deletes', async () => {
    await secrets.save(RETAILCRM_API_KEY, '  crm-key-first  ');
    expect(await keychain.get('retailcrm:api-key')).toBe('crm-key-first');
    await secrets.save(RETAILCRM_API_KEY, 'crm-key-second');
    expect(await secrets.read(RETAILCRM_API_KEY)).toBe('crm-key-second');
    expect(await secrets.delete(RETAILCRM_API_KEY)).toBe(true);
    expect(await secrets.read(RETAILCRM_API_KEY)).toBeNull();
    expect(await secrets.delete(RETAILCRM_API_KEY)).toBe(false);
  });

  it('keeps each merchant key in its own account under the one service', async () => {
    await secrets.save(merchantKeyAccount(merchantId), 'merchant-secret-1');
    expect(await keychain.get(`merchant:${merchantId}:secret-key`)).toBe('merchant-secret-1');
    expect(keychain.service).toMatch(/^UAPAY Desk test /);
  });

  it('reports saved or missing per account, never a value', async () => {
    await secrets.save(SMTP_PASSWORD, 'smtp-pass-123');
    await secrets.save(merchantKeyAccount(merchantId), 'merchant-secret-2');
    const other = '0b7e8f8e-1111-4222-8333-944455556666';
    const view = await secrets.view([merchantId, other]);
    expect(view).toEqual({
      retailCrmApiKey: false,
      smtpPassword: true,
      relayToken: false,
      merchantKeys: { [merchantId]: true, [other]: false },
    });
    expect(JSON.stringify(view)).not.toContain('smtp-pass-123');
  });

  it('remembers every value it reads or writes for redaction', async () => {
    await keychain.set(RELAY_TOKEN, 'relay-token-set-elsewhere');
    await secrets.save(SMTP_PASSWORD, 'written-password');
    await secrets.view([]);
    expect(registry.mask('a relay-token-set-elsewhere b written-password')).toBe('a [redacted] b [redacted]');
  });

  it('says clearly which secret must be entered when it is missing', async () => {
    await expect(secrets.require(RETAILCRM_API_KEY)).rejects.toMatchObject({
      message: 'The RetailCRM API key is not saved on this computer: enter it in Settings.',
      info: { kind: 'not_connected', service: 'retailcrm', secret: true },
    });
    const merchantId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    await expect(secrets.require(merchantKeyAccount(merchantId))).rejects.toMatchObject({
      info: { kind: 'not_connected', service: 'uapay', secret: true, merchantId },
    });
  });

  it.each([
    ['empty', '   ', 'The SMTP password is empty or too short.'],
    ['multi-line', 'line-one\nline-two', 'The SMTP password must be on one line.'],
    [
      'too short to guard',
      'shop1',
      'The SMTP password is too short: UAPAY Desk keeps only secrets of at least 8 characters, because ' +
        'a shorter one cannot be told apart from ordinary text and kept out of what the app shows and ' +
        'logs. Use a longer one.',
    ],
    ['too long', 'x'.repeat(4097), 'The SMTP password is too long (over 4096 characters).'],
  ])('refuses a %s value without touching the keychain', async (_, value, message) => {
    const error = await secrets.save(SMTP_PASSWORD, value).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(message);
    expect(await keychain.get(SMTP_PASSWORD)).toBeNull();
  });
});

describe('Secrets without a keychain', () => {
  it('refuses to save when the Secret Service cannot be reached, and says why and what to do', () => {
    // A real OS failure: the child's D-Bus session address leads nowhere.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'fixtures/saveSecret.ts'),
        'UAPAY Desk test nowhere',
        'never-stored-key',
      ],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/desk-bus' },
      },
    );
    expect(child.status, child.stderr).toBe(0);
    const outcome = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
      saved: boolean;
      error: { kind: string; reason: string; message: string };
    };
    expect(outcome.saved).toBe(false);
    expect(outcome.error).toMatchObject({ kind: 'keychain', reason: 'unavailable' });
    expect(outcome.error.message).toMatch(
      /^The RetailCRM API key was not saved: the system keychain \(\S+\) is not available/,
    );
    expect(outcome.error.message).toContain('only in the system keychain and never in a file');
    expect(outcome.error.message).not.toContain('never-stored-key');
  });

  it('turns a failing keychain service into a KeychainError that hides the value, and reads nothing as missing', async () => {
    // The OS service failing as it does on a locked session: every call rejects.
    const broken: SecretStore = {
      status: () =>
        Promise.resolve({
          available: false,
          backend: 'secret-service',
          problem: 'The collection is locked.',
        }),
      get: () => Promise.reject(new Error('locked')),
      set: (_account, secret) => Promise.reject(new Error(`cannot store ${secret}`)),
      delete: () => Promise.reject(new Error('locked')),
    };
    const secrets = new Secrets(broken, new RedactionRegistry());
    const error = await secrets.save(SMTP_PASSWORD, 'hunter2-password').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainError);
    expect((error as KeychainError).info).toMatchObject({ kind: 'keychain', reason: 'unavailable' });
    expect((error as KeychainError).message).toContain('(The collection is locked.)');
    expect((error as KeychainError).message).toContain('GNOME Keyring or KWallet');
    expect(JSON.stringify((error as KeychainError).info)).not.toContain('hunter2');
    const view = await secrets.view([merchantId]);
    expect(view).toMatchObject({ retailCrmApiKey: false, merchantKeys: { [merchantId]: false } });
    expect(view.keychainProblem).toContain('could not be read');
  });

  it('reports a refusal by a working keychain as failed, not unavailable', async () => {
    const refusing: SecretStore = {
      status: () => Promise.resolve({ available: true, backend: 'macos-keychain' }),
      get: () => Promise.resolve(null),
      set: () => Promise.reject(new Error('User canceled the operation.')),
      delete: () => Promise.resolve(false),
    };
    const error = await new Secrets(refusing, new RedactionRegistry())
      .save(RETAILCRM_API_KEY, 'crm-key-xyz')
      .catch((e: unknown) => e);
    expect((error as KeychainError).info).toEqual({
      kind: 'keychain',
      reason: 'failed',
      message:
        'The RetailCRM API key was not saved: the system keychain (macos-keychain) refused: User canceled the operation.',
    });
  });
});
