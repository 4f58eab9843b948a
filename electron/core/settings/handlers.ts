import type { Handlers } from '../../shared/contract';
import { exportProfile, importProfile, previewProfile } from './profile';
import type { SettingsService } from './service';

export type SettingsChannels =
  | 'settings.get'
  | 'settings.update'
  | 'settings.smtpPassword.set'
  | 'settings.smtpPassword.delete'
  | 'profile.export'
  | 'profile.preview'
  | 'profile.import';

/** The settings screen's calls. Each answers with what the screen shows next; never a secret. */
export function settingsHandlers(
  service: SettingsService,
  app: { appName: string; appVersion: string },
): Pick<Handlers, SettingsChannels> {
  return {
    'settings.get': () => service.view(),
    'settings.update': async (patch) => {
      await service.updateGeneral(patch);
      return service.view();
    },
    'settings.smtpPassword.set': async ({ password }) => {
      await service.setSmtpPassword(password);
      return service.view();
    },
    'settings.smtpPassword.delete': async () => {
      await service.deleteSmtpPassword();
      return service.view();
    },
    'profile.export': async () => exportProfile(await service.get(), app),
    'profile.preview': async ({ text }) => {
      const { settings, secrets } = await service.view();
      return previewProfile(settings, text, secrets);
    },
    'profile.import': async ({ text }) => {
      await importProfile(service.store, text);
      return service.view();
    },
  };
}
