import { create } from 'zustand';
import type { DeskError } from '../../electron/shared/errors';
import type { SettingsView } from '../../electron/shared/settings';
import { call, deskError } from '../desk';
import { languageOverride, switchLanguage } from '../i18n';

interface SettingsState {
  view?: SettingsView;
  /** Why the first load failed (later failures belong to the form that caused them). */
  error?: DeskError;
  load(): Promise<void>;
  /** Takes what a settings call answered: every settings channel replies with the whole view. */
  apply(view: SettingsView): Promise<void>;
}

export const useSettings = create<SettingsState>((set, get) => ({
  load: async () => {
    set({ error: undefined });
    try {
      const view = await call('settings.get', {});
      // The person's saved language wins, unless this page load asked for one (`?lang=`).
      if (!languageOverride()) await switchLanguage(view.settings.language);
      set({ view });
    } catch (error) {
      set({ error: deskError(error) });
    }
  },
  apply: async (view) => {
    if (view.settings.language !== get().view?.settings.language) {
      await switchLanguage(view.settings.language);
    }
    set({ view, error: undefined });
  },
}));

/** No shop connected and not in Demo mode: the app greets with the two ways to start. */
export function isFirstRun(view: SettingsView): boolean {
  return !view.settings.retailCrm && !view.settings.demoMode;
}
