import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../components/DateField';
import type { OrderRow } from '../../electron/shared/orders';
import { useSettings } from '../store/settingsStore';
import { useOrders } from './ordersStore';
import { useOrdersQuery } from './queryStore';

const ALL = '';

/** The sites the rows are from; `version`: the index is patched in place. */
function sitesOf(rows: Iterable<OrderRow>, _version: number): string[] {
  const sites = new Set<string>();
  for (const row of rows) sites.add(row.site);
  return [...sites].sort();
}

/** Site, merchant and the order dates (inclusive days, in the desktop's time zone). */
export function OrdersFilters() {
  const { t } = useTranslation();
  const query = useOrdersQuery((s) => s.query);
  const { setSites, setMerchants, setDates } = useOrdersQuery.getState();
  const orders = useOrders((s) => s.index);
  const version = useOrders((s) => s.version);
  const merchants = useSettings((s) => s.view?.settings.merchants);
  const sites = useMemo(() => sitesOf(orders.rows(), version), [orders, version]);
  const linked = (merchants ?? []).filter((m) => m.paymentTypeCode);
  return (
    <div className="orders-filters">
      <div className="select orders-select">
        <select
          className="input"
          aria-label={t('orders.filters.site')}
          value={query.sites[0] ?? ALL}
          onChange={(event) => setSites(event.target.value === ALL ? [] : [event.target.value])}
        >
          <option value={ALL}>{t('orders.filters.allSites')}</option>
          {sites.map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
      </div>
      {linked.length > 0 && (
        <div className="select orders-select">
          <select
            className="input"
            aria-label={t('orders.filters.merchant')}
            value={query.merchantIds[0] ?? ALL}
            onChange={(event) => setMerchants(event.target.value === ALL ? [] : [event.target.value])}
          >
            <option value={ALL}>{t('orders.filters.allMerchants')}</option>
            {linked.map((merchant) => (
              <option key={merchant.id} value={merchant.id}>
                {merchant.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="orders-dates" role="group" aria-label={t('orders.columns.createdAt')}>
        <span aria-hidden="true">{t('orders.columns.createdAt')}</span>
        <DateField
          className="orders-date"
          label={t('orders.filters.dateFrom')}
          value={query.dateFrom}
          max={query.dateTo || undefined}
          onChange={(dateFrom) => setDates({ dateFrom })}
        />
        <span aria-hidden="true">–</span>
        <DateField
          className="orders-date"
          label={t('orders.filters.dateTo')}
          value={query.dateTo}
          min={query.dateFrom || undefined}
          onChange={(dateTo) => setDates({ dateTo })}
        />
      </div>
    </div>
  );
}
