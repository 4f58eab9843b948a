import { create } from 'zustand';

export const SCREENS = ['orders', 'activity', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

/**
 * The settings sections built so far, in the order the list shows them. RetailCRM comes first:
 * it is where "Connect my shop" leads. Merchants, payment types, the status mapping and the relay
 * join the list when their channels exist (no dead sections meanwhile).
 */
export const SETTINGS_SECTIONS = ['retailcrm', 'general', 'email', 'profile', 'about'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

interface RouterState {
  screen: Screen;
  section: SettingsSection;
  go(screen: Screen): void;
  openSettings(section: SettingsSection): void;
}

/** The app's few screens: a route is two fields of state, no URL and no library needed. */
export const useRouter = create<RouterState>((set) => ({
  screen: 'orders',
  section: 'retailcrm',
  go: (screen) => set({ screen }),
  openSettings: (section) => set({ screen: 'settings', section }),
}));
