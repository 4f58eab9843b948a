import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../electron/shared/orders';
import { useSelection } from './selectionStore';

/**
 * The header's checkbox: "select all matching", the whole filtered set and not only the rows in
 * view; half-ticked when some are chosen, a click then clears.
 */
export function SelectAllCheckbox({ rows }: { rows: readonly OrderRow[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  const selected = useSelection((s) => s.selected);
  const count = selected.size;
  const all = count > 0 && count >= rows.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="orders-check"
      checked={all}
      disabled={rows.length === 0}
      onChange={() => {
        const selection = useSelection.getState();
        if (count > 0) selection.clear();
        else selection.selectAll(rows);
      }}
      aria-label={t('orders.table.selectAll')}
    />
  );
}
