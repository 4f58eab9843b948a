/**
 * The rows in memory, by payment and by order, with a record of what each change did so the UI
 * is told only about rows that really changed.
 */
import type { OrderRow } from '../../shared/orders';

/** What a set of changes did: rows added or changed, payment ids removed. */
export class Diff {
  readonly changed = new Map<number, OrderRow>();
  readonly removed = new Set<number>();

  get empty(): boolean {
    return this.changed.size === 0 && this.removed.size === 0;
  }
}

/** Rows are plain data built in one key order, so their JSON text compares them. */
function same(a: OrderRow, b: OrderRow): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export class RowSet {
  private readonly byPayment = new Map<number, OrderRow>();
  private readonly byOrder = new Map<number, Set<number>>();

  get size(): number {
    return this.byPayment.size;
  }

  get(paymentId: number): OrderRow | undefined {
    return this.byPayment.get(paymentId);
  }

  all(): OrderRow[] {
    return [...this.byPayment.values()];
  }

  put(row: OrderRow, diff: Diff): void {
    const before = this.byPayment.get(row.paymentId);
    if (before && same(before, row)) return;
    if (before && before.orderId !== row.orderId) this.unindex(before);
    this.byPayment.set(row.paymentId, row);
    let payments = this.byOrder.get(row.orderId);
    if (!payments) this.byOrder.set(row.orderId, (payments = new Set()));
    payments.add(row.paymentId);
    diff.changed.set(row.paymentId, row);
    diff.removed.delete(row.paymentId);
  }

  remove(paymentId: number, diff: Diff): void {
    const before = this.byPayment.get(paymentId);
    if (!before) return;
    this.byPayment.delete(paymentId);
    this.unindex(before);
    diff.removed.add(paymentId);
    diff.changed.delete(paymentId);
  }

  /** The order's rows become exactly `rows` (none: the order left the list). */
  replaceOrder(orderId: number, rows: OrderRow[], diff: Diff): void {
    const keep = new Set(rows.map((row) => row.paymentId));
    for (const paymentId of [...(this.byOrder.get(orderId) ?? [])]) {
      if (!keep.has(paymentId)) this.remove(paymentId, diff);
    }
    for (const row of rows) this.put(row, diff);
  }

  /** Everything becomes exactly `rows`. */
  replaceAll(rows: Iterable<OrderRow>, diff: Diff): void {
    const keep = new Set<number>();
    for (const row of rows) {
      keep.add(row.paymentId);
      this.put(row, diff);
    }
    for (const paymentId of [...this.byPayment.keys()]) {
      if (!keep.has(paymentId)) this.remove(paymentId, diff);
    }
  }

  private unindex(row: OrderRow): void {
    const payments = this.byOrder.get(row.orderId);
    payments?.delete(row.paymentId);
    if (payments?.size === 0) this.byOrder.delete(row.orderId);
  }
}
