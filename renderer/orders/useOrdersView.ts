import { useDeferredValue, useMemo } from 'react';
import type { OrderIndex, QueryContext, QueryResult } from '../../electron/shared/orderQuery';
import type { OrderRow } from '../../electron/shared/orders';
import { HOLD_LIFETIME_HOURS } from '../../electron/shared/settings';
import { useSettings } from '../store/settingsStore';
import { useNow } from '../store/clockStore';
import { useOrders } from './ordersStore';
import { toOrderQuery, useOrdersQuery, type ListQuery } from './queryStore';

export interface OrdersView {
  result: QueryResult;
  context: QueryContext;
  /** Rows in the cache, before any filter. */
  total: number;
}

/** User Timing name of each query's duration (the browser test reads it to report the figures). */
const QUERY_MEASURE = 'orders-query';

/** Merchant id → name from the settings, for the merchant column, its filter and its sort. */
export function useMerchantNames(): Record<string, string> {
  const merchants = useSettings((s) => s.view?.settings.merchants);
  return useMemo(() => Object.fromEntries((merchants ?? []).map((m) => [m.id, m.name])), [merchants]);
}

/**
 * The rows to show, their chip counts and the summary: the index's answer to the query, asked
 * again when the rows, the query, the settings or the minute change. The query is deferred: the
 * search box shows each letter at once, and the list follows in a render React may interrupt
 * when the next letter comes.
 */
export function useOrdersView(): OrdersView {
  const index = useOrders((s) => s.index);
  const version = useOrders((s) => s.version);
  const query = useDeferredValue(useOrdersQuery((s) => s.query));
  const now = useNow();
  const holdLifetimeHours = useSettings(
    (s) => s.view?.settings.holdLifetimeHours ?? HOLD_LIFETIME_HOURS.default,
  );
  const merchantNames = useMerchantNames();
  const context = useMemo(
    () => ({ now, holdLifetimeHours, merchantNames }),
    [now, holdLifetimeHours, merchantNames],
  );
  const result = useMemo(() => {
    const answer = measuredQuery(index, version, query, context);
    // The same rows as before (a change to a row out of the filter): the list keeps its array,
    // and nothing under it renders again.
    const before = lastRows.get(index);
    if (before && sameRows(before, answer.rows)) answer.rows = before;
    lastRows.set(index, answer.rows);
    return answer;
  }, [index, version, query, context]);
  return { result, context, total: index.size };
}

/** The rows each index's list showed last. */
const lastRows = new WeakMap<OrderIndex, OrderRow[]>();

function sameRows(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Runs the query and leaves its duration as a performance measure, read by the 20,000-row browser
 * test. `version` is the index's: the same index object answers differently once patched.
 */
function measuredQuery(index: OrderIndex, version: number, query: ListQuery, context: QueryContext) {
  const start = performance.now();
  const answer = index.query(toOrderQuery(query), context);
  performance.clearMeasures(QUERY_MEASURE);
  performance.measure(QUERY_MEASURE, { start, end: performance.now(), detail: { version } });
  return answer;
}
