import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SORT,
  hasFilters,
  QUERY_STORAGE_KEY,
  restoreQuery,
  toOrderQuery,
} from '../../../renderer/orders/queryStore';

const EMPTY = {
  chips: [],
  sites: [],
  merchantIds: [],
  dateFrom: '',
  dateTo: '',
  search: '',
  sort: DEFAULT_SORT,
};

describe('the remembered list query', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('restores what was saved', () => {
    const saved = {
      chips: ['held'],
      sites: ['shop-a'],
      merchantIds: ['m1'],
      dateFrom: '2026-11-01',
      dateTo: '2026-11-30',
      search: 'Петренко',
      sort: { column: 'amount', direction: 'asc' },
    };
    expect(restoreQuery(JSON.stringify(saved))).toEqual(saved);
  });

  it('starts from the defaults when nothing, or nothing readable, was saved', () => {
    expect(restoreQuery(null)).toEqual(EMPTY);
    expect(restoreQuery('{not json')).toEqual(EMPTY);
    expect(restoreQuery('"a string"')).toEqual(EMPTY);
    expect(restoreQuery('[1,2]')).toEqual(EMPTY);
  });

  it('keeps each field that is still valid and drops what is stale or edited', () => {
    const restored = restoreQuery(
      JSON.stringify({
        chips: ['held', 'no-such-chip', 7],
        sites: ['shop-a', null],
        dateFrom: '1 Nov',
        dateTo: '2026-11-30',
        search: 'x'.repeat(500),
        sort: { column: 'no-such-column', direction: 'asc' },
      }),
    );
    expect(restored).toEqual({
      ...EMPTY,
      chips: ['held'],
      sites: ['shop-a'],
      dateTo: '2026-11-30',
      search: 'x'.repeat(200),
    });
    expect(restoreQuery(JSON.stringify({ sort: { column: 'amount', direction: 'up' } })).sort).toEqual(
      DEFAULT_SORT,
    );
  });

  it('says whether anything is filtered (the sort hides nothing), and leaves empty dates out of the query', () => {
    expect(hasFilters({ ...EMPTY, sort: { column: 'amount', direction: 'asc' } })).toBe(false);
    expect(hasFilters({ ...EMPTY, search: '  ' })).toBe(false);
    expect(hasFilters({ ...EMPTY, dateTo: '2026-11-30' })).toBe(true);
    expect(toOrderQuery({ ...EMPTY, dateTo: '2026-11-30' })).toEqual({
      chips: [],
      sites: [],
      merchantIds: [],
      dateTo: '2026-11-30',
      search: '',
      sort: DEFAULT_SORT,
    });
  });

  it('the store starts from the saved query, saves each change, and sorts numbers and dates descending first', async () => {
    const storage = new Map<string, string>([[QUERY_STORAGE_KEY, JSON.stringify({ chips: ['held'] })]]);
    vi.stubGlobal('window', {
      localStorage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => storage.set(key, value),
      },
    });
    vi.resetModules();
    const { useOrdersQuery } = await import('../../../renderer/orders/queryStore');
    expect(useOrdersQuery.getState().query.chips).toEqual(['held']);
    const { sortBy, toggleChip, clearFilters } = useOrdersQuery.getState();
    sortBy('amount');
    expect(useOrdersQuery.getState().query.sort).toEqual({ column: 'amount', direction: 'desc' });
    sortBy('amount');
    expect(useOrdersQuery.getState().query.sort).toEqual({ column: 'amount', direction: 'asc' });
    sortBy('customerName');
    expect(useOrdersQuery.getState().query.sort).toEqual({ column: 'customerName', direction: 'asc' });
    toggleChip('held');
    toggleChip('paid');
    expect(JSON.parse(storage.get(QUERY_STORAGE_KEY)!)).toMatchObject({
      chips: ['paid'],
      sort: { column: 'customerName', direction: 'asc' },
    });
    clearFilters();
    expect(restoreQuery(storage.get(QUERY_STORAGE_KEY)!)).toEqual({
      ...EMPTY,
      sort: { column: 'customerName', direction: 'asc' },
    });
  });
});
