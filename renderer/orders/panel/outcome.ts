import type { TFunction } from 'i18next';
import type { OperationOutcome } from '../../../electron/shared/channels/payments';
import type { Kopiyky } from '../../../electron/shared/money';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../../i18n/money';
import { notify } from '../../store/notices';

export type MoneyOperation = 'confirm' | 'cancel' | 'refund';

/**
 * The operation's own sum and what the payment keeps afterwards. A core that reports `remaining`
 * gives both; one that does not reported a refund's `amount` as what remained paid, and its own
 * sum is then what the dialog asked for (the core refunds exactly that or nothing).
 */
export function outcomeFigures(
  operation: MoneyOperation,
  result: OperationOutcome,
  requested: Kopiyky,
): { amount: Kopiyky; remaining?: Kopiyky } {
  if (result.remaining !== undefined)
    return { amount: result.amount ?? requested, remaining: result.remaining };
  if (operation === 'refund')
    return { amount: requested, ...(result.amount !== undefined && { remaining: result.amount }) };
  return { amount: result.amount ?? requested };
}

/**
 * Says how a money operation ended. Done: a success toast with the operation's own sum (and, after
 * a partial refund, what stays paid). UAPAY did it but RetailCRM is still being written
 * (crm_pending), or a refund UAPAY did not clearly answer (awaiting_uapay): a warning in plain
 * words that stays until read, because the manager must not repeat the operation.
 */
export function notifyOutcome(operation: MoneyOperation, result: OperationOutcome, requested: Kopiyky): void {
  const language = currentLanguage();
  const figures = outcomeFigures(operation, result, requested);
  const amount = formatMoney(figures.amount, language);
  const partial = operation === 'refund' && figures.remaining !== undefined && figures.remaining > 0;
  const remaining = figures.remaining === undefined ? '' : formatMoney(figures.remaining, language);
  const done = (t: TFunction) =>
    partial
      ? t('actions.done.refundPart', { amount, remaining })
      : t(`actions.done.${operation}`, { amount });
  switch (result.outcome) {
    case 'succeeded':
    case 'reconciled':
      notify('success', done);
      return;
    case 'crm_pending':
      notify('warning', (t) => t('actions.outcome.crmPending', { done: done(t) }));
      return;
    case 'awaiting_uapay':
      notify('warning', (t) => t('actions.outcome.awaitingUapay', { amount }));
      return;
  }
}
