/**
 * Each merchant's own RetailCRM payment type (DESIGN.md workflow 3; the module guide: "a separate
 * payment type for each connected shop", "after saving, the field can no longer be edited"). One
 * type per merchant and one merchant per type; once payments of the type exist in RetailCRM, the
 * link is locked.
 */
import type { MerchantLink, PaymentTypeChoice, PaymentTypesView } from '../../shared/channels/setup';
import type { Merchant } from '../../shared/settings';
import type { Connections } from '../connections';
import { LockedError, ValidationError } from '../errors';
import type { RetailCrmApi } from '../retailcrm/api';
import type { PaymentType } from '../retailcrm/types';
import type { SettingsService } from '../settings/service';

export interface PaymentTypeDeps {
  settings: SettingsService;
  connections: Connections;
}

/** Reference §1.8: the smallest page; one order is enough to know. */
const PROBE_LIMIT = 20;

/** Whether any order has a payment of this type (GET /api/v5/orders?filter[paymentTypes][]=…). */
async function paymentsExist(api: RetailCrmApi, code: string): Promise<boolean> {
  const { pagination } = await api.orders({ paymentTypes: [code] }, 1, PROBE_LIMIT);
  return pagination.totalCount > 0;
}

/** The CRM's payment types with their links; links whose type now has payments get locked first. */
export async function listPaymentTypes(deps: PaymentTypeDeps): Promise<PaymentTypesView> {
  const api = await deps.connections.retailCrm();
  await lockUsedLinks(deps, api);
  return view(deps, await api.paymentTypes());
}

export async function linkPaymentType(
  deps: PaymentTypeDeps,
  merchantId: string,
  code: string,
): Promise<PaymentTypesView> {
  const api = await deps.connections.retailCrm();
  const merchant = await deps.settings.merchant(merchantId);
  const types = await api.paymentTypes();
  const type = types.find((t) => t.code === code);
  if (!type) {
    throw refuse(
      'code',
      'not_found',
      `RetailCRM has no payment type "${code}". Choose one from the list or create it.`,
    );
  }
  if (integrationOf(type)) {
    throw refuse(
      'code',
      'integration',
      `The payment type "${type.name}" belongs to the integration "${integrationOf(type)}" in RetailCRM: ` +
        'choose another type or create a new one for this merchant.',
    );
  }
  await relink(deps, api, merchant, code);
  return view(deps, types);
}

export interface NewPaymentType {
  merchantId: string;
  code: string;
  name: string;
  siteCodes?: string[];
}

/**
 * Creates the type through `reference/payment-types/{code}/edit` (reference §5.1): active, on the
 * chosen stores (or the connection's, or every store the key sees), able to use the statuses
 * already mapped; then links it.
 */
export async function createPaymentType(
  deps: PaymentTypeDeps,
  input: NewPaymentType,
): Promise<PaymentTypesView> {
  const api = await deps.connections.retailCrm();
  const merchant = await deps.settings.merchant(input.merchantId);
  refuseLocked(merchant, input.code);
  const [types, statuses] = await Promise.all([api.paymentTypes(), api.paymentStatuses()]);
  if (types.some((t) => t.code === input.code)) {
    throw refuse(
      'code',
      'exists',
      `RetailCRM already has a payment type with the code "${input.code}": choose it from the list, or use another code.`,
    );
  }
  const settings = await deps.settings.get();
  const sites = input.siteCodes?.length
    ? input.siteCodes
    : settings.retailCrm?.siteCodes.length
      ? settings.retailCrm.siteCodes
      : (await api.sites()).map((s) => s.code);
  const mapped = new Set(Object.values(settings.statusMapping));
  const paymentStatuses = statuses.filter((s) => mapped.has(s.code)).map((s) => s.code);
  // Refused before the type is created, so a refusal leaves nothing behind in RetailCRM.
  await refuseIfUsed(deps, api, merchant);
  await api.editPaymentType(input.code, { name: input.name, active: true, sites, paymentStatuses });
  await relink(deps, api, merchant, input.code, true);
  return view(deps, await api.paymentTypes());
}

async function relink(
  deps: PaymentTypeDeps,
  api: RetailCrmApi,
  merchant: Merchant,
  code: string,
  currentChecked = false,
): Promise<void> {
  const { merchants } = await deps.settings.get();
  const other = merchants.find((m) => m.id !== merchant.id && m.paymentTypeCode === code);
  if (other) {
    throw refuse(
      'code',
      'taken',
      `The payment type "${code}" is already linked to the merchant "${other.name}": each merchant needs its own.`,
    );
  }
  if (merchant.paymentTypeCode === code) return;
  refuseLocked(merchant, code);
  if (!currentChecked) await refuseIfUsed(deps, api, merchant);
  await deps.settings.updateMerchant(merchant.id, { paymentTypeCode: code });
  // A type that already carries payments is locked to this merchant from the start.
  if (await paymentsExist(api, code)) await deps.settings.lockPaymentType(merchant.id);
}

/** The current link, if RetailCRM has payments of it, is locked now and the change refused. */
async function refuseIfUsed(deps: PaymentTypeDeps, api: RetailCrmApi, merchant: Merchant): Promise<void> {
  if (!merchant.paymentTypeCode || !(await paymentsExist(api, merchant.paymentTypeCode))) return;
  throw lockedError(await deps.settings.lockPaymentType(merchant.id));
}

function refuseLocked(merchant: Merchant, code: string): void {
  if (merchant.paymentTypeLocked && merchant.paymentTypeCode !== code) throw lockedError(merchant);
}

function lockedError(merchant: Merchant): LockedError {
  return new LockedError(
    'paymentType',
    `The payment type of "${merchant.name}" can no longer change: RetailCRM has payments of the type ` +
      `"${merchant.paymentTypeCode}".`,
  );
}

async function lockUsedLinks(deps: PaymentTypeDeps, api: RetailCrmApi): Promise<void> {
  const { merchants } = await deps.settings.get();
  for (const merchant of merchants) {
    if (
      merchant.paymentTypeCode &&
      !merchant.paymentTypeLocked &&
      (await paymentsExist(api, merchant.paymentTypeCode))
    )
      await deps.settings.lockPaymentType(merchant.id);
  }
}

async function view(deps: PaymentTypeDeps, types: PaymentType[]): Promise<PaymentTypesView> {
  const { merchants } = await deps.settings.get();
  const byType = new Map(
    merchants.flatMap((m) => (m.paymentTypeCode ? [[m.paymentTypeCode, m.id] as const] : [])),
  );
  return {
    types: types.map((t): PaymentTypeChoice => ({
      code: t.code,
      name: t.name,
      active: t.active ?? true,
      sites: t.sites ?? [],
      ...(integrationOf(t) && { integration: integrationOf(t) }),
      ...(byType.has(t.code) && { merchantId: byType.get(t.code) }),
    })),
    merchants: merchants.map((m): MerchantLink => ({
      merchantId: m.id,
      name: m.name,
      ...(m.paymentTypeCode && { paymentTypeCode: m.paymentTypeCode }),
      locked: m.paymentTypeLocked,
    })),
  };
}

/** Reference §5.1: `integrationModule` is present only on types another module owns. */
function integrationOf(type: PaymentType): string | undefined {
  const module = type.integrationModule as { active?: boolean; name?: string } | undefined;
  return module && module.active !== false ? (module.name ?? 'another module') : undefined;
}

function refuse(path: string, code: string, message: string): ValidationError {
  return new ValidationError(message, [{ path, code, message }]);
}
