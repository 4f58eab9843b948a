import { create } from 'zustand';
import type { Readiness, ReadinessGap } from '../../electron/shared/channels/setup';
import type { DeskError } from '../../electron/shared/errors';
import { call, deskError } from '../desk';
import type { SettingsSection } from '../store/routerStore';

interface ReadinessState {
  readiness?: Readiness;
  error?: DeskError;
  load(): Promise<void>;
}

/** `setup.readiness`: read from the settings and the keychain only, so it is cheap to ask again. */
export const useReadiness = create<ReadinessState>((set) => ({
  load: async () => {
    try {
      set({ readiness: await call('setup.readiness', {}), error: undefined });
    } catch (error) {
      set({ error: deskError(error) });
    }
  },
}));

/** The settings section where each gap is closed. */
export function sectionOf(gap: ReadinessGap): SettingsSection {
  switch (gap.code) {
    case 'keychain':
      return 'about';
    case 'retailcrm':
    case 'currency':
      return 'retailcrm';
    case 'merchant':
    case 'merchant_key':
      return 'merchants';
    case 'merchant_payment_type':
      return 'paymentTypes';
    case 'status_mapping':
      return 'statuses';
  }
}
