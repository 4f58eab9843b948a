import { useTranslation } from 'react-i18next';
import { hasFilters, useOrdersQuery } from './queryStore';

/** Shown once any filter or search is on; clears them all (the sort stays). */
export function ClearFiltersButton() {
  const { t } = useTranslation();
  const active = useOrdersQuery((s) => hasFilters(s.query));
  if (!active) return null;
  return (
    <button type="button" className="link-button" onClick={() => useOrdersQuery.getState().clearFilters()}>
      {t('orders.filters.clear')}
    </button>
  );
}
