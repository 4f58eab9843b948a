import { describe, expect, it } from 'vitest';
import {
  methodName,
  missingMethods,
  REQUIRED_API_METHODS,
  type ApiMethod,
} from '../../../electron/core/setup/requiredMethods';
import { ALL_SCOPES, credentialsFor } from '../../../electron/sandbox/retailcrm';

const names = (methods: ApiMethod[]) => methods.map(methodName);

describe('required RetailCRM API methods', () => {
  it('are all granted to a key with every scope, as the sandbox reports it', () => {
    expect(missingMethods({ credentials: credentialsFor(ALL_SCOPES), scopes: [...ALL_SCOPES] })).toEqual([]);
  });

  it('lists what a key lacks by method and route template', () => {
    const granted = { credentials: credentialsFor(['order_read', 'reference_read']), scopes: [] };
    expect(names(missingMethods(granted))).toEqual([
      'POST /api/orders/payments/create',
      'POST /api/orders/payments/{id}/edit',
      'GET /api/customers/{externalId}',
      'POST /api/reference/payment-types/{code}/edit',
      'POST /api/reference/payment-statuses/{code}/edit',
    ]);
  });

  it('reads grouped credential entries as alternatives, never as loose patterns', () => {
    const required: ApiMethod[] = [
      { verb: 'POST', path: '/api/payment/check', scope: 'payments', use: '' },
      { verb: 'POST', path: '/api/payment/updateInvoice', scope: 'payments', use: '' },
      { verb: 'GET', path: '/api/orders', scope: 'order_read', use: '' },
    ];
    const granted = {
      credentials: ['/api/payment/(updateInvoice|check)', '/api/orders/history'],
      scopes: [],
    };
    expect(names(missingMethods(granted, required))).toEqual(['GET /api/orders']);
  });

  it('decides by the scopes when the deprecated credentials list is gone', () => {
    expect(
      names(missingMethods({ credentials: [], scopes: ['order_read', 'order_write', 'reference_read'] })),
    ).toEqual([
      'GET /api/customers/{externalId}',
      'POST /api/reference/payment-types/{code}/edit',
      'POST /api/reference/payment-statuses/{code}/edit',
    ]);
  });

  it('counts a method granted by its scope although the deprecated credentials list leaves it out', () => {
    // Reference §2, the observed reply: three scopes beside two integration-module routes.
    const granted = {
      credentials: ['/api/integration-modules/{code}', '/api/integration-modules/{code}/edit'],
      scopes: ['order_read', 'customer_read', 'reference_read'],
    };
    expect(names(missingMethods(granted))).toEqual([
      'POST /api/orders/payments/create',
      'POST /api/orders/payments/{id}/edit',
      'POST /api/reference/payment-types/{code}/edit',
      'POST /api/reference/payment-statuses/{code}/edit',
    ]);
  });

  it('has one entry per route', () => {
    expect(new Set(REQUIRED_API_METHODS.map((m) => m.path)).size).toBe(REQUIRED_API_METHODS.length);
  });
});
