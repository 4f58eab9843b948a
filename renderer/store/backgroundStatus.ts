import { useEffect } from 'react';
import { create } from 'zustand';
import type { BackgroundStatus } from '../../electron/shared/channels/background';
import { call } from '../desk';

/** The background round's state for the status bar: `background.status` once, then its event. */
export const useBackgroundStatus = create<{ status?: BackgroundStatus }>(() => ({}));

export function useBackgroundStatusFeed(): void {
  useEffect(() => {
    let heard = false;
    const off = window.desk.on('background.status', (status) => {
      heard = true;
      useBackgroundStatus.setState({ status });
    });
    call('background.status', {}).then(
      (status) => {
        if (!heard) useBackgroundStatus.setState({ status });
      },
      () => undefined, // the bar then shows no background item
    );
    return off;
  }, []);
}
