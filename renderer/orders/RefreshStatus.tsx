import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { useMinuteClock } from '../store/clockStore';
import { formatDateTime, formatTime } from './format';
import { useOrders } from './ordersStore';

/** "Refreshing…" while the core reads RetailCRM, else when the list was last brought up to date. */
export function RefreshStatus() {
  const { t } = useTranslation();
  const refreshing = useOrders((s) => s.refreshing);
  const refreshedAt = useOrders((s) => s.refreshedAt);
  const now = useMinuteClock((s) => s.now);
  const language = currentLanguage();
  const when =
    refreshedAt &&
    (new Date(refreshedAt).toDateString() === now.toDateString()
      ? formatTime(refreshedAt, language)
      : formatDateTime(refreshedAt, language));
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
