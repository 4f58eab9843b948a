import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Kopiyky } from '../../../electron/shared/money';
import { Money } from '../../components/Money';
import { call } from '../../desk';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../../i18n/money';
import { AmountField } from './AmountField';
import { amountToText, checkAmount } from './amountText';
import { ChoiceGroup } from './ChoiceGroup';
import { MoneyDialog } from './MoneyDialog';
import { notifyOutcome } from './outcome';

/** Refund all that remains, or part of it; never more than remains (what the shop still keeps). */
export function RefundDialog({
  paymentId,
  refundable,
  captured,
  onDone,
  onClose,
}: {
  paymentId: number;
  refundable: Kopiyky;
  captured?: Kopiyky;
  onDone(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [partial, setPartial] = useState(false);
  const [text, setText] = useState(() => amountToText(refundable, language));
  const checked = checkAmount(text, refundable);
  const amount = partial ? checked.amount : refundable;
  return (
    <MoneyDialog
      title={t('actions.refundTitle')}
      description={t('actions.refundText')}
      amount={amount}
      amountLabel={t('actions.refundAmountLabel')}
      confirmLabel={
        amount === undefined
          ? t('actions.refund')
          : t('actions.refundButton', { amount: formatMoney(amount, language) })
      }
      danger
      run={() => call('payments.refund', { paymentId, amount })}
      onDone={(result) => {
        notifyOutcome('refund', result, amount ?? refundable);
        onDone();
      }}
      onFailed={onDone}
      onClose={onClose}
    >
      <dl className="money-facts">
        {captured !== undefined && (
          <div>
            <dt>{t('panel.captured')}</dt>
            <dd>
              <Money amount={captured} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('panel.refundable')}</dt>
          <dd>
            <Money amount={refundable} />
          </dd>
        </div>
      </dl>
      <ChoiceGroup
        legend={t('actions.refundHowMuch')}
        name="refund-kind"
        choices={[
          { value: 'full', label: t('actions.refundFull', { amount: formatMoney(refundable, language) }) },
          { value: 'partial', label: t('actions.refundPartial') },
        ]}
        value={partial ? 'partial' : 'full'}
        onChange={(kind) => setPartial(kind === 'partial')}
      />
      {partial && (
        <AmountField
          label={t('actions.refundAmount')}
          value={text}
          onChange={setText}
          problem={checked.problem}
          max={refundable}
        />
      )}
    </MoneyDialog>
  );
}
