/**
 * Payment attempts and the money operations on them (reference §3.7–§3.9, §4). They change a
 * payment's facts (phase, amounts); its status pair is derived in statuses.ts under the readings.
 * The API methods, the hosted page, the admin routes and the library's
 * `pay`/`actAsOtherParty` all go through these functions, so the rules exist once.
 */
import { ERROR_CODE, UapayApiError } from './errors';
import { isClosedByDecline, isExpired } from './invoices';
import type { InvoiceRecord, PaymentEvent, PaymentRecord, Store } from './state';
import { isHeld, isReversible, type PaymentPhase } from './statuses';

/** UNCERTAIN (§4: hold lifetime undocumented): how long a hold lasts before it is released. */
export const DEFAULT_HOLD_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type NotPayableReason = 'paid' | 'expired' | 'declined';

const NOT_PAYABLE_TEXT: Record<NotPayableReason, string> = {
  paid: 'The invoice is already paid.',
  expired: 'The invoice has expired.',
  declined: 'The invoice was closed by a declined attempt.',
};

/**
 * The hosted page and `pay()` refuse an invoice that is used up, past `payExpiresAt`, or (under the
 * reading `afterDecline: 'INACTIVE'`) closed by a declined attempt.
 */
export class NotPayableError extends Error {
  constructor(readonly reason: NotPayableReason) {
    super(NOT_PAYABLE_TEXT[reason]);
    this.name = 'NotPayableError';
  }
}

export interface AttemptInput {
  /** The card number, digits only. */
  pan: string;
  approved: boolean;
  /** Sandbox time of the attempt (the seed back-dates history); default: now. */
  at?: number;
  /** Send callbacks (default true). */
  notify?: boolean;
}

export function assertPayable(store: Store, invoice: InvoiceRecord, at = store.clock.now()): void {
  if (invoice.usedAt !== undefined) throw new NotPayableError('paid');
  if (isExpired(store, invoice, at)) throw new NotPayableError('expired');
  if (isClosedByDecline(store, invoice)) throw new NotPayableError('declined');
}

/** One card attempt on an invoice: approved → paid (PAY) or held (HOLD); or declined. */
export function attemptPayment(store: Store, invoice: InvoiceRecord, input: AttemptInput): PaymentRecord {
  const at = input.at ?? store.clock.now();
  // A back-dated attempt (the seed's history) is checked against payExpiresAt at its own time.
  assertPayable(store, invoice, at);
  const phase: PaymentPhase = !input.approved ? 'declined' : invoice.type === 'HOLD' ? 'held' : 'paid';
  const payment: PaymentRecord = {
    paymentId: store.newId(),
    invoiceId: invoice.id,
    clientId: invoice.clientId,
    number: store.nextPaymentNumber(),
    receiptId: receiptId(),
    amount: invoice.amount,
    authorisedAmount: input.approved ? invoice.amount : 0,
    reversedAmount: 0,
    phase,
    approved: input.approved,
    cardFromId: store.newId(),
    // §3.5: "4444444444" — the first 6 and last 4 digits of the card number.
    cardFromMasked: input.pan.slice(0, 6) + input.pan.slice(-4),
    createdAt: at,
    updatedAt: at,
  };
  store.payments.set(payment.paymentId, payment);
  invoice.paymentIds.push(payment.paymentId);
  if (input.approved) {
    payment.paidAt = at;
    invoice.usedAt = at;
    if (invoice.type === 'HOLD') {
      payment.holdExpiresAt = at + store.config.holdLifetimeMs;
      store.heldPaymentIds.add(payment.paymentId);
    }
  }
  store.emit({ event: phase, payment, invoice, notify: input.notify ?? true });
  // A back-dated hold may already be past its lifetime.
  releaseIfExpired(store, payment, input.notify ?? true);
  return payment;
}

/** Another merchant's payment, or a payment of another invoice, is "not found". */
export function findPayment(
  store: Store,
  clientId: string,
  paymentId: string,
  invoiceId?: string,
): PaymentRecord {
  const payment = store.payments.get(paymentId);
  if (
    !payment ||
    payment.clientId !== clientId ||
    (invoiceId !== undefined && payment.invoiceId !== invoiceId)
  ) {
    throw new UapayApiError(ERROR_CODE.paymentNotFound, 'Payment not found');
  }
  releaseIfExpired(store, payment, true);
  return payment;
}

/** payments/complete (§3.7): capture a hold, the whole authorised amount or less. */
export function completePayment(store: Store, payment: PaymentRecord, amount?: number, notify = true): void {
  releaseIfExpired(store, payment, notify);
  if (!isHeld(payment)) throw statusError('Only a held payment can be completed');
  if (amount !== undefined && amount > payment.authorisedAmount) {
    throw new UapayApiError(ERROR_CODE.amount, 'The amount exceeds the held amount');
  }
  payment.amount = amount ?? payment.authorisedAmount;
  change(store, payment, 'captured', 'captured', notify);
}

/** payments/cancel (§3.8): release a hold. */
export function cancelPayment(store: Store, payment: PaymentRecord, notify = true): void {
  releaseIfExpired(store, payment, notify);
  if (!isHeld(payment)) throw statusError('Only a held payment can be canceled');
  change(store, payment, 'canceled', 'canceled', notify);
}

/**
 * payments/reverse (§3.9): refund all that remains, or a part. Several partial refunds are allowed
 * (UNCERTAIN, §3.9) as long as their sum stays within the captured amount.
 */
export function reversePayment(store: Store, payment: PaymentRecord, amount?: number, notify = true): void {
  if (!isReversible(payment)) throw statusError('Only a finished payment can be reversed');
  const remaining = payment.amount - payment.reversedAmount;
  const refund = amount ?? remaining;
  if (refund > remaining)
    throw new UapayApiError(ERROR_CODE.amount, 'The amount exceeds the refundable amount');
  payment.reversedAmount += refund;
  payment.reversedAt = store.clock.now();
  const whole = payment.reversedAmount === payment.amount;
  change(store, payment, payment.phase, whole ? 'reversed' : 'partly-reversed', notify);
}

/** Releases every hold past its lifetime (called before each request and on a timer). */
export function expireHolds(store: Store): void {
  for (const paymentId of store.heldPaymentIds) {
    const payment = store.payments.get(paymentId);
    if (payment) releaseIfExpired(store, payment, true);
  }
}

function releaseIfExpired(store: Store, payment: PaymentRecord, notify: boolean): void {
  if (!isHeld(payment) || payment.holdExpiresAt === undefined) return;
  if (store.clock.now() < payment.holdExpiresAt) return;
  change(store, payment, 'hold-expired', 'hold-expired', notify);
}

function change(
  store: Store,
  payment: PaymentRecord,
  phase: PaymentPhase,
  event: PaymentEvent,
  notify: boolean,
): void {
  payment.phase = phase;
  payment.updatedAt = store.clock.now();
  if (!isHeld(payment)) store.heldPaymentIds.delete(payment.paymentId);
  const invoice = store.invoices.get(payment.invoiceId);
  if (invoice) store.emit({ event, payment, invoice, notify });
}

function statusError(text: string): UapayApiError {
  return new UapayApiError(ERROR_CODE.paymentStatus, text);
}

const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** §3.5 example: "Q1URF9TQMKDE" — twelve upper-case letters and digits. */
function receiptId(): string {
  let id = '';
  for (let i = 0; i < 12; i++) id += RECEIPT_ALPHABET[Math.floor(Math.random() * RECEIPT_ALPHABET.length)];
  return id;
}
