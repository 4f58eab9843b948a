import { useEffect } from 'react';
import { create } from 'zustand';
import type { RelayStatus } from '../../electron/shared/channels/relay';
import type { DeskError } from '../../electron/shared/errors';
import { call, deskError } from '../desk';
import { newestStatus, type NewestStatus } from '../deskHooks';

/**
 * The relay stream's state, for the status bar and Settings → Relay: `relay.status` once, then its
 * event. While it cannot be read, the bar says what the settings say (paired, token saved) and the
 * section says why. Replies to pair and unpair go through the same feed: one that was written
 * before the stream's newest event does not undo it (deskHooks.ts, newestStatus).
 */
interface RelayStatusState {
  status?: RelayStatus;
  error?: DeskError;
  feed: NewestStatus<RelayStatus>;
}

export const useRelayStatus = create<RelayStatusState>(() => ({
  feed: newestStatus<RelayStatus>((status) => useRelayStatus.setState({ status, error: undefined })),
}));

/** Keeps the store live while the component lives (and reads the state again as it mounts). */
export function useRelayStatusFeed(): void {
  useEffect(() => {
    const { feed } = useRelayStatus.getState();
    const off = window.desk.on('relay.status', feed.event);
    feed
      .reply(() => call('relay.status', {}))
      .catch((failure: unknown) => useRelayStatus.setState({ error: deskError(failure) }));
    return off;
  }, []);
}

/** A call that answers with the relay's state (pair, unpair), applied unless an event came meanwhile. */
export function askRelay(ask: () => Promise<RelayStatus>): Promise<RelayStatus> {
  return useRelayStatus.getState().feed.reply(ask);
}
