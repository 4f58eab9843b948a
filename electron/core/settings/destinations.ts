import type { Settings } from '../../shared/settings';
import { RELAY_TOKEN, RETAILCRM_API_KEY, SMTP_PASSWORD } from '../secrets/accounts';

/** The secrets that are sent somewhere the settings name (a merchant's key only ever goes to UAPAY). */
export const ADDRESSED_SECRETS = [RETAILCRM_API_KEY, SMTP_PASSWORD, RELAY_TOKEN] as const;
export type AddressedSecret = (typeof ADDRESSED_SECRETS)[number];

/**
 * Where each secret goes under these settings: the RetailCRM key to the account's origin, the SMTP
 * password to that server, port and login, the relay token to the events address. `null`: nowhere.
 */
function secretDestinations(settings: Settings): Record<AddressedSecret, string | null> {
  const { retailCrm, smtp, relay } = settings;
  return {
    [RETAILCRM_API_KEY]: retailCrm?.url ?? null,
    [SMTP_PASSWORD]: smtp ? `${smtp.host.toLowerCase().replace(/\.$/, '')}:${smtp.port}:${smtp.user}` : null,
    [RELAY_TOKEN]: relay?.eventsUrl ?? null,
  };
}

/**
 * The secrets whose destination differs between `before` and `after`. A secret was entered for one
 * destination; when the settings name another (a team profile, a settings edit, anything), the
 * secret must be entered again, or the first call would carry it to the new address.
 */
export function movedSecrets(before: Settings, after: Settings): AddressedSecret[] {
  const was = secretDestinations(before);
  const now = secretDestinations(after);
  return ADDRESSED_SECRETS.filter((account) => was[account] !== now[account]);
}
