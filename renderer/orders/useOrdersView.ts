import { useDeferredValue, useMemo } from 'react';
import { queryOrders, type QueryContext, type QueryResult } from '../../electron/shared/orderQuery';
import { HOLD_LIFETIME_HOURS } from '../../electron/shared/settings';
import { useSettings } from '../store/settings';
import { useMinuteClock } from './clock';
import { useOrders } from './ordersStore';
import { toOrderQuery, useOrdersQuery } from './queryStore';

export interface OrdersView {
  result: QueryResult;
  context: QueryContext;
  /** Rows in the cache, before any filter. */
  total: number;
}

/** User Timing name of each query's duration (the browser test reads it to report the figures). */
export const QUERY_MEASURE = 'orders-query';

/** Merchant id → name from the settings, for the merchant column, its filter and its sort. */
export function useMerchantNames(): Record<string, string> {
  const merchants = useSettings((s) => s.view?.settings.merchants);
  return useMemo(() => Object.fromEntries((merchants ?? []).map((m) => [m.id, m.name])), [merchants]);
}

/**
 * The rows to show, their chip counts and the summary: `queryOrders` (the one filter of the app),
 * run again when the rows, the query, the settings or the minute change.
 */
export function useOrdersView(): OrdersView {
  const rows = useOrders((s) => s.rows);
  // Typing stays smooth on 20,000 rows: the box updates at once, the list as soon as it can.
  const query = useDeferredValue(useOrdersQuery((s) => s.query));
  const now = useMinuteClock((s) => s.now);
  const holdLifetimeHours = useSettings(
    (s) => s.view?.settings.holdLifetimeHours ?? HOLD_LIFETIME_HOURS.default,
  );
  const merchantNames = useMerchantNames();
  const context = useMemo(
    () => ({ now, holdLifetimeHours, merchantNames }),
    [now, holdLifetimeHours, merchantNames],
  );
  const result = useMemo(() => measuredQuery(rows, query, context), [rows, query, context]);
  return { result, context, total: rows.length };
}

/** Runs the query and leaves its duration as a performance measure, read by the 20,000-row browser test. */
function measuredQuery(
  rows: Parameters<typeof queryOrders>[0],
  query: Parameters<typeof toOrderQuery>[0],
  context: Parameters<typeof queryOrders>[2],
) {
  const start = performance.now();
  const answer = queryOrders(rows, toOrderQuery(query), context);
  performance.clearMeasures(QUERY_MEASURE);
  performance.measure(QUERY_MEASURE, { start, end: performance.now() });
  return answer;
}
