/**
 * Every `status` / `paymentStatus` pair the fake gives a payment, in one place (reference §4).
 * `status` is the "invoice payment status", `paymentStatus` the "status in the payment system"
 * (payments/show naming, §3.5 — checkStatus uses the opposite naming, §3.6, and is not faked).
 */

export type PaymentStatus = 'NEW' | 'PAID' | 'FINISHED' | 'REVERSED' | 'CANCELED';
export type ProcessingStatus =
  | 'OPEN'
  | 'PAYED'
  | 'FINISHED'
  | 'REVERSED'
  | 'RETURNED'
  | 'CLOSED'
  | 'PENDING'
  | 'REJECTED'
  | 'HOLDED'
  | 'CANCELED'
  | 'NEEDS_CONFIRMATION';

export interface StatusPair {
  readonly status: PaymentStatus;
  readonly paymentStatus: ProcessingStatus;
}

export const STATUS = {
  /** Documented: a PAY invoice paid — FINISHED/FINISHED (§4, Drupal plugin and callback example). */
  paid: { status: 'FINISHED', paymentStatus: 'FINISHED' },
  /** Documented: a HOLD invoice authorised — PAID/HOLDED (§4, every plugin requires this pair). */
  held: { status: 'PAID', paymentStatus: 'HOLDED' },
  /**
   * UNCERTAIN (§4 "presumably FINISHED/FINISHED"): after payments/complete, full or partial.
   * The payment's `amount` becomes the captured amount.
   */
  captured: { status: 'FINISHED', paymentStatus: 'FINISHED' },
  /** UNCERTAIN (§4 "CANCELED?"): a hold voided with payments/cancel. */
  canceled: { status: 'CANCELED', paymentStatus: 'CANCELED' },
  /** UNCERTAIN (hold lifetime is undocumented, §4): an expired hold is released like a cancel. */
  holdExpired: { status: 'CANCELED', paymentStatus: 'CANCELED' },
  /** UNCERTAIN: the whole remaining amount reversed. */
  reversed: { status: 'REVERSED', paymentStatus: 'REVERSED' },
  /**
   * UNCERTAIN: part of the amount reversed. RETURNED is listed among paymentStatus values without
   * a meaning (§4); the payment stays FINISHED, so further partial reversals remain possible.
   */
  partlyReversed: { status: 'FINISHED', paymentStatus: 'RETURNED' },
  /**
   * UNCERTAIN pair, documented parts: a card declined on the hosted page. CANCELED/REJECTED are
   * both "failure" values in the plugins (§4); the invoice stays ACTIVE for another attempt.
   */
  declined: { status: 'CANCELED', paymentStatus: 'REJECTED' },
} as const satisfies Record<string, StatusPair>;

export type InvoiceStatus = 'ACTIVE' | 'INACTIVE';

export function isHeld(pair: StatusPair): boolean {
  return pair.status === STATUS.held.status && pair.paymentStatus === STATUS.held.paymentStatus;
}

/** Reversible: money was captured and not all of it went back (FINISHED/FINISHED or FINISHED/RETURNED). */
export function isReversible(pair: StatusPair): boolean {
  return pair.status === 'FINISHED';
}
