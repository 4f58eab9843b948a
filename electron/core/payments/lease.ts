/**
 * One payment, one desktop. The journal locks a payment on this desktop only; a shop runs several.
 * Before a money call, the operation writes a short lock line into the RetailCRM payment's comment
 * (RetailCRM is the shop's shared database), waits long enough for a concurrent writer to land,
 * reads again, and goes on only if the line is still its own: two desktops racing the same refund
 * make one UAPAY call.
 *
 * This is Fischer's timed mutual exclusion: a desktop writes its claim within `writeWithinMs` of
 * the read that saw the payment free, then waits `settleMs` (> writeWithinMs) before checking. Any
 * other claim either landed before the check (the check sees it and the later writer wins alone),
 * or was made after a read that already saw this claim (and that writer backed off). A claim
 * written too late is not trusted: the desktop starts again from a fresh read.
 *
 * A claim replaces the whole comment (RetailCRM edits it as one field), so the last writer's line is
 * the one that stands. Any lock line of the comment that still holds the payment counts, wherever it
 * sits (people edit the comment too); lines that hold nothing any more (expired, or of this
 * desktop's finished operations) are dropped whenever we write it, live ones of others never.
 */
import type { Kopiyky } from '../../shared/money';
import { DeskFailure, NetworkError } from '../errors';
import type { IntentRecord } from '../journal/records';
import type { CallOptions } from '../retailcrm/client';
import type { CrmPayment } from '../retailcrm/types';
import { composeComment, parseComment, type CommentLock, type PaymentComment } from './comment';
import type { PaymentsContext } from './context';

export interface LeaseTiming {
  /** The longest a read → lock write may take for the claim to count. */
  writeWithinMs: number;
  /** The wait between the write and the check; longer than `writeWithinMs`. */
  settleMs: number;
  /**
   * After this, a claim whose desktop never cleared it is taken as abandoned (a desktop that
   * stopped mid-operation). A claim marked for attention never expires: a person clears it.
   */
  ttlMs: number;
}

/**
 * RetailCRM answers an edit in well under a second; a claim that took longer than 1.5 s to write
 * is retried rather than trusted. Ops last seconds, so an unfinished claim is stale after 15 min.
 */
export const DEFAULT_LEASE_TIMING: LeaseTiming = {
  writeWithinMs: 1_500,
  settleMs: 2_000,
  ttlMs: 15 * 60_000,
};

const ATTEMPTS = 3;

/** The payment as RetailCRM holds it right after the claim was confirmed. */
export interface LeasedPayment {
  amount?: Kopiyky;
  status?: string;
  externalId?: string;
}

/** Another desktop holds the payment (or its last operation waits for a person there). */
class HeldElsewhereError extends DeskFailure<'busy'> {
  constructor(lock: CommentLock) {
    super({
      kind: 'busy',
      message: lock.attention
        ? `An operation (${lock.kind}) started on another desktop at ${lock.at} has no clear answer from UAPAY yet; it must be resolved there first.`
        : `Another desktop is running an operation (${lock.kind}) on this payment since ${lock.at}.`,
      opId: lock.opId,
      operation: lock.kind,
      elsewhere: {
        desktopId: lock.desktopId,
        since: lock.at,
        ...(lock.who && { who: lock.who }),
        ...(lock.attention && { attention: true }),
      },
    });
  }
}

async function readPayment(
  ctx: PaymentsContext,
  intent: IntentRecord,
  options: Pick<CallOptions, 'lane' | 'onSend'> = {},
): Promise<CrmPayment> {
  const order = await (await ctx.connections.retailCrm()).order(intent.orderId, options);
  const payment = order.payments.find((p) => p.id === intent.crmPaymentId);
  if (!payment) throw new PaymentGoneError(intent);
  return payment;
}

function tooSlow(): NetworkError {
  return new NetworkError(
    'retailcrm',
    'timeout',
    'RetailCRM answered too slowly to claim the payment safely for this desktop; nothing was sent to UAPAY. Try again.',
  );
}

/** The payment is no longer in its order: nothing may be done to it. */
class PaymentGoneError extends DeskFailure<'refused'> {
  constructor(intent: IntentRecord) {
    super({
      kind: 'refused',
      reason: 'not_found',
      message: `The payment ${intent.crmPaymentId} is no longer in order ${intent.orderNumber ?? intent.orderId} in RetailCRM.`,
    });
  }
}

/**
 * Whether a lock still holds the payment. This desktop's own lock counts only while its journal
 * shows the operation open (a lock left behind by a failed clear does not block it); another
 * desktop's until it expires, or until a person resolves it when it waits for one.
 */
export function isLiveLock(lock: CommentLock, ctx: PaymentsContext): boolean {
  if (lock.desktopId === ctx.desktopId) {
    const operation = ctx.journal.get(lock.opId);
    return !!operation && !operation.result;
  }
  if (lock.attention) return true;
  const timing = ctx.lease ?? DEFAULT_LEASE_TIMING;
  return ctx.now().getTime() - Date.parse(lock.at) < timing.ttlMs;
}

function ours(lock: CommentLock, ctx: PaymentsContext, opId: string | undefined): boolean {
  return lock.desktopId === ctx.desktopId && lock.opId === opId;
}

/**
 * The comment's lock lines that hold the payment against the operation `opId` (none: against any):
 * every line counts, not only the first. A line of that operation itself never does.
 */
export function holdingLocks(comment: PaymentComment, ctx: PaymentsContext, opId?: string): CommentLock[] {
  return (comment.locks ?? []).filter((lock) => !ours(lock, ctx, opId) && isLiveLock(lock, ctx));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Claims the payment for this operation, or throws HeldElsewhereError. */
export async function acquireLease(ctx: PaymentsContext, intent: IntentRecord): Promise<LeasedPayment> {
  const timing = ctx.lease ?? DEFAULT_LEASE_TIMING;
  const crm = await ctx.connections.retailCrm();
  for (let attempt = 1; ; attempt++) {
    // The window runs from the moment the read leaves (not from its wait in the app's limiter),
    // and the read and the claim go ahead of other RetailCRM calls (a bulk run queues many).
    let started = Date.now();
    const before = await readPayment(ctx, intent, {
      lane: 'lockRead',
      onSend: () => {
        started = Date.now();
      },
    });
    const parsed = parseComment(before.comment);
    const [held] = holdingLocks(parsed, ctx, intent.opId);
    if (held) throw new HeldElsewhereError(held);
    // Nothing else holds the payment: the other lock lines (expired ones) go with this write.
    const lock = lockOf(ctx, intent, ctx.now().toISOString());
    await crm.editPayment(
      intent.crmPaymentId,
      { comment: composeComment({ ...parsed, locks: [lock] }) },
      { idempotent: true, lane: 'lockClaim' },
    );
    if (Date.now() - started > timing.writeWithinMs) {
      if (attempt >= ATTEMPTS) {
        await updateLease(ctx, intent, 'clear').catch(() => undefined);
        throw tooSlow();
      }
      continue; // too slow to be sure nobody wrote in between: from a fresh read again
    }
    await sleep(timing.settleMs);
    const after = await readPayment(ctx, intent);
    const now = parseComment(after.comment);
    const mine = !!now.locks?.some((line) => ours(line, ctx, intent.opId));
    const [elsewhere] = holdingLocks(now, ctx, intent.opId);
    if (elsewhere) {
      // Another desktop's claim landed meanwhile (it goes on). Should ours stand beside it (someone
      // put both lines in the comment), ours goes, or each would keep the other off.
      if (mine) await updateLease(ctx, intent, 'clear').catch(() => undefined);
      throw new HeldElsewhereError(elsewhere);
    }
    if (!mine) {
      // Someone erased ours: start again.
      if (attempt >= ATTEMPTS) throw tooSlow();
      continue;
    }
    return {
      ...(after.amount !== undefined && { amount: after.amount }),
      ...(after.status !== undefined && { status: after.status }),
      ...(after.externalId !== undefined && { externalId: after.externalId }),
    };
  }
}

/**
 * Rewrites this operation's claim: gone (`clear`), or marked as waiting for a person, so other
 * desktops keep off a payment whose refund may have happened. Best effort: a claim left behind
 * expires (`ttlMs`), an attention mark stays until a person resolves the operation.
 */
export async function updateLease(
  ctx: PaymentsContext,
  intent: IntentRecord,
  change: 'clear' | 'attention',
): Promise<void> {
  const payment = await readPayment(ctx, intent);
  const parsed = parseComment(payment.comment);
  if (change === 'clear' && !parsed.locks?.some((lock) => ours(lock, ctx, intent.opId))) return;
  const next = withoutOwnLock(payment.comment, ctx, intent.opId);
  if (change === 'attention')
    next.locks = [...(next.locks ?? []), { ...lockOf(ctx, intent, intent.at), attention: true }];
  const crm = await ctx.connections.retailCrm();
  await crm.editPayment(intent.crmPaymentId, { comment: composeComment(next) });
}

function lockOf(ctx: PaymentsContext, intent: IntentRecord, at: string): CommentLock {
  const who = intent.actor.managerName || intent.actor.osUser;
  return { kind: intent.kind, at, desktopId: ctx.desktopId, opId: intent.opId, ...(who && { who }) };
}

/**
 * The comment to write with an operation's result (or its unlock): the newest text, without this
 * operation's claim; of the other lock lines only those that still hold the payment stay.
 */
export function withoutOwnLock(
  comment: string | undefined,
  ctx: PaymentsContext,
  opId: string,
): PaymentComment {
  const parsed = parseComment(comment);
  return { ...parsed, locks: holdingLocks(parsed, ctx, opId) };
}
