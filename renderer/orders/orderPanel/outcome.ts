import type { TFunction } from 'i18next';
import type { OperationOutcome } from '../../../electron/shared/channels/payments';
import type { Kopiyky } from '../../../electron/shared/money';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../../i18n/money';
import { notify } from '../../store/noticesStore';

export type MoneyOperation = 'confirm' | 'cancel' | 'refund';

/** The operation's own sum (the core reports it; the dialog's request is the fallback) and, after a refund, what stays paid. */
function outcomeFigures(
  result: OperationOutcome,
  requested: Kopiyky,
): { amount: Kopiyky; remaining?: Kopiyky } {
  return {
    amount: result.amount ?? requested,
    ...(result.remaining !== undefined && { remaining: result.remaining }),
  };
}

/**
 * Says how a money operation ended. Done: a success toast with the operation's own sum (and, after
 * a partial refund, what stays paid). UAPAY did it but RetailCRM is still being written
 * (crm_pending), or an operation UAPAY did not clearly answer (needs_attention): a warning in
 * plain words that stays until read, because the manager must not repeat the operation.
 */
export function notifyOutcome(operation: MoneyOperation, result: OperationOutcome, requested: Kopiyky): void {
  const language = currentLanguage();
  const figures = outcomeFigures(result, requested);
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
    case 'needs_attention':
      notify('warning', (t) => t('actions.outcome.needsAttention', { amount }));
      return;
  }
}
