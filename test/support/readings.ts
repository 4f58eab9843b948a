/**
 * The UAPAY readings a test run uses (electron/sandbox/uapay/readings.ts). DESK_UAPAY_READING names
 * a profile, optionally with overrides (`strict-a`, `today,afterDecline=INACTIVE`); unset means
 * `today`. Every test that makes a UAPAY fake for money work takes its readings from here, so
 * `npm test` (test/run.ts) can run the money suites under each profile; child processes inherit
 * the variable with the rest of the environment.
 */
import {
  parseReadings,
  statusOf,
  type PaymentPhase,
  type StatusPair,
  type UapayReadings,
} from '../../electron/sandbox/uapay';

export const READING_ENV = 'DESK_UAPAY_READING';

/** The profile (with overrides) this run uses, as written in DESK_UAPAY_READING. */
export function readingName(): string {
  return process.env[READING_ENV]?.trim() || 'today';
}

/** This run's readings; an unknown profile or value fails loudly rather than testing the default. */
export function readingsFromEnv(): UapayReadings {
  return parseReadings(readingName());
}

/** What happened to a payment, in the words of a test. */
export type Outcome =
  | 'paid'
  | 'held'
  | 'declined'
  | 'captured'
  | 'canceled'
  | 'hold-expired'
  /** Part of a PAY payment refunded (`partly-refunded-capture`: part of a captured hold). */
  | 'partly-refunded'
  | 'partly-refunded-capture'
  | 'refunded';

const FACTS: Record<Outcome, { phase: PaymentPhase; amount: number; reversedAmount: number }> = {
  paid: { phase: 'paid', amount: 2, reversedAmount: 0 },
  held: { phase: 'held', amount: 2, reversedAmount: 0 },
  declined: { phase: 'declined', amount: 2, reversedAmount: 0 },
  captured: { phase: 'captured', amount: 2, reversedAmount: 0 },
  canceled: { phase: 'canceled', amount: 2, reversedAmount: 0 },
  'hold-expired': { phase: 'hold-expired', amount: 2, reversedAmount: 0 },
  'partly-refunded': { phase: 'paid', amount: 2, reversedAmount: 1 },
  'partly-refunded-capture': { phase: 'captured', amount: 2, reversedAmount: 1 },
  refunded: { phase: 'paid', amount: 2, reversedAmount: 2 },
};

/**
 * The status pair the UAPAY fake shows after `outcome` under this run's readings: for tests that
 * check the fake's own label of a payment (a detail of the reading), never the client's behaviour.
 */
export function expectedPair(outcome: Outcome, readings: UapayReadings = readingsFromEnv()): StatusPair {
  return statusOf(FACTS[outcome], readings);
}

/** `extraInfo` of an invoices/show view as an object, whether the reading shows an object or the JSON string. */
export function extraInfoOf(extraInfo: unknown): Record<string, unknown> | null {
  const value = typeof extraInfo === 'string' ? (JSON.parse(extraInfo) as unknown) : extraInfo;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}
