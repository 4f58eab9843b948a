/**
 * What the journal knows about money: the decision an operation wrote before its UAPAY call, and
 * the captured and refunded totals of a UAPAY payment from the operations UAPAY confirmed. UAPAY
 * does not report refunded totals, and what it shows after a capture or a reverse is UNCERTAIN
 * (reference §4), so these come from our own record.
 */
import { JOURNAL_STEPS } from '../../shared/journalSteps';
import { kopiyky, type Kopiyky } from '../../shared/money';
import type { Journal } from '../journal/journal';
import type { Operation } from '../journal/records';
import type { Decision } from './moneyOperation';

/** The decision written in the `uapay-sent` step, or undefined when the call was never sent. */
export function decisionOf(operation: Operation): Decision | undefined {
  const sent = operation.steps.find((step) => step.step === JOURNAL_STEPS.uapaySent);
  if (!sent) return undefined;
  const detail = sent.detail ?? {};
  const decision = detail.decision as Decision | undefined;
  if (decision && typeof decision.uapayPaymentId === 'string') return decision;
  // Written by an earlier version: the UAPAY payment and the reversal time before the call.
  const baseline = detail.baseline as { reversedAt?: string | null } | undefined;
  const { intent } = operation;
  return {
    uapayPaymentId: typeof detail.paymentId === 'string' ? detail.paymentId : '',
    amount: kopiyky(intent.amount ?? Number(intent.detail?.crmAmount ?? 0)),
    ...(intent.amount !== undefined && { sendAmount: kopiyky(intent.amount) }),
    crmAmount: kopiyky(Number(intent.detail?.crmAmount ?? 0)),
    ...(intent.kind === 'payment.refund' && { refundable: kopiyky(Number(intent.detail?.crmAmount ?? 0)) }),
    baseline: { reversedAt: baseline?.reversedAt ?? null },
  };
}

/** Kopiyky an operation moved, when it is known to have happened. */
function movedBy(operation: Operation): Kopiyky | undefined {
  const detail = operation.result?.detail;
  if (!detail || detail.happened !== true || typeof detail.moved !== 'number') return undefined;
  return kopiyky(detail.moved);
}

/** What this desktop captured on a UAPAY payment and refunded from it, by confirmed operations. */
export function journalTotals(
  journal: Journal,
  crmPaymentId: number,
  uapayPaymentId: string,
): { captured?: Kopiyky; refunded: Kopiyky } {
  let captured: Kopiyky | undefined;
  let refunded = 0;
  for (const operation of journal.forPayment(crmPaymentId)) {
    if (operation.result?.detail?.uapayPaymentId !== uapayPaymentId) continue;
    const moved = movedBy(operation);
    if (moved === undefined) continue;
    if (operation.intent.kind === 'payment.confirm') captured = moved;
    if (operation.intent.kind === 'payment.refund') refunded += moved;
  }
  return { ...(captured !== undefined && { captured }), refunded: kopiyky(refunded) };
}
