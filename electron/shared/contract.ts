/**
 * The one IPC contract. Main registers, the preload exposes and the browser test harness serves
 * exactly these channels; `Handlers` makes the compiler refuse a core without a handler for each.
 *
 * A channel: `domain.verb` → a zod schema for the request (checked at run time in main) and the
 * response type (a compile-time phantom). Events flow the other way, from core to the UI.
 */
import { z } from 'zod';
import type { AppInfo, Notice } from './app';
import type { Result } from './errors';
import {
  MAX_PROFILE_CHARS,
  MAX_SECRET_LENGTH,
  settingsPatchSchema,
  type ProfileExport,
  type SettingsView,
} from './settings';

/** A type that exists only for the compiler: the value is never read. */
const phantom = <T>(): T => undefined as T;

interface ChannelSpec {
  request: z.ZodType;
  response: unknown;
}

export const contract = {
  'app.info': { request: z.object({}).strict(), response: phantom<AppInfo>() },
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
  'profile.import': {
    request: z.strictObject({
      text: z
        .string('The profile must be text.')
        .max(MAX_PROFILE_CHARS, 'The file is too large for a team profile.'),
    }),
    response: phantom<SettingsView>(),
  },
} satisfies Record<`${string}.${string}`, ChannelSpec>;

export const events = {
  'app.notice': phantom<Notice>(),
} satisfies Record<`${string}.${string}`, unknown>;

export type Channel = keyof typeof contract;
/** What the renderer sends (before zod defaults and transforms). */
export type Req<C extends Channel> = z.input<(typeof contract)[C]['request']>;
/** What a handler receives (after validation). */
export type ParsedReq<C extends Channel> = z.output<(typeof contract)[C]['request']>;
export type Res<C extends Channel> = (typeof contract)[C]['response'];

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = (typeof events)[E];

/** The core implements this; a missing channel is a compile error. */
export type Handlers = { [C in Channel]: (req: ParsedReq<C>) => Promise<Res<C>> };

/** `window.desk`: one function per channel, plus a subscription to core events. */
export type DeskApi = { readonly [C in Channel]: (req: Req<C>) => Promise<Result<Res<C>>> } & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The single IPC channel on which main forwards core events to the window. */
export const EVENT_CHANNEL = 'desk:event';
