/**
 * The RetailCRM setup checks (DESIGN.md workflow 1, the module guide's "API key" and "currency"
 * paragraphs): the address answers as a RetailCRM account, the key is accepted, it has every
 * method the app needs, the base currency is UAH, and it sees the stores the app works with. Each
 * finding says what is wrong and where to fix it, in the manager's terms.
 */
import type { CrmSite, RetailCrmCheck, SetupFinding } from '../../shared/channels/setup';
import { PAYMENT_CURRENCY } from '../../shared/currency';
import { NetworkError } from '../errors';
import type { RetailCrmApi } from '../retailcrm/api';
import { MESSAGES, RetailCrmError } from '../retailcrm/errors';
import type { Credentials } from '../retailcrm/types';
import { methodName, missingMethods } from './requiredMethods';

const KEY_PLACE = 'Administration > Integration > API keys';
const CURRENCY_PLACE = 'Administration > Reference books > Currencies';

export interface CheckInput {
  url: string;
  api: RetailCrmApi;
  /** The stores the manager chose; empty: every store the key sees. */
  siteCodes: readonly string[];
}

export async function checkRetailCrm({ url, api, siteCodes }: CheckInput): Promise<RetailCrmCheck> {
  const check: RetailCrmCheck = { url, problems: [], warnings: [], missingMethods: [], sites: [] };
  const host = new URL(url).host;

  let credentials: Credentials;
  try {
    credentials = await api.credentials();
  } catch (error) {
    check.problems.push(accessProblem(error, host));
    return check;
  }
  check.siteAccess = credentials.siteAccess;

  const missing = missingMethods(credentials);
  check.missingMethods = missing.map(methodName);
  if (missing.length > 0) {
    check.problems.push({
      code: 'missing_methods',
      params: { count: missing.length, methods: check.missingMethods.join(', ') },
      message:
        `The API key is missing ${missing.length === 1 ? 'a method' : `${missing.length} methods`} ` +
        `UAPAY Desk needs: ${check.missingMethods.join(', ')}. In RetailCRM open ${KEY_PLACE}, edit ` +
        'this key and allow them (or create a key with them), then connect again.',
    });
  }
  const canRead = (path: string) => !missing.some((method) => method.path === path);
  if (!canRead('/api/reference/currencies') || !canRead('/api/reference/sites')) return check;

  const [currencies, sites] = await Promise.all([api.currencies(), api.sites()]);
  const available = new Set(credentials.sitesAvailable);
  const visible: CrmSite[] = sites
    .filter((site) => credentials.siteAccess !== 'access_selective' || available.has(site.code))
    .map((site) => ({ code: site.code, name: site.name, ...(site.currency && { currency: site.currency }) }));
  check.sites = visible;
  check.baseCurrency = currencies.find((currency) => currency.isBase)?.code;

  if (visible.length === 0) {
    check.problems.push({
      code: 'no_sites',
      message:
        `The API key cannot see any store. In RetailCRM open ${KEY_PLACE}, edit this key and give ` +
        'it access to the stores whose orders UAPAY Desk should handle.',
    });
    return check;
  }
  const unknown = siteCodes.filter((code) => !visible.some((site) => site.code === code));
  if (unknown.length > 0) {
    check.problems.push({
      code: 'unknown_sites',
      params: { sites: unknown.join(', '), visible: visible.map((s) => s.code).join(', ') },
      message: `The API key cannot see ${list(unknown)}: choose among ${list(visible.map((s) => s.code))}.`,
    });
    return check;
  }
  const inScope = siteCodes.length > 0 ? visible.filter((s) => siteCodes.includes(s.code)) : visible;
  check.problems.push(...currencyProblems(check.baseCurrency, inScope));
  check.warnings.push(...currencyWarnings(check.baseCurrency, inScope));
  return check;
}

/** Why the first call failed, when it says something about the address or the key. */
function accessProblem(error: unknown, host: string): SetupFinding {
  if (error instanceof NetworkError && error.info.reason === 'unreachable') {
    return {
      code: 'unreachable',
      params: { host },
      message:
        `Could not reach ${host}. Check the address of your RetailCRM account and that this computer ` +
        'is connected to the internet.',
      detail: error.message,
    };
  }
  if (error instanceof RetailCrmError) {
    const text = error.info.message;
    if (text === MESSAGES.wrongKey || text === MESSAGES.missingKey) {
      return {
        code: 'wrong_key',
        message:
          `RetailCRM does not accept this API key. Copy it again from ${KEY_PLACE} in RetailCRM ` +
          '(or create a key there) and paste it whole.',
        detail: text,
      };
    }
    if (text === MESSAGES.accountMissing || text.startsWith(MESSAGES.notApi) || error.status === 404) {
      return {
        code: 'not_retailcrm',
        params: { host },
        message:
          `There is no RetailCRM account at ${host}. Enter the address you open RetailCRM at, ` +
          'like myshop.retailcrm.ru.',
        detail: text,
      };
    }
  }
  // A timeout, a 503 that did not end, a server error: nothing is known about the account yet.
  throw error;
}

function effectiveCurrency(site: CrmSite, base: string | undefined): string | undefined {
  return site.currency ?? base;
}

/** No store in scope takes hryvnias: nothing could be paid through UAPAY. */
function currencyProblems(base: string | undefined, sites: CrmSite[]): SetupFinding[] {
  if (sites.some((site) => effectiveCurrency(site, base) === PAYMENT_CURRENCY)) return [];
  return [
    {
      code: 'currency',
      params: { base: base ?? '' },
      message:
        `The base currency of this RetailCRM account is ${base ?? 'not set'}, and UAPAY takes ` +
        `payments in hryvnias only, so no order could be paid. Make UAH the base currency in ` +
        `RetailCRM (${CURRENCY_PLACE}), or set UAH as the currency of the stores UAPAY Desk handles.`,
    },
  ];
}

/**
 * Some stores in scope are in hryvnias: the rest (and a non-UAH base currency) is a warning the
 * manager may accept, because orders of the UAH stores can still be paid.
 */
function currencyWarnings(base: string | undefined, sites: CrmSite[]): SetupFinding[] {
  const uah = sites.filter((site) => effectiveCurrency(site, base) === PAYMENT_CURRENCY);
  if (uah.length === 0) return [];
  const warnings: SetupFinding[] = [];
  if (base !== PAYMENT_CURRENCY) {
    warnings.push({
      code: 'base_currency',
      params: { base: base ?? '', sites: uah.map((s) => s.code).join(', ') },
      message:
        `The base currency of this RetailCRM account is ${base ?? 'not set'}, not UAH. Orders of ` +
        `${list(uah.map((s) => s.code))} are in UAH and can be paid; the module guide asks for UAH ` +
        `as the base currency (${CURRENCY_PLACE}).`,
    });
  }
  const other = sites.filter((site) => effectiveCurrency(site, base) !== PAYMENT_CURRENCY);
  if (other.length > 0) {
    warnings.push({
      code: 'site_currency',
      params: { sites: other.map((s) => s.code).join(', ') },
      message:
        `Orders of ${other.map((s) => `"${s.code}" (${effectiveCurrency(s, base) ?? '?'})`).join(', ')} are ` +
        'not in UAH: UAPAY cannot take payments for them. Choose only UAH stores, or accept this.',
    });
  }
  return warnings;
}

function list(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}
