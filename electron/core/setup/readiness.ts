/**
 * What is still missing before payment operations are enabled (DESIGN.md workflow 1–4): read from
 * the settings and the keychain only, so the UI may ask as often as it likes.
 */
import type { Readiness, ReadinessGap } from '../../shared/channels/setup';
import { PAYMENT_CURRENCY } from '../../shared/currency';
import { unmappedStates, type SettingsService } from '../settings/service';

export async function readiness(settings: SettingsService): Promise<Readiness> {
  const { settings: s, secrets } = await settings.view();
  const missing: ReadinessGap[] = [];
  if (secrets.keychainProblem) {
    missing.push({
      code: 'keychain',
      message: `The system keychain cannot be read: ${secrets.keychainProblem}`,
    });
  }
  if (!s.retailCrm) {
    missing.push({
      code: 'retailcrm',
      message: 'Connect RetailCRM: enter the account address and an API key.',
    });
  } else if (!secrets.retailCrmApiKey) {
    missing.push({
      code: 'retailcrm',
      message: 'The RetailCRM API key is not saved on this computer: enter it in the RetailCRM settings.',
    });
  }
  // A base currency other than UAH was once accepted as a warning; the module guide requires UAH.
  const base = s.retailCrm?.lastCheck?.baseCurrency;
  if (base && base !== PAYMENT_CURRENCY) {
    missing.push({
      code: 'currency',
      base,
      message: `The RetailCRM base currency is ${base}: make it UAH in RetailCRM, then connect again.`,
    });
  }
  if (s.merchants.length === 0) {
    missing.push({ code: 'merchant', message: 'Add a UAPAY merchant: its client id and secret key.' });
  }
  for (const merchant of s.merchants) {
    if (!secrets.merchantKeys[merchant.id]) {
      missing.push({
        code: 'merchant_key',
        merchantId: merchant.id,
        message: `The secret key of "${merchant.name}" is not saved on this computer: enter it.`,
      });
    }
    if (!merchant.paymentTypeCode) {
      missing.push({
        code: 'merchant_payment_type',
        merchantId: merchant.id,
        message: `"${merchant.name}" has no RetailCRM payment type: choose or create one.`,
      });
    }
  }
  const states = unmappedStates(s);
  if (states.length > 0) {
    missing.push({
      code: 'status_mapping',
      states,
      message: `Map ${states.length === 1 ? 'this payment state' : `these ${states.length} payment states`} to RetailCRM payment statuses: ${states.join(', ')}.`,
    });
  }
  return { ready: missing.length === 0, missing };
}
