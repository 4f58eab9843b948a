/**
 * Bulk confirmation and cancellation of held payments: a preflight that says which
 * payments can go and why the others cannot, then one batch that runs the single-payment
 * operation for each, with live progress, stop, retry of the failures, CSV, and — after a crash —
 * the interrupted batch and its resumption. Amounts are integer kopiyky.
 */
import { z } from 'zod';
import type { LifecycleState } from '../lifecycle';
import type { Kopiyky } from '../money';
import { SORT_COLUMNS, STATE_CHIPS } from '../orderQuery';
import { phantom, type ChannelMap } from './spec';

export const BULK_ACTIONS = ['confirm', 'cancel'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * Why a payment is left out. The renderer words each code; `BulkRow.detail` carries its facts.
 * - `not_found`: not in the orders list (deleted in RetailCRM, or the type was unlinked).
 * - `not_held`: UAPAY no longer holds it (`detail.state` says what it is now).
 * - `hold_expired`: UAPAY released it at the end of the hold, or the hold is past the lifetime set
 *   in Settings (`detail.holdExpiresAt`).
 * - `amount_mismatch`: confirm only; the amount held differs from the payment's own amount, or is
 *   more than the order still owes (`detail.held`, `detail.amount`, `detail.orderTotal`, `detail.owed`).
 * - `in_flight`: another operation on the payment is still open in the journal (`detail.operation`).
 * - `merchant_not_connected`: no secret key on this computer, or the merchant is unknown.
 * - `no_invoice`: no UAPAY invoice, or UAPAY does not know it.
 * - `uapay_unavailable`: UAPAY could not be asked, or answered something the app does not understand.
 * - `already_done`: the journal shows it was already captured or cancelled (a resumed batch).
 * - `other_currency`: the order is not in hryvnias, which is all UAPAY takes (`detail.currency`).
 */
export const SKIP_REASONS = [
  'not_found',
  'not_held',
  'hold_expired',
  'amount_mismatch',
  'in_flight',
  'merchant_not_connected',
  'no_invoice',
  'uapay_unavailable',
  'already_done',
  'other_currency',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkipDetail {
  state?: LifecycleState;
  held?: Kopiyky;
  /** The payment's own amount (what its link asked for): a split order has several payments. */
  amount?: Kopiyky;
  orderTotal?: Kopiyky;
  /** What the order still owes (its total less what RetailCRM counts as paid). */
  owed?: Kopiyky;
  /** ISO. */
  holdExpiresAt?: string;
  /** The journal kind of the operation in flight. */
  operation?: string;
  /** The order's currency, when it is not one UAPAY takes. */
  currency?: string;
  /** The provider's or the app's own words (e.g. UAPAY's error text), for a tooltip. */
  message?: string;
}

/** One payment of a preflight. */
export interface BulkRow {
  paymentId: number;
  orderId: number;
  orderNumber: string;
  customerName: string;
  merchantId?: string;
  /** What the operation would move: the amount UAPAY holds (else the RetailCRM payment's amount). */
  amount: Kopiyky;
  /** Set when the payment is a part of its order (a split order): the order's total and what it owes. */
  part?: { orderTotal: Kopiyky; owed: Kopiyky };
  eligible: boolean;
  reason?: SkipReason;
  detail?: SkipDetail;
}

export interface BulkPreflight {
  preflightId: string;
  action: BulkAction;
  /** ISO: when the checks ran; `bulk.start` refuses the preflight after `expiresAt`. */
  checkedAt: string;
  expiresAt: string;
  /** Every payment looked at, eligible ones included, in the list's order. */
  rows: BulkRow[];
  eligible: { count: number; total: Kopiyky };
  skipped: { count: number; byReason: Partial<Record<SkipReason, number>> };
}

/**
 * A payment's place in a batch.
 * - `pending`: not started yet; `in_flight`: running now.
 * - `done`: UAPAY did it and RetailCRM says so; `crm_pending`: UAPAY did it, the RetailCRM write
 *   is retried in the background (the money moved).
 * - `failed`: not done; `error` has UAPAY's own text when UAPAY refused.
 * - `skipped`: left out (preflight, or found not held / busy when its turn came).
 * - `untouched`: not started because the batch was stopped or interrupted.
 */
export type BulkRowOutcome =
  'pending' | 'in_flight' | 'done' | 'crm_pending' | 'failed' | 'skipped' | 'untouched';

export interface BulkRowResult {
  paymentId: number;
  orderId: number;
  orderNumber: string;
  amount: Kopiyky;
  outcome: BulkRowOutcome;
  /** The payment's lifecycle state afterwards, when known. */
  state?: LifecycleState;
  reason?: SkipReason;
  detail?: SkipDetail;
  error?: { kind: string; code?: string; message: string };
  /** The journal operation that ran it. */
  opId?: string;
  /** ISO. */
  finishedAt?: string;
}

export interface BulkCounts {
  /** Every row of the batch, preflight skips included. */
  total: number;
  done: number;
  failed: number;
  skipped: number;
  inFlight: number;
  /** Eligible and not started. */
  remaining: number;
  /** Left untouched by a stop or a crash. */
  untouched: number;
}

/**
 * - `running`, `stopping` (in-flight ones finish, nothing new starts), `stopped`, `finished`;
 * - `interrupted`: the app ended while it ran (seen at the next start); `resumed` / `dismissed`:
 *   what was done about an interrupted or stopped batch.
 */
export type BulkBatchState =
  'running' | 'stopping' | 'stopped' | 'finished' | 'interrupted' | 'resumed' | 'dismissed';

export interface BulkStatus {
  batchId: string;
  action: BulkAction;
  state: BulkBatchState;
  /** The batch this one retries or resumes. */
  parentBatchId?: string;
  /** The batch that resumed this one. */
  resumedBy?: string;
  /** ISO. */
  startedAt: string;
  endedAt?: string;
  counts: BulkCounts;
  /** Kopiyky of the eligible rows, and of those done. */
  total: Kopiyky;
  moved: Kopiyky;
  /** Payments finished per second lately; 0 before the first. */
  ratePerSecond: number;
  /** Estimated seconds left while running, once a rate is known. */
  etaSeconds?: number;
  rows: BulkRowResult[];
}

/** Event `bulk.progress`, at most a few per second: the batch without its rows, and the rows changed since the last event. */
export interface BulkProgress extends Omit<BulkStatus, 'rows'> {
  changed: BulkRowResult[];
}

/** A batch the app was running when it ended: reported at the next start. */
export interface InterruptedBatch {
  batchId: string;
  action: BulkAction;
  startedAt: string;
  /** Eligible rows of the batch. */
  total: number;
  /** Finished before the crash (done, failed or skipped when their turn came). */
  finished: BulkRowResult[];
  /** Running at the crash, as UAPAY's state closed them since (reconciliation). */
  inFlight: BulkRowResult[];
  /** Never started: what `bulk.resume` runs (after a fresh preflight). */
  notStarted: BulkRowResult[];
}

/** `bulk.retryFailed` and `bulk.resume`: the fresh preflight, and the new batch if any row can go. */
export interface BulkRerun {
  preflight: BulkPreflight;
  batch: BulkStatus | null;
}

const ids = z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1).max(20_000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day must look like 2026-01-31.');

/** The orders list's query (electron/shared/orderQuery.ts) as the renderer holds it. */
const orderQuerySchema = z.strictObject({
  chips: z.array(z.enum(STATE_CHIPS)).max(STATE_CHIPS.length).optional(),
  sites: z.array(z.string().max(255)).max(500).optional(),
  merchantIds: z.array(z.string().max(100)).max(500).optional(),
  dateFrom: day.optional(),
  dateTo: day.optional(),
  search: z.string().max(200).optional(),
  sort: z.strictObject({ column: z.enum(SORT_COLUMNS), direction: z.enum(['asc', 'desc']) }).optional(),
});

const batchId = z.string().min(1).max(100);

export const bulkChannels = {
  /** `paymentIds`: a selection; `query`: every held payment the list shows under this filter. */
  'bulk.preflight': {
    request: z
      .strictObject({
        action: z.enum(BULK_ACTIONS),
        paymentIds: ids.optional(),
        query: orderQuerySchema.optional(),
      })
      .refine((r) => (r.paymentIds === undefined) !== (r.query === undefined), {
        message: 'Give either the selected payment ids or the list filter.',
      }),
    response: phantom<BulkPreflight>(),
  },
  /** Starts the batch of a preflight's eligible rows; progress follows as `bulk.progress`. */
  'bulk.start': {
    request: z.strictObject({ preflightId: z.string().min(1).max(100) }),
    response: phantom<BulkStatus>(),
  },
  /** Resolves once the operations in flight have finished; the rest stay untouched. */
  'bulk.stop': { request: z.strictObject({ batchId }), response: phantom<BulkStatus>() },
  /** One batch, or (no id) the one running now or else the latest; null when there is none. */
  'bulk.status': {
    request: z.strictObject({ batchId: batchId.optional() }),
    response: phantom<BulkStatus | null>(),
  },
  'bulk.retryFailed': { request: z.strictObject({ batchId }), response: phantom<BulkRerun>() },
  /** Batches the app was running when it ended; their in-flight payments are reconciled first. */
  'bulk.interrupted': { request: z.strictObject({}), response: phantom<InterruptedBatch[]>() },
  /** Runs the rest of an interrupted or stopped batch, after a fresh preflight. */
  'bulk.resume': { request: z.strictObject({ batchId }), response: phantom<BulkRerun>() },
  /** Leaves an interrupted or stopped batch as it is; it is no longer offered for resuming. */
  'bulk.dismiss': { request: z.strictObject({ batchId }), response: phantom<BulkStatus>() },
  'bulk.exportCsv': {
    request: z.strictObject({ batchId }),
    response: phantom<{ fileName: string; text: string; rows: number }>(),
  },
} satisfies ChannelMap;
