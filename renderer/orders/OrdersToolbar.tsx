import type { QueryResult } from '../../electron/shared/orderQuery';
import { ClearFiltersButton } from './ClearFiltersButton';
import { OrdersFilters } from './OrdersFilters';
import { RefreshButtons } from './RefreshButtons';
import { SearchBox } from './SearchBox';
import { StateChips } from './StateChips';

/** Search, filters and Refresh on top; the state chips with their counts (and "Clear filters") under them. */
export function OrdersToolbar({ counts }: { counts: QueryResult['counts'] }) {
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
}
