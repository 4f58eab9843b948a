/**
 * The money of one payment as the panel shows it, from its row. UAPAY's `amount` (OrderRow.uapay,
 * known once status sync asked UAPAY) is the held sum while held and the captured sum afterwards;
 * the RetailCRM payment's `amount` is what the link asks for before payment and what the shop
 * keeps after a partial refund (so what remains refundable). A sum that cannot be known from these
 * (what was refunded before UAPAY was asked) is left out rather than guessed.
 */
import { kopiyky, type Kopiyky } from '../../../electron/shared/money';
import type { OrderRow } from '../../../electron/shared/orders';

export interface PaymentAmounts {
  /** What the link asks for (no money has moved, or none will). */
  requested?: Kopiyky;
  held?: Kopiyky;
  captured?: Kopiyky;
  refunded?: Kopiyky;
  refundable?: Kopiyky;
}

export function paymentAmounts(row: OrderRow): PaymentAmounts {
  const uapay = row.uapay?.amount;
  switch (row.state) {
    case 'held':
      return { held: uapay ?? row.amount };
    case 'paid':
      return { captured: uapay ?? row.amount, refundable: row.amount };
    case 'partially_refunded':
      return uapay === undefined
        ? { refundable: row.amount }
        : { captured: uapay, refunded: kopiyky(Math.max(0, uapay - row.amount)), refundable: row.amount };
    case 'refunded': {
      // A full refund keeps the paid amount on the RetailCRM payment (the status says refunded).
      const captured = uapay ?? row.amount;
      return { captured, refunded: captured };
    }
    case 'no_link':
    case 'link_sent':
    case 'failed':
    case 'rejected':
    case 'expired':
      return { requested: row.amount };
  }
}
