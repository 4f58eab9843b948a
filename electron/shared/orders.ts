/**
 * One row of the orders list: a RetailCRM payment of a type linked to a UAPAY merchant, with its
 * order and what UAPAY last said about it. The core keeps these in the orders cache; the
 * renderer lists, filters and searches them.
 */
import type { LifecycleState } from './lifecycle';
import type { Kopiyky } from './money';

export interface OrderRow {
  /** RetailCRM payment id: the key of the row (an order may have more than one UAPAY payment). */
  paymentId: number;
  orderId: number;
  orderNumber: string;
  site: string;
  /** ISO date-time (UTC) of the order's creation. */
  createdAt: string;
  customerName: string;
  /** The order's e-mail first, then the customer's, without duplicates. */
  emails: string[];
  /** The order's phone first, then the customer's, as RetailCRM holds them (search matches their digits). */
  phones: string[];
  orderTotal: Kopiyky;
  /** The order's currency (ISO code) as RetailCRM has it; UAPAY takes only UAH (shared/currency.ts). */
  currency?: string;
  /** What RetailCRM counts as paid on the order (`prepaySum`: every completed payment together). */
  orderPaid?: Kopiyky;
  /** The RetailCRM payment's amount: what the link asks for, or what the shop keeps after refunds. */
  amount: Kopiyky;
  paymentType: string;
  /** Our merchant whose payment type this is. */
  merchantId?: string;
  /** The RetailCRM payment-status code, as the CRM holds it now. */
  crmStatus?: string;
  state: LifecycleState;
  /** UAPAY's invoice id (the RetailCRM payment's externalId). */
  invoiceId?: string;
  link?: string;
  /** The RetailCRM payment's comment as it is (a manager's note in it is kept when we write). */
  comment?: string;
  /** ISO: the RetailCRM payment's `paidAt` (the "paid today" summary counts by it). */
  paidAt?: string;
  /** ISO: when this desktop saw the row reach its current state; absent when it was so at first load. */
  stateChangedAt?: string;
  /** What UAPAY last said (filled in by status sync; absent until UAPAY was asked). */
  uapay?: UapayFacts;
  lastOperation?: {
    kind: string;
    at: string;
    /** `needs_attention`: UAPAY's state cannot tell whether it happened; a person decides. */
    outcome: 'succeeded' | 'failed' | 'reconciled' | 'in_progress' | 'needs_attention';
  };
}

export interface UapayFacts {
  paymentId?: string;
  /** Kopiyky held (while held) or captured (after a capture). */
  amount?: Kopiyky;
  /** ISO: when the payment was authorised; the hold's age counts from here. */
  heldSince?: string;
  /** ISO: heldSince + the hold lifetime setting (UAPAY does not document it). */
  holdExpiresAt?: string;
  checkedAt: string;
  /** The highest invoice number made for the order (externalId `<number>-<n>`), for the next lookup. */
  highestInvoice?: number;
  /** Older invoices of this payment that can still be paid: status sync keeps watching them. */
  openInvoices?: number;
  /**
   * Money that arrived on another invoice of this payment as well (a customer paid two links): a
   * person must give it back (refund, or cancel the hold) — the panel offers it.
   */
  extra?: ExtraMoney[];
}

export interface ExtraMoney {
  invoiceId: string;
  paymentId: string;
  state: LifecycleState;
  amount: Kopiyky;
}
