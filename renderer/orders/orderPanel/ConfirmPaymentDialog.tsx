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
  /** The payment's own amount (what its link asked for): one of several on a split order. */
  paymentAmount: Kopiyky;
  /** The order's total as RetailCRM has it now (the order may have changed since the hold). */
  orderTotal: Kopiyky;
  /** What the order still owes: its total less what RetailCRM counts as paid. */
  owed: Kopiyky;
  onDone(): void;
  onClose(): void;
}

/**
 * Confirm (capture) a held payment: the amount starts at the payment's own amount, never above
 * what the card holds or what the order still owes (an order paid in parts, or made smaller since
 * the hold); the rest of the hold goes back to the customer. Each limit that applies is said in words.
 */
export function ConfirmPaymentDialog({
  paymentId,
  held,
  paymentAmount,
  orderTotal,
  owed,
  onDone,
  onClose,
}: ConfirmPaymentDialogProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const proposed = kopiyky(Math.min(held, paymentAmount, owed));
  const [text, setText] = useState(() => amountToText(proposed, language));
  const { amount, problem } = checkAmount(text, held);
  const released = amount === undefined ? undefined : kopiyky(held - amount);
  const money = (value: Kopiyky) => formatMoney(value, language);
  const split = paymentAmount !== orderTotal;
  return (
    <MoneyDialog
      title={t('actions.confirmTitle')}
      description={t('actions.confirmText')}
      amount={amount}
      amountLabel={t('actions.confirmAmountLabel')}
      confirmLabel={
        amount === undefined ? t('actions.confirm') : t('actions.confirmButton', { amount: money(amount) })
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
          <dt>{t('actions.paymentAmount')}</dt>
          <dd data-testid="payment-amount">
            <Money amount={paymentAmount} />
          </dd>
        </div>
        <div>
          <dt>{t('panel.orderTotal')}</dt>
          <dd>
            <Money amount={orderTotal} />
          </dd>
        </div>
        <div>
          <dt>{t('actions.owed')}</dt>
          <dd data-testid="owed">
            <Money amount={owed} />
          </dd>
        </div>
        <div>
          <dt>{t('actions.released')}</dt>
          <dd data-testid="released">{released === undefined ? '—' : <Money amount={released} />}</dd>
        </div>
      </dl>
      <p className="muted" data-testid="confirm-words">
        {split
          ? t('actions.confirmPart', {
              amount: money(paymentAmount),
              total: money(orderTotal),
              owed: money(owed),
            })
          : t('actions.confirmWhole', { amount: money(paymentAmount) })}
      </p>
      {held !== paymentAmount && (
        <Callout tone="warning">
          <p>{t('actions.heldNotPayment', { held: money(held), amount: money(paymentAmount) })}</p>
        </Callout>
      )}
      {owed < Math.min(held, paymentAmount) && (
        <Callout tone="warning">
          <p data-testid="owed-below">{t('actions.owedBelow', { owed: money(owed) })}</p>
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
