import { useEffect, useState } from 'react';
import type { JournalEntry } from '../../electron/shared/channels/journal';
import type { DeskError } from '../../electron/shared/errors';
import { call } from '../desk';
import { useDeskFeed } from '../deskHooks';
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
  // "Load more" counts for the filters it was pressed under; new filters start at one page again.
  const [paging, setPaging] = useState({ filters, limit: PAGE });
  const limit = paging.filters === filters ? paging.limit : PAGE;
  const feed = useDeskFeed(() => call('journal.list', toJournalFilter(filters, limit)), [filters, limit]);
  const { refresh } = feed;

  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const off = window.desk.on('orders.changed', () => {
      clearTimeout(pending);
      pending = setTimeout(() => void refresh(), 500);
    });
    return () => {
      off();
      clearTimeout(pending);
    };
  }, [refresh]);

  return {
    entries: feed.data,
    error: feed.error,
    loading: feed.loading,
    more: (feed.data?.length ?? 0) >= limit,
    loadMore: () => setPaging({ filters, limit: limit + PAGE }),
    reload: feed.reload,
  };
}
