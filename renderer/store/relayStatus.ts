import { useEffect } from 'react';
import { create } from 'zustand';
import type { RelayStatus } from '../../electron/shared/channels/relay';
import { call } from '../desk';

/** The relay stream's state for the status bar: `relay.status` once, then its event. */
export const useRelayStatus = create<{ status?: RelayStatus }>(() => ({}));

export function useRelayStatusFeed(): void {
  useEffect(() => {
    let heard = false;
    const off = window.desk.on('relay.status', (status) => {
      heard = true;
      useRelayStatus.setState({ status });
    });
    call('relay.status', {}).then(
      (status) => {
        if (!heard) useRelayStatus.setState({ status });
      },
      () => undefined, // the bar then says what the settings say (paired, token saved)
    );
    return off;
  }, []);
}
