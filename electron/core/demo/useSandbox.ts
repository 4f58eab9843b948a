import type { Sandbox } from '../../sandbox';
import { merchantKeyAccount, RETAILCRM_API_KEY, SMTP_PASSWORD } from '../secrets/accounts';
import type { Secrets } from '../secrets/secrets';
import { importProfile } from '../settings/profile';
import type { SettingsService } from '../settings/service';

/**
 * Points the app at a running sandbox exactly as a shop would be set up: the sandbox's team
 * profile through the ordinary import, and its keys into the (workspace's) keychain.
 */
export async function useSandbox(
  settings: SettingsService,
  secrets: Secrets,
  sandbox: Sandbox,
): Promise<void> {
  // The profile first: it names where each key goes, and settings that change a key's destination
  // delete the key (settings/service.ts).
  await importProfile(settings.store, JSON.stringify(sandbox.profile));
  await secrets.save(RETAILCRM_API_KEY, sandbox.secrets.retailCrmApiKey);
  await secrets.save(SMTP_PASSWORD, sandbox.secrets.smtpPassword);
  for (const [merchantId, key] of Object.entries(sandbox.secrets.merchantKeys)) {
    await secrets.save(merchantKeyAccount(merchantId), key);
  }
}
