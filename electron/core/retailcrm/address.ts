import { isLoopbackHost } from '../../shared/loopback';
import { ValidationError } from '../errors';

/**
 * The brand domains RetailCRM accounts live on (reference §1.1: retailcrm.ru, retailcrm.pro,
 * simla.com seen in sources; retailcrm.es and simla.io are the same company's other brands).
 */
const ACCOUNT_DOMAINS = ['retailcrm.ru', 'retailcrm.pro', 'retailcrm.es', 'simla.com', 'simla.io'] as const;

/**
 * A manager's idea of the account address → the origin the API lives under. Accepts
 * `shop.retailcrm.ru`, with or without scheme, `www.`, or a path copied from the browser
 * (`https://shop.retailcrm.ru/orders/123/edit`); the API is HTTPS only (reference §1.1).
 * Loopback addresses are accepted as they are: that is the sandbox (Demo mode, tests).
 */
export function accountOrigin(input: string): string {
  const text = input.trim();
  if (!text) throw invalid('Enter the address of your RetailCRM account, for example myshop.retailcrm.ru.');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw invalid(`"${text}" is not a web address. Enter it like myshop.retailcrm.ru.`);
  }
  if (isLoopbackHost(url.hostname)) return url.origin;
  // A trailing dot (the fully qualified form) names the same host.
  const host = url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  const domain = ACCOUNT_DOMAINS.find((d) => host.endsWith(`.${d}`));
  if (!domain || host.split('.').length !== domain.split('.').length + 1) {
    throw invalid(
      `"${url.hostname}" is not a RetailCRM account address. It looks like myshop.retailcrm.ru ` +
        `(or on ${ACCOUNT_DOMAINS.filter((d) => d !== 'retailcrm.ru').join(', ')}).`,
    );
  }
  if (url.port && url.port !== '443')
    throw invalid('RetailCRM accounts are served on the standard HTTPS port only.');
  return `https://${host}`;
}

function invalid(message: string): ValidationError {
  return new ValidationError(message, [{ path: 'url', code: 'invalid_address', message }]);
}
