import type { OperationOutcome } from '../../../electron/shared/channels/payments';
import type { Kopiyky } from '../../../electron/shared/money';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../../i18n/money';
import { notify } from '../../store/notices';

export type MoneyOperation = 'confirm' | 'cancel' | 'refund';

/**
 * Says how a money operation ended. Done: a success toast. UAPAY did it but RetailCRM is still
 * being written (crm_pending), or an operation UAPAY did not clearly answer (needs_attention): a warning
 * in plain words that stays until read, because the manager must not repeat the operation.
 */
export function notifyOutcome(operation: MoneyOperation, result: OperationOutcome, fallback: Kopiyky): void {
  const amount = formatMoney(result.amount ?? fallback, currentLanguage());
  switch (result.outcome) {
    case 'succeeded':
    case 'reconciled':
      notify('success', (t) => t(`actions.done.${operation}`, { amount }));
      return;
    case 'crm_pending':
      notify('warning', (t) =>
        t('actions.outcome.crmPending', { done: t(`actions.done.${operation}`, { amount }) }),
      );
      return;
    case 'needs_attention':
      notify('warning', (t) => t('actions.outcome.needsAttention', { amount }));
      return;
  }
}
