/**
 * When the app looks for updates and what it says about them: plain functions, no Electron, so
 * each rule is tested on its own (test/core/updates/policy.test.ts). The Electron side is
 * electron/main/updater.ts; the state lives in ./center.ts.
 */
import type { UpdateProblem, UpdatesOffReason, UpdateStatus } from '../../shared/channels/updates';

/** After start, the first check waits this long, so it never competes with the first screen. */
export const FIRST_CHECK_DELAY_MS = 15_000;
/** Then once a day ("checks on start and daily"). */
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** A failed check (offline, the server down) is tried again sooner than the next day. */
export const RETRY_AFTER_ERROR_MS = 60 * 60 * 1000;
/** How much of the updater's own message is kept for support. */
const MAX_DETAIL_CHARS = 300;

/** How this copy of the app was started and installed (main reads it from Electron and the OS). */
export interface InstallFacts {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** Set by the AppImage runtime to the image's path: the only Linux build that replaces itself. */
  appImage?: string;
  /** electron-builder's `resources/package-type` (`deb`, `rpm`, `pacman`), when present. */
  packageType?: string;
  /**
   * The feed fixed when the app was built (electron-builder `publish`, written into
   * `resources/app-update.yml`); absent when the build has none. Its origin is the only one
   * updates may come from: a team profile can pick another folder there, never another host.
   */
  buildFeed?: string;
  /**
   * Whether electron-updater checks a download's code signature against the installed app's
   * (Windows: a `publisherName` in app-update.yml; macOS: always). Without it (an unsigned
   * Windows build, an AppImage) only the feed's own checksum vouches for an update, so it is never
   * installed without the person's yes.
   */
  verifiesSignature?: boolean;
}

/**
 * The feed to check: the team profile's when it is on the origin the build allows, else the
 * build's own; none when the build has none (a profile cannot bring one). `refused`: the profile
 * named a feed elsewhere, which is ignored.
 */
export function chooseFeed(
  profileFeed: string | undefined,
  buildFeed: string | undefined,
): { url?: string; refused?: string } {
  if (!buildFeed) return profileFeed ? { refused: profileFeed } : {};
  if (!profileFeed) return { url: buildFeed };
  let allowed: boolean;
  try {
    const url = new URL(profileFeed);
    allowed = url.protocol === 'https:' && url.origin === new URL(buildFeed).origin;
  } catch {
    allowed = false;
  }
  return allowed ? { url: profileFeed } : { url: buildFeed, refused: profileFeed };
}

/**
 * Whether this installation can update itself at all (the feed is asked separately, at each
 * check, because a team profile may set it at any time). A .deb was installed with administrator
 * rights and is updated the same way, through the package manager; electron-updater would ask
 * for a password in the middle of someone's work.
 */
export function installCannotUpdate(facts: InstallFacts): UpdatesOffReason | undefined {
  if (!facts.isPackaged) return 'development';
  if (facts.platform === 'win32' || facts.platform === 'darwin') return undefined;
  if (facts.platform !== 'linux') return 'unsupported';
  if (facts.packageType) return 'systemPackage';
  return facts.appImage ? undefined : 'unsupported';
}

/** What the updater reported (main turns electron-updater's events into these). */
export type UpdaterReport =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'progress'; percent: number }
  | { type: 'notAvailable' }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; error: unknown };

export function nextStatus(status: UpdateStatus, report: UpdaterReport, now: Date): UpdateStatus {
  switch (report.type) {
    case 'checking':
      // A check while an update waits for the restart changes nothing the person needs to know.
      return status.state === 'ready' || status.state === 'downloading' ? status : { state: 'checking' };
    case 'available':
      return { state: 'downloading', version: report.version, percent: 0 };
    case 'progress':
      return status.state === 'downloading'
        ? { ...status, percent: Math.min(100, Math.max(0, Math.floor(report.percent))) }
        : status;
    case 'notAvailable':
      return status.state === 'ready' ? status : { state: 'idle', checkedAt: now.toISOString() };
    case 'downloaded':
      return { state: 'ready', version: report.version };
    case 'error':
      return { state: 'error', ...describeUpdateError(report.error), at: now.toISOString() };
  }
}

/** The wait before the next scheduled check; none once an update waits for the restart. */
export function nextCheckDelay(status: UpdateStatus): number | undefined {
  if (status.state === 'ready') return undefined;
  return status.state === 'error' ? RETRY_AFTER_ERROR_MS : CHECK_INTERVAL_MS;
}

/** A check may start unless one is running or an update is already on its way or waiting. */
export function mayCheck(status: UpdateStatus): boolean {
  return !['checking', 'downloading', 'ready'].includes(status.state);
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_CONNECTION_REFUSED',
]);
const NO_RELEASE_CODES = new Set([
  'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
  'ERR_UPDATER_INVALID_UPDATE_INFO',
  'ERR_UPDATER_NO_FILES_PROVIDED',
  'ERR_UPDATER_LATEST_VERSION_NOT_FOUND',
  'ERR_UPDATER_ZIP_FILE_NOT_FOUND',
  'ERR_UPDATER_ASSET_NOT_FOUND',
  'ERR_UPDATER_INVALID_VERSION',
  'ERR_UPDATER_NO_CHECKSUM',
]);

/**
 * electron-updater's errors carry a `code` (`ERR_UPDATER_…`, Node's `ENOTFOUND`…) and long
 * messages with URLs and response headers; the UI gets a kind it can word and the first line.
 */
export function describeUpdateError(error: unknown): { problem: UpdateProblem; detail: string } {
  const { code, message, statusCode } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
    statusCode?: unknown;
  };
  const text = typeof message === 'string' ? message : String(error);
  const detail = (text.split('\n', 1)[0] ?? '').trim().slice(0, MAX_DETAIL_CHARS) || 'Unknown error';
  const status = typeof statusCode === 'number' ? statusCode : Number(/HttpError: (\d{3})/.exec(text)?.[1]);
  let problem: UpdateProblem = 'failed';
  if (typeof code === 'string' && NO_RELEASE_CODES.has(code)) problem = 'noRelease';
  else if (code === 'ERR_UPDATER_INVALID_SIGNATURE' || /code signature|not signed/i.test(text))
    problem = 'untrusted';
  else if (code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(text)) problem = 'corrupt';
  else if (
    (typeof code === 'string' && NETWORK_CODES.has(code)) ||
    /net::ERR_|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(text) ||
    status >= 500
  ) {
    problem = 'unreachable';
  } else if (status === 404) problem = 'noRelease';
  return { problem, detail };
}
