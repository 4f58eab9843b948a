/**
 * The three money operations on a UAPAY payment, each defined once: when UAPAY's state allows it,
 * the call, how to see in UAPAY's state that it happened, and what RetailCRM must then say.
 * `runMoneyOperation` runs them; reconciliation after a crash uses the same `happened` and
 * `result`, so both paths agree on what "done" means.
 */
import type { LifecycleState } from '../../shared/lifecycle';
import { kopiyky, type Kopiyky } from '../../shared/money';
import { RefusedError } from '../errors';
import type { IntentRecord } from '../journal/records';
import { phaseOf } from '../lifecycle';
import type { PaymentRef, UapayClient } from '../uapay/client';
import type { Look } from './look';

export type MoneyKind = 'payment.confirm' | 'payment.cancel' | 'payment.refund';

export interface MoneyResult {
  state: LifecycleState;
  /** The RetailCRM payment's amount afterwards: what the shop keeps. */
  amount: Kopiyky;
  /** Set when the operation makes the payment paid. */
  paidAt?: Date;
  /** What moved: captured, released or refunded. */
  moved: Kopiyky;
}

export interface MoneyDefinition {
  /** Throws RefusedError when UAPAY's current state or the amount does not allow the operation. */
  check(current: Look, intent: IntentRecord): void;
  send(client: UapayClient, ref: PaymentRef, intent: IntentRecord, current: Look): Promise<void>;
  /** What UAPAY showed just before the call, kept in the journal's `uapay-sent` step. */
  baseline?(current: Look): Record<string, unknown>;
  happened(current: Look, intent: IntentRecord, baseline: Record<string, unknown> | undefined): boolean;
  result(current: Look, intent: IntentRecord): MoneyResult;
}

/** The RetailCRM amount when the operation began (kept in the intent: reconciliation needs it). */
export function crmAmountOf(intent: IntentRecord): Kopiyky {
  return kopiyky(Number(intent.detail?.crmAmount ?? 0));
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

function requireHeld(current: Look): number {
  if (current.derived.state !== 'held' || !current.payment) {
    throw new RefusedError(
      'not_held',
      `UAPAY does not hold this payment any more (it is ${current.derived.state}).`,
      {
        state: current.derived.state,
      },
    );
  }
  return current.payment.amount;
}

const confirm: MoneyDefinition = {
  check(current, intent) {
    requireAmount(intent.amount, requireHeld(current), 'capture');
  },
  // Reference §3.7: the amount goes only when it is smaller than the hold, and in params.
  send(client, ref, intent, current) {
    const held = current.payment?.amount ?? 0;
    return client.complete(
      ref,
      intent.amount !== undefined && intent.amount < held ? kopiyky(intent.amount) : undefined,
    );
  },
  happened: (current) => ['paid', 'partially_refunded', 'refunded'].includes(current.derived.state),
  result(current, intent) {
    const captured = kopiyky(current.payment?.amount ?? intent.amount ?? 0);
    return { state: 'paid', amount: captured, paidAt: new Date(intent.at), moved: captured };
  },
};

const cancel: MoneyDefinition = {
  check(current) {
    requireHeld(current);
  },
  send: (client, ref) => client.cancel(ref),
  happened: (current) => !!current.payment && phaseOf(current.payment) === 'released',
  result: (_current, intent) => ({
    state: 'rejected',
    amount: crmAmountOf(intent),
    moved: crmAmountOf(intent),
  }),
};

const refund: MoneyDefinition = {
  check(current, intent) {
    const { state } = current.derived;
    if (state !== 'paid' && state !== 'partially_refunded') {
      throw new RefusedError(
        'not_captured',
        `There is no captured money to refund (the payment is ${state}).`,
        {
          state,
        },
      );
    }
    const remaining = crmAmountOf(intent);
    if (remaining <= 0)
      throw new RefusedError('nothing_to_refund', 'Everything paid has already been refunded.');
    requireAmount(intent.amount, remaining, 'refund');
  },
  // Reference §3.9: the amount goes in data. It is left out only for the whole of an untouched
  // payment; after a partial refund "no amount" could mean the original total.
  send(client, ref, intent, current) {
    const whole = current.derived.state === 'paid' && intent.amount === current.payment?.amount;
    return client.reverse(ref, whole || intent.amount === undefined ? undefined : kopiyky(intent.amount));
  },
  // UAPAY does not report refunded totals; a newer reversal time than before the call is the sign
  // (payments' `reversedAt`, §3.5). Our clock is not involved, so a skew cannot fake it.
  baseline: (current) => ({ reversedAt: current.payment?.reversedAt?.toISOString() ?? null }),
  happened(current, _intent, baseline) {
    const now = current.payment?.reversedAt?.getTime();
    const before = typeof baseline?.reversedAt === 'string' ? Date.parse(baseline.reversedAt) : undefined;
    return now !== undefined && (before === undefined || now > before);
  },
  // RetailCRM's amount stays "what the shop keeps" while anything is kept; once all of it went
  // back, the status alone says so (paymentComplete is off) and the amount shows what was paid.
  result(current, intent) {
    const refunded = kopiyky(intent.amount ?? crmAmountOf(intent));
    const left = kopiyky(crmAmountOf(intent) - refunded);
    if (left > 0) return { state: 'partially_refunded', amount: left, moved: refunded };
    return {
      state: 'refunded',
      amount: kopiyky(current.payment?.amount ?? crmAmountOf(intent)),
      moved: refunded,
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
