/**
 * The money path and the journal, as the renderer sees them (DESIGN.md steps 5–6). Amounts are
 * integer kopiyky; every operation names its payment by the RetailCRM payment id of its row.
 */
import { z } from 'zod';
import type { LifecycleState } from '../lifecycle';
import { kopiykySchema, type Kopiyky } from '../money';
import type { DeskError } from '../errors';
import { LANGUAGES, type Language } from '../settings';
import { phantom, type ChannelMap } from './spec';

const paymentId = z.number('The payment id must be a number.').int().positive().max(Number.MAX_SAFE_INTEGER);
/** The customer's letter: uk, ru or en (the manager chooses; see LetterPreview.language). */
const letterLanguage = z.enum(LANGUAGES, 'The letter language must be uk, ru or en.');
const positiveAmount = kopiykySchema.refine((value) => value > 0, 'The amount must be more than zero.');

export interface OperationOutcome {
  opId: string;
  /**
   * `crm_pending`: UAPAY did it; RetailCRM did not answer yet and is retried in the background.
   * `needs_attention`: UAPAY gave no signed answer and its state cannot tell whether the call
   * happened; the payment stays locked until a manager who checked the UAPAY cabinet says
   * (`payments.resolve`), or UAPAY's state shows it.
   */
  outcome: 'succeeded' | 'reconciled' | 'crm_pending' | 'needs_attention';
  state: LifecycleState;
  /** The operation's own amount: captured, released or refunded. */
  amount?: Kopiyky;
  /** A refund: what the payment keeps afterwards. */
  remaining?: Kopiyky;
}

export interface LinkResult {
  opId?: string;
  invoiceId: string;
  link: string;
  /** False: the payment already had a live link, which is returned instead of a new one. */
  created: boolean;
  outcome: 'succeeded' | 'crm_pending';
  /** The link as a QR code (PNG data URL) for the panel. */
  qr: string;
}

export interface LetterPreview {
  to: string[];
  /** The letter's language: the one asked for, else the store's (when RetailCRM says), else the UI's. */
  language: Language;
  subject: string;
  html: string;
  text: string;
}

export interface SyncSummary {
  checked: number;
  changed: number;
  failedMerchants: string[];
}

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
  paymentId: paymentId.optional(),
  kinds: z.array(z.string().max(40)).max(20).optional(),
  /** ISO dates, inclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  search: z.string().max(200).optional(),
  limit: z.number().int().positive().max(100_000).optional(),
});
export type JournalFilter = z.output<typeof journalFilterSchema>;

export const paymentsChannels = {
  'payments.add': {
    request: z.strictObject({
      orderId: z.number('The order id must be a number.').int().positive(),
      merchantId: z.string().max(100).optional(),
      amount: positiveAmount.optional(),
    }),
    response: phantom<{ paymentId: number; merchantId: string; amount: Kopiyky }>(),
  },
  'payments.createLink': { request: z.strictObject({ paymentId }), response: phantom<LinkResult>() },
  'payments.previewLetter': {
    request: z.strictObject({ paymentId, language: letterLanguage.optional() }),
    response: phantom<LetterPreview>(),
  },
  'payments.sendLink': {
    request: z.strictObject({
      paymentId,
      to: z.string('The address must be text.').max(320),
      language: letterLanguage.optional(),
    }),
    response: phantom<{ messageId: string }>(),
  },
  'payments.confirm': {
    request: z.strictObject({ paymentId, amount: positiveAmount.optional() }),
    response: phantom<OperationOutcome>(),
  },
  'payments.cancel': { request: z.strictObject({ paymentId }), response: phantom<OperationOutcome>() },
  'payments.refund': {
    request: z.strictObject({ paymentId, amount: positiveAmount.optional() }),
    response: phantom<OperationOutcome>(),
  },
  /**
   * A manager's word on an operation that needs attention, after checking the UAPAY cabinet:
   * `happened` true writes its result, false releases the payment as it was. Journaled with who.
   */
  'payments.resolve': {
    request: z.strictObject({
      paymentId,
      opId: z.string().uuid('The operation id is not valid.'),
      happened: z.boolean('Say whether it happened.'),
    }),
    response: phantom<OperationOutcome>(),
  },
  /**
   * Gives back money that arrived on an extra invoice of the payment (two of its links paid):
   * refunds it, or cancels it while it is a hold. The payment itself is left as it is.
   */
  'payments.giveBackExtra': {
    request: z.strictObject({ paymentId, invoiceId: z.string().uuid('The invoice id is not valid.') }),
    response: phantom<OperationOutcome>(),
  },
  /** Asks UAPAY now (all watched payments, or these). */
  'payments.sync': {
    request: z.strictObject({ paymentIds: z.array(paymentId).max(10_000).optional() }),
    response: phantom<SyncSummary>(),
  },
  'mail.sendTest': {
    request: z.strictObject({ to: z.string('The address must be text.').max(320) }),
    response: phantom<{ messageId: string }>(),
  },
  'journal.list': { request: journalFilterSchema, response: phantom<JournalEntry[]>() },
  'journal.exportCsv': {
    request: journalFilterSchema,
    response: phantom<{ fileName: string; text: string; rows: number }>(),
  },
} satisfies ChannelMap;
