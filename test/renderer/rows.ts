import type { BulkRowResult } from '../../electron/shared/channels/bulk';
import type { LifecycleState } from '../../electron/shared/lifecycle';
import { kopiyky } from '../../electron/shared/money';
import type { OrderRow } from '../../electron/shared/orders';
import { listRow } from '../support/orderRow';

/** A list row with only what the stores look at: payment and order ids alike, one hryvnia by default. */
export const orderRow = (paymentId: number, state: LifecycleState = 'held', amount = 100): OrderRow =>
  listRow(paymentId, {
    createdAt: '2026-11-01T10:00:00.000Z',
    orderTotal: kopiyky(amount),
    amount: kopiyky(amount),
    state,
  });

/** A batch's row of one hryvnia. */
export const bulkRow = (paymentId: number, outcome: BulkRowResult['outcome']): BulkRowResult => ({
  paymentId,
  orderId: paymentId,
  orderNumber: `${paymentId}A`,
  amount: kopiyky(100),
  outcome,
});
