/**
 * The journal as people read it: one entry per operation (the Activity view, an order's
 * timeline) and the same as CSV. Reading only; the journal file stays the record.
 */
import type { AttentionFacts, JournalEntry, JournalFilter } from '../../shared/channels/journal';
import type { DeskError } from '../../shared/errors';
import { JOURNAL_STEPS } from '../../shared/journalSteps';
import { formatDecimal, kopiyky } from '../../shared/money';
import { toCsv } from '../csvExport';
import type { Operation } from './records';

export function toEntry(operation: Operation): JournalEntry {
  const { intent, steps, result } = operation;
  const last = steps.at(-1)?.step;
  const outcome: JournalEntry['outcome'] =
    result?.outcome ??
    (last === JOURNAL_STEPS.crmPending
      ? 'crm_pending'
      : last === JOURNAL_STEPS.needsAttention
        ? 'needs_attention'
        : 'in_progress');
  const detail = { ...intent.detail, ...result?.detail };
  // The comment we read from RetailCRM is not the operation's business; links stay.
  delete detail.crmComment;
  return {
    opId: intent.opId,
    kind: intent.kind,
    at: intent.at,
    osUser: intent.actor.osUser,
    ...(intent.actor.managerName && { managerName: intent.actor.managerName }),
    orderId: intent.orderId,
    ...(intent.orderNumber && { orderNumber: intent.orderNumber }),
    ...(intent.crmPaymentId > 0 && { paymentId: intent.crmPaymentId }),
    ...moneyOf(operation),
    ...(intent.before && { before: intent.before }),
    ...(result?.after && { after: result.after }),
    outcome,
    ...(result?.error && { error: result.error }),
    ...(result && { finishedAt: result.at }),
    ...(intent.batchId && { batchId: intent.batchId }),
    steps: steps.map((s) => ({ step: s.step, at: s.at })),
    ...(!result && attentionOf(operation) && { attention: attentionOf(operation) }),
    ...(Object.keys(detail).length > 0 && { detail }),
  };
}

/** The needs-attention step's facts, as the panel shows them to the manager who decides. */
function attentionOf(operation: Operation): AttentionFacts | undefined {
  const step = operation.steps.findLast((s) => s.step === JOURNAL_STEPS.needsAttention);
  if (!step) return undefined;
  const detail = step.detail ?? {};
  const sent = detail.sent as { amount?: unknown } | undefined;
  const uapay = detail.uapay as Record<string, unknown> | null | undefined;
  const error = detail.error as DeskError | undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const money = (value: unknown) => (typeof value === 'number' ? kopiyky(value) : undefined);
  const facts = uapay && {
    ...(text(uapay.status) && { status: text(uapay.status) }),
    ...(text(uapay.paymentStatus) && { paymentStatus: text(uapay.paymentStatus) }),
    ...(money(uapay.amount) !== undefined && { amount: money(uapay.amount) }),
    ...(text(uapay.reversedAt) && { reversedAt: text(uapay.reversedAt) }),
  };
  return {
    at: step.at,
    ...(money(sent?.amount) !== undefined && { amount: money(sent?.amount) }),
    ...(facts && { uapay: facts }),
    ...(typeof error?.kind === 'string' && typeof error.message === 'string' && { error }),
  };
}

/**
 * The operation's own sum and what the payment keeps afterwards. A result with `remaining` says
 * both. Refunds journaled before it existed wrote what the shop keeps in `amount`: their own sum
 * is what the intent asked (or, for "all of it", what was kept before).
 */
function moneyOf({ intent, result }: Operation): Pick<JournalEntry, 'amount' | 'remaining'> {
  if (result?.remaining !== undefined) {
    const own = result.amount ?? intent.amount;
    return { ...(own !== undefined && { amount: kopiyky(own) }), remaining: kopiyky(result.remaining) };
  }
  if (intent.kind === 'payment.refund' && result?.outcome !== 'failed' && result?.amount !== undefined) {
    const before = Number(intent.detail?.crmAmount ?? Number.NaN);
    const own = intent.amount ?? (Number.isSafeInteger(before) ? before : undefined);
    const remaining = result.after === 'refunded' ? 0 : result.amount;
    return { ...(own !== undefined && { amount: kopiyky(own) }), remaining: kopiyky(remaining) };
  }
  const own = result?.amount ?? intent.amount;
  return own === undefined ? {} : { amount: kopiyky(own) };
}

/** Newest first. */
export function selectEntries(operations: readonly Operation[], filter: JournalFilter): JournalEntry[] {
  const from = filter.from ? Date.parse(filter.from) : -Infinity;
  const to = filter.to ? Date.parse(filter.to) : Infinity;
  const search = filter.search?.trim().toLowerCase();
  const out: JournalEntry[] = [];
  for (let i = operations.length - 1; i >= 0 && out.length < (filter.limit ?? 1_000); i--) {
    const op = operations[i];
    if (!op) continue;
    const { intent } = op;
    const at = Date.parse(intent.at);
    if (at < from || at > to) continue;
    if (filter.orderId !== undefined && intent.orderId !== filter.orderId) continue;
    if (filter.paymentId !== undefined && intent.crmPaymentId !== filter.paymentId) continue;
    if (filter.kinds?.length && !filter.kinds.includes(intent.kind)) continue;
    const entry = toEntry(op);
    if (search && !searchable(entry).includes(search)) continue;
    out.push(entry);
  }
  return out;
}

function searchable(entry: JournalEntry): string {
  return [entry.orderNumber, entry.managerName, entry.osUser, entry.kind, entry.error?.message, entry.opId]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

const COLUMNS = [
  'time',
  'os_user',
  'manager',
  'order',
  'order_id',
  'payment_id',
  'operation',
  'amount_uah',
  'remaining_uah',
  'before',
  'after',
  'outcome',
  'error_kind',
  'error_code',
  'error_message',
  'finished',
  'batch',
  'operation_id',
] as const;

export function entriesToCsv(entries: readonly JournalEntry[]): string {
  return toCsv(
    COLUMNS,
    entries.map((e) => [
      e.at,
      e.osUser,
      e.managerName ?? '',
      e.orderNumber ?? '',
      e.orderId,
      e.paymentId ?? '',
      e.kind,
      e.amount !== undefined ? formatDecimal(e.amount) : '',
      e.remaining !== undefined ? formatDecimal(e.remaining) : '',
      e.before ?? '',
      e.after ?? '',
      e.outcome,
      e.error?.kind ?? '',
      e.error?.code ?? '',
      e.error?.message ?? '',
      e.finishedAt ?? '',
      e.batchId ?? '',
      e.opId,
    ]),
  );
}
