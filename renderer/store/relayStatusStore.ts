import { create } from 'zustand';
import type { RelayStatus } from '../../electron/shared/channels/relay';
import { useLiveStatus } from './liveStatus';

/**
 * The relay stream's state for the status bar: `relay.status` once, then its event. While it
 * cannot be read, the bar says what the settings say (paired, token saved).
 */
export const useRelayStatus = create<{ status?: RelayStatus }>(() => ({}));

export function useRelayStatusFeed(): void {
  useLiveStatus('relay.status', 'relay.status', (status) => useRelayStatus.setState({ status }));
}
