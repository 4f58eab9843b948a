import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

/** The orders list arrives with the orders channels; until then, what this screen will hold. */
export function OrdersScreen() {
  const { t } = useTranslation();
  return <EmptyState icon="orders" title={t('orders.emptyTitle')} text={t('orders.emptyText')} />;
}
