/**
 * Order totals derived from payments (reference §4.3). UNCERTAIN rule, named here so it is one place:
 * `prepaySum` = the sum of payments whose status has `paymentComplete: true`; the order is fully paid when
 * that sum is positive and reaches `totalSumm`; `fullPaidAt` is set to the save time when it becomes fully
 * paid and removed when it stops being so (§10.6 saw the save time once and the payment date once; the fake
 * uses the save time).
 */
import type { HistoryChange } from './history';
import type { Order, Payment } from './model';
import type { Kopiyky } from './money';

function isFullyPaid(prepaySum: Kopiyky, totalSumm: Kopiyky): boolean {
  return prepaySum > 0 && prepaySum >= totalSumm;
}

/**
 * Recomputes `prepaySum` and `fullPaidAt` in place; returns the `full_paid_at` history change when the order
 * crossed the fully-paid boundary (§10.6: an order-level record, without a payment object).
 */
export function settleTotals(
  order: Order,
  payments: readonly Payment[],
  isComplete: (status: string | undefined) => boolean,
  savedAt: string,
): HistoryChange[] {
  let prepaySum = 0;
  for (const payment of payments) if (isComplete(payment.status)) prepaySum += payment.amount;
  order.prepaySum = prepaySum;
  const wasPaid = order.fullPaidAt !== undefined;
  const nowPaid = isFullyPaid(prepaySum, order.totalSumm);
  if (wasPaid === nowPaid) return [];
  const oldValue = order.fullPaidAt ?? null;
  order.fullPaidAt = nowPaid ? savedAt : undefined;
  return [{ field: 'full_paid_at', oldValue, newValue: order.fullPaidAt ?? null }];
}
