import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { useOrders } from './ordersStore';
import { useOrdersQuery } from './queryStore';
import { RefreshMenu } from './RefreshMenu';
import { useOrdersExport } from './useOrdersExport';

const FindOrderDialog = lazy(() => import('./FindOrderDialog').then((m) => ({ default: m.FindOrderDialog })));

/**
 * "Refresh" (what changed since the last time) and, in its menu, finding any order in RetailCRM,
 * the export of the list, and the full reload: in a menu, so the filters keep one line.
 */
export function RefreshButtons() {
  const { t } = useTranslation();
  const refreshing = useOrders((s) => s.refreshing);
  const refresh = useOrders((s) => s.refresh);
  const search = useOrdersQuery((s) => s.query.search);
  const exporting = useOrdersExport();
  const [finding, setFinding] = useState(false);
  return (
    <div className="orders-refresh">
      <Button
        size="sm"
        icon="refresh"
        disabled={refreshing}
        busy={exporting.busy}
        onClick={() => void refresh()}
      >
        {t('orders.refresh.refresh')}
      </Button>
      <RefreshMenu
        onFullReload={() => void refresh(true)}
        disabled={refreshing}
        onFind={() => setFinding(true)}
        onExport={exporting.empty ? undefined : (format) => void exporting.run(format)}
      />
      {finding && (
        <Suspense fallback={null}>
          <FindOrderDialog initial={search.trim()} onClose={() => setFinding(false)} />
        </Suspense>
      )}
    </div>
  );
}
