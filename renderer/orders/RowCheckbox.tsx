import type { MouseEvent } from 'react';
import type { OrderRow } from '../../electron/shared/orders';
import { useSelection } from './selectionStore';
import { useShownRows } from './shownRowsStore';

/** A row's checkbox: a click toggles it, a shift-click selects the range from the last one clicked. */
export function RowCheckbox({ row, label }: { row: OrderRow; label: string }) {
  const checked = useSelection((s) => s.selected.has(row.paymentId));
  const onClick = (event: MouseEvent<HTMLInputElement>) => {
    // The row's own click opens the side panel; choosing is not opening.
    event.stopPropagation();
    const selection = useSelection.getState();
    if (event.shiftKey) selection.toggleRange(useShownRows.getState().rows, row.paymentId);
    else selection.toggle(row.paymentId);
  };
  return (
    <input
      type="checkbox"
      className="orders-check"
      tabIndex={-1}
      checked={checked}
      onChange={() => undefined}
      onClick={onClick}
      // Shift-click would otherwise also select the page's text from the last click.
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
      aria-label={label}
    />
  );
}
