import { useCallback, useEffect, useState } from 'react';
import type { JournalEntry } from '../../electron/shared/channels/journal';
import type { DeskError } from '../../electron/shared/errors';
import { call, deskError } from '../desk';
import { PAGE, toJournalFilter, type ActivityFilters } from './filters';

export interface JournalView {
  entries?: JournalEntry[];
  error?: DeskError;
  loading: boolean;
  /** More may exist than were asked for. */
  more: boolean;
  loadMore(): void;
  reload(): Promise<void>;
}

/**
 * The journal under the given filters, newest first, a thousand at a time; it follows the app's
 * changes (an operation finishing changes its row, which `orders.changed` announces).
 */
export function useJournal(filters: ActivityFilters): JournalView {
  const [entries, setEntries] = useState<JournalEntry[]>();
  const [error, setError] = useState<DeskError>();
  const [loading, setLoading] = useState(true);
  // "Load more" counts for the filters it was pressed under; new filters start at one page again.
  const [paging, setPaging] = useState({ filters, limit: PAGE });
  const limit = paging.filters === filters ? paging.limit : PAGE;

  // Sets state only in the answer's callbacks, so the effect below may start it.
  const fetchEntries = useCallback(
    () =>
      call('journal.list', toJournalFilter(filters, limit))
        .then(
          (found) => {
            setEntries(found);
            setError(undefined);
          },
          (failure: unknown) => setError(deskError(failure)),
        )
        .finally(() => setLoading(false)),
    [filters, limit],
  );

  useEffect(() => {
    void fetchEntries();
  }, [fetchEntries]);

  const reload = useCallback(async () => {
    setLoading(true);
    await fetchEntries();
  }, [fetchEntries]);

  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const off = window.desk.on('orders.changed', () => {
      clearTimeout(pending);
      pending = setTimeout(() => void fetchEntries(), 500);
    });
    return () => {
      off();
      clearTimeout(pending);
    };
  }, [fetchEntries]);

  return {
    entries,
    error,
    loading,
    more: (entries?.length ?? 0) >= limit,
    loadMore: () => setPaging({ filters, limit: limit + PAGE }),
    reload,
  };
}
