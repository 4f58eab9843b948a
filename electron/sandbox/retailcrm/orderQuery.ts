/**
 * The filters of GET /api/v5/orders (reference §3.1) as one predicate. The order book narrows the candidates
 * with its indexes first; this checks every filter on each candidate (ranges and text searches included).
 */
import type { Order, Payment } from './model';
import type { Kopiyky } from './money';

export interface OrderQuery {
  ids?: number[];
  numbers?: string[];
  externalIds?: string[];
  sites?: string[];
  paymentTypes?: string[];
  paymentStatuses?: string[];
  /** Order status codes (`-group` codes are not supported). */
  extendedStatus?: string[];
  customerId?: number;
  /** `Y-m-d`, inclusive, on the order's creation day. */
  createdAtFrom?: string;
  createdAtTo?: string;
  /** `Y-m-d`, inclusive: some payment was paid that day or after / before. */
  paidAtFrom?: string;
  paidAtTo?: string;
  fullPaidAtFrom?: string;
  fullPaidAtTo?: string;
  minPrepaySumm?: Kopiyky;
  maxPrepaySumm?: Kopiyky;
  minPrice?: Kopiyky;
  maxPrice?: Kopiyky;
  /** Case-insensitive substring of the order's e-mail (or its customer's). */
  email?: string;
  /** Name or phone (reference §3.1): a substring of the full name, or of the phone's digits. */
  customer?: string;
}

/** What the predicate reads besides the order itself (kept by the order book). */
export interface OrderFacts {
  paymentsOf(order: Order): Payment[];
  paymentKinds(order: Order): { types: ReadonlySet<string>; statuses: ReadonlySet<string> };
  /** Lower-cased names (both orders) and the phone's digits. */
  searchText(order: Order): { names: string; phoneDigits: string };
  customerEmail(customerId: number): string | undefined;
}

export type OrderPredicate = (order: Order) => boolean;

/** null when nothing is to be checked (the whole visible list matches). */
export function orderPredicate(
  query: OrderQuery,
  visibleSites: ReadonlySet<string> | null,
  facts: OrderFacts,
): OrderPredicate | null {
  const checks: OrderPredicate[] = [];
  const oneOf = <V>(values: V[] | undefined, value: (order: Order) => V | undefined): void => {
    if (!values) return;
    const wanted = new Set(values);
    checks.push((order) => {
      const actual = value(order);
      return actual !== undefined && wanted.has(actual);
    });
  };
  const anyOf = (values: string[] | undefined, actual: (order: Order) => ReadonlySet<string>): void => {
    if (values) checks.push((order) => values.some((value) => actual(order).has(value)));
  };
  const atLeast = <V extends string | number>(
    bound: V | undefined,
    value: (order: Order) => V | undefined,
  ): void => {
    if (bound !== undefined)
      checks.push((order) => ((actual) => actual !== undefined && actual >= bound)(value(order)));
  };
  const atMost = <V extends string | number>(
    bound: V | undefined,
    value: (order: Order) => V | undefined,
  ): void => {
    if (bound !== undefined)
      checks.push((order) => ((actual) => actual !== undefined && actual <= bound)(value(order)));
  };
  const day = (dateTime: string | undefined): string | undefined => dateTime?.slice(0, 10);
  const paidDays = (order: Order): string[] =>
    facts.paymentsOf(order).flatMap((payment) => (payment.paidAt ? [payment.paidAt.slice(0, 10)] : []));

  oneOf(query.ids, (order) => order.id);
  oneOf(query.numbers, (order) => order.number);
  oneOf(query.externalIds, (order) => order.externalId);
  oneOf(query.sites, (order) => order.site);
  oneOf(visibleSites ? [...visibleSites] : undefined, (order) => order.site);
  anyOf(query.paymentTypes, (order) => facts.paymentKinds(order).types);
  anyOf(query.paymentStatuses, (order) => facts.paymentKinds(order).statuses);
  oneOf(query.extendedStatus, (order) => order.status);
  oneOf(query.customerId === undefined ? undefined : [query.customerId], (order) => order.customerId);
  atLeast(query.createdAtFrom, (order) => day(order.createdAt));
  atMost(query.createdAtTo, (order) => day(order.createdAt));
  atLeast(query.fullPaidAtFrom, (order) => day(order.fullPaidAt));
  atMost(query.fullPaidAtTo, (order) => day(order.fullPaidAt));
  const { paidAtFrom, paidAtTo } = query;
  if (paidAtFrom) checks.push((order) => paidDays(order).some((date) => date >= paidAtFrom));
  if (paidAtTo) checks.push((order) => paidDays(order).some((date) => date <= paidAtTo));
  atLeast(query.minPrepaySumm, (order) => order.prepaySum);
  atMost(query.maxPrepaySumm, (order) => order.prepaySum);
  atLeast(query.minPrice, (order) => order.totalSumm);
  atMost(query.maxPrice, (order) => order.totalSumm);
  if (query.email !== undefined) {
    const needle = query.email.toLowerCase();
    checks.push((order) => {
      const customerEmail =
        order.customerId === undefined ? undefined : facts.customerEmail(order.customerId);
      return [order.email, customerEmail].some((email) => email?.toLowerCase().includes(needle));
    });
  }
  if (query.customer !== undefined) {
    const needle = query.customer.trim().toLowerCase();
    const digits = needle.replace(/\D/g, '');
    checks.push((order) => {
      const text = facts.searchText(order);
      return (
        (needle !== '' && text.names.includes(needle)) ||
        (digits.length >= 3 && text.phoneDigits.includes(digits))
      );
    });
  }
  return checks.length === 0 ? null : (order) => checks.every((check) => check(order));
}
