import type { TFunction } from 'i18next';
import type { OrderRow } from '../../electron/shared/orders';
import type { Language } from '../i18n';
import { formatDateTime } from '../i18n/dates';

/** The journal's operation kinds (electron/core/journal/records.ts) that have words. */
const KINDS = [
  'payment.add',
  'payment.confirm',
  'payment.cancel',
  'payment.refund',
  'link.create',
  'link.email',
  'status.sync',
] as const;
type Kind = (typeof KINDS)[number];
const isKind = (kind: string): kind is Kind => (KINDS as readonly string[]).includes(kind);

/** What the last operation was, in words. */
export function operationWhat(kind: string, t: TFunction): string {
  return isKind(kind) ? t(`orders.operations.${kind}`) : t('orders.operations.other');
}

/**
 * The last operation on the payment: what, how it ended, when. A plain function of the column
 * (no hooks): hundreds of these mount while the list scrolls.
 */
export function lastOperationCell(operation: OrderRow['lastOperation'], t: TFunction, language: Language) {
  if (!operation) return <span className="orders-none">—</span>;
  const what = operationWhat(operation.kind, t);
  const when = formatDateTime(operation.at, 'short', language);
  return (
    <span className={`orders-operation orders-outcome-${operation.outcome}`} title={`${what} · ${when}`}>
      <span className="orders-operation-what">
        {what} · {t(`orders.outcomes.${operation.outcome}`)}
      </span>
      <span className="orders-operation-when">{when}</span>
    </span>
  );
}
