import { create } from 'zustand';
import type { BackgroundStatus } from '../../electron/shared/channels/background';
import { useLiveStatus } from '../deskHooks';

/** The background round's state for the status bar (no item while it cannot be read). */
export const useBackgroundStatus = create<{ status?: BackgroundStatus }>(() => ({}));

export function useBackgroundStatusFeed(): void {
  useLiveStatus('background.status', 'background.status', (status) =>
    useBackgroundStatus.setState({ status }),
  );
}
