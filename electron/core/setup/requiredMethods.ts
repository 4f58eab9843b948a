/**
 * The RetailCRM API methods UAPAY Desk needs, as `/api/credentials` names them (reference §2:
 * unversioned route templates), with the scope that grants each. The README's "RetailCRM API key"
 * section lists the same; a key without any of them is refused at setup.
 *
 * UNCERTAIN (reference §2): only `order_read` (order list) and `order_write` (payment create) are
 * documented scopes; the others follow the sandbox's reading of the scope table.
 */
import type { Credentials } from '../retailcrm/types';

export interface ApiMethod {
  verb: 'GET' | 'POST';
  /** The template `/api/credentials` lists. */
  path: string;
  scope: string;
  /** What the app does with it, for the README and support. */
  use: string;
}

export const REQUIRED_API_METHODS: readonly ApiMethod[] = [
  { verb: 'GET', path: '/api/orders', scope: 'order_read', use: 'the order list' },
  { verb: 'GET', path: '/api/orders/history', scope: 'order_read', use: 'following changes made in the CRM' },
  { verb: 'GET', path: '/api/orders/{externalId}', scope: 'order_read', use: 'one order' },
  {
    verb: 'POST',
    path: '/api/orders/payments/create',
    scope: 'order_write',
    use: 'adding a payment to an order',
  },
  {
    verb: 'POST',
    path: '/api/orders/payments/{id}/edit',
    scope: 'order_write',
    use: 'payment status, amount and link',
  },
  { verb: 'GET', path: '/api/customers/{externalId}', scope: 'customer_read', use: "the customer's e-mail" },
  { verb: 'GET', path: '/api/reference/sites', scope: 'reference_read', use: 'stores and their currency' },
  { verb: 'GET', path: '/api/reference/currencies', scope: 'reference_read', use: 'the base currency' },
  { verb: 'GET', path: '/api/reference/payment-types', scope: 'reference_read', use: 'payment types' },
  {
    verb: 'POST',
    path: '/api/reference/payment-types/{code}/edit',
    scope: 'reference_write',
    use: "creating a merchant's payment type",
  },
  { verb: 'GET', path: '/api/reference/payment-statuses', scope: 'reference_read', use: 'payment statuses' },
  {
    verb: 'POST',
    path: '/api/reference/payment-statuses/{code}/edit',
    scope: 'reference_write',
    use: 'creating a payment status from the mapping',
  },
];

/** `GET /api/orders`, as a person reads it in a list of missing methods. */
export function methodName(method: ApiMethod): string {
  return `${method.verb} ${method.path}`;
}

/**
 * The required methods the key lacks: granted neither by a scope nor by a `credentials[]` entry.
 * `credentials[]` is deprecated and need not list all a key may do (reference §2: the observed reply
 * pairs the scopes `order_read`… with two integration-module routes only), and some of its entries
 * are grouped patterns (`/api/payment/(updateInvoice|check)`).
 */
export function missingMethods(
  granted: Pick<Credentials, 'credentials' | 'scopes'>,
  required: readonly ApiMethod[] = REQUIRED_API_METHODS,
): ApiMethod[] {
  const patterns = granted.credentials.map(credentialPattern);
  return required.filter(
    (method) =>
      !granted.scopes.includes(method.scope) && !patterns.some((pattern) => pattern.test(method.path)),
  );
}

/** A credential entry as a whole-string pattern: literal text, `(a|b)` groups as alternatives. */
function credentialPattern(entry: string): RegExp {
  const parts = entry.split(/(\([^()]*\))/);
  const source = parts
    .map((part) =>
      /^\(.*\)$/.test(part) ? `(?:${part.slice(1, -1).split('|').map(escape).join('|')})` : escape(part),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
