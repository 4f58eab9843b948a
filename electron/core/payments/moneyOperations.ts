/**
 * The three money operations on a UAPAY payment, each defined once: what UAPAY's state and the
 * known totals allow (`decide`, before anything is sent), the call, how UAPAY's state afterwards
 * reads, and what RetailCRM must then say. The MoneyRunner runs them; reconciliation after a
 * crash and a manager's resolution use the same decision, kept in the journal before the call.
 *
 * Success is what UAPAY signs (reference §2.5, §7: every official integration reads a truthy
 * signed `status` as done). UAPAY's state afterwards is read only when the reply was lost or
 * unclear, and where the reference leaves that state UNCERTAIN (§4: after a reverse) it may not
 * tell at all: then a person decides, never a timeout.
 */
import type { LifecycleState } from '../../shared/lifecycle';
import { kopiyky, type Kopiyky } from '../../shared/money';
import { RefusedError } from '../errors';
import type { IntentRecord } from '../journal/records';
import { phaseOf } from '../lifecycle';
import type { MoneyReply, PaymentRef, UapayClient } from '../uapay/client';
import type { UapayPayment } from '../uapay/replies';
import type { Look } from './look';

export type MoneyKind = 'payment.confirm' | 'payment.cancel' | 'payment.refund';

/** What is known when an operation decides, besides UAPAY's look. */
export interface Known {
  intent: IntentRecord;
  /** The RetailCRM payment read just now (under this desktop's claim). */
  crm: { amount: Kopiyky; state?: LifecycleState };
  /** From this desktop's journal: confirmed operations on the UAPAY payment. */
  journal: { captured?: Kopiyky; refunded: Kopiyky };
}

/** The operation's decision, journaled before the call so every later path finishes it alike. */
export interface Decision {
  uapayPaymentId: string;
  /** Kopiyky the operation moves: captured, released or refunded. */
  amount: Kopiyky;
  /** The amount that goes to UAPAY, when one goes (see each operation). */
  sendAmount?: Kopiyky;
  /** RetailCRM's amount before the operation. */
  crmAmount: Kopiyky;
  /** Refund: what could still be refunded before this one; and the captured total. */
  refundable?: Kopiyky;
  captured?: Kopiyky;
  /** UAPAY's payment just before the call, to compare with after a lost reply (undefined: not known). */
  baseline: { status?: string | null; paymentStatus?: string | null; reversedAt: string | null };
}

export interface MoneyResult {
  state: LifecycleState;
  /** The RetailCRM payment's amount afterwards: what the shop keeps. */
  crmAmount: Kopiyky;
  /** Set when the operation makes the payment paid. */
  paidAt?: Date;
  /** What moved: captured, released or refunded. */
  moved: Kopiyky;
  /** Refund: what the payment keeps afterwards. */
  remaining?: Kopiyky;
}

/** What UAPAY's state, read after an unclear reply, says about the call. */
export type Observed = 'done' | 'not_done' | 'unclear';

export interface MoneyDefinition {
  /** Throws RefusedError when UAPAY's current state or the amounts do not allow the operation. */
  decide(current: Look, known: Known): Decision;
  send(client: UapayClient, ref: PaymentRef, decision: Decision): Promise<MoneyReply>;
  /** Reads UAPAY's state (and payments/show, for a refund) after a lost or unclear reply. */
  observe(current: Look, decision: Decision, detail?: UapayPayment): Observed;
  result(decision: Decision, at: Date): MoneyResult;
}

function requireAmount(amount: number | undefined, limit: number, what: string): Kopiyky {
  const value = amount ?? limit;
  if (value <= 0) throw new RefusedError('amount_not_positive', `The ${what} amount must be more than zero.`);
  if (value > limit) {
    throw new RefusedError(
      'amount_above_limit',
      `The ${what} amount is more than the ${limit} kopiyky allowed.`,
      {
        limit,
      },
    );
  }
  return kopiyky(value);
}

function requireHeld(current: Look): UapayPayment {
  if (current.derived.state !== 'held' || !current.payment) {
    throw new RefusedError(
      'not_held',
      `UAPAY does not hold this payment any more (it is ${current.derived.state}).`,
      {
        state: current.derived.state,
      },
    );
  }
  return current.payment;
}

function baselineOf(payment: UapayPayment): Decision['baseline'] {
  return {
    status: payment.status ?? null,
    paymentStatus: payment.paymentStatus ?? null,
    reversedAt: payment.reversedAt?.toISOString() ?? null,
  };
}

/** Held → captured shows in every reading (reference §4: HOLDED is documented, a capture ends it). */
const confirm: MoneyDefinition = {
  decide(current, known) {
    const payment = requireHeld(current);
    const amount = requireAmount(known.intent.amount, payment.amount, 'capture');
    return {
      uapayPaymentId: payment.paymentId,
      amount,
      // Reference §3.7: an amount goes only to capture less than the hold, and in params.
      ...(amount < payment.amount && { sendAmount: amount }),
      crmAmount: known.crm.amount,
      baseline: baselineOf(payment),
    };
  },
  send: (client, ref, decision) => client.complete(ref, decision.sendAmount),
  // Captured: done. Released or failed: the capture can no longer happen. Still held: it may yet
  // (UAPAY can be slower than our look), so only a person or a later look can say.
  observe(current) {
    if (current.derived.unknown) return 'unclear';
    const { state } = current.derived;
    if (['paid', 'partially_refunded', 'refunded'].includes(state)) return 'done';
    return state === 'held' ? 'unclear' : 'not_done';
  },
  // UNCERTAIN (§4): after a partial capture UAPAY may still show the authorised amount; what was
  // captured is what we asked for.
  result: (decision, at) => ({
    state: 'paid',
    crmAmount: decision.amount,
    paidAt: at,
    moved: decision.amount,
  }),
};

const cancel: MoneyDefinition = {
  decide(current, known) {
    const payment = requireHeld(current);
    return {
      uapayPaymentId: payment.paymentId,
      amount: kopiyky(payment.amount),
      crmAmount: known.crm.amount,
      baseline: baselineOf(payment),
    };
  },
  send: (client, ref) => client.cancel(ref),
  // UNCERTAIN (§4): a cancelled hold may read CANCELED, CLOSED or REVERSED. Captured means the
  // cancel can no longer happen; still HOLDED, it may yet (a slow UAPAY).
  observe(current) {
    if (!current.payment || current.derived.unknown) return 'unclear';
    const phase = phaseOf(current.payment);
    if (phase === 'held') return 'unclear';
    if (phase === 'captured') return 'not_done';
    return phase === 'released' || phase === 'reversed' || phase === 'partially_returned'
      ? 'done'
      : 'unclear';
  },
  result: (decision) => ({ state: 'rejected', crmAmount: decision.crmAmount, moved: decision.amount }),
};

const refund: MoneyDefinition = {
  decide(current, known) {
    const { state } = current.derived;
    if ((state !== 'paid' && state !== 'partially_refunded') || !current.payment) {
      throw new RefusedError(
        'not_captured',
        `There is no captured money to refund (the payment is ${state}).`,
        {
          state,
        },
      );
    }
    const payment = current.payment;
    // Never more than UAPAY shows captured (less what this desktop refunded), than this desktop
    // captured, or than RetailCRM says the shop keeps (other desktops' refunds show there).
    const captured = kopiyky(Math.min(payment.amount, known.journal.captured ?? Infinity));
    const crmKeeps =
      known.crm.state === 'paid' || known.crm.state === 'partially_refunded' ? known.crm.amount : 0;
    const refundable = kopiyky(Math.max(0, Math.min(captured - known.journal.refunded, crmKeeps)));
    if (refundable <= 0)
      throw new RefusedError('nothing_to_refund', 'Everything paid has already been refunded.');
    const amount = requireAmount(known.intent.amount, refundable, 'refund');
    // Reference §3.9: the amount goes in data; it is left out only for the whole of an untouched
    // payment (after a partial refund "no amount" could mean the original total).
    const whole = state === 'paid' && known.journal.refunded === 0 && amount === payment.amount;
    return {
      uapayPaymentId: payment.paymentId,
      amount,
      ...(!whole && { sendAmount: amount }),
      crmAmount: known.crm.amount,
      refundable,
      captured,
      baseline: baselineOf(payment),
    };
  },
  send: (client, ref, decision) => client.reverse(ref, decision.sendAmount),
  // UNCERTAIN (§4, §3.5): a reverse may change the pair or leave it as it was, and `reversedAt`
  // may show on invoices/show, only on payments/show, or nowhere. A change is proof it happened;
  // no change proves nothing, so a refund is never taken as "not done" from UAPAY's state.
  observe(current, decision, detail) {
    const now = current.payment;
    if (!now) return 'unclear';
    const before = decision.baseline;
    const changed = (field: 'status' | 'paymentStatus') =>
      before[field] !== undefined && (now[field] ?? null) !== before[field];
    if (changed('status') || changed('paymentStatus')) return 'done';
    const since = before.reversedAt ? Date.parse(before.reversedAt) : -Infinity;
    for (const reversedAt of [now.reversedAt, detail?.reversedAt]) {
      if (reversedAt && reversedAt.getTime() > since) return 'done';
    }
    return 'unclear';
  },
  // RetailCRM's amount stays "what the shop keeps" while anything is kept; once all of it went
  // back, the status alone says so (paymentComplete is off) and the amount shows what was paid.
  result(decision) {
    const remaining = kopiyky((decision.refundable ?? 0) - decision.amount);
    return {
      state: remaining > 0 ? 'partially_refunded' : 'refunded',
      crmAmount: remaining > 0 ? remaining : (decision.captured ?? decision.crmAmount),
      moved: decision.amount,
      remaining,
    };
  },
};

export const MONEY_OPERATIONS: Record<MoneyKind, MoneyDefinition> = {
  'payment.confirm': confirm,
  'payment.cancel': cancel,
  'payment.refund': refund,
};

export function isMoneyKind(kind: string): kind is MoneyKind {
  return Object.hasOwn(MONEY_OPERATIONS, kind);
}
