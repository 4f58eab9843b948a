/**
 * How a component talks to the core: `useDeskAction` for what a person starts (a button, a form),
 * `useDeskFeed` for what a component reads when it opens, `useLiveStatus` for a state the core
 * announces. Each keeps the busy flag, the typed error and the answers' order in one place, so a
 * component says only what to call and what to do with the answer.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Channel, EventName, EventPayload, Res } from '../electron/shared/contract';
import type { DeskError } from '../electron/shared/errors';
import { call, deskError } from './desk';
import { notifyError } from './store/noticesStore';

export interface DeskAction<L extends string> {
  /** Something runs: its button shows a spinner and cannot be pressed again. */
  busy: boolean;
  /** Which of the component's actions runs, when `run` was given a label. */
  running?: L;
  /** Why the last run failed, kept until the next run (or `setError`). */
  error?: DeskError;
  /**
   * Runs `job` unless one already runs. A failure becomes `error` (or a toast, or what `onError`
   * makes of it). True when the job went through.
   */
  run(job: () => Promise<void>, label?: L): Promise<boolean>;
  setError(error: DeskError | undefined): void;
}

export interface DeskActionOptions {
  /** A failure the caller words itself (a form's field errors): true keeps it out of `error`. */
  onError?(error: DeskError): boolean;
  /** Failures as toasts: for an action whose place has no room for an error. */
  toast?: boolean;
}

/** One person-started call (or a few in a row) at a time, with its busy flag and its error in words. */
export function useDeskAction<L extends string = never>(options: DeskActionOptions = {}): DeskAction<L> {
  const [state, setState] = useState<{ busy: boolean; running?: L }>({ busy: false });
  const [error, setError] = useState<DeskError>();
  // A second click before the first one's render: the state has not said "busy" yet.
  const busy = useRef(false);
  const run = async (job: () => Promise<void>, label?: L) => {
    if (busy.current) return false;
    busy.current = true;
    setState({ busy: true, ...(label !== undefined && { running: label }) });
    setError(undefined);
    try {
      await job();
      return true;
    } catch (failure) {
      const desk = deskError(failure);
      if (!options.onError?.(desk)) {
        if (options.toast) notifyError(desk);
        else setError(desk);
      }
      return false;
    } finally {
      busy.current = false;
      setState({ busy: false });
    }
  };
  return { ...state, error, run, setError };
}

export interface DeskFeed<T> {
  data?: T;
  /** Why the last read failed; what was read before stays in `data`. */
  error?: DeskError;
  /** The first read, or a `reload`, is on its way. */
  loading: boolean;
  /**
   * A `reload` (a person's Refresh or Retry) is on its way: its button's spinner. The first read
   * is not one; the page shows a skeleton for it and the button stays ready.
   */
  reloading: boolean;
  /** Reads again, saying so (`loading`): the Retry of an error. */
  reload(): Promise<void>;
  /** Reads again quietly: an event said the data changed. */
  refresh(): Promise<void>;
  /** What a later call answered (a link, a new status), or a change an event brought: shown at once. */
  update(change: (data: T | undefined) => T | undefined): void;
}

export interface DeskFeedOptions {
  /**
   * Reads again quietly this often (ms) while the component lives: for what changes with no event
   * to say so (letters the Demo shop's mail catcher receives).
   */
  every?: number;
}

interface FeedState<T> {
  data?: T;
  error?: DeskError;
  loading: boolean;
  reloading: boolean;
}

/**
 * What a component reads from the core when it opens, read again when `deps` change. Kept while a
 * new read runs, so the page does not jump back to a skeleton; only the newest read's answer lands.
 */
export function useDeskFeed<T>(
  read: () => Promise<T>,
  deps: DependencyList,
  { every }: DeskFeedOptions = {},
): DeskFeed<T> {
  const [state, setState] = useState<FeedState<T>>({ loading: true, reloading: false });
  const latest = useRef(0);
  // `read` is a new function on every render; `deps` say when it asks for something else. The
  // newest one is kept for `reload` and `refresh`, which stay the same for the component's life.
  const current = useRef(read);
  useEffect(() => {
    current.current = read;
  });
  // Sets state only in the answer's callbacks, so the effect below may start it.
  const fetch = useCallback(() => {
    const mine = ++latest.current;
    return current.current().then(
      (data) => {
        if (mine === latest.current) setState({ data, loading: false, reloading: false });
      },
      (failure: unknown) => {
        if (mine === latest.current)
          setState((before) => ({ ...before, error: deskError(failure), loading: false, reloading: false }));
      },
    );
  }, []);
  useEffect(
    () => {
      void fetch();
      if (every === undefined) return;
      const timer = setInterval(() => void fetch(), every);
      return () => clearInterval(timer);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [...deps, every],
  );
  const reload = useCallback(async () => {
    setState((before) => ({ ...before, loading: true, reloading: true }));
    await fetch();
  }, [fetch]);
  // A read on its way still lands after this: it is at least as new (a reload after an operation
  // must not lose to an event that came while it travelled).
  const update = useCallback(
    (change: (data: T | undefined) => T | undefined) =>
      setState((before) => ({ ...before, data: change(before.data) })),
    [],
  );
  return { ...state, reload, refresh: fetch, update };
}

/**
 * One state the core announces, heard two ways that keep no order between them: its event, and
 * the replies to calls that answer with it. The newest wins. A reply was true when the core wrote
 * it; an event heard after that call was sent is as new (the core announces every change, in
 * order), so that reply is dropped instead of undoing the event — a stream shown "connecting"
 * for good although the event said "connected".
 */
export interface NewestStatus<T> {
  /** An event: always applied. */
  event(status: T): void;
  /** Sends the call; its answer is applied unless an event came meanwhile. Answers it anyway. */
  reply<R extends T>(ask: () => Promise<R>): Promise<R>;
}

export function newestStatus<T>(apply: (status: T) => void): NewestStatus<T> {
  let heard = 0;
  return {
    event(status) {
      heard += 1;
      apply(status);
    },
    async reply(ask) {
      const since = heard;
      const status = await ask();
      if (heard === since) apply(status);
      return status;
    },
  };
}

/**
 * A state the core announces (updates, the relay stream, the background round), for as long as
 * the component lives: the event first, so no change is missed, then the state as it is now
 * from `channel`, unless an event already brought a newer one. A failed read goes to `fail`, or
 * leaves the store as it was: each user of the state words its absence.
 */
export function useLiveStatus<E extends EventName, C extends Channel>(
  event: E,
  channel: C,
  apply: (status: EventPayload<E> | Res<C>) => void,
  fail?: (error: DeskError) => void,
): void {
  useEffect(() => {
    const feed = newestStatus(apply);
    const off = window.desk.on(event, feed.event);
    feed.reply(() => call(channel, {} as never)).catch((failure: unknown) => fail?.(deskError(failure)));
    return off;
    // `apply` and `fail` set a store: the same for the component's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [event, channel]);
}
