import { create } from 'zustand';
import type { AppInfo } from '../../electron/shared/app';
import type { DeskError } from '../../electron/shared/errors';
import { call, deskError } from '../desk';

interface AppInfoState {
  info?: AppInfo;
  error?: DeskError;
  load(): Promise<void>;
}

export const useAppInfo = create<AppInfoState>((set) => ({
  load: async () => {
    set({ error: undefined });
    try {
      set({ info: await call('app.info', {}) });
    } catch (error) {
      set({ error: deskError(error) });
    }
  },
}));
