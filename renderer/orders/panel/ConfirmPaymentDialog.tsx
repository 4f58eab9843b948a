import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kopiyky, type Kopiyky } from '../../../electron/shared/money';
import { Callout } from '../../components/Callout';
import { Money } from '../../components/Money';
import { call } from '../../desk';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../../i18n/money';
import { AmountField } from './AmountField';
import { amountToText, checkAmount } from './amountText';
import { MoneyDialog } from './MoneyDialog';
import { notifyOutcome } from './outcome';

export interface ConfirmPaymentDialogProps {
  paymentId: number;
  held: Kopiyky;
  /** The order's total as RetailCRM has it now (the order may have changed since the hold). */
  orderTotal: Kopiyky;
  onDone(): void;
  onClose(): void;
}

/**
 * Confirm (capture) a held payment: the amount starts at the order's current total, never above
 * what the card holds; the rest of the hold goes back to the customer.
 */
export function ConfirmPaymentDialog({
  paymentId,
  held,
  orderTotal,
  onDone,
  onClose,
}: ConfirmPaymentDialogProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [text, setText] = useState(() => amountToText(kopiyky(Math.min(orderTotal, held)), language));
  const { amount, problem } = checkAmount(text, held);
  const released = amount === undefined ? undefined : kopiyky(held - amount);
  return (
    <MoneyDialog
      title={t('actions.confirmTitle')}
      description={t('actions.confirmText')}
      amount={amount}
      amountLabel={t('actions.confirmAmountLabel')}
      confirmLabel={
        amount === undefined
          ? t('actions.confirm')
          : t('actions.confirmButton', { amount: formatMoney(amount, language) })
      }
      run={() => call('payments.confirm', { paymentId, amount })}
      onDone={(result) => {
        notifyOutcome('confirm', result, amount ?? held);
        onDone();
      }}
      onFailed={onDone}
      onClose={onClose}
    >
      <dl className="money-facts">
        <div>
          <dt>{t('panel.held')}</dt>
          <dd>
            <Money amount={held} />
          </dd>
        </div>
        <div>
          <dt>{t('panel.orderTotal')}</dt>
          <dd>
            <Money amount={orderTotal} />
          </dd>
        </div>
        <div>
          <dt>{t('actions.released')}</dt>
          <dd data-testid="released">{released === undefined ? '—' : <Money amount={released} />}</dd>
        </div>
      </dl>
      {orderTotal > held && (
        <Callout tone="warning">
          <p>
            {t('actions.totalAboveHold', {
              total: formatMoney(orderTotal, language),
              held: formatMoney(held, language),
            })}
          </p>
        </Callout>
      )}
      <AmountField
        label={t('actions.confirmAmount')}
        value={text}
        onChange={setText}
        problem={problem}
        max={held}
        hint={t('actions.confirmHint')}
      />
    </MoneyDialog>
  );
}
