import { FlexRender, type Row } from '@tanstack/react-table';
import { memo } from 'react';
import type { OrderRow } from '../../electron/shared/orders';
import { cellClass } from './cellClass';
import type { tableFeaturesOfOrders } from './columns';
import { useSelection } from './selectionStore';

export interface OrdersRowProps {
  row: Row<typeof tableFeaturesOfOrders, OrderRow>;
  /** The column definitions (new ones, e.g. after a language switch, render every row again). */
  columns: unknown;
  id: string;
  /** In the whole filtered list (0-based); the header is row 1 for screen readers. */
  index: number;
  /** Pixels from the top of the body (the virtualizer's place for it). */
  top: number;
  focused: boolean;
  /** Its side panel is open. */
  open: boolean;
  onOpen(paymentId: number): void;
}

/**
 * One virtual row: placed by the virtualizer, marked selected, focused and open. It renders again
 * only when its order row, place or marks change: a live update of one payment, or a scroll, does
 * not re-render the rows around it.
 */
export const OrdersRow = memo(
  function OrdersRow({ row, id, index, top, focused, open, onOpen }: OrdersRowProps) {
    const paymentId = row.original.paymentId;
    const selected = useSelection((s) => s.selected.has(paymentId));
    const classes = ['orders-row', selected && 'is-selected', focused && 'is-focused', open && 'is-open'];
    return (
      <tr
        id={id}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        aria-current={open || undefined}
        data-payment-id={paymentId}
        className={classes.filter(Boolean).join(' ')}
        style={{ transform: `translateY(${top}px)` }}
        onClick={() => onOpen(paymentId)}
      >
        {row.getAllCells().map((cell) => (
          <td key={cell.column.id} role="gridcell" className={cellClass(cell.column.columnDef.meta)}>
            <FlexRender cell={cell} />
          </td>
        ))}
      </tr>
    );
  },
  // The table rebuilds its Row wrappers whenever the data array changes; the order row inside
  // is the same object until that payment changes (rows are replaced, never mutated).
  (before, after) =>
    before.row.original === after.row.original &&
    before.columns === after.columns &&
    before.index === after.index &&
    before.top === after.top &&
    before.focused === after.focused &&
    before.open === after.open &&
    before.onOpen === after.onOpen,
);
