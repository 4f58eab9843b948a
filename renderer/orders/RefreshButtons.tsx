import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { useOrders } from './ordersStore';
import { RefreshMenu } from './RefreshMenu';

/** "Refresh" (what changed since the last time) and, in its menu, the full reload. */
export function RefreshButtons() {
  const { t } = useTranslation();
  const refreshing = useOrders((s) => s.refreshing);
  const refresh = useOrders((s) => s.refresh);
  return (
    <div className="orders-refresh">
      <Button size="sm" icon="refresh" disabled={refreshing} onClick={() => void refresh()}>
        {t('orders.refresh.refresh')}
      </Button>
      <RefreshMenu onFullReload={() => void refresh(true)} disabled={refreshing} />
    </div>
  );
}
