import type { JournalFilter } from '../../electron/shared/channels/journal';
import type { OperationKind } from '../../electron/shared/operationKinds';

/** The Activity screen's filters as the form holds them (dates as the date inputs give them). */
export interface ActivityFilters {
  /** yyyy-mm-dd, local days, inclusive. */
  from: string;
  to: string;
  kinds: OperationKind[];
  search: string;
}

export const NO_FILTERS: ActivityFilters = { from: '', to: '', kinds: [], search: '' };

/** One page is plenty below a few thousand operations; "Load more" asks for the next thousand. */
export const PAGE = 1000;

export function isFiltered(filters: ActivityFilters): boolean {
  return !!(filters.from || filters.to || filters.kinds.length || filters.search.trim());
}

/** A local day's start or end as the instant the journal filter takes (ISO, UTC). */
function dayEdge(day: string, end: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const at = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** The form's filters → the request of journal.list / journal.exportCsv. */
export function toJournalFilter(filters: ActivityFilters, limit?: number): JournalFilter {
  const from = dayEdge(filters.from, false);
  const to = dayEdge(filters.to, true);
  const search = filters.search.trim();
  return {
    ...(from && { from }),
    ...(to && { to }),
    ...(filters.kinds.length > 0 && { kinds: [...filters.kinds] }),
    ...(search && { search }),
    ...(limit !== undefined && { limit }),
  };
}
