/**
 * Every API method the fake serves, with the scope a key needs for it and the route template
 * `/api/credentials` lists for it (reference §2: unversioned templates such as "/api/reference/payment-types").
 *
 * The scope → method table is partly UNCERTAIN (reference §2): `order_read` for GET /orders is documented,
 * `order_write` for orders/payments/create is documented, `customer_read`/`reference_read` appear in a
 * fixture; `reference_write` for the reference edits, `order_read` for history, and `order_write` for
 * payment edit/delete are the fake's reading. `/api/credentials` and `/api/api-versions` need only a valid
 * key.
 */
export type Scope = 'order_read' | 'order_write' | 'customer_read' | 'reference_read' | 'reference_write';

export const ALL_SCOPES: readonly Scope[] = [
  'order_read',
  'order_write',
  'customer_read',
  'reference_read',
  'reference_write',
];

export interface RouteSpec {
  /** Names a route for faults and call counts. */
  readonly name: RouteName;
  readonly method: 'GET' | 'POST';
  /** The fastify path. */
  readonly url: string;
  readonly scope: Scope | null;
  /** What /api/credentials lists (null: not listed). */
  readonly credential: string | null;
}

export const ROUTES = [
  { name: 'credentials', method: 'GET', url: '/api/credentials', scope: null, credential: null },
  { name: 'api-versions', method: 'GET', url: '/api/api-versions', scope: null, credential: null },
  { name: 'orders', method: 'GET', url: '/api/v5/orders', scope: 'order_read', credential: '/api/orders' },
  {
    name: 'orders/history',
    method: 'GET',
    url: '/api/v5/orders/history',
    scope: 'order_read',
    credential: '/api/orders/history',
  },
  {
    name: 'orders/{externalId}',
    method: 'GET',
    url: '/api/v5/orders/:id',
    scope: 'order_read',
    credential: '/api/orders/{externalId}',
  },
  {
    name: 'orders/payments/create',
    method: 'POST',
    url: '/api/v5/orders/payments/create',
    scope: 'order_write',
    credential: '/api/orders/payments/create',
  },
  {
    name: 'orders/payments/{id}/edit',
    method: 'POST',
    url: '/api/v5/orders/payments/:id/edit',
    scope: 'order_write',
    credential: '/api/orders/payments/{id}/edit',
  },
  {
    name: 'orders/payments/{id}/delete',
    method: 'POST',
    url: '/api/v5/orders/payments/:id/delete',
    scope: 'order_write',
    credential: '/api/orders/payments/{id}/delete',
  },
  {
    name: 'reference/payment-types',
    method: 'GET',
    url: '/api/v5/reference/payment-types',
    scope: 'reference_read',
    credential: '/api/reference/payment-types',
  },
  {
    name: 'reference/payment-types/{code}/edit',
    method: 'POST',
    url: '/api/v5/reference/payment-types/:code/edit',
    scope: 'reference_write',
    credential: '/api/reference/payment-types/{code}/edit',
  },
  {
    name: 'reference/payment-statuses',
    method: 'GET',
    url: '/api/v5/reference/payment-statuses',
    scope: 'reference_read',
    credential: '/api/reference/payment-statuses',
  },
  {
    name: 'reference/payment-statuses/{code}/edit',
    method: 'POST',
    url: '/api/v5/reference/payment-statuses/:code/edit',
    scope: 'reference_write',
    credential: '/api/reference/payment-statuses/{code}/edit',
  },
  {
    name: 'reference/sites',
    method: 'GET',
    url: '/api/v5/reference/sites',
    scope: 'reference_read',
    credential: '/api/reference/sites',
  },
  {
    name: 'reference/currencies',
    method: 'GET',
    url: '/api/v5/reference/currencies',
    scope: 'reference_read',
    credential: '/api/reference/currencies',
  },
  {
    name: 'customers/{externalId}',
    method: 'GET',
    url: '/api/v5/customers/:id',
    scope: 'customer_read',
    credential: '/api/customers/{externalId}',
  },
] as const satisfies readonly (Omit<RouteSpec, 'name'> & { name: string })[];

export type RouteName = (typeof ROUTES)[number]['name'];

/** The templates `/api/credentials` reports for a key with these scopes, in route order. */
export function credentialsFor(scopes: readonly string[]): string[] {
  return ROUTES.flatMap((route) =>
    route.credential !== null && route.scope !== null && scopes.includes(route.scope)
      ? [route.credential]
      : [],
  );
}
