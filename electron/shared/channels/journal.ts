/**
 * The operation journal as the renderer reads it: the Activity screen, an order's timeline and the
 * CSV export. The core writes it (electron/core/journal/); every operation is one entry.
 */
import { z } from 'zod';
import type { DeskError } from '../errors';
import type { Kopiyky } from '../money';
import { paymentIdSchema } from './payments';
import { phantom, type ChannelMap } from './spec';

/** The facts a manager needs to decide whether an unclear operation happened. */
export interface AttentionFacts {
  /** When it was seen to be unclear. */
  at: string;
  /** The amount the operation was to move. */
  amount?: Kopiyky;
  /** What UAPAY showed of the payment afterwards (its own words), when it answered. */
  uapay?: { status?: string; paymentStatus?: string; amount?: Kopiyky; reversedAt?: string };
  /** Why the answer was unclear (a timeout, a reply without a signature…). */
  error?: DeskError;
}

/** One operation of the journal, as the Activity view and the order's timeline show it. */
export interface JournalEntry {
  opId: string;
  kind: string;
  at: string;
  osUser: string;
  managerName?: string;
  orderId: number;
  orderNumber?: string;
  /** RetailCRM payment id (absent for "add payment", which had none yet). */
  paymentId?: number;
  /** The operation's own sum (captured, released, refunded; a link's or a letter's amount). */
  amount?: Kopiyky;
  /** What the payment keeps after a money operation (a partial refund: what is still paid). */
  remaining?: Kopiyky;
  before?: string;
  after?: string;
  outcome: 'succeeded' | 'failed' | 'reconciled' | 'in_progress' | 'crm_pending' | 'needs_attention';
  error?: { kind: string; code?: string; message: string };
  finishedAt?: string;
  batchId?: string;
  /** What the operation recorded on the way (e.g. uapay-sent, uapay-confirmed, crm-pending). */
  steps: { step: string; at: string }[];
  /** Set while the operation needs a person: what was sent, and what UAPAY showed afterwards. */
  attention?: AttentionFacts;
  detail?: Record<string, unknown>;
}

export const journalFilterSchema = z.strictObject({
  orderId: z.number().int().positive().optional(),
  paymentId: paymentIdSchema.optional(),
  kinds: z.array(z.string().max(40)).max(20).optional(),
  /** ISO dates, inclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  search: z.string().max(200).optional(),
  limit: z.number().int().positive().max(100_000).optional(),
});
export type JournalFilter = z.output<typeof journalFilterSchema>;

export const journalChannels = {
  'journal.list': { request: journalFilterSchema, response: phantom<JournalEntry[]>() },
  'journal.exportCsv': {
    request: journalFilterSchema,
    response: phantom<{ fileName: string; text: string; rows: number }>(),
  },
} satisfies ChannelMap;
