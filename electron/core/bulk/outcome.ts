/**
 * What happened to one payment of a batch, read either from the operation's own answer (while the
 * batch runs) or from the journal (after a crash). Both go through `fromFailure`, so a refusal
 * means the same thing whichever way it is read.
 */
import type { BulkAction, BulkRowResult } from '../../shared/channels/bulk';
import type { OperationOutcome } from '../../shared/channels/payments';
import type { JournalEntry } from '../../shared/channels/journal';
import type { LifecycleState } from '../../shared/lifecycle';
import { isLifecycleState } from '../../shared/lifecycle';
import { toDeskError } from '../errors';
import { cancel } from '../payments/cancel';
import { confirm } from '../payments/confirm';
import type { MoneyKind } from '../payments/moneyRunner';

export const MONEY_KIND: Record<BulkAction, MoneyKind> = {
  confirm: confirm.kind,
  cancel: cancel.kind,
};

/** The state a payment is in once the action happened. */
export const TARGET_STATE: Record<BulkAction, LifecycleState> = { confirm: 'paid', cancel: 'rejected' };

/** A failure as the journal keeps it: `code` is UAPAY's code, or our refusal reason. */
interface Failure {
  kind: string;
  code?: string;
  message: string;
  state?: string;
  operation?: string;
}

/** A refusal that only says the payment was not there to act on is a skip, not a failure. */
function fromFailure(row: BulkRowResult, failure: Failure, at: string): BulkRowResult {
  const base = { ...row, finishedAt: at };
  delete base.error;
  if (failure.kind === 'refused' && failure.code === 'not_held') {
    const state = isLifecycleState(failure.state) ? failure.state : undefined;
    return {
      ...base,
      outcome: 'skipped',
      reason: 'not_held',
      detail: { ...(state && { state }), message: failure.message },
    };
  }
  if (failure.kind === 'busy') {
    return {
      ...base,
      outcome: 'skipped',
      reason: 'in_flight',
      detail: { ...(failure.operation && { operation: failure.operation }), message: failure.message },
    };
  }
  if (failure.kind === 'not_found') {
    return { ...base, outcome: 'skipped', reason: 'not_found', detail: { message: failure.message } };
  }
  return {
    ...base,
    outcome: 'failed',
    error: { kind: failure.kind, ...(failure.code && { code: failure.code }), message: failure.message },
  };
}

/** The row after MoneyRunner answered. */
export function settledRow(
  row: BulkRowResult,
  settled: PromiseSettledResult<OperationOutcome>,
  at: string,
): BulkRowResult {
  if (settled.status === 'fulfilled') {
    const { opId, outcome, state } = settled.value;
    if (outcome === 'needs_attention') {
      return {
        ...row,
        outcome: 'failed',
        opId,
        finishedAt: at,
        error: {
          kind: 'needs_attention',
          message: 'UAPAY gave no clear answer; the payment waits for a manager’s decision in its panel.',
        },
      };
    }
    return {
      ...row,
      outcome: outcome === 'crm_pending' ? 'crm_pending' : 'done',
      state,
      opId,
      finishedAt: at,
    };
  }
  const info = toDeskError(settled.reason);
  const code =
    info.kind === 'uapay'
      ? info.code
      : info.kind === 'refused' || info.kind === 'network'
        ? info.reason
        : info.kind === 'validation'
          ? info.issues[0]?.code
          : undefined;
  return fromFailure(
    row,
    {
      kind: info.kind,
      message: info.message,
      ...(code && { code }),
      ...(info.kind === 'refused' && info.state && { state: info.state }),
      ...(info.kind === 'busy' && { operation: info.operation }),
    },
    at,
  );
}

/**
 * The row as the journal tells it. No entry: never started (`untouched`). An operation closed by
 * reconciliation that did not happen is `untouched` too: UAPAY still holds the payment.
 */
export function journalRow(
  row: BulkRowResult,
  entry: JournalEntry | undefined,
  action: BulkAction,
): BulkRowResult {
  if (!entry) return { ...row, outcome: 'untouched' };
  const withOp = { ...row, opId: entry.opId };
  const after = isLifecycleState(entry.after) ? entry.after : undefined;
  switch (entry.outcome) {
    case 'in_progress':
    case 'needs_attention':
      return { ...withOp, outcome: 'in_flight' };
    case 'crm_pending':
      return { ...withOp, outcome: 'crm_pending', state: TARGET_STATE[action] };
    case 'succeeded':
    case 'reconciled':
      if (after === TARGET_STATE[action])
        return {
          ...withOp,
          outcome: 'done',
          state: after,
          ...(entry.finishedAt && { finishedAt: entry.finishedAt }),
        };
      return {
        ...withOp,
        outcome: 'untouched',
        ...(after && { state: after }),
        detail: { message: 'Reconciled after a restart: UAPAY shows it did not happen.' },
      };
    case 'failed':
      // `after` of a failure is the state before it, not what UAPAY showed: not passed on.
      return fromFailure(
        withOp,
        entry.error ?? { kind: 'internal', message: 'Failed.' },
        entry.finishedAt ?? entry.at,
      );
  }
}

/** Rows whose money moved. */
export function isDone(row: BulkRowResult): boolean {
  return row.outcome === 'done' || row.outcome === 'crm_pending';
}
