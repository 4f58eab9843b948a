import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentTypesView } from '../../../electron/shared/channels/setup';
import { kopiyky, type Kopiyky } from '../../../electron/shared/money';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Select } from '../../components/Select';
import { Skeleton } from '../../components/Skeleton';
import { call } from '../../desk';
import { useDeskFeed } from '../../deskHooks';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../../i18n/money';
import { notify } from '../../store/noticesStore';
import { AmountField } from './AmountField';
import { amountToText, checkAmount } from './amountText';
import { MoneyDialog } from './MoneyDialog';

/** The merchants whose payment type RetailCRM offers on the order's site (as payments.add checks). */
function merchantsFor(view: PaymentTypesView, site: string): { id: string; name: string }[] {
  return view.merchants.flatMap((merchant) => {
    const type = view.types.find((candidate) => candidate.code === merchant.paymentTypeCode);
    const fits = type && type.active && (type.sites.length === 0 || type.sites.includes(site));
    return fits ? [{ id: merchant.merchantId, name: merchant.name }] : [];
  });
}

export interface AddPaymentDialogProps {
  orderId: number;
  orderNumber: string;
  site: string;
  /** What is left to pay on the order (its total less what was paid). */
  remainder: Kopiyky;
  /** With the new payment's id: the panel opens it. */
  onAdded(paymentId: number): void;
  onClose(): void;
}

/**
 * "Add UAPAY payment" to an order that has none of our payment types: for the unpaid remainder by
 * default, with the merchant that fits the order's site (chosen here when several do).
 */
export function AddPaymentDialog({
  orderId,
  orderNumber,
  site,
  remainder,
  onAdded,
  onClose,
}: AddPaymentDialogProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const types = useDeskFeed(() => call('setup.paymentTypes.list', {}), []);
  const merchants = types.data && merchantsFor(types.data, site);
  const loadError = types.error;
  // The first that fits, until the manager picks another.
  const [picked, setMerchantId] = useState<string>();
  const merchantId = picked ?? merchants?.[0]?.id ?? '';
  const [text, setText] = useState(() => amountToText(remainder, language));
  const { amount, problem } = checkAmount(text, kopiyky(Number.MAX_SAFE_INTEGER));

  const ready = merchants !== undefined && merchants.length > 0;
  return (
    <MoneyDialog
      title={t('actions.addTitle', { number: orderNumber })}
      description={t('actions.addText')}
      amount={ready ? amount : undefined}
      amountLabel={t('actions.addAmountLabel')}
      confirmLabel={
        amount === undefined
          ? t('actions.add')
          : t('actions.addButton', { amount: formatMoney(amount, language) })
      }
      run={() => call('payments.add', { orderId, amount, ...(merchantId && { merchantId }) })}
      onDone={(added) => {
        notify('success', (tr) => tr('actions.done.add', { number: orderNumber }));
        onAdded(added.paymentId);
      }}
      onClose={onClose}
    >
      {loadError && <ErrorMessage error={loadError} />}
      {!merchants && !loadError && <Skeleton shape="field" />}
      {merchants?.length === 0 && <p className="field-error">{t('actions.addNoMerchant', { site })}</p>}
      {merchants && merchants.length > 1 && (
        <Select
          label={t('actions.addMerchant')}
          value={merchantId}
          options={merchants.map((merchant) => ({ value: merchant.id, label: merchant.name }))}
          onChange={setMerchantId}
        />
      )}
      {merchants?.length === 1 && (
        <p>
          <span className="muted">{t('actions.addMerchant')}:</span> {merchants[0]?.name}
        </p>
      )}
      <AmountField
        label={t('actions.addAmount')}
        value={text}
        onChange={setText}
        problem={problem}
        max={kopiyky(Number.MAX_SAFE_INTEGER)}
      />
    </MoneyDialog>
  );
}
