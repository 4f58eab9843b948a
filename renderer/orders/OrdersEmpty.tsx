import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { useRouter } from '../store/routerStore';
import { FindOrderButton } from './FindOrderButton';
import { useOrders } from './ordersStore';
import { useOrdersQuery } from './queryStore';

export type EmptyReason = 'notConnected' | 'noMerchants' | 'noOrders' | 'noMatch';

/** Why the list is empty, and the one thing to do about it. */
export function OrdersEmpty({ reason }: { reason: EmptyReason }) {
  const { t } = useTranslation();
  const action =
    reason === 'notConnected' ? (
      <Button variant="primary" icon="store" onClick={() => useRouter.getState().openSettings('retailcrm')}>
        {t('orders.empty.notConnected.action')}
      </Button>
    ) : reason === 'noMerchants' ? (
      <Button variant="primary" icon="settings" onClick={() => useRouter.getState().go('settings')}>
        {t('orders.empty.noMerchants.action')}
      </Button>
    ) : reason === 'noMatch' ? (
      <span className="orders-empty-actions">
        <Button onClick={() => useOrdersQuery.getState().clearFilters()}>
          {t('orders.empty.noMatch.action')}
        </Button>
        <FindOrderButton label={t('orders.find.inCrm')} />
      </span>
    ) : (
      <Button icon="refresh" onClick={() => void useOrders.getState().refresh()}>
        {t('orders.refresh.refresh')}
      </Button>
    );
  return (
    <EmptyState
      icon={reason === 'noMatch' ? 'search' : 'orders'}
      title={t(`orders.empty.${reason}.title`)}
      text={t(`orders.empty.${reason}.text`)}
      action={action}
    />
  );
}
