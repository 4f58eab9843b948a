/**
 * The merchants of DESIGN.md workflow 2: any number, each with its key in the keychain. The
 * payment type is not edited here but through paymentTypes.ts, which knows about the lock.
 */
import type { MerchantCheckResult, MerchantSaved } from '../../shared/channels/setup';
import type { MerchantEnvironment, SettingsView } from '../../shared/settings';
import type { Connections } from '../connections';
import { merchantKeyAccount } from '../secrets/accounts';
import { redactions } from '../secrets/redaction';
import type { MerchantChanges, NewMerchant, SettingsService } from '../settings/service';
import { checkMerchant } from './merchantCheck';

export interface MerchantDeps {
  settings: SettingsService;
  connections: Connections;
}

export async function addMerchant(
  { settings }: MerchantDeps,
  { secretKey, ...fields }: NewMerchant & { secretKey: string },
): Promise<MerchantSaved> {
  const merchant = await settings.addMerchant(fields, secretKey);
  return { merchant, view: await settings.view() };
}

export async function updateMerchant(
  { settings }: MerchantDeps,
  {
    id,
    secretKey,
    ...changes
  }: Omit<MerchantChanges, 'paymentTypeCode' | 'paymentTypeLocked'> & {
    id: string;
    secretKey?: string;
  },
): Promise<MerchantSaved> {
  const merchant = await settings.updateMerchant(id, changes, secretKey);
  return { merchant, view: await settings.view() };
}

export async function removeMerchant({ settings }: MerchantDeps, id: string): Promise<SettingsView> {
  await settings.removeMerchant(id);
  return settings.view();
}

export interface CheckRequest {
  id?: string;
  clientId?: string;
  environment?: MerchantEnvironment;
  secretKey?: string;
}

/**
 * A saved merchant as it is, or with the form's values over it; unsaved form values alone. The
 * saved key is read only when the form has none.
 */
export async function checkMerchantConnection(
  { settings, connections }: MerchantDeps,
  request: CheckRequest,
): Promise<MerchantCheckResult> {
  const saved = request.id !== undefined ? await settings.merchant(request.id) : undefined;
  const clientId = request.clientId ?? saved?.clientId;
  const environment = request.environment ?? saved?.environment;
  if (saved && clientId === saved.clientId && environment === saved.environment && !request.secretKey)
    return checkMerchant(await connections.uapay(saved.id), saved);
  const secretKey = request.secretKey ?? (await settings.secrets.require(merchantKeyAccount(saved!.id)));
  // The schema guarantees these without an id; with one they come from the saved merchant.
  const merchant = { clientId: clientId!, environment: environment! };
  redactions.remember(secretKey, saved ? merchantKeyAccount(saved.id) : 'merchant:unsaved:secret-key');
  return checkMerchant(
    connections.uapayFor({ ...merchant, ...(saved && { id: saved.id }) }, secretKey),
    merchant,
  );
}
