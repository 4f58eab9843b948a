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
  const currencyFindings = currencyProblems(check.baseCurrency, inScope);
  check.problems.push(...currencyFindings);
  if (currencyFindings.length === 0) check.warnings.push(...currencyWarnings(check.baseCurrency, inScope));
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

/**
 * The module guide requires UAH as the account's base currency (UAPAY takes hryvnias only): any
 * other is refused, not accepted as a warning. With a UAH base, at least one store in scope must be
 * in hryvnias, or nothing could ever be paid.
 */
function currencyProblems(base: string | undefined, sites: CrmSite[]): SetupFinding[] {
  if (base !== PAYMENT_CURRENCY) {
    return [
      {
        code: 'currency',
        params: { base: base ?? '' },
        message:
          `The base currency of this RetailCRM account is ${base ?? 'not set'}. UAPAY takes payments ` +
          `in hryvnias only, and the module guide requires UAH as the base currency: make UAH the ` +
          `base currency in RetailCRM (${CURRENCY_PLACE}), then connect again.`,
      },
    ];
  }
  if (sites.some((site) => effectiveCurrency(site, base) === PAYMENT_CURRENCY)) return [];
  return [
    {
      code: 'no_uah_store',
      params: { sites: sites.map((s) => s.code).join(', ') },
      message:
        `None of ${list(sites.map((s) => s.code))} is in hryvnias, so no order of theirs could be paid ` +
        'through UAPAY. Choose a store whose currency is UAH.',
    },
  ];
}

/**
 * Stores in another currency among UAH ones: a warning the manager may accept. Their orders are
 * listed with their currency and refused for links and money operations.
 */
function currencyWarnings(base: string | undefined, sites: CrmSite[]): SetupFinding[] {
  const warnings: SetupFinding[] = [];
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
