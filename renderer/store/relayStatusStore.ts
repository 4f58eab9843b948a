import { create } from 'zustand';
import type { RelayStatus } from '../../electron/shared/channels/relay';
import type { DeskError } from '../../electron/shared/errors';
import { useLiveStatus } from '../deskHooks';

/**
 * The relay stream's state, for the status bar and Settings → Relay: `relay.status` once, then its
 * event. While it cannot be read, the bar says what the settings say (paired, token saved) and the
 * section says why.
 */
export const useRelayStatus = create<{ status?: RelayStatus; error?: DeskError }>(() => ({}));

/** Keeps the store live while the component lives (and reads the state again as it mounts). */
export function useRelayStatusFeed(): void {
  useLiveStatus(
    'relay.status',
    'relay.status',
    (status) => useRelayStatus.setState({ status, error: undefined }),
    (error) => useRelayStatus.setState({ error }),
  );
}
