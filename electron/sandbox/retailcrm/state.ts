/**
 * The fake's data and its library API: what tests, the seed and Demo mode call in-process. Mutations made
 * here behave like the CRM's own (totals, history); `by` says who made them (a manager by default, so a
 * library edit is the "manager edited it in the CRM" of reference §10.8).
 */
import { ApiKeys, type ApiKeyInput } from './apiKeys';
import { CustomerBook, type CustomerInput } from './customers';
import { HistoryLog } from './history';
import { buildOrder, type OrderInput } from './newOrder';
import type {
  Actor,
  ApiKey,
  Currency,
  Customer,
  Order,
  Payment,
  PaymentStatus,
  PaymentType,
  Site,
} from './model';
import { compactOrder, renderOrder, renderOrderSnapshot, type OrderViewSource } from './orderView';
import { OrderBook } from './orders';
import { PaymentLedger, type PaymentChanges, type PaymentInput } from './payments';
import {
  References,
  type CurrencyInput,
  type PaymentStatusInput,
  type PaymentTypeInput,
  type SiteInput,
} from './references';
import type { AccountTime } from './time';
import { settleTotals } from './totals';
import type { Json } from './wire';

/** Library edits default to this manager (history `source:"user"`, `user:{id:1}`). */
const DEFAULT_MANAGER: Actor = { source: 'user', userId: 1 };
/** Library-created orders default to a shop integration's key (history `source:"api"`, not the reader's). */
const DEFAULT_ORDER_AUTHOR: Actor = { source: 'api' };
/** What a manager may change on an order in the simulated CRM (history field names of §10.5). */
export interface OrderChanges {
  status?: string;
  managerId?: number;
  managerComment?: string;
  email?: string;
}

export class RetailCrmState {
  readonly refs = new References();
  readonly customers = new CustomerBook();
  readonly history = new HistoryLog();
  readonly apiKeys = new ApiKeys();
  readonly payments: PaymentLedger;
  readonly orders: OrderBook;
  readonly view: OrderViewSource;
  private lastItemId = 0;

  constructor(readonly time: AccountTime) {
    this.payments = new PaymentLedger({
      refs: this.refs,
      orders: () => this.orders,
      history: this.history,
      time,
    });
    this.orders = new OrderBook(
      (order) => this.payments.paymentsOf(order),
      (id) => this.customers.get(id)?.email,
    );
    this.view = {
      paymentsOf: (order) => this.payments.paymentsOf(order),
      customer: (id) => this.customers.get(id),
    };
  }

  addSite(input: SiteInput): Site {
    return this.refs.addSite(input);
  }

  addCurrency(input: CurrencyInput): Currency {
    return this.refs.addCurrency(input);
  }

  setBaseCurrency(code: string): void {
    this.refs.setBaseCurrency(code);
  }

  /** Creates or updates; `created` tells which. */
  putPaymentType(input: PaymentTypeInput): { created: boolean; paymentType: PaymentType } {
    return this.refs.putPaymentType(input);
  }

  /** Creates or updates; a changed `paymentComplete` re-derives the totals of the orders it touches. */
  putPaymentStatus(
    input: PaymentStatusInput,
    by: Actor = DEFAULT_MANAGER,
  ): { created: boolean; paymentStatus: PaymentStatus } {
    const before = this.refs.paymentStatuses.get(input.code)?.paymentComplete;
    const result = this.refs.putPaymentStatus(input);
    if (before !== undefined && before !== result.paymentStatus.paymentComplete) {
      for (const order of this.orders.withPaymentStatus(input.code)) this.payments.resettle(order, by);
    }
    return result;
  }

  addCustomer(input: CustomerInput): Customer {
    this.requireSite(input.site);
    return this.customers.add({
      ...input,
      createdAt: this.time.normalize(input.createdAt ?? this.time.now(), 'createdAt'),
    });
  }

  addApiKey(input: ApiKeyInput): ApiKey {
    return this.apiKeys.put(input);
  }

  /** Adds an order with its payments and writes its `created` history record (full snapshot, §10.3). */
  addOrder(input: OrderInput, by: Actor = DEFAULT_ORDER_AUTHOR): Order {
    const siteCode = input.site ?? this.refs.sites.keys().next().value;
    if (siteCode === undefined) throw new RangeError('Add a site before adding orders');
    const site = this.requireSite(siteCode);
    const customer = input.customerId === undefined ? undefined : this.customers.get(input.customerId);
    if (input.customerId !== undefined && !customer)
      throw new RangeError(`Customer ${input.customerId} not found`);
    for (const payment of input.payments ?? []) this.payments.check(payment);
    const order = buildOrder(input, {
      id: this.orders.nextId(),
      site,
      customer,
      baseCurrency: this.refs.baseCurrency(),
      time: this.time,
      nextItemId: () => ++this.lastItemId,
    });
    this.orders.add(order);
    for (const payment of input.payments ?? []) this.payments.attach(order, payment);
    const { createdAt } = order;
    const fullPaidAt =
      input.fullPaidAt === undefined ? createdAt : this.time.normalize(input.fullPaidAt, 'fullPaidAt');
    settleTotals(
      order,
      this.payments.paymentsOf(order),
      (status) => this.refs.isPaymentComplete(status),
      fullPaidAt,
    );
    this.history.recordCreation(
      { createdAt, actor: by, orderId: order.id, site: order.site },
      order.status,
      () => renderOrderSnapshot(order, this.view),
    );
    return order;
  }

  createPayment(input: PaymentInput, by: Actor = DEFAULT_MANAGER): Payment {
    return this.payments.create(input, by);
  }

  editPayment(paymentId: number, changes: PaymentChanges, by: Actor = DEFAULT_MANAGER): Payment {
    return this.payments.edit(paymentId, changes, by);
  }

  deletePayment(paymentId: number, by: Actor = DEFAULT_MANAGER): void {
    this.payments.delete(paymentId, by);
  }

  /** A manager's edit of order fields in the CRM: one history record per changed field. */
  editOrder(orderId: number, changes: OrderChanges, by: Actor = DEFAULT_MANAGER): Order {
    const order = this.orders.get(orderId);
    if (!order) throw new RangeError(`Order ${orderId} not found`);
    const records: { field: string; oldValue: unknown; newValue: unknown }[] = [];
    const savedAt = this.time.now();
    this.history.freeze(orderId);
    if (changes.status !== undefined && changes.status !== order.status) {
      records.push({ field: 'status', oldValue: { code: order.status }, newValue: { code: changes.status } });
      this.orders.setStatus(order, changes.status);
      order.statusUpdatedAt = savedAt;
    }
    if (changes.managerId !== undefined && changes.managerId !== order.managerId) {
      const wrap = (id: number | undefined) => (id === undefined ? null : { id });
      records.push({ field: 'manager', oldValue: wrap(order.managerId), newValue: wrap(changes.managerId) });
      order.managerId = changes.managerId;
    }
    if (changes.managerComment !== undefined && changes.managerComment !== order.managerComment) {
      records.push({
        field: 'manager_comment',
        oldValue: order.managerComment ?? null,
        newValue: changes.managerComment,
      });
      order.managerComment = changes.managerComment;
    }
    if (changes.email !== undefined && changes.email !== order.email) {
      records.push({ field: 'email', oldValue: order.email ?? null, newValue: changes.email });
      order.email = changes.email;
    }
    if (records.length > 0) {
      this.history.record(
        { createdAt: savedAt, actor: by, orderId, site: order.site, order: compactOrder(order) },
        records,
      );
    }
    return order;
  }

  order(id: number): Order | undefined {
    return this.orders.get(id);
  }

  orderByNumber(number: string): Order | undefined {
    return this.orders.byNumberOf(number);
  }

  payment(id: number): Payment | undefined {
    return this.payments.get(id);
  }

  paymentsOf(orderId: number): Payment[] {
    const order = this.orders.get(orderId);
    return order ? this.payments.paymentsOf(order) : [];
  }

  customer(id: number): Customer | undefined {
    return this.customers.get(id);
  }

  /** The order exactly as GET /api/v5/orders/{id} prints it (hryvnias, keyed payments). */
  renderOrder(id: number): Json | undefined {
    const order = this.orders.get(id);
    return order && renderOrder(order, this.view);
  }

  /** The id of the newest history record (a cursor "from now on"). */
  lastHistoryId(): number {
    return this.history.lastRecordId;
  }

  private requireSite(code: string): Site {
    const site = this.refs.sites.get(code);
    if (!site) throw new RangeError(`Site ${code} not found`);
    return site;
  }
}
