/**
 * The orders suite's RetailCRM account and how many requests reached it. No vitest here: the
 * orders benchmark (test/bench/orders.ts) seeds the same account outside the test runner.
 */
import type { RetailCrmFake, RetailCrmState } from '../../../electron/sandbox/retailcrm';
import type { StatusMapping } from '../../../electron/shared/settings';

/** Lifecycle state → RetailCRM payment-status code, one code per state. */
export const MAPPING: StatusMapping = {
  no_link: 'not-paid',
  link_sent: 'link-sent',
  held: 'held',
  paid: 'paid',
  failed: 'failed',
  rejected: 'rejected',
  expired: 'expired',
  refunded: 'refunded',
  partially_refunded: 'part-refunded',
};

/**
 * UAH, two sites (shop-a, shop-b), a payment status per lifecycle state (only `paid` completes a
 * payment), the two merchants' payment types (uapay-a, uapay-b) and cash, and the API key.
 */
export function addOrdersAccount(state: RetailCrmState, apiKey: string): void {
  state.addCurrency({ code: 'UAH', isBase: true });
  state.addSite({ code: 'shop-a', name: 'Shop A', currency: 'UAH' });
  state.addSite({ code: 'shop-b', name: 'Shop B', currency: 'UAH' });
  const statuses = Object.values(MAPPING);
  for (const [index, code] of statuses.entries())
    state.putPaymentStatus({ code, name: code, paymentComplete: code === 'paid', ordering: index * 10 });
  state.putPaymentType({ code: 'uapay-a', name: 'UAPAY A', paymentStatuses: statuses });
  state.putPaymentType({ code: 'uapay-b', name: 'UAPAY B', paymentStatuses: statuses });
  state.putPaymentType({ code: 'cash', name: 'Cash', paymentStatuses: statuses });
  state.addApiKey({ key: apiKey });
}

/** Requests that reached the fake's API since the last reset, per route (retries included). */
export function requestsTo(fake: RetailCrmFake): Record<string, number> {
  return Object.fromEntries(
    Object.entries(fake.control.allCounts())
      .filter(([key]) => !key.includes('#'))
      .map(([key, count]) => [key, count.calls]),
  );
}

export function totalRequests(fake: RetailCrmFake): number {
  return Object.values(requestsTo(fake)).reduce((sum, n) => sum + n, 0);
}
