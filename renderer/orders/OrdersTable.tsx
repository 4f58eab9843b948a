import { useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type CSSProperties,
  type KeyboardEvent,
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../electron/shared/orders';
import { isLanguage } from '../i18n';
import { useSettings } from '../store/settingsStore';
import { orderColumns, tableFeaturesOfOrders } from './columns';
import { OrdersHeader } from './OrdersHeader';
import { OrdersRow } from './OrdersRow';
import { useOrderPanel } from './orderPanel/orderPanelStore';
import { useOrdersQuery } from './queryStore';
import { useSelection } from './selectionStore';
import { useMerchantNames } from './useOrdersView';

/** Fixed row height: the virtualizer then never measures, and 20,000 rows scroll evenly. */
const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 38;
const PAGE_ROWS = 10;
/**
 * Rows rendered beyond each edge of the view. Chromium scrolls on its compositor before the page
 * renders the new rows, so these are what a fast wheel shows meanwhile. 3, 6 and 10 were measured
 * with the 20,000-row browser test in one sitting (README): 6 was the best of the three there,
 * though the shared VM's noise was larger than the differences.
 */
const OVERSCAN = 6;

const rowHeight = () => ROW_HEIGHT;
const rowDomId = (paymentId: number) => `order-row-${paymentId}`;

/**
 * The orders grid: TanStack Table for the columns and their headers, TanStack Virtual so only the
 * rows in view are in the page. Keyboard (focus on the grid): ↑ ↓ Home End PageUp PageDown move,
 * Enter opens the side panel, Space selects, Esc closes the panel or clears the selection.
 * `aria-rowcount`/`aria-rowindex` tell screen readers where the rendered rows sit in the whole list.
 *
 * Memoised: while a search is typed the screen renders at once with the previous rows (the
 * query is deferred); this part then has nothing to do until the new rows come.
 */
export const OrdersTable = memo(function OrdersTable({ rows }: { rows: readonly OrderRow[] }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'uk';
  const merchantNames = useMerchantNames();
  const crmAccount = useSettings((s) => s.view?.settings.retailCrm?.url);
  const columns = useMemo(
    () => orderColumns(t, language, merchantNames, crmAccount),
    [t, language, merchantNames, crmAccount],
  );
  const sort = useOrdersQuery((s) => s.query.sort);
  const sorting = useMemo<SortingState>(() => [{ id: sort.column, desc: sort.direction === 'desc' }], [sort]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    // Stable while the rows are: a new one makes the virtualizer measure every row again.
    getItemKey: useCallback((index: number) => rows[index]?.paymentId ?? index, [rows]),
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  // The table gets only the rows in view: its row model is then a few dozen rows, not 20,000,
  // whatever the filter (it neither sorts nor filters: the query did).
  const data = useMemo(() => items.flatMap((item) => rows[item.index] ?? []), [items, rows]);
  const table = useTable(
    {
      features: tableFeaturesOfOrders,
      columns,
      data,
      getRowId: (row) => String(row.paymentId),
      manualSorting: true,
      state: { sorting },
    },
    () => null,
  );
  const tableRows = table.getRowModel().rows;

  const [focused, setFocused] = useState<number>();
  const openId = useOrderPanel((s) => s.paymentId);
  const focusedIndex = useMemo(() => {
    const index = focused === undefined ? -1 : rows.findIndex((row) => row.paymentId === focused);
    return index < 0 ? undefined : index;
  }, [rows, focused]);

  // The focused row left the list (filtered out, removed): focus the first one instead.
  useEffect(() => {
    if (focused !== undefined && focusedIndex === undefined) setFocused(rows[0]?.paymentId);
  }, [focused, focusedIndex, rows]);

  const moveTo = (index: number) => {
    const to = Math.max(0, Math.min(rows.length - 1, index));
    const row = rows[to];
    if (!row) return;
    setFocused(row.paymentId);
    virtualizer.scrollToIndex(to, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // Keys on a header's sort button are that button's own.
    if (event.target !== event.currentTarget) return;
    const at = focusedIndex ?? -1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(at + 1),
      ArrowUp: () => moveTo(at < 0 ? 0 : at - 1),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      PageDown: () => moveTo(at + PAGE_ROWS),
      PageUp: () => moveTo(at - PAGE_ROWS),
      Enter: () => focused !== undefined && useOrderPanel.getState().open(focused),
      ' ': () => {
        if (focused === undefined) return;
        const selection = useSelection.getState();
        if (event.shiftKey) selection.toggleRange(rows, focused);
        else selection.toggle(focused);
      },
      Escape: () => {
        if (useOrderPanel.getState().paymentId !== undefined) useOrderPanel.getState().close();
        else useSelection.getState().clear();
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const openRow = useCallback((paymentId: number) => {
    setFocused(paymentId);
    gridRef.current?.focus({ preventScroll: true });
    useOrderPanel.getState().open(paymentId);
  }, []);

  const template = table
    .getAllLeafColumns()
    .map((c, i, all) => (i === all.length - 1 ? `minmax(${c.getSize()}px, 1fr)` : `${c.getSize()}px`))
    .join(' ');
  const gridStyle = { '--orders-columns': template } as CSSProperties;
  const visible = focusedIndex !== undefined && rows[focusedIndex] ? rows[focusedIndex] : undefined;

  return (
    <div className="card orders-scroll" ref={scrollRef}>
      <table
        ref={gridRef}
        className="orders-grid"
        role="grid"
        aria-label={t('orders.table.label')}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        aria-multiselectable="true"
        aria-activedescendant={visible ? rowDomId(visible.paymentId) : undefined}
        tabIndex={0}
        style={gridStyle}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          if (event.target === event.currentTarget && focused === undefined && rows[0]) {
            setFocused(rows[0].paymentId);
          }
        }}
      >
        <OrdersHeader table={table} rows={rows} />
        <tbody className="orders-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item, at) => {
            const row = tableRows[at];
            if (!row) return null;
            const id = row.original.paymentId;
            return (
              <OrdersRow
                key={row.id}
                row={row}
                columns={columns}
                id={rowDomId(id)}
                index={item.index}
                top={item.start - HEADER_HEIGHT}
                focused={focused === id}
                open={openId === id}
                onOpen={openRow}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
