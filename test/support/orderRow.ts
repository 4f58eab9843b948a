import { kopiyky } from '../../electron/shared/money';
import type { OrderRow } from '../../electron/shared/orders';

/**
 * An orders-list row of one payment for tests of what reads rows (queries, search, notifications,
 * the renderer's stores): payment and order ids alike, 100 hryvnias, a link sent. A test names in
 * `fields` what it looks at.
 */
export function listRow(paymentId: number, fields: Partial<OrderRow> = {}): OrderRow {
  return {
    paymentId,
    orderId: paymentId,
    orderNumber: `${paymentId}A`,
    site: 'shop',
    createdAt: '2025-03-01T10:00:00.000Z',
    customerName: '',
    emails: [],
    phones: [],
    orderTotal: kopiyky(100_00),
    amount: kopiyky(100_00),
    paymentType: 'uapay',
    state: 'link_sent',
    ...fields,
  };
}
