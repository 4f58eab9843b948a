/**
 * The chaos run's world, all in the parent process: the sandbox (RetailCRM, UAPAY, mail) with no
 * seeded orders, the relay, a user-data folder set up as a shop is (the sandbox's team profile
 * imported, keys saved), and the folder of the keys file. The core runs in a child process on it.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { merchantKeyAccount, RETAILCRM_API_KEY, SMTP_PASSWORD } from '../../electron/core/secrets/accounts';
import { Secrets } from '../../electron/core/secrets/secrets';
import { importProfile } from '../../electron/core/settings/profile';
import { SettingsService } from '../../electron/core/settings/service';
import { SettingsStore } from '../../electron/core/settings/store';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { readingsFromEnv } from '../support/readings';
import { CoreProcess } from './coreProcess';
import { fileSecretStore } from './fileSecrets';
import { ChaosRelay } from './relay';

export interface World {
  sandbox: Sandbox;
  relay: ChaosRelay;
  /** The core's user-data folder (settings, orders cache, journal, bulk files). */
  dir: string;
  /** The keys file (outside the user-data folder). */
  secretsFile: string;
  /** Starts the core's child process; `clockShiftMs` moves its clock (final reconciliation). */
  startCore(clockShiftMs?: number): Promise<CoreProcess>;
  close(): Promise<void>;
}

export async function openWorld(): Promise<World> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-chaos-'));
  const dir = path.join(root, 'user-data');
  const secretsFile = path.join(root, 'keys.json');
  await fs.mkdir(dir);
  await fs.mkdir(path.join(root, 'relay'));
  const sandbox = await startSandbox({
    size: 0,
    uapay: { callbackTimeFactor: 0.001, readings: readingsFromEnv() },
    retailcrm: { rateLimitPerSecond: 0 },
  });
  const relay = new ChaosRelay(path.join(root, 'relay'));
  await relay.up();

  const secrets = new Secrets(fileSecretStore(secretsFile));
  const settings = new SettingsService(new SettingsStore({ dir }), secrets);
  // The profile names where the keys go; keys come after it (a destination change deletes a key).
  await importProfile(settings.store, JSON.stringify(sandbox.profile));
  await secrets.save(RETAILCRM_API_KEY, sandbox.secrets.retailCrmApiKey);
  await secrets.save(SMTP_PASSWORD, sandbox.secrets.smtpPassword);
  for (const [merchantId, key] of Object.entries(sandbox.secrets.merchantKeys))
    await secrets.save(merchantKeyAccount(merchantId), key);
  await settings.updateGeneral({ managerName: 'Chaos', holdLifetimeHours: 168 });
  await settings.store.idle();

  return {
    sandbox,
    relay,
    dir,
    secretsFile,
    startCore: (clockShiftMs = 0) =>
      CoreProcess.start({
        DESK_CHAOS_DIR: dir,
        DESK_CHAOS_SECRETS: secretsFile,
        DESK_CHAOS_UAPAY_URL: sandbox.uapay.url,
        ...(clockShiftMs && { DESK_CHAOS_CLOCK_SHIFT_MS: String(clockShiftMs) }),
      }),
    async close() {
      await relay.down();
      await sandbox.stop();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
