/**
 * The payment operations, as the renderer sees them (DESIGN.md steps 5–6): links, letters and the
 * money operations (each defined in electron/core/payments/<operation>.ts). Amounts are integer
 * kopiyky; every operation names its payment by the RetailCRM payment id of its row. What they
 * journaled is read through channels/journal.ts.
 */
import { z } from 'zod';
import type { LifecycleState } from '../lifecycle';
import { kopiykySchema, type Kopiyky } from '../money';
import { LANGUAGES, type Language } from '../settings';
import { phantom, type ChannelMap } from './spec';

export const paymentIdSchema = z
  .number('The payment id must be a number.')
  .int()
  .positive()
  .max(Number.MAX_SAFE_INTEGER);
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

export const paymentsChannels = {
  'payments.add': {
    request: z.strictObject({
      orderId: z.number('The order id must be a number.').int().positive(),
      merchantId: z.string().max(100).optional(),
      amount: positiveAmount.optional(),
    }),
    response: phantom<{ paymentId: number; merchantId: string; amount: Kopiyky }>(),
  },
  'payments.createLink': {
    request: z.strictObject({ paymentId: paymentIdSchema }),
    response: phantom<LinkResult>(),
  },
  'payments.previewLetter': {
    request: z.strictObject({ paymentId: paymentIdSchema, language: letterLanguage.optional() }),
    response: phantom<LetterPreview>(),
  },
  'payments.sendLink': {
    request: z.strictObject({
      paymentId: paymentIdSchema,
      to: z.string('The address must be text.').max(320),
      language: letterLanguage.optional(),
    }),
    response: phantom<{ messageId: string }>(),
  },
  'payments.confirm': {
    request: z.strictObject({ paymentId: paymentIdSchema, amount: positiveAmount.optional() }),
    response: phantom<OperationOutcome>(),
  },
  'payments.cancel': {
    request: z.strictObject({ paymentId: paymentIdSchema }),
    response: phantom<OperationOutcome>(),
  },
  'payments.refund': {
    request: z.strictObject({ paymentId: paymentIdSchema, amount: positiveAmount.optional() }),
    response: phantom<OperationOutcome>(),
  },
  /**
   * A manager's word on an operation that needs attention, after checking the UAPAY cabinet:
   * `happened` true writes its result, false releases the payment as it was. Journaled with who.
   */
  'payments.resolve': {
    request: z.strictObject({
      paymentId: paymentIdSchema,
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
    request: z.strictObject({
      paymentId: paymentIdSchema,
      invoiceId: z.string().uuid('The invoice id is not valid.'),
    }),
    response: phantom<OperationOutcome>(),
  },
  /** Asks UAPAY now (all watched payments, or these). */
  'payments.sync': {
    request: z.strictObject({ paymentIds: z.array(paymentIdSchema).max(10_000).optional() }),
    response: phantom<SyncSummary>(),
  },
} satisfies ChannelMap;
