import { create } from 'zustand';
import type { UpdateStatus } from '../../electron/shared/channels/updates';
import { call, deskError } from '../desk';
import { useLiveStatus } from '../deskHooks';
import { notifyError } from './noticesStore';

interface UpdatesState {
  /** The core's update state (`app.update.status`, then the `app.update` event). */
  status?: UpdateStatus;
  /** A "Check now" or "Restart now" is on its way. */
  busy: boolean;
  /** "Later" on the banner: not asked again for this version while the app runs. */
  laterFor?: string;
  check(): Promise<void>;
  restart(): Promise<void>;
  later(version: string): void;
}

export const useUpdates = create<UpdatesState>((set) => {
  /** "Check now" or "Restart now": busy while it runs, its answer is the state, a failure a toast. */
  const ask = async (channel: 'app.update.check' | 'app.update.restart') => {
    set({ busy: true });
    try {
      set({ status: await call(channel, {}) });
    } catch (error) {
      notifyError(deskError(error));
    } finally {
      set({ busy: false });
    }
  };
  return {
    busy: false,
    check: () => ask('app.update.check'),
    // The app quits and installs; if it is still here, the answer is the state as it is.
    restart: () => ask('app.update.restart'),
    later: (version) => set({ laterFor: version }),
  };
});

/** A "Check now" is allowed unless one runs or an update is on its way (core: `mayCheck`). */
export function mayCheckNow(status: UpdateStatus | undefined): boolean {
  if (!status) return false;
  if (status.state === 'off') return status.reason === 'noFeed'; // a profile may have set one since
  return status.state === 'idle' || status.state === 'error';
}

/**
 * The frame listens for the app's lifetime. While the state cannot be read, the About section
 * says "unknown"; nothing else depends on it.
 */
export function useUpdatesFeed(): void {
  useLiveStatus('app.update', 'app.update.status', (status) => useUpdates.setState({ status }));
}
