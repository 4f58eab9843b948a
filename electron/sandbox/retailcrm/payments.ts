/**
 * Payments on orders (reference §4): create, edit, delete. Every change re-derives the order's totals and
 * appends history records, one per changed field, sharing one `createdAt` (§10.6, §10.8).
 */
import { entityErrors, MESSAGE } from './errors';
import type { HistoryChange, HistoryLog } from './history';
import type { Actor, Order, Payment } from './model';
import { assertKopiyky, toHryvnias, type Kopiyky } from './money';
import { compactOrder } from './orderView';
import type { OrderBook } from './orders';
import type { References } from './references';
import type { AccountTime } from './time';
import { settleTotals } from './totals';
import { omitEmpty } from './wire';

/** reference §1.6/[I1]: the real text is truncated in the source ("This external id is already set for a..."). */
const DUPLICATE_PAYMENT_EXTERNAL_ID = 'This external id is already set for a payment.';

export interface PaymentInput {
  orderId: number;
  type: string;
  status?: string;
  /** Integer kopiyky; omitted → what is left to pay. */
  amount?: Kopiyky;
  paidAt?: Date | string;
  externalId?: string;
  comment?: string;
}

/** `null` clears an optional field. */
export interface PaymentChanges {
  type?: string;
  status?: string;
  amount?: Kopiyky;
  paidAt?: Date | string | null;
  externalId?: string | null;
  comment?: string | null;
}

interface Deps {
  refs: References;
  orders: () => OrderBook;
  history: HistoryLog;
  time: AccountTime;
}

export class PaymentLedger {
  private readonly byId = new Map<number, Payment>();
  private readonly byExternalId = new Map<string, Payment>();
  private lastId = 0;

  constructor(private readonly deps: Deps) {}

  get(id: number): Payment | undefined {
    return this.byId.get(id);
  }

  byExternalIdOf(externalId: string): Payment | undefined {
    return this.byExternalId.get(externalId);
  }

  paymentsOf(order: Order): Payment[] {
    return order.paymentIds.map((id) => this.byId.get(id)!);
  }

  /** Throws what `attach`/`create` would refuse (unknown type or status, duplicate externalId). */
  check(input: Omit<PaymentInput, 'orderId'>): void {
    this.validated(input);
  }

  /** A payment given inside order creation: it appears only in the `created` snapshot (§10.6). */
  attach(order: Order, input: Omit<PaymentInput, 'orderId'>): Payment {
    return this.insert(order, input);
  }

  create(input: PaymentInput, actor: Actor): Payment {
    const order = this.deps.orders().get(input.orderId);
    if (!order) throw entityErrors({ order: 'Order not found' });
    this.deps.history.freeze(order.id);
    const payment = this.insert(order, input);
    const savedAt = this.deps.time.now();
    const totals = this.settle(order, savedAt);
    const added: HistoryChange = {
      field: 'payments',
      oldValue: null,
      newValue: { id: payment.id, type: payment.type },
      payment: omitEmpty({
        id: payment.id,
        status: payment.status,
        type: payment.type,
        externalId: payment.externalId,
        amount: toHryvnias(payment.amount),
      }),
    };
    this.record(order, actor, savedAt, [...totals, added]);
    return payment;
  }

  edit(id: number, changes: PaymentChanges, actor: Actor): Payment {
    const payment = this.byId.get(id);
    if (!payment) throw new RangeError(`Payment ${id} not found`);
    const order = this.deps.orders().get(payment.orderId)!;
    const next = this.validated(changes, payment);
    const fieldChanges: HistoryChange[] = [];
    const change = (field: string, oldValue: unknown, newValue: unknown): void => {
      fieldChanges.push({ field, oldValue: oldValue ?? null, newValue: newValue ?? null });
    };
    const code = (value: string | undefined) => (value === undefined ? null : { code: value });
    if (next.type !== undefined && next.type !== payment.type)
      change('payments.type', code(payment.type), code(next.type));
    if (next.amount !== undefined && next.amount !== payment.amount) {
      change('payments.amount', toHryvnias(payment.amount), toHryvnias(next.amount));
    }
    if (next.paidAt !== undefined && next.paidAt !== payment.paidAt)
      change('payments.paid_at', payment.paidAt, next.paidAt);
    if (next.externalId !== undefined && next.externalId !== payment.externalId) {
      change('payments.external_id', payment.externalId, next.externalId);
    }
    if (next.comment !== undefined && next.comment !== payment.comment)
      change('payments.comment', payment.comment, next.comment);
    if (next.status !== undefined && next.status !== payment.status)
      change('payments.status', code(payment.status), code(next.status));
    if (fieldChanges.length === 0) return payment;
    this.deps.history.freeze(order.id);

    if (payment.externalId !== undefined) this.byExternalId.delete(payment.externalId);
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined) (payment as unknown as Record<string, unknown>)[key] = value;
    }
    for (const key of ['paidAt', 'externalId', 'comment'] as const)
      if (payment[key] === '') delete payment[key];
    if (payment.externalId !== undefined) this.byExternalId.set(payment.externalId, payment);
    this.deps.orders().reindexPayments(order);
    const savedAt = this.deps.time.now();
    const totals = this.settle(order, savedAt);
    const snapshot = paymentRef(payment);
    this.record(order, actor, savedAt, [
      ...totals,
      ...fieldChanges.map((field) => ({ ...field, payment: snapshot })),
    ]);
    return payment;
  }

  delete(id: number, actor: Actor): void {
    const payment = this.byId.get(id);
    if (!payment) throw new RangeError(`Payment ${id} not found`);
    const order = this.deps.orders().get(payment.orderId)!;
    this.deps.history.freeze(order.id);
    this.byId.delete(id);
    if (payment.externalId !== undefined) this.byExternalId.delete(payment.externalId);
    order.paymentIds = order.paymentIds.filter((paymentId) => paymentId !== id);
    this.deps.orders().reindexPayments(order);
    const savedAt = this.deps.time.now();
    const totals = this.settle(order, savedAt);
    // UNCERTAIN (§10.6): modules expect `payments` with an empty newValue when a payment is removed.
    const removed: HistoryChange = {
      field: 'payments',
      oldValue: { id: payment.id, type: payment.type },
      newValue: null,
      payment: paymentRef(payment),
    };
    this.record(order, actor, savedAt, [...totals, removed]);
  }

  /** Re-derives an order's totals after a status's `paymentComplete` changed (history as `full_paid_at`). */
  resettle(order: Order, actor: Actor): void {
    this.deps.history.freeze(order.id);
    const savedAt = this.deps.time.now();
    const totals = this.settle(order, savedAt);
    if (totals.length > 0) this.record(order, actor, savedAt, totals);
  }

  private insert(order: Order, input: Omit<PaymentInput, 'orderId'>): Payment {
    const { refs } = this.deps;
    const fields = this.validated({ ...input, status: input.status ?? refs.defaultPaymentStatus() });
    const paid = this.paymentsOf(order).reduce((sum, payment) => sum + payment.amount, 0);
    const payment: Payment = {
      id: ++this.lastId,
      orderId: order.id,
      type: input.type,
      // Created without an amount: UNCERTAIN (reference §4.1: WooCommerce omits it); the fake takes
      // what is left to pay, the order total minus every other payment's amount, at least 0.
      amount: fields.amount ?? Math.max(0, order.totalSumm - paid),
    };
    for (const key of ['status', 'paidAt', 'externalId', 'comment'] as const) {
      const value = fields[key];
      if (value !== undefined && value !== '') payment[key] = value;
    }
    this.byId.set(payment.id, payment);
    if (payment.externalId !== undefined) this.byExternalId.set(payment.externalId, payment);
    order.paymentIds.push(payment.id);
    this.deps.orders().reindexPayments(order);
    return payment;
  }

  /** Checks references and uniqueness; dates become account-time strings, null becomes '' (cleared). */
  private validated(changes: PaymentChanges, current?: Payment) {
    const { refs, time } = this.deps;
    const errors: Record<string, string> = {};
    if (changes.type !== undefined && !refs.paymentTypes.has(changes.type)) errors.type = MESSAGE.invalid;
    if (changes.status !== undefined && !refs.paymentStatuses.has(changes.status))
      errors.status = MESSAGE.invalid;
    if (changes.amount !== undefined) assertKopiyky(changes.amount, 'Payment amount');
    const externalId = changes.externalId === null ? '' : changes.externalId;
    if (externalId) {
      const holder = this.byExternalId.get(externalId);
      if (holder && holder !== current) errors.externalId = DUPLICATE_PAYMENT_EXTERNAL_ID;
    }
    let paidAt: string | undefined;
    if (changes.paidAt === null) paidAt = '';
    else if (changes.paidAt !== undefined) {
      try {
        paidAt = time.normalize(changes.paidAt, 'paidAt');
      } catch {
        errors.paidAt = MESSAGE.invalid;
      }
    }
    if (Object.keys(errors).length > 0) throw entityErrors(errors);
    return {
      type: changes.type,
      status: changes.status,
      amount: changes.amount,
      paidAt,
      externalId,
      comment: changes.comment === null ? '' : changes.comment,
    };
  }

  private settle(order: Order, savedAt: string): HistoryChange[] {
    const { refs } = this.deps;
    return settleTotals(order, this.paymentsOf(order), (status) => refs.isPaymentComplete(status), savedAt);
  }

  private record(order: Order, actor: Actor, createdAt: string, changes: HistoryChange[]): void {
    this.deps.history.record(
      { createdAt, actor, orderId: order.id, site: order.site, order: compactOrder(order) },
      changes,
    );
  }
}

/** §10.6: later records carry only `{id, type, externalId?}`. */
function paymentRef(payment: Payment) {
  return omitEmpty({ id: payment.id, type: payment.type, externalId: payment.externalId });
}
