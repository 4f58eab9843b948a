import { z } from 'zod';
import {
  MAX_PROFILE_CHARS,
  MAX_SECRET_LENGTH,
  settingsPatchSchema,
  type ProfileExport,
  type ProfilePreview,
  type SettingsView,
} from '../settings';
import { phantom, type ChannelMap } from './spec';

/** A team profile file's text, as the person chose it. */
const profileText = z.strictObject({
  text: z
    .string('The profile must be text.')
    .max(MAX_PROFILE_CHARS, 'The file is too large for a team profile.'),
});

export const settingsChannels = {
  'settings.get': { request: z.strictObject({}), response: phantom<SettingsView>() },
  'settings.update': { request: settingsPatchSchema, response: phantom<SettingsView>() },
  'settings.smtpPassword.set': {
    request: z.strictObject({
      password: z.string('The password must be text.').max(MAX_SECRET_LENGTH, 'The password is too long.'),
    }),
    response: phantom<SettingsView>(),
  },
  'settings.smtpPassword.delete': { request: z.strictObject({}), response: phantom<SettingsView>() },
  /** The team profile's text; the renderer offers it in a save dialog. */
  'profile.export': { request: z.strictObject({}), response: phantom<ProfileExport>() },
  /** What `profile.import` of the same text would change, side by side; nothing is changed. */
  'profile.preview': { request: profileText, response: phantom<ProfilePreview>() },
  'profile.import': { request: profileText, response: phantom<SettingsView>() },
} satisfies ChannelMap;
