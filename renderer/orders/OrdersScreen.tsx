import { useEffect } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSettings } from '../store/settingsStore';
import { OrdersEmpty, type EmptyReason } from './OrdersEmpty';
import { OrdersSkeleton } from './OrdersSkeleton';
import { useOrders } from './ordersStore';
import { OrdersTable } from './OrdersTable';
import { OrdersToolbar } from './OrdersToolbar';
import { SelectionBar } from './SelectionBar';
import { useSelection } from './selectionStore';
import { useShownRows } from './shownRowsStore';
import { SummaryBar } from './SummaryBar';
import { useOrdersView } from './useOrdersView';
import './orders.css';

/** Whether there can be a list at all: a connected CRM and a merchant linked to a payment type. */
function useReadiness(): { blocked?: EmptyReason; workspace: string } {
  const view = useSettings((s) => s.view);
  const settings = view?.settings;
  if (!settings?.retailCrm || !view?.secrets.retailCrmApiKey)
    return { blocked: 'notConnected', workspace: '' };
  const types = settings.merchants.flatMap((m) => (m.paymentTypeCode ? [m.paymentTypeCode] : []));
  if (types.length === 0) return { blocked: 'noMerchants', workspace: '' };
  // Another shop, Demo mode on or off, other linked types: the list is read again.
  return { workspace: [settings.demoMode, settings.retailCrm.url, ...types.sort()].join('\n') };
}

/** The orders screen: toolbar, summary, the list (or why there is none) and the selection bar. */
export function OrdersScreen() {
  const { blocked, workspace } = useReadiness();
  const { status, error, load } = useOrders();
  const { result, total } = useOrdersView();

  useEffect(() => {
    if (workspace) void load();
  }, [workspace, load]);

  useEffect(() => {
    useShownRows.setState({ rows: result.rows });
    useSelection.getState().keepOnly(result.rows);
  }, [result.rows]);

  if (blocked) return <OrdersEmpty reason={blocked} />;

  const body =
    status === 'error' && error && total === 0 ? (
      <ErrorMessage error={error} onRetry={() => void load()} />
    ) : status !== 'ready' ? (
      <OrdersSkeleton />
    ) : total === 0 ? (
      <OrdersEmpty reason="noOrders" />
    ) : result.rows.length === 0 ? (
      <OrdersEmpty reason="noMatch" />
    ) : (
      <OrdersTable rows={result.rows} />
    );

  return (
    <div className="orders-screen">
      <OrdersToolbar counts={result.counts} />
      <SummaryBar summary={result.summary} shown={result.rows.length} total={total} />
      <div className="orders-main">
        {body}
        <SelectionBar rows={result.rows} />
      </div>
    </div>
  );
}
