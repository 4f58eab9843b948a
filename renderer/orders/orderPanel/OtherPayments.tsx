import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../electron/shared/channels/orders';
import { Money } from '../../components/Money';

/**
 * The order's other payments (cash, another card payment…), so the manager sees the whole order;
 * without `paymentId` (an order opened by itself), those not of UAPAY.
 */
export function OtherPayments({ detail, paymentId }: { detail: OrderDetail; paymentId?: number }) {
  const { t } = useTranslation();
  const others = detail.payments.filter((payment) =>
    paymentId === undefined ? !payment.linked : payment.id !== paymentId,
  );
  if (others.length === 0) return null;
  return (
    <section className="order-panel-section" aria-labelledby="panel-other-title">
      <h3 id="panel-other-title">{t('panel.otherPayments')}</h3>
      <ul className="stack-list other-payments">
        {others.map((payment) => (
          <li key={payment.id}>
            <span>{payment.type ?? '—'}</span>
            <span className="muted">{payment.status ?? ''}</span>
            <Money amount={payment.amount} currency={detail.currency} />
          </li>
        ))}
      </ul>
    </section>
  );
}
