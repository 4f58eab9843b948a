import { useEffect } from 'react';
import type { Channel, EventName, EventPayload, Res } from '../../electron/shared/contract';
import { call } from '../desk';

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
 * from `channel`, unless an event already brought a newer one. A failed read leaves the store as
 * it was: each user of the state words its absence.
 */
export function useLiveStatus<E extends EventName, C extends Channel>(
  event: E,
  channel: C,
  apply: (status: EventPayload<E> | Res<C>) => void,
): void {
  useEffect(() => {
    const feed = newestStatus(apply);
    const off = window.desk.on(event, feed.event);
    feed.reply(() => call(channel, {} as never)).catch(() => undefined);
    return off;
    // `apply` sets a store: the same for the component's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [event, channel]);
}
