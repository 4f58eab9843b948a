import type { ReactTable } from '@tanstack/react-table';
import type { OrderRow } from '../../electron/shared/orders';
import { Icon } from '../components/Icon';
import type { tableFeaturesOfOrders } from './columns';
import { cellClass } from './cellClass';
import { useOrdersQuery } from './queryStore';
import { SelectAllCheckbox } from './SelectAllCheckbox';

type OrdersTableInstance = ReactTable<typeof tableFeaturesOfOrders, OrderRow, null>;

/** The sticky header: a sort button per sortable column (click, Enter or Space), select-all first. */
export function OrdersHeader({ table, rows }: { table: OrdersTableInstance; rows: readonly OrderRow[] }) {
  const sortBy = useOrdersQuery((s) => s.sortBy);
  return (
    <thead className="orders-head">
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} role="row" aria-rowindex={1} className="orders-head-row">
          {group.headers.map((header) => {
            const meta = header.column.columnDef.meta;
            const sorted = header.column.getIsSorted();
            const label = <table.FlexRender header={header} />;
            return (
              <th
                key={header.id}
                role="columnheader"
                scope="col"
                className={cellClass(meta, 'orders-head-cell')}
                aria-sort={
                  meta?.sort
                    ? sorted === 'asc'
                      ? 'ascending'
                      : sorted === 'desc'
                        ? 'descending'
                        : 'none'
                    : undefined
                }
              >
                {header.column.id === 'select' ? (
                  <SelectAllCheckbox rows={rows} />
                ) : meta?.sort ? (
                  <button
                    type="button"
                    className="orders-sort"
                    onClick={() => meta.sort && sortBy(meta.sort)}
                  >
                    <span className="orders-sort-label">{label}</span>
                    {sorted && <Icon name={sorted === 'asc' ? 'sortUp' : 'sortDown'} size={13} />}
                  </button>
                ) : (
                  <span className="orders-head-label">{label}</span>
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
