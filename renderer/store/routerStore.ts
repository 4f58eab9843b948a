import { create } from 'zustand';

/** `mailbox` (the Demo mailbox) is listed only in Demo mode (frame/Sidebar.tsx). */
export const SCREENS = ['orders', 'activity', 'mailbox', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

/**
 * The settings sections, in the order the list shows them: the setup steps of DESIGN.md's workflow
 * first (RetailCRM, where "Connect my shop" leads, then merchants, their payment types and the
 * status mapping), then the e-mail sender and the relay, then the rest.
 */
export const SETTINGS_SECTIONS = [
  'retailcrm',
  'merchants',
  'paymentTypes',
  'statuses',
  'email',
  'relay',
  'general',
  'profile',
  'about',
] as const;
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
