import { memo } from 'react';
import type { QueryResult } from '../../electron/shared/orderQuery';
import { ClearFiltersButton } from './ClearFiltersButton';
import { OrdersFilters } from './OrdersFilters';
import { RefreshButtons } from './RefreshButtons';
import { SearchBox } from './SearchBox';
import { StateChips } from './StateChips';

/**
 * Search, filters and Refresh on top; the state chips with their counts (and "Clear filters") under them.
 * Memoised: while a search is typed the screen renders at once with the previous rows (the
 * query is deferred); this part then has nothing to do until the new rows come.
 */
export const OrdersToolbar = memo(function OrdersToolbar({ counts }: { counts: QueryResult['counts'] }) {
  return (
    <div className="orders-toolbar">
      <div className="orders-toolbar-row">
        <SearchBox />
        <OrdersFilters />
        <RefreshButtons />
      </div>
      <div className="orders-toolbar-row">
        <StateChips counts={counts} />
        <ClearFiltersButton />
      </div>
    </div>
  );
});
