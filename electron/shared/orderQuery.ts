/**
 * Filtering, searching, sorting and counting the orders list — pure, so the renderer, the core and
 * the benchmarks run the very same code. `OrderIndex` (orderIndex.ts) keeps a list ready for
 * queries and patches it as rows change; `queryOrders` asks once over rows as they are.
 */
import type { Kopiyky } from './money';
import { OrderIndex } from './orderIndex';
import type { StateChip, SortColumn } from './orderFacts';
import type { OrderRow } from './orders';
import { HOLD_LIFETIME_HOURS, type Settings } from './settings';

export {
  chipsOf,
  EXPIRING_WITHIN_MS,
  holdExpiresAt,
  refundedAmount,
  SORT_COLUMNS,
  STATE_CHIPS,
  type SortColumn,
  type StateChip,
} from './orderFacts';
export { OrderIndex } from './orderIndex';

export interface OrderQuery {
  /** Rows in any of these chips; none or empty: every row. */
  chips?: readonly StateChip[];
  sites?: readonly string[];
  merchantIds?: readonly string[];
  /** `YYYY-MM-DD`, inclusive, on the order's creation day in the desktop's time zone. */
  dateFrom?: string;
  dateTo?: string;
  /**
   * Terms that must all match: words of the order number, the customer's name, an e-mail or the
   * invoice id; a phone in any format; an amount (orderSearch.ts).
   */
  search?: string;
  /** Default: newest order first. */
  sort?: { column: SortColumn; direction: 'asc' | 'desc' };
}

export interface QueryContext {
  now: Date;
  /** Settings: how long UAPAY keeps a hold (not documented by UAPAY). */
  holdLifetimeHours: number;
  /** Merchant id → name, to sort by the name a person sees. */
  merchantNames?: Readonly<Record<string, string>>;
}

/** What the filter and sort take from the settings (none yet: the defaults, no merchant names). */
export function settingsContext(
  settings: (Pick<Settings, 'merchants'> & Partial<Pick<Settings, 'holdLifetimeHours'>>) | undefined,
): Required<Omit<QueryContext, 'now'>> {
  return {
    holdLifetimeHours: settings?.holdLifetimeHours ?? HOLD_LIFETIME_HOURS.default,
    merchantNames: Object.fromEntries((settings?.merchants ?? []).map((m) => [m.id, m.name])),
  };
}

export interface Tally {
  count: number;
  total: Kopiyky;
}

export interface OrdersSummary {
  held: Tally;
  paidToday: Tally;
  refundedToday: Tally;
}

export interface QueryResult {
  rows: OrderRow[];
  /** Rows per chip (and in all), under every filter but the chips. */
  counts: Record<StateChip | 'all', number>;
  /** Under the same filters as `counts`. */
  summary: OrdersSummary;
}

/**
 * The rows to show, in order, with the chip counts and the summary, worked out from scratch (a
 * list queried again and again keeps an `OrderIndex` instead). Rows must be replaced, not mutated,
 * when they change: a row object's facts are kept.
 */
export function queryOrders(
  rows: readonly OrderRow[],
  query: OrderQuery,
  context: QueryContext,
): QueryResult {
  return new OrderIndex(rows).query(query, context);
}
