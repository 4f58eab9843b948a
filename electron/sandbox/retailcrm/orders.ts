/**
 * The order book: storage, the indexes GET /orders filters on, and the list query (reference §3.1).
 * Exact-match filters (ids, numbers, externalIds, sites, payment types/statuses, status, customer) are
 * indexed; ranges and text searches are checked on the smallest indexed candidate set (orderQuery.ts).
 */
import type { Order, Payment } from './model';
import { orderPredicate, type OrderFacts, type OrderQuery } from './orderQuery';

export interface OrderPage {
  totalCount: number;
  orders: Order[];
}

type Index<K> = Map<K, Set<number>>;

export class OrderBook {
  /** Ascending by id: ids only grow. */
  private readonly list: Order[] = [];
  private readonly byId = new Map<number, Order>();
  private readonly byNumber = new Map<string, Order>();
  private readonly byExternalId = new Map<string, Order>();
  private readonly bySite: Index<string> = new Map();
  private readonly byStatus: Index<string> = new Map();
  private readonly byCustomer: Index<number> = new Map();
  private readonly byPaymentType: Index<string> = new Map();
  private readonly byPaymentStatus: Index<string> = new Map();
  private readonly indexedPayments = new Map<number, { types: Set<string>; statuses: Set<string> }>();
  /** Lower-cased names and phone digits for `filter[customer]` (contact fields do not change after creation). */
  private readonly searchText = new Map<number, { names: string; phoneDigits: string }>();
  private lastId = 0;

  private readonly facts: OrderFacts;

  constructor(
    private readonly paymentsOf: (order: Order) => Payment[],
    customerEmail: (customerId: number) => string | undefined,
  ) {
    this.facts = {
      paymentsOf,
      customerEmail,
      paymentKinds: (order) => this.indexedPayments.get(order.id)!,
      searchText: (order) => this.searchText.get(order.id)!,
    };
  }

  get size(): number {
    return this.list.length;
  }

  nextId(): number {
    return this.lastId + 1;
  }

  get(id: number): Order | undefined {
    return this.byId.get(id);
  }

  byNumberOf(number: string): Order | undefined {
    return this.byNumber.get(number);
  }

  byExternalIdOf(externalId: string): Order | undefined {
    return this.byExternalId.get(externalId);
  }

  all(): readonly Order[] {
    return this.list;
  }

  add(order: Order): void {
    if (order.id <= this.lastId) throw new RangeError(`Order id ${order.id} is not above ${this.lastId}`);
    if (this.byNumber.has(order.number)) throw new RangeError(`Order number ${order.number} already exists`);
    if (order.externalId !== undefined && this.byExternalId.has(order.externalId)) {
      throw new RangeError(`Order externalId ${order.externalId} already exists`);
    }
    this.lastId = order.id;
    this.list.push(order);
    this.byId.set(order.id, order);
    this.byNumber.set(order.number, order);
    if (order.externalId !== undefined) this.byExternalId.set(order.externalId, order);
    addTo(this.bySite, order.site, order.id);
    addTo(this.byStatus, order.status, order.id);
    if (order.customerId !== undefined) addTo(this.byCustomer, order.customerId, order.id);
    const name = [order.lastName, order.firstName, order.patronymic].filter(Boolean).join(' ');
    const reversed = [order.firstName, order.lastName].filter(Boolean).join(' ');
    this.searchText.set(order.id, {
      names: `${name}\n${reversed}`.toLowerCase(),
      phoneDigits: (order.phone ?? '').replace(/\D/g, ''),
    });
    this.reindexPayments(order);
  }

  setStatus(order: Order, status: string): void {
    removeFrom(this.byStatus, order.status, order.id);
    order.status = status;
    addTo(this.byStatus, status, order.id);
  }

  /** Call after any change to an order's payments (types and statuses are filtered on). */
  reindexPayments(order: Order): void {
    const payments = this.paymentsOf(order);
    const next = {
      types: new Set(payments.map((payment) => payment.type)),
      statuses: new Set(
        payments.flatMap((payment) => (payment.status === undefined ? [] : [payment.status])),
      ),
    };
    const previous = this.indexedPayments.get(order.id);
    for (const type of previous?.types ?? [])
      if (!next.types.has(type)) removeFrom(this.byPaymentType, type, order.id);
    for (const status of previous?.statuses ?? []) {
      if (!next.statuses.has(status)) removeFrom(this.byPaymentStatus, status, order.id);
    }
    for (const type of next.types) addTo(this.byPaymentType, type, order.id);
    for (const status of next.statuses) addTo(this.byPaymentStatus, status, order.id);
    this.indexedPayments.set(order.id, next);
  }

  /** Orders that have at least one payment in this status. */
  withPaymentStatus(status: string): Order[] {
    return [...(this.byPaymentStatus.get(status) ?? [])].map((id) => this.byId.get(id)!);
  }

  /** `visibleSites` null means every store (an `access_full` key). */
  query(query: OrderQuery, visibleSites: ReadonlySet<string> | null, limit: number, page: number): OrderPage {
    const candidates = this.candidates(query, visibleSites);
    const predicate = orderPredicate(query, visibleSites, this.facts);
    const offset = (page - 1) * limit;
    // The list order of GET /orders. UNCERTAIN: no source states it; the CRM's own lists show the
    // newest first, and the fake does the same (by internal id, descending).
    if (!candidates && !predicate) {
      const end = this.list.length - offset;
      const orders = this.list.slice(Math.max(0, end - limit), Math.max(0, end)).reverse();
      return { totalCount: this.list.length, orders };
    }
    const ordered = candidates
      ? [...candidates]
          .sort((a, b) => b - a)
          .flatMap((id) => {
            const order = this.byId.get(id);
            return order ? [order] : []; // filter[ids] may name orders that do not exist
          })
      : null;
    const orders: Order[] = [];
    let totalCount = 0;
    const visit = (order: Order): void => {
      if (predicate && !predicate(order)) return;
      if (totalCount >= offset && orders.length < limit) orders.push(order);
      totalCount++;
    };
    if (ordered) ordered.forEach(visit);
    else for (let index = this.list.length - 1; index >= 0; index--) visit(this.list[index]!);
    return { totalCount, orders };
  }

  /** The smallest indexed set the query narrows to, or null when no indexed filter applies. */
  private candidates(
    query: OrderQuery,
    visibleSites: ReadonlySet<string> | null,
  ): ReadonlySet<number> | null {
    const sets: ReadonlySet<number>[] = [];
    const exact = <K>(values: K[], lookup: (value: K) => number | undefined): Set<number> =>
      new Set(values.map(lookup).filter((id): id is number => id !== undefined));
    if (query.ids) sets.push(new Set(query.ids));
    if (query.numbers) sets.push(exact(query.numbers, (number) => this.byNumber.get(number)?.id));
    if (query.externalIds) sets.push(exact(query.externalIds, (id) => this.byExternalId.get(id)?.id));
    if (query.sites) sets.push(union(this.bySite, query.sites));
    if (visibleSites) sets.push(union(this.bySite, [...visibleSites]));
    if (query.paymentTypes) sets.push(union(this.byPaymentType, query.paymentTypes));
    if (query.paymentStatuses) sets.push(union(this.byPaymentStatus, query.paymentStatuses));
    if (query.extendedStatus) sets.push(union(this.byStatus, query.extendedStatus));
    if (query.customerId !== undefined) sets.push(union(this.byCustomer, [query.customerId]));
    if (sets.length === 0) return null;
    return sets.reduce((smallest, set) => (set.size < smallest.size ? set : smallest));
  }
}

function union<K>(index: Index<K>, keys: K[]): Set<number> {
  if (keys.length === 1) return index.get(keys[0]!) ?? new Set();
  const result = new Set<number>();
  for (const key of keys) for (const id of index.get(key) ?? []) result.add(id);
  return result;
}

function addTo<K>(index: Index<K>, key: K, id: number): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(id);
}

function removeFrom<K>(index: Index<K>, key: K, id: number): void {
  const set = index.get(key);
  set?.delete(id);
  if (set?.size === 0) index.delete(key);
}
