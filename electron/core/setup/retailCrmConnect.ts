/**
 * "Connect RetailCRM" (DESIGN.md workflow 1): the address is normalized, the checks run with the
 * key as typed, and the connection is saved only when nothing blocks and the manager accepted each
 * warning. A wrong key and missing methods block, always: the app could not work with them. What
 * can be accepted is a currency setting that still leaves UAH stores to pay (retailCrmChecks.ts).
 */
import type { RetailCrmConnectResult } from '../../shared/channels/setup';
import type { SettingsView } from '../../shared/settings';
import type { Connections } from '../connections';
import { ValidationError } from '../errors';
import { accountOrigin } from '../retailcrm/address';
import { RETAILCRM_API_KEY } from '../secrets/accounts';
import { redactions } from '../secrets/redaction';
import type { SettingsService } from '../settings/service';
import { checkRetailCrm } from './retailCrmChecks';

export interface RetailCrmSetupDeps {
  settings: SettingsService;
  connections: Connections;
  now?: () => Date;
}

export interface ConnectRequest {
  url: string;
  /** Absent: check (and keep) the key saved for this same account. */
  apiKey?: string;
  siteCodes?: string[];
  acceptWarnings?: string[];
}

export async function connectRetailCrm(
  deps: RetailCrmSetupDeps,
  request: ConnectRequest,
): Promise<RetailCrmConnectResult> {
  const url = accountOrigin(request.url);
  const current = (await deps.settings.get()).retailCrm;
  const sameAccount = current?.url === url;
  let apiKey = request.apiKey;
  // It goes in an HTTP header, where such characters cannot travel (the call would fail as if
  // the host were unreachable); RetailCRM keys are Latin letters and digits.
  if (apiKey !== undefined && !/^[\x21-\x7e]+$/.test(apiKey)) throw oddKey();
  if (apiKey === undefined) {
    if (!sameAccount) throw keyNeeded();
    apiKey = await deps.settings.secrets.require(RETAILCRM_API_KEY);
  }
  // Masked in logs and replies from now on, although it is saved only if the checks pass.
  redactions.remember(apiKey, RETAILCRM_API_KEY);
  const siteCodes = request.siteCodes ?? (sameAccount ? current.siteCodes : []);
  const check = await checkRetailCrm({ url, api: deps.connections.retailCrmFor(url, apiKey), siteCodes });

  const accepted = new Set(request.acceptWarnings ?? []);
  const saved = check.problems.length === 0 && check.warnings.every((w) => accepted.has(w.code));
  if (saved) {
    const at = (deps.now?.() ?? new Date()).toISOString();
    const acceptedWarnings = check.warnings.map((w) => w.code);
    await deps.settings.setRetailCrm(
      {
        url,
        siteCodes: [...siteCodes],
        ...(check.baseCurrency && { lastCheck: { at, baseCurrency: check.baseCurrency, acceptedWarnings } }),
      },
      request.apiKey,
    );
  }
  return { saved, check, view: await deps.settings.view() };
}

export async function disconnectRetailCrm(deps: RetailCrmSetupDeps): Promise<SettingsView> {
  await deps.settings.setRetailCrm(null);
  return deps.settings.view();
}

function oddKey(): ValidationError {
  const message =
    'The API key has characters no RetailCRM key has (a space or a non-Latin letter). Copy it again ' +
    'from Administration > Integration > API keys in RetailCRM.';
  return new ValidationError(message, [{ path: 'apiKey', code: 'invalid_key', message }]);
}

function keyNeeded(): ValidationError {
  const message = 'Enter the API key of this RetailCRM account.';
  return new ValidationError(message, [{ path: 'apiKey', code: 'required', message }]);
}
