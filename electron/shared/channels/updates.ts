/**
 * The app's own updates (electron-updater, from the generic feed fixed when the app was built;
 * a team profile's `updateFeedUrl` may pick another folder on the same origin). The core keeps the state (electron/core/updates), main's updater drives it,
 * and the UI shows it: a prompt when an update is `ready`, the state in Settings → About.
 * The channels sit under `app.`: like `app.info`, they are about the app, not a workspace, so
 * Demo mode does not route them.
 */
import { z } from 'zod';
import { phantom, type ChannelMap } from './spec';

/**
 * Why the app does not update itself here.
 * - `noFeed`: this build has no update feed (made without one); nothing is ever asked.
 * - `development`: started from source (`npm start`, `npm run dev`).
 * - `systemPackage`: installed from the .deb; the system's package manager updates it.
 * - `unsupported`: this build cannot replace itself (an unpacked folder, the browser test harness).
 */
export const UPDATES_OFF_REASONS = ['noFeed', 'development', 'systemPackage', 'unsupported'] as const;
export type UpdatesOffReason = (typeof UPDATES_OFF_REASONS)[number];

/**
 * What a failed check or download came to, for words in the UI; `detail` is the updater's own
 * first line, for support.
 * - `unreachable`: no connection to the feed, or the server failed (5xx).
 * - `noRelease`: the feed has no usable release for this system (latest*.yml missing or wrong).
 * - `untrusted`: the update is not signed by the same publisher as the installed app.
 * - `corrupt`: the download does not match the checksum the feed announced.
 * - `failed`: anything else.
 */
export const UPDATE_PROBLEMS = ['unreachable', 'noRelease', 'untrusted', 'corrupt', 'failed'] as const;
export type UpdateProblem = (typeof UPDATE_PROBLEMS)[number];

/**
 * `app.update.status`, and the payload of the `app.update` event (sent on every change).
 * - `off`: see `reason`.
 * - `idle`: on; nothing newer was found (`checkedAt`: the last check, ISO), or not checked yet.
 * - `checking`, `downloading` (in the background; `percent` 0–100).
 * - `ready`: `version` is downloaded. Ask the person; `app.update.restart` installs it now,
 *   otherwise it is installed when the app quits.
 * - `error`: the last check or download failed; the next check is within an hour.
 */
export type UpdateStatus =
  | { state: 'off'; reason: UpdatesOffReason }
  | { state: 'idle'; checkedAt?: string }
  | { state: 'checking' }
  | { state: 'downloading'; version: string; percent: number }
  | { state: 'ready'; version: string }
  | { state: 'error'; problem: UpdateProblem; detail: string; at: string };

export const updatesChannels = {
  'app.update.status': { request: z.strictObject({}), response: phantom<UpdateStatus>() },
  /** "Check now" (e.g. after importing a team profile that sets the feed); answers the new state. */
  'app.update.check': { request: z.strictObject({}), response: phantom<UpdateStatus>() },
  /** The person agreed: quit and install the downloaded update. Refused unless `ready`. */
  'app.update.restart': { request: z.strictObject({}), response: phantom<UpdateStatus>() },
} satisfies ChannelMap;

export const updatesEvents = {
  'app.update': phantom<UpdateStatus>(),
};
