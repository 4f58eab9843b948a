/**
 * The journal's operation kinds and outcomes as the UI words them. The kinds come from
 * electron/shared/operationKinds.ts, which the journal writes. An unknown kind is shown as its code.
 */
import type { TFunction } from 'i18next';
import type { JournalEntry } from '../../electron/shared/channels/journal';
import type { Kopiyky } from '../../electron/shared/money';
import { OPERATION_KINDS, type OperationKind } from '../../electron/shared/operationKinds';

/** i18next reads dots as nesting: "payment.add" is worded under "payment_add". */
type KindKey = {
  [K in OperationKind]: K extends `${infer A}.${infer B}` ? `${A}_${B}` : never;
}[OperationKind];

function isKind(kind: string): kind is OperationKind {
  return (OPERATION_KINDS as readonly string[]).includes(kind);
}

export function kindLabel(t: TFunction, kind: string): string {
  if (!isKind(kind)) return kind;
  return t(`activity.kinds.${kind.replace('.', '_') as KindKey}`);
}

export type Outcome = JournalEntry['outcome'];

export const OUTCOME_TONE: Record<Outcome, 'ok' | 'bad' | 'warn' | 'info'> = {
  succeeded: 'ok',
  reconciled: 'info',
  failed: 'bad',
  in_progress: 'warn',
  crm_pending: 'warn',
  needs_attention: 'warn',
};

/** The payment an entry is about: its own, or the one "add payment" created (its detail says). */
export function paymentOf(entry: JournalEntry): number | undefined {
  if (entry.paymentId !== undefined) return entry.paymentId;
  const added = entry.detail?.paymentId;
  return typeof added === 'number' && added > 0 ? added : undefined;
}

/**
 * The amount an operation concerned. An operation started without one (a cancel takes the whole
 * hold) has none in its entry; the RetailCRM amount it started from (its intent's `crmAmount`) is
 * that amount then.
 */
export function entryAmount(entry: JournalEntry): Kopiyky | undefined {
  if (entry.amount !== undefined) return entry.amount;
  const crmAmount = entry.detail?.crmAmount;
  return typeof crmAmount === 'number' && Number.isSafeInteger(crmAmount)
    ? (crmAmount as Kopiyky)
    : undefined;
}
