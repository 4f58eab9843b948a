/**
 * The one place that turns UAPAY's `status` / `paymentStatus` into our lifecycle states, and our
 * states into RetailCRM payment-status codes (through the manager's mapping). Everything else asks
 * this module; nobody else reads UAPAY status strings.
 *
 * Reference §4: documented pairs are PAY paid = FINISHED/FINISHED and HOLD authorised =
 * PAID/HOLDED. What follows a capture, a cancel, a hold's expiry or a partial refund is not
 * documented; the choices below are ours (and the sandbox behaves the same way).
 */
import { LIFECYCLE_STATES, type LifecycleState } from '../shared/lifecycle';
import type { StatusMapping } from '../shared/settings';

/** What UAPAY's invoices/show says about one invoice, reduced to what the lifecycle needs. */
export interface UapayInvoiceView {
  invoiceStatus?: string;
  /** When the link stops accepting payments (our `payExpiresAt`). */
  payExpiresAt?: Date;
  payments: UapayPaymentView[];
}

export interface UapayPaymentView {
  paymentId: string;
  status?: string;
  paymentStatus?: string;
  /** Kopiyky. After a capture, the captured amount (UNCERTAIN: or still the authorised one). */
  amount: number;
  createdAt?: Date;
  /** When the card authorised it; absent on a declined attempt. */
  paidAt?: Date;
}

/** Where a UAPAY payment stands, in our words. */
export type PaymentPhase =
  'pending' | 'held' | 'captured' | 'partially_returned' | 'reversed' | 'released' | 'failed' | 'unknown';

/** paymentStatus → phase. UNCERTAIN entries are marked; an unknown value never moves money state. */
const PHASES: Record<string, PaymentPhase> = {
  NEW: 'pending',
  OPEN: 'pending', // UNCERTAIN: listed without a meaning
  PENDING: 'pending',
  NEEDS_CONFIRMATION: 'pending',
  HOLDED: 'held', // only with status PAID: see phaseOf
  // PAYED is listed without a meaning (§4) and no source shows it: not money we can count on.
  FINISHED: 'captured',
  RETURNED: 'partially_returned', // UNCERTAIN: our reading of a partial reverse
  REVERSED: 'reversed',
  CANCELED: 'released', // after a hold: released by cancel or expiry (UNCERTAIN)
  CLOSED: 'released', // UNCERTAIN
  REJECTED: 'failed',
};

export function phaseOf(payment: Pick<UapayPaymentView, 'status' | 'paymentStatus'>): PaymentPhase {
  const phase = PHASES[payment.paymentStatus ?? ''] ?? 'unknown';
  // §4: every plugin takes a hold only from the pair PAID/HOLDED; HOLDED with another status is
  // undocumented, so it neither allows a capture nor moves the payment.
  if (phase === 'held' && payment.status !== 'PAID') return 'unknown';
  return phase;
}

/** Phases of an attempt the card approved: a one-time invoice has at most one (reference §3.2). */
const APPROVED_PHASES = new Set<PaymentPhase>(['held', 'captured', 'partially_returned', 'reversed']);

/** How much an attempt says about the invoice's money: an approved one over one in progress over the rest. */
function weight(payment: UapayPaymentView): number {
  const phase = phaseOf(payment);
  if (APPROVED_PHASES.has(phase)) return 3;
  // A released hold was approved once; a declined attempt may read CANCELED too, but never had paidAt.
  if (phase === 'released' && payment.paidAt) return 3;
  if (phase === 'pending') return 2;
  return 1;
}

/**
 * The payment of an invoice that matters: the one that touched money (a one-time invoice is paid
 * at most once), else one in progress, else the latest attempt. UNCERTAIN (reference §3.3): the
 * order of `payments[]` is undocumented, so "latest" is by `createdAt`, the array only breaking ties.
 */
function relevantPayment(invoice: UapayInvoiceView): UapayPaymentView | undefined {
  let best: UapayPaymentView | undefined;
  for (const payment of invoice.payments) {
    if (!best) {
      best = payment;
      continue;
    }
    const [a, b] = [weight(payment), weight(best)];
    if (a > b || (a === b && later(payment, best))) best = payment;
  }
  return best;
}

function later(a: UapayPaymentView, b: UapayPaymentView): boolean {
  const [ta, tb] = [a.createdAt?.getTime(), b.createdAt?.getTime()];
  if (ta !== undefined && tb !== undefined && ta !== tb) return ta > tb;
  return false; // no way to tell: keep the first one found
}

/** States after which UAPAY's view of the money is no longer ours to take: journal and RetailCRM know better. */
const AFTER_REFUND = new Set<LifecycleState>(['partially_refunded', 'refunded']);
/** States of a hold that never became a capture. */
const HOLD_ENDED = new Set<LifecycleState>(['held', 'rejected', 'expired']);

export interface StateInput {
  /** Undefined when the RetailCRM payment has no UAPAY invoice yet. */
  invoice?: UapayInvoiceView;
  /** What RetailCRM currently says, read back through the mapping. */
  previous?: LifecycleState;
  /** When the hold started (the held payment's creation), for telling expiry from a cancel. */
  heldSince?: Date;
  holdLifetimeMs: number;
  now: Date;
}

export interface DerivedState {
  state: LifecycleState;
  payment?: UapayPaymentView;
  /** True when UAPAY answered with something we do not understand: keep what RetailCRM says. */
  unknown?: boolean;
}

/** What UAPAY's invoice means for the payment: the truth every transition is checked against. */
export function deriveState(input: StateInput): DerivedState {
  const { invoice } = input;
  if (!invoice) return { state: 'no_link' };
  const payment = relevantPayment(invoice);
  if (!payment) return { state: linkExpired(invoice, input.now) ? 'failed' : 'link_sent' };
  const phase = phaseOf(payment);
  const { previous } = input;
  // UNCERTAIN (reference §4): what a partial or full reverse leaves is undocumented, and may even
  // read FINISHED as before. Refund totals come from confirmed operations (journal, RetailCRM);
  // UAPAY's pair never moves a refunded payment back, or forward from one refund state to the other.
  if (
    (phase === 'captured' || phase === 'partially_returned' || phase === 'reversed') &&
    previous &&
    AFTER_REFUND.has(previous)
  )
    return { state: previous, payment };
  switch (phase) {
    case 'pending':
      return { state: 'link_sent', payment };
    case 'held':
      return { state: 'held', payment };
    case 'captured':
      return { state: 'paid', payment };
    case 'partially_returned':
    case 'reversed':
      // UNCERTAIN (§4): a cancelled hold may read REVERSED too; a hold that was never captured
      // cannot have been refunded.
      if (previous && HOLD_ENDED.has(previous)) return { state: releasedAs(input, payment), payment };
      return { state: phase === 'reversed' ? 'refunded' : 'partially_refunded', payment };
    case 'failed':
      return { state: 'failed', payment };
    case 'released':
      return { state: releasedAs(input, payment), payment };
    case 'unknown':
      return { state: previous ?? 'link_sent', payment, unknown: true };
  }
}

/**
 * A released hold was either cancelled (by a manager, here or elsewhere) or expired. What RetailCRM
 * already records wins; otherwise a release near or after the end of the hold's lifetime is an
 * expiry, an earlier one a cancel (of a hold we saw) or an abandoned attempt (of one we did not).
 */
function releasedAs(input: StateInput, payment: UapayPaymentView): LifecycleState {
  if (input.previous === 'rejected' || input.previous === 'expired') return input.previous;
  // A declined card may read CANCELED as well (UNCERTAIN, §4): it was never authorised.
  if (!payment.paidAt && input.previous !== 'held') return 'failed';
  const since = input.heldSince ?? payment.paidAt ?? payment.createdAt;
  if (since && input.now.getTime() - since.getTime() >= input.holdLifetimeMs - EXPIRY_SLACK_MS)
    return 'expired';
  return input.previous === 'held' ? 'rejected' : 'failed';
}

/** A release this close to the hold's end counts as expiry (our clock and UAPAY's differ). */
const EXPIRY_SLACK_MS = 60 * 60 * 1000;

function linkExpired(invoice: UapayInvoiceView, now: Date): boolean {
  return invoice.invoiceStatus === 'INACTIVE' || (!!invoice.payExpiresAt && invoice.payExpiresAt <= now);
}

/** States a status poller must keep watching because UAPAY may move them on its own. */
export function needsWatching(state: LifecycleState): boolean {
  return state === 'link_sent' || state === 'held' || state === 'failed';
}

/** Our state → the RetailCRM payment-status code the manager chose for it. */
export function crmStatusFor(state: LifecycleState, mapping: StatusMapping): string | undefined {
  return mapping[state];
}

/**
 * A RetailCRM status code → our state. When several states share one code, the earliest in the
 * lifecycle wins; UAPAY's answer refines it whenever the payment is looked at.
 */
export function stateForCrmStatus(
  code: string | undefined,
  mapping: StatusMapping,
): LifecycleState | undefined {
  if (!code) return undefined;
  return LIFECYCLE_STATES.find((state) => mapping[state] === code);
}
