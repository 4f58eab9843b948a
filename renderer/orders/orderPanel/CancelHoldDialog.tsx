import { useTranslation } from 'react-i18next';
import type { Kopiyky } from '../../../electron/shared/money';
import { call } from '../../desk';
import { MoneyDialog } from './MoneyDialog';
import { notifyOutcome } from './outcome';

/** Cancel a hold: the whole held amount goes back to the customer's card ("Rejected by manager"). */
export function CancelHoldDialog({
  paymentId,
  held,
  onDone,
  onClose,
}: {
  paymentId: number;
  held: Kopiyky;
  onDone(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <MoneyDialog
      title={t('actions.cancelTitle')}
      description={t('actions.cancelText')}
      amount={held}
      amountLabel={t('actions.cancelAmountLabel')}
      confirmLabel={t('actions.cancelButton')}
      danger
      run={() => call('payments.cancel', { paymentId })}
      onDone={(result) => {
        notifyOutcome('cancel', result, held);
        onDone();
      }}
      onFailed={onDone}
      onClose={onClose}
    />
  );
}
