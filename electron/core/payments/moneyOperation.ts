/**
 * What a money operation on a UAPAY payment is, and the checks the operations share. Each is
 * defined once, in a module of its own (confirm.ts, cancel.ts, refund.ts): what UAPAY's state and
 * the known totals allow (`decide`, before anything is sent), the call, how UAPAY's state
 * afterwards reads, and what RetailCRM must then say. The MoneyRunner (moneyRunner.ts) runs them;
 * reconciliation after a crash and a manager's resolution use the same decision, kept in the
 * journal before the call.
 *
 * Success is what UAPAY signs (reference §2.5, §7: every official integration reads a truthy
 * signed `status` as done). UAPAY's state afterwards is read only when the reply was lost or
 * unclear, and where the reference leaves that state UNCERTAIN (§4: after a reverse) it may not
 * tell at all: then a person decides, never a timeout.
 */
import type { LifecycleState } from '../../shared/lifecycle';
import type { OperationKind } from '../../shared/operationKinds';
import { kopiyky, type Kopiyky } from '../../shared/money';
import { RefusedError } from '../errors';
import type { IntentRecord } from '../journal/records';
import type { MoneyReply, PaymentRef, UapayClient } from '../uapay/client';
import type { UapayPayment } from '../uapay/replies';
import type { Look } from './look';

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

export interface MoneyOperation<K extends OperationKind = OperationKind> {
  /** The name the journal records it under (and the RetailCRM lock line shows). */
  kind: K;
  /** The states its result may write: each must be mapped to a RetailCRM status before it starts. */
  writes: readonly LifecycleState[];
  /** UAPAY's state after an unclear reply is read from payments/show too (invoices/show may not tell). */
  readsPaymentAfter?: boolean;
  /** Throws RefusedError when UAPAY's current state or the amounts do not allow the operation. */
  decide(current: Look, known: Known): Decision;
  send(client: UapayClient, ref: PaymentRef, decision: Decision): Promise<MoneyReply>;
  /** Reads UAPAY's state (and payments/show, with `readsPaymentAfter`) after a lost or unclear reply. */
  observe(current: Look, decision: Decision, detail?: UapayPayment): Observed;
  result(decision: Decision, at: Date): MoneyResult;
}

export function requireAmount(amount: number | undefined, limit: number, what: string): Kopiyky {
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

export function requireHeld(current: Look): UapayPayment {
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

export function baselineOf(payment: UapayPayment): Decision['baseline'] {
  return {
    status: payment.status ?? null,
    paymentStatus: payment.paymentStatus ?? null,
    reversedAt: payment.reversedAt?.toISOString() ?? null,
  };
}
