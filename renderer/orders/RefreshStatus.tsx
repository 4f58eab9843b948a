import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatRecent } from '../i18n/dates';
import { useNow } from '../store/clockStore';
import { useOrders } from './ordersStore';

/** "Refreshing…" while the core reads RetailCRM, else when the list was last brought up to date. */
export function RefreshStatus() {
  const { t } = useTranslation();
  const refreshing = useOrders((s) => s.refreshing);
  const refreshedAt = useOrders((s) => s.refreshedAt);
  const now = useNow();
  const when = refreshedAt && formatRecent(refreshedAt, now, currentLanguage());
  return (
    <span className="orders-refresh-status" role="status" data-testid="orders-refresh-status">
      {refreshing ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {t('orders.refresh.refreshing')}
        </>
      ) : when ? (
        t('orders.refresh.updatedAt', { time: when })
      ) : (
        t('orders.refresh.never')
      )}
    </span>
  );
}
