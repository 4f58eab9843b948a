/**
 * The lines of the operation journal. One JSON object per line, append-only: an `intent` is
 * written and flushed before UAPAY is called, `step`s mark what was confirmed on the way, and a
 * `result` closes the operation. An intent without a result is an operation that may or may not
 * have happened: it keeps its payment locked until reconciliation with UAPAY closes it.
 */
import { z } from 'zod';
import { OPERATION_KINDS } from '../../shared/operationKinds';

const actor = z.object({ osUser: z.string(), managerName: z.string().optional() });
export type Actor = z.infer<typeof actor>;

export const intentRecord = z.object({
  t: z.literal('intent'),
  opId: z.string(),
  at: z.string(),
  kind: z.enum(OPERATION_KINDS),
  actor,
  /** RetailCRM ids: the payment is what an operation locks. */
  orderId: z.number().int(),
  orderNumber: z.string().optional(),
  crmPaymentId: z.number().int(),
  merchantId: z.string().optional(),
  invoiceId: z.string().optional(),
  uapayPaymentId: z.string().optional(),
  /** Kopiyky. */
  amount: z.number().int().optional(),
  before: z.string().optional(),
  batchId: z.string().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});

export const stepRecord = z.object({
  t: z.literal('step'),
  opId: z.string(),
  at: z.string(),
  step: z.string(),
  detail: z.record(z.string(), z.unknown()).optional(),
});

const OUTCOMES = ['succeeded', 'failed', 'reconciled'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const resultRecord = z.object({
  t: z.literal('result'),
  opId: z.string(),
  at: z.string(),
  /** `reconciled`: closed after a restart from what UAPAY said, not by the operation itself. */
  outcome: z.enum(OUTCOMES),
  after: z.string().optional(),
  /** Kopiyky actually moved, when it differs from the intent (a partial capture refused, …). */
  amount: z.number().int().optional(),
  /** Kopiyky the payment keeps afterwards (what remains paid after a refund). */
  remaining: z.number().int().optional(),
  error: z.object({ kind: z.string(), code: z.string().optional(), message: z.string() }).optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});

export const journalRecord = z.discriminatedUnion('t', [intentRecord, stepRecord, resultRecord]);

export type IntentRecord = z.infer<typeof intentRecord>;
export type StepRecord = z.infer<typeof stepRecord>;
export type ResultRecord = z.infer<typeof resultRecord>;
export type JournalRecord = z.infer<typeof journalRecord>;

/** One operation as read back: its intent, the steps so far and, once closed, its result. */
export interface Operation {
  intent: IntentRecord;
  steps: StepRecord[];
  result?: ResultRecord;
}
