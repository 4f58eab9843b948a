import {
  DEFAULT_NOTIFICATIONS,
  HOLD_LIFETIME_HOURS,
  PAY_LINK_LIFETIME_HOURS,
  relaySchema,
  type Settings,
} from '../../shared/settings';

/**
 * The settings file: `{ "version": N, …settings }` (settings as `settingsSchema` in
 * electron/shared/settings.ts). Bump the version whenever a field changes
 * meaning or shape, and add the step from the old version to `MIGRATIONS`.
 */
export const SETTINGS_VERSION = 1;
export const SETTINGS_FILE = 'settings.json';

export const DEFAULT_SETTINGS: Settings = {
  retailCrm: null,
  merchants: [],
  statusMapping: {},
  smtp: null,
  relay: null,
  holdLifetimeHours: HOLD_LIFETIME_HOURS.default,
  payLinkLifetimeHours: PAY_LINK_LIFETIME_HOURS.default,
  managerName: '',
  language: 'uk',
  demoMode: false,
  notifications: DEFAULT_NOTIFICATIONS,
};

export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

/** The file's content as found, with the version it declares. */
export type VersionedData = { version: number } & Record<string, unknown>;

/** Turns a file of version `from` into one of version `from + 1`. */
export type Migration = (data: VersionedData) => Record<string, unknown>;

/**
 * Version → the step to the next version. Version 1 is the first shipped format, so there is no
 * step yet; the store and its tests take their own table to exercise the mechanism.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

class MigrationGapError extends Error {}

/** Applies the steps from the file's version up to `target`, one version at a time. */
export function migrate(
  data: VersionedData,
  migrations: Readonly<Record<number, Migration>>,
  target: number = SETTINGS_VERSION,
): VersionedData {
  let current = data;
  while (current.version < target) {
    const step = migrations[current.version];
    if (!step) {
      throw new MigrationGapError(
        `Settings version ${current.version} is not one this app can upgrade (it knows ${target}).`,
      );
    }
    current = { ...step(current), version: current.version + 1 };
  }
  return current;
}

/** The file's text: stable key order, readable by a person who opens it for support. */
export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify({ version: SETTINGS_VERSION, ...settings }, null, 2)}\n`;
}

/**
 * A relay pairing over plain HTTP to another machine (accepted before the relay token had to travel
 * over HTTPS) is dropped when the file is read, instead of making the whole file unreadable: the
 * desktop then asks for a new pairing code, and the token is never sent in clear again.
 */
export function withoutInsecureRelay(data: VersionedData): { data: VersionedData; dropped: boolean } {
  if (data.relay === null || data.relay === undefined || relaySchema.safeParse(data.relay).success)
    return { data, dropped: false };
  const parsed = relaySchema.safeParse(data.relay);
  const onlyInsecure =
    !parsed.success &&
    parsed.error.issues.every((issue) => issue.code === 'custom') &&
    typeof (data.relay as { eventsUrl?: unknown }).eventsUrl === 'string';
  return onlyInsecure ? { data: { ...data, relay: null }, dropped: true } : { data, dropped: false };
}
