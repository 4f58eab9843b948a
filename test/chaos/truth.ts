/**
 * What UAPAY did, as a person reads it in the UAPAY cabinet, and what each desktop's journal says
 * was sent: the checks (checker.ts) and the manager's answers in the final settle (run.ts) both
 * stand on it.
 *
 * UAPAY's side comes from the fake's own records, its money ledger (`state.money`: what the card
 * authorised, what was captured and reversed, and the payment's phase), never from status strings:
 * what UAPAY shows after a capture, a cancel or a reverse is UNCERTAIN (reference §4) and differs
 * between readings of the fake.
 */
import { Journal } from '../../electron/core/journal/journal';
import type { Operation } from '../../electron/core/journal/records';
import { decisionOf } from '../../electron/core/payments/moneyJournal';
import { isMoneyKind, type MoneyKind } from '../../electron/core/payments/moneyRunner';
import type { CallRecord, InvoiceView, UapayMethod } from '../../electron/sandbox/uapay';
import type { DeskIndex } from './plan';
import type { World } from './world';
import { extraInfoOf } from '../support/readings';

export const MONEY_METHOD: Record<MoneyKind, UapayMethod> = {
  'payment.confirm': 'invoicer/payments/complete',
  'payment.cancel': 'invoicer/payments/cancel',
  'payment.refund': 'invoicer/payments/reverse',
};

const KIND_OF = new Map<string, MoneyKind>(
  Object.entries(MONEY_METHOD).map(([kind, method]) => [method, kind as MoneyKind]),
);

/** A money call the fake received: which operation kind, on which UAPAY payment. */
export function moneyKindOf(call: CallRecord): MoneyKind | undefined {
  return KIND_OF.get(call.method);
}

/** One UAPAY payment's money, as the cabinet shows it. */
export interface PaymentTruth {
  paymentId: string;
  invoiceId: string;
  /** The card authorised it (a declined attempt did not). */
  approved: boolean;
  /** Kopiyky captured: at payment for a PAY invoice, by payments/complete for a hold; else 0. */
  captured: number;
  /** A hold given back (payments/cancel, or its lifetime ended). */
  released: boolean;
  /** Kopiyky refunded by payments/reverse. */
  reversed: number;
}

export function paymentTruth(world: World, invoice: InvoiceView, paymentId: string): PaymentTruth {
  const money = world.sandbox.uapay.fake.state.money(paymentId);
  return {
    paymentId,
    invoiceId: invoice.id,
    approved: (money?.authorised ?? 0) > 0,
    captured: money?.captured ?? 0,
    released: money?.phase === 'canceled' || money?.phase === 'hold-expired',
    reversed: money?.reversed ?? 0,
  };
}

/** A hold still standing, or a capture not all refunded: money the shop has from the customer. */
export function holdsMoney(truth: PaymentTruth): boolean {
  const held = truth.approved && truth.captured === 0 && !truth.released;
  return held || truth.captured - truth.reversed > 0;
}

/** Kopiyky captured on an invoice and not given back. */
export function netCaptured(world: World, invoice: InvoiceView): number {
  return invoice.payments
    .map((payment) => paymentTruth(world, invoice, payment.paymentId))
    .reduce((sum, truth) => sum + truth.captured - truth.reversed, 0);
}

/** The CRM payment an invoice was made for (the core puts it in extraInfo, invoiceBinding.ts). */
export function crmPaymentOf(invoice: InvoiceView): number | undefined {
  // Read as the reading in force gives it (an object, or the JSON string): the checker's own guess
  // must not depend on the reading any more than the core's does.
  const paymentId = extraInfoOf(invoice.extraInfo)?.paymentId;
  return typeof paymentId === 'number' ? paymentId : undefined;
}

/** Every operation in each desktop's journal, read while its core is not running. */
export async function readJournals(world: World): Promise<Operation[][]> {
  const all: Operation[][] = [];
  for (const dir of world.dirs) {
    const journal = await Journal.open(dir);
    try {
      all.push(journal.list());
    } finally {
      await journal.close();
    }
  }
  return all;
}

/** A money operation's call to UAPAY as its journal has it: written just before the call went. */
export interface Send {
  operation: Operation;
  desk: DeskIndex;
  kind: MoneyKind;
  uapayPaymentId: string;
  /** When the decision was on disk (the `uapay-sent` step), ms. */
  at: number;
}

export function sendsOf(journals: readonly Operation[][]): Send[] {
  const sends: Send[] = [];
  for (const [desk, operations] of journals.entries()) {
    for (const operation of operations) {
      const { kind } = operation.intent;
      const decision = isMoneyKind(kind) ? decisionOf(operation) : undefined;
      const step = operation.steps.find((s) => s.step === 'uapay-sent');
      if (!decision || !step || !isMoneyKind(kind) || !decision.uapayPaymentId) continue;
      sends.push({
        operation,
        desk: desk as DeskIndex,
        kind,
        uapayPaymentId: decision.uapayPaymentId,
        at: Date.parse(step.at),
      });
    }
  }
  return sends.sort((a, b) => a.at - b.at);
}

const keyOf = (kind: MoneyKind, paymentId: string | undefined) => `${kind} ${paymentId ?? '-'}`;

/**
 * Each money call the fake received, given to the operation that sent it: the latest send of the
 * same kind to the same UAPAY payment before the call arrived (the journal step is written, and
 * flushed, before the call leaves; the desktops and the sandbox share this machine's clock). Calls
 * no send accounts for come back under `unsent`.
 */
export function callsBySend(
  world: World,
  sends: readonly Send[],
): { of: (opId: string) => CallRecord[]; unsent: CallRecord[] } {
  const byKey = new Map<string, Send[]>();
  for (const send of sends) {
    const key = keyOf(send.kind, send.uapayPaymentId);
    byKey.set(key, [...(byKey.get(key) ?? []), send]);
  }
  const byOp = new Map<string, CallRecord[]>();
  const unsent: CallRecord[] = [];
  for (const call of world.sandbox.uapay.fake.control.callLog()) {
    const kind = moneyKindOf(call);
    if (!kind) continue;
    const sender = (byKey.get(keyOf(kind, call.target.paymentId)) ?? []).findLast((s) => s.at <= call.at);
    if (!sender) {
      unsent.push(call);
      continue;
    }
    const opId = sender.operation.intent.opId;
    byOp.set(opId, [...(byOp.get(opId) ?? []), call]);
  }
  return { of: (opId) => byOp.get(opId) ?? [], unsent };
}

/** Whether UAPAY carried out an operation's call (the cabinet shows the capture, cancel or refund). */
export function carriedOut(calls: readonly CallRecord[]): boolean {
  return calls.some((call) => call.outcome === 'ok');
}
