import { create } from 'zustand';
import {
  SORT_COLUMNS,
  STATE_CHIPS,
  type OrderQuery,
  type SortColumn,
  type StateChip,
} from '../../electron/shared/orderQuery';

/** The list's filters, as `queryOrders` takes them; every field is always present here. */
export interface ListQuery {
  chips: StateChip[];
  sites: string[];
  merchantIds: string[];
  dateFrom: string;
  dateTo: string;
  search: string;
  sort: NonNullable<OrderQuery['sort']>;
}

interface QueryState {
  query: ListQuery;
  /** A state chip on or off; several chips combine (a row in any of them shows). */
  toggleChip(chip: StateChip): void;
  setSearch(search: string): void;
  setSites(sites: string[]): void;
  setMerchants(merchantIds: string[]): void;
  setDates(dates: { dateFrom?: string; dateTo?: string }): void;
  /** A header click: that column, descending first for amounts and dates, then the other way. */
  sortBy(column: SortColumn): void;
  /** Every filter off (the sort stays: it hides nothing). */
  clearFilters(): void;
}

export const DEFAULT_SORT: ListQuery['sort'] = { column: 'createdAt', direction: 'desc' };
/** Numbers and times read best largest or newest first; names from A. */
const DESC_FIRST: readonly SortColumn[] = ['createdAt', 'orderTotal', 'amount', 'paidAt', 'lastOperation'];

/** The last query is remembered between runs, in this page's own storage (no secret in it). */
export const QUERY_STORAGE_KEY = 'uapay-desk.orders.query';

const EMPTY_FILTERS = { chips: [], sites: [], merchantIds: [], dateFrom: '', dateTo: '', search: '' };

const strings = (value: unknown, allowed?: readonly string[]): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && (!allowed || allowed.includes(v)))
    : [];
const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');

/** What was saved, checked field by field: a stale or edited entry never breaks the list. */
export function restoreQuery(text: string | null): ListQuery {
  let saved: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') saved = parsed as Record<string, unknown>;
  } catch {
    // Unreadable: start from the defaults.
  }
  const sort = saved.sort as { column?: unknown; direction?: unknown } | undefined;
  const sortOk =
    typeof sort?.column === 'string' &&
    (SORT_COLUMNS as readonly string[]).includes(sort.column) &&
    (sort.direction === 'asc' || sort.direction === 'desc');
  return {
    chips: strings(saved.chips, STATE_CHIPS) as StateChip[],
    sites: strings(saved.sites),
    merchantIds: strings(saved.merchantIds),
    dateFrom: day(saved.dateFrom),
    dateTo: day(saved.dateTo),
    search: typeof saved.search === 'string' ? saved.search.slice(0, 200) : '',
    sort: sortOk ? (sort as ListQuery['sort']) : DEFAULT_SORT,
  };
}

function readSaved(): ListQuery {
  try {
    return restoreQuery(window.localStorage.getItem(QUERY_STORAGE_KEY));
  } catch {
    return restoreQuery(null);
  }
}

export function hasFilters(query: ListQuery): boolean {
  return (
    query.chips.length > 0 ||
    query.sites.length > 0 ||
    query.merchantIds.length > 0 ||
    query.dateFrom !== '' ||
    query.dateTo !== '' ||
    query.search.trim() !== ''
  );
}

/** The query as `queryOrders` takes it (empty fields left out). */
export function toOrderQuery(query: ListQuery): OrderQuery {
  return {
    chips: query.chips,
    sites: query.sites,
    merchantIds: query.merchantIds,
    ...(query.dateFrom && { dateFrom: query.dateFrom }),
    ...(query.dateTo && { dateTo: query.dateTo }),
    search: query.search,
    sort: query.sort,
  };
}

export const useOrdersQuery = create<QueryState>((set, get) => {
  const update = (patch: Partial<ListQuery>) => {
    const query = { ...get().query, ...patch };
    set({ query });
    try {
      window.localStorage.setItem(QUERY_STORAGE_KEY, JSON.stringify(query));
    } catch {
      // Storage full or refused: the query still works, it is only not remembered.
    }
  };
  return {
    query: readSaved(),
    toggleChip: (chip) => {
      const { chips } = get().query;
      update({ chips: chips.includes(chip) ? chips.filter((c) => c !== chip) : [...chips, chip] });
    },
    setSearch: (search) => update({ search }),
    setSites: (sites) => update({ sites }),
    setMerchants: (merchantIds) => update({ merchantIds }),
    setDates: (dates) => update(dates),
    sortBy: (column) => {
      const { sort } = get().query;
      const direction =
        sort.column === column
          ? sort.direction === 'asc'
            ? 'desc'
            : 'asc'
          : DESC_FIRST.includes(column)
            ? 'desc'
            : 'asc';
      update({ sort: { column, direction } });
    },
    clearFilters: () => update(EMPTY_FILTERS),
  };
});
