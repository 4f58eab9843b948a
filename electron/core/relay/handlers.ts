import type { Handlers } from '../../shared/contract';
import type { RelayService } from './service';

export type RelayChannel = Extract<keyof Handlers, `relay.${string}`>;

/** The relay part of Settings: pair with a code, unpair, and the stream's state. */
export function relayHandlers(relay: RelayService): Pick<Handlers, RelayChannel> {
  return {
    'relay.pair': ({ code }) => relay.pair(code),
    'relay.unpair': () => relay.unpair(),
    // Reads the pairing again first: a team profile import may have changed the relay address.
    'relay.status': async () => {
      await relay.refresh();
      return relay.status();
    },
  };
}
