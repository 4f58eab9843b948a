import { JOURNAL_STEPS } from '../../shared/journalSteps';
import type { Operation } from '../journal/records';
import { log } from '../log';
import type { PaymentsContext } from './context';
import { reconcileLink } from './createLink';
import { isMoneyKind, type MoneyRunner } from './moneyRunner';

/**
 * Closes what the journal shows begun but not finished: after a crash at start, and in the
 * background for writes RetailCRM did not take and refunds UAPAY did not confirm. Money
 * operations are looked up in UAPAY, never sent again. Returns how many are still open.
 */
export async function reconcileOpen(ctx: PaymentsContext, runner: MoneyRunner): Promise<number> {
  let open = 0;
  for (const operation of ctx.journal.unfinished()) {
    const closed = await reconcileOne(ctx, runner, operation).catch((error: unknown) => {
      log.warn('reconcile: will try again', { opId: operation.intent.opId, error });
      return false;
    });
    if (!closed) open += 1;
  }
  return open;
}

/** Steps after which an operation of this process is left open on purpose, for reconciliation to close. */
const LEFT_OPEN = new Set<string>([JOURNAL_STEPS.crmPending, JOURNAL_STEPS.needsAttention]);

/**
 * An operation this process began and is still running (its intent is in the journal from the
 * first moment, before its code has written anything else): closing it here would race the code
 * that runs it. Money operations past their first step are guarded by the MoneyRunner itself.
 */
function runningHere(ctx: PaymentsContext, operation: Operation): boolean {
  if (!ctx.journal.begunHere(operation.intent.opId)) return false;
  if (isMoneyKind(operation.intent.kind)) return operation.steps.length === 0;
  return !operation.steps.some((step) => LEFT_OPEN.has(step.step));
}

async function reconcileOne(
  ctx: PaymentsContext,
  runner: MoneyRunner,
  operation: Operation,
): Promise<boolean> {
  const { intent } = operation;
  if (runningHere(ctx, operation)) return false;
  if (isMoneyKind(intent.kind)) return runner.reconcile(operation);
  switch (intent.kind) {
    case 'link.create':
      return reconcileLink(ctx, operation);
    case 'payment.add': {
      // Did RetailCRM create it before the crash? The order tells.
      const type = intent.detail?.type;
      const order = await (await ctx.connections.retailCrm()).order(intent.orderId);
      const payment = order.payments.find((p) => p.type === type);
      await ctx.journal.finish(intent.opId, {
        outcome: 'reconciled',
        detail: payment ? { paymentId: payment.id } : { happened: false },
      });
      return true;
    }
    case 'link.email':
      // Whether the letter left cannot be known; the manager can send it again.
      await ctx.journal.finish(intent.opId, { outcome: 'reconciled', detail: { happened: 'unknown' } });
      return true;
    case 'status.sync':
      // The next sync round looks at UAPAY again and writes what is still missing.
      await ctx.journal.finish(intent.opId, { outcome: 'reconciled', detail: { happened: 'unknown' } });
      return true;
  }
  return false;
}
