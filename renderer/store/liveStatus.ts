import { useEffect } from 'react';
import type { Channel, EventName, EventPayload, Res } from '../../electron/shared/contract';
import { call } from '../desk';

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
    let heard = false;
    const off = window.desk.on(event, (status) => {
      heard = true;
      apply(status);
    });
    call(channel, {} as never).then(
      (status) => {
        if (!heard) apply(status);
      },
      () => undefined,
    );
    return off;
    // `apply` sets a store: the same for the component's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [event, channel]);
}
