/**
 * The chaos run's world, all in the parent process: the sandbox (RetailCRM, UAPAY, mail) with no
 * seeded orders, the relay, the keys file, and two desktops' user-data folders. The first is set
 * up as a shop is (the sandbox's team profile imported, keys saved); the second, a colleague's
 * desktop beside it, gets the same settings once the first has paired with the relay
 * (`copySettingsToSecondDesk`), and its own journal, desktop id and orders cache. Each desktop's
 * core runs in a child process of its own.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LeaseTiming } from '../../electron/core/payments/lease';
import { merchantKeyAccount, RETAILCRM_API_KEY, SMTP_PASSWORD } from '../../electron/core/secrets/accounts';
import { Secrets } from '../../electron/core/secrets/secrets';
import { SETTINGS_FILE } from '../../electron/core/settings/schema';
import { importProfile } from '../../electron/core/settings/profile';
import { SettingsService } from '../../electron/core/settings/service';
import { SettingsStore } from '../../electron/core/settings/store';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../electron/sandbox';
import { readingsFromEnv } from '../support/readings';
import { CoreProcess } from './coreProcess';
import { fileSecretStore } from './fileSecrets';
import type { DeskIndex } from './plan';
import { CHAOS_LEASE } from './protocol';
import { ChaosRelay } from './relay';

export interface WorldOptions {
  /**
   * The RetailCRM lock's timing the cores run with: CHAOS_LEASE unless a run says otherwise;
   * 'production' is the core's own default (DEFAULT_LEASE_TIMING).
   */
  lease?: LeaseTiming | 'production';
  /** The UAPAY fake's options over the run's own (UAPAY_FAKE): where a reading of UAPAY is chosen. */
  uapay?: SandboxOptions['uapay'];
}

/** The UAPAY fake of every run: callbacks retried a thousand times faster than UAPAY does. */
const UAPAY_FAKE: SandboxOptions['uapay'] = { callbackTimeFactor: 0.001 };

export interface World {
  sandbox: Sandbox;
  relay: ChaosRelay;
  /** Each desktop's user-data folder (settings, orders cache, journal, desktop id, bulk files). */
  dirs: readonly [string, string];
  /** The keys file (outside the user-data folders), shared by both desktops as one keychain. */
  secretsFile: string;
  /** The first desktop's settings (with its relay pairing) become the second desktop's. */
  copySettingsToSecondDesk(): Promise<void>;
  /** Starts a desktop's core child process; `clockShiftMs` moves its clock (final reconciliation). */
  startCore(desk: DeskIndex, clockShiftMs?: number): Promise<CoreProcess>;
  close(): Promise<void>;
}

export async function openWorld(options: WorldOptions = {}): Promise<World> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-chaos-'));
  const dirs = [path.join(root, 'user-data'), path.join(root, 'user-data-2')] as const;
  const secretsFile = path.join(root, 'keys.json');
  for (const dir of dirs) await fs.mkdir(dir);
  await fs.mkdir(path.join(root, 'relay'));
  const sandbox = await startSandbox({
    size: 0,
    uapay: { ...UAPAY_FAKE, readings: readingsFromEnv(), ...options.uapay },
    retailcrm: { rateLimitPerSecond: 0 },
  });
  const relay = new ChaosRelay(path.join(root, 'relay'));
  await relay.up();

  const secrets = new Secrets(fileSecretStore(secretsFile));
  const settings = new SettingsService(new SettingsStore({ dir: dirs[0] }), secrets);
  // The profile names where the keys go; keys come after it (a destination change deletes a key).
  await importProfile(settings.store, JSON.stringify(sandbox.profile));
  await secrets.save(RETAILCRM_API_KEY, sandbox.secrets.retailCrmApiKey);
  await secrets.save(SMTP_PASSWORD, sandbox.secrets.smtpPassword);
  for (const [merchantId, key] of Object.entries(sandbox.secrets.merchantKeys))
    await secrets.save(merchantKeyAccount(merchantId), key);
  await settings.updateGeneral({ managerName: 'Chaos', holdLifetimeHours: 168 });
  await settings.store.idle();

  const lease = options.lease ?? CHAOS_LEASE;
  return {
    sandbox,
    relay,
    dirs,
    secretsFile,
    async copySettingsToSecondDesk() {
      await fs.copyFile(path.join(dirs[0], SETTINGS_FILE), path.join(dirs[1], SETTINGS_FILE));
    },
    startCore: (desk, clockShiftMs = 0) =>
      CoreProcess.start({
        DESK_CHAOS_DIR: dirs[desk],
        DESK_CHAOS_SECRETS: secretsFile,
        DESK_CHAOS_UAPAY_URL: sandbox.uapay.url,
        ...(clockShiftMs && { DESK_CHAOS_CLOCK_SHIFT_MS: String(clockShiftMs) }),
        ...(lease !== 'production' && { DESK_CHAOS_LEASE: JSON.stringify(lease) }),
      }),
    async close() {
      await relay.down();
      await sandbox.stop();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
