/**
 * The steps an operation records in the journal between its intent and its result, named once:
 * the core writes them, the journal view and the Activity screen read them.
 */
export const JOURNAL_STEPS = {
  /** This desktop's claim on the RetailCRM payment was confirmed (payments/lease.ts). */
  leased: 'leased',
  /** The decision (what to send, the amounts) is on disk: the UAPAY call may go now. */
  uapaySent: 'uapay-sent',
  /** UAPAY did it: its signed reply, its state after an unclear one, or a manager's word. */
  uapayConfirmed: 'uapay-confirmed',
  /** UAPAY did it; RetailCRM did not take the result yet (retried in the background). */
  crmPending: 'crm-pending',
  /** UAPAY's state cannot tell whether the call happened: a person must say. */
  needsAttention: 'needs-attention',
  /** A manager said whether it happened, after checking the UAPAY cabinet. */
  resolved: 'resolved',
} as const;

export type JournalStep = (typeof JOURNAL_STEPS)[keyof typeof JOURNAL_STEPS];
