import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../../electron/shared/orders';
import { Money } from '../../components/Money';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../i18n/dates';
import { useSettings } from '../../store/settingsStore';
import { HoldAssumption } from '../HoldAssumption';
import { HoldCountdown } from '../HoldCountdown';
import { useHoldEnd } from '../holdTime';
import { paymentAmounts } from './amounts';

/** The payment: its amounts (held, captured, refunded, refundable), the hold's countdown, UAPAY's ids. */
export function PaymentFacts({ row }: { row: OrderRow }) {
  const { t } = useTranslation();
  const merchants = useSettings((s) => s.view?.settings.merchants);
  const merchant = merchants?.find((m) => m.id === row.merchantId);
  const amounts = paymentAmounts(row);
  const holdEnd = useHoldEnd(row);
  const currency = row.currency;
  return (
    <section className="order-panel-section" aria-labelledby="panel-payment-title">
      <h3 id="panel-payment-title">{t('panel.paymentTitle')}</h3>
      <dl className="facts-grid" data-testid="payment-facts">
        {amounts.requested !== undefined && (
          <div>
            <dt>{t('panel.amount')}</dt>
            <dd>
              <Money amount={amounts.requested} currency={currency} />
            </dd>
          </div>
        )}
        {amounts.held !== undefined && (
          <div>
            <dt>{t('panel.held')}</dt>
            <dd>
              <Money amount={amounts.held} currency={currency} />
            </dd>
          </div>
        )}
        {holdEnd !== undefined && (
          <div className="facts-wide">
            <dt>{t('panel.holdExpires')}</dt>
            <dd className="hold-end">
              <HoldCountdown row={row} t={t} language={currentLanguage()} place="fact" />
              <HoldAssumption />
            </dd>
          </div>
        )}
        {amounts.captured !== undefined && (
          <div>
            <dt>{t('panel.captured')}</dt>
            <dd>
              <Money amount={amounts.captured} currency={currency} />
            </dd>
          </div>
        )}
        {amounts.refunded !== undefined && (
          <div>
            <dt>{t('panel.refunded')}</dt>
            <dd>
              <Money amount={amounts.refunded} currency={currency} />
            </dd>
          </div>
        )}
        {amounts.refundable !== undefined && (
          <div>
            <dt>{t('panel.refundable')}</dt>
            <dd>
              <Money amount={amounts.refundable} currency={currency} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('panel.merchant')}</dt>
          <dd>{merchant?.name ?? row.paymentType}</dd>
        </div>
        {row.paidAt && (
          <div>
            <dt>{t('panel.paidAt')}</dt>
            <dd>{formatDateTime(row.paidAt, 'medium')}</dd>
          </div>
        )}
        {row.invoiceId && (
          <div className="facts-wide">
            <dt>{t('panel.invoice')}</dt>
            <dd>
              <code>{row.invoiceId}</code>
            </dd>
          </div>
        )}
        {row.uapay?.checkedAt && (
          <div className="facts-wide">
            <dt>{t('panel.checkedAt')}</dt>
            <dd>{formatDateTime(row.uapay.checkedAt, 'medium')}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
