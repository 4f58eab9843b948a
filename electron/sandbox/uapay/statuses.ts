/**
 * Every `status` / `paymentStatus` pair the fake gives a payment, in one place (reference §4).
 * `status` is the "invoice payment status", `paymentStatus` the "status in the payment system"
 * (payments/show naming, §3.5 — checkStatus uses the opposite naming, §3.6, and is not faked).
 * A payment keeps only its facts (phase, amounts); its pair is derived from them and the readings
 * each time it is shown, so changing a reading at run time relabels every payment at once.
 */
import type { UapayReadings } from './readings';

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

/** `status/paymentStatus`, as the readings name pairs. */
export type PairText = `${PaymentStatus}/${ProcessingStatus}`;

/**
 * What happened to a payment, whatever UAPAY calls it: declined; held (HOLD authorised); paid (PAY);
 * captured (a hold completed); canceled (payments/cancel); hold-expired (released by time).
 */
export type PaymentPhase = 'declined' | 'held' | 'paid' | 'captured' | 'canceled' | 'hold-expired';

/** The facts a pair is derived from. */
export interface PaymentFacts {
  phase: PaymentPhase;
  /** Kopiyky captured (PAY: the paid amount; HOLD: the completed amount). */
  amount: number;
  /** Kopiyky reversed so far. */
  reversedAmount: number;
}

/** The pairs no reading changes. */
const STATUS = {
  /** Documented: a PAY invoice paid — FINISHED/FINISHED (§4, Drupal plugin and callback example). */
  paid: { status: 'FINISHED', paymentStatus: 'FINISHED' },
  /** Documented: a HOLD invoice authorised — PAID/HOLDED (§4, every plugin requires this pair). */
  held: { status: 'PAID', paymentStatus: 'HOLDED' },
} as const satisfies Record<string, StatusPair>;

function pairOf(text: PairText): StatusPair {
  const [status, paymentStatus] = text.split('/') as [PaymentStatus, ProcessingStatus];
  return { status, paymentStatus };
}

/** The payment's pair under the readings (see readings.ts for where each value comes from). */
export function statusOf(facts: PaymentFacts, readings: UapayReadings): StatusPair {
  switch (facts.phase) {
    case 'declined':
      return pairOf(readings.decline);
    case 'held':
      return STATUS.held;
    case 'canceled':
    case 'hold-expired':
      return pairOf(readings.cancel);
    case 'paid':
    case 'captured': {
      const settled = facts.phase === 'paid' ? STATUS.paid : pairOf(readings.capture);
      if (facts.reversedAmount === 0) return settled;
      if (facts.reversedAmount >= facts.amount) return pairOf(readings.fullReverse);
      return readings.partialReverse === 'unchanged' ? settled : pairOf(readings.partialReverse);
    }
  }
}

export function isHeld(facts: PaymentFacts): boolean {
  return facts.phase === 'held';
}

/** Reversible: money was captured and not all of it went back, whatever pair that shows as. */
export function isReversible(facts: PaymentFacts): boolean {
  return (facts.phase === 'paid' || facts.phase === 'captured') && facts.reversedAmount < facts.amount;
}

/** Released without money moving: canceled, or expired. */
export function isReleased(facts: PaymentFacts): boolean {
  return facts.phase === 'canceled' || facts.phase === 'hold-expired';
}

/** Every captured kopiyka went back. */
export function isFullyReversed(facts: PaymentFacts): boolean {
  return (
    (facts.phase === 'paid' || facts.phase === 'captured') &&
    facts.reversedAmount > 0 &&
    facts.reversedAmount >= facts.amount
  );
}

export type InvoiceStatus = 'ACTIVE' | 'INACTIVE';
