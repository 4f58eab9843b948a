import { useTranslation } from 'react-i18next';
import { isPaymentCurrency } from '../../../electron/shared/currency';
import { Callout } from '../../components/Callout';

/** An order not in hryvnias: why no link or money operation is offered (the core refuses them too). */
export function CurrencyNote({ currency }: { currency: string | undefined }) {
  const { t } = useTranslation();
  if (isPaymentCurrency(currency)) return null;
  return (
    <Callout tone="warning" title={t('panel.currencyTitle', { currency })}>
      <p data-testid="currency-note">{t('panel.currencyText', { currency })}</p>
    </Callout>
  );
}
