import { useCallback, useEffect, useState } from 'react';
import type { DeskError } from '../../electron/shared/errors';
import { deskError } from '../desk';

export interface Remote<T> {
  data?: T;
  error?: DeskError;
  loading: boolean;
  reload(): Promise<void>;
  /** What a later call answered (a link, a new status): shown at once, no second fetch. */
  set(data: T): void;
}

/**
 * Something the section reads from the core when it opens (RetailCRM's payment types, statuses):
 * loaded once per `key`, kept while a reload runs, so the page does not jump back to a skeleton.
 */
export function useRemote<T>(fetch: () => Promise<T>, key: string): Remote<T> {
  const [state, setState] = useState<{ data?: T; error?: DeskError; loading: boolean }>({ loading: true });
  // `fetch` is a new function on every render; `key` says when it asks for something else.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stable = useCallback(fetch, [key]);
  const reload = useCallback(async () => {
    try {
      const data = await stable();
      setState({ data, loading: false });
    } catch (error) {
      setState((previous) => ({ ...previous, error: deskError(error), loading: false }));
    }
  }, [stable]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const set = useCallback((data: T) => setState({ data, loading: false }), []);
  return { ...state, reload, set };
}
