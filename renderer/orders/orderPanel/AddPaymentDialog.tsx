import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../electron/shared/channels/orders';
import type { PaymentTypesView } from '../../../electron/shared/channels/setup';
import { kopiyky, stillOwed } from '../../../electron/shared/money';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Select } from '../../components/Select';
import { Skeleton } from '../../components/Skeleton';
import { call } from '../../desk';
import { useDeskFeed } from '../../deskHooks';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../../i18n/money';
import { notify } from '../../store/noticesStore';
import { AmountField } from './AmountField';
import { useOrderPanel } from './orderPanelStore';
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
  /** The order as RetailCRM has it now. */
  order: OrderDetail;
  onClose(): void;
}

/**
 * "Add UAPAY payment" to an order that has none of our payment types: for the unpaid remainder
 * (its total less what was paid) by default, with the merchant that fits the order's site (chosen
 * here when several do). The panel then opens the new payment.
 */
export function AddPaymentDialog({ order, onClose }: AddPaymentDialogProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const openPayment = useOrderPanel((s) => s.open);
  const { orderId, orderNumber, site } = order;
  const types = useDeskFeed(() => call('setup.paymentTypes.list', {}), []);
  const merchants = types.data && merchantsFor(types.data, site);
  const loadError = types.error;
  // The first that fits, until the manager picks another.
  const [picked, setMerchantId] = useState<string>();
  const merchantId = picked ?? merchants?.[0]?.id ?? '';
  const [text, setText] = useState(() => amountToText(stillOwed(order.totalSumm, order.prepaySum), language));
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
        openPayment(added.paymentId);
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
