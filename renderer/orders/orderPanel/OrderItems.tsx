import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../electron/shared/channels/orders';
import { kopiyky } from '../../../electron/shared/money';
import { Money } from '../../components/Money';

/** The order's lines and totals as RetailCRM has them now. */
export function OrderItems({ detail }: { detail: OrderDetail }) {
  const { t } = useTranslation();
  return (
    <section className="order-panel-section" aria-labelledby="panel-items-title">
      <h3 id="panel-items-title">{t('panel.itemsTitle')}</h3>
      {detail.items.length === 0 ? (
        <p className="muted">{t('panel.noItems')}</p>
      ) : (
        <table className="items-table">
          <thead>
            <tr>
              <th scope="col">{t('panel.item')}</th>
              <th scope="col" className="num">
                {t('panel.quantity')}
              </th>
              <th scope="col" className="num">
                {t('panel.price')}
              </th>
              <th scope="col" className="num">
                {t('panel.lineTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.items.map((item, index) => {
              // RetailCRM's discountTotal is per unit; a weighed quantity may be fractional.
              const unit = item.price - (item.discount ?? 0);
              return (
                <tr key={`${index}-${item.name}`}>
                  <td>{item.name || '—'}</td>
                  <td className="num">{item.quantity}</td>
                  <td className="num">
                    <Money amount={kopiyky(unit)} currency={detail.currency} />
                  </td>
                  <td className="num">
                    <Money amount={kopiyky(Math.round(unit * item.quantity))} currency={detail.currency} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <dl className="totals">
        <div>
          <dt>{t('panel.orderTotal')}</dt>
          <dd>
            <Money amount={detail.totalSumm} currency={detail.currency} />
          </dd>
        </div>
        <div>
          <dt>{t('panel.prepaid')}</dt>
          <dd>
            <Money amount={detail.prepaySum} currency={detail.currency} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
