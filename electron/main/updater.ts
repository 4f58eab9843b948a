/**
 * electron-updater, wired to the core's update state (electron/core/updates): what to check and
 * when is decided there; this file only turns that into electron-updater calls and its events
 * back into reports. electron-updater is bundled into dist/main like every other library.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import electronUpdater, { type AppUpdater, type ProgressInfo, type UpdateInfo } from 'electron-updater';
import { log } from '../core/log';
import type { UpdatesCenter } from '../core/updates/center';
import type { InstallFacts } from '../core/updates/policy';

/** How this copy was installed, from Electron and the files electron-builder leaves beside it. */
function installFacts(): InstallFacts {
  const resources = process.resourcesPath ?? '';
  const read = (file: string) =>
    existsSync(path.join(resources, file)) ? readFileSync(path.join(resources, file), 'utf8') : undefined;
  const packageType = read('package-type')?.trim();
  const feed = buildFeedOf(read('app-update.yml'));
  return {
    isPackaged: app.isPackaged,
    platform: process.platform,
    ...(process.env.APPIMAGE && { appImage: process.env.APPIMAGE }),
    ...(packageType && { packageType }),
    ...(feed.url && { buildFeed: feed.url }),
    verifiesSignature: process.platform === 'darwin' || (process.platform === 'win32' && feed.publisherName),
  };
}

/**
 * electron-builder's `app-update.yml` (flat `key: value` lines): the generic feed's URL, unless
 * it is the `.invalid` placeholder of a build made without DESK_UPDATE_FEED_URL, and whether it
 * names the Windows publisher whose signature electron-updater then requires of every update.
 */
export function buildFeedOf(yaml: string | undefined): { url?: string; publisherName: boolean } {
  const url = /^url:\s*['"]?(https:\/\/[^'"\s]+)/m.exec(yaml ?? '')?.[1];
  const usable = url !== undefined && !/^https:\/\/[^/]*\.invalid(\/|$)/.test(url);
  return {
    ...(usable && { url: url.replace(/\/+$/, '') }),
    publisherName: /^publisherName:/m.test(yaml ?? ''),
  };
}

/**
 * Connects electron-updater to the center and starts the schedule. `updater` is read lazily:
 * electron-updater picks its platform class on first use, and an install that cannot update
 * itself (a .deb, `npm start`) never creates one.
 */
export function startUpdater(
  center: UpdatesCenter,
  facts: InstallFacts = installFacts(),
  updater: () => AppUpdater = () => electronUpdater.autoUpdater,
): void {
  let wired: AppUpdater | undefined;
  const get = (): AppUpdater => {
    if (wired) return wired;
    wired = updater();
    wire(wired, center, facts.verifiesSignature === true);
    return wired;
  };
  center.start(
    {
      check: async (feedUrl) => {
        const instance = get();
        // The build's feed, or the profile's folder on the build's origin (center.ts chose it).
        instance.setFeedURL({ provider: 'generic', url: feedUrl });
        const result = await instance.checkForUpdates();
        // Download failures arrive as 'error' events too; the promise must not go unhandled.
        result?.downloadPromise?.catch(() => undefined);
      },
      // The person already said yes: install without the installer's own window, then start again.
      restart: () => get().quitAndInstall(true, true),
    },
    facts,
  );
}

function wire(updater: AppUpdater, center: UpdatesCenter, verifiesSignature: boolean): void {
  // Downloads in the background; installs when the person agrees, or else when the app quits, but
  // only where the update's signature is checked: an unsigned build installs only on their yes.
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = verifiesSignature;
  updater.allowPrerelease = false;
  updater.allowDowngrade = false;
  updater.logger = {
    info: (message: unknown) => log.info('updater', { message: String(message) }),
    warn: (message: unknown) => log.warn('updater', { message: String(message) }),
    error: (message: unknown) => log.error('updater', { message: String(message) }),
    debug: (message: unknown) => log.debug('updater', { message: String(message) }),
  };
  updater.on('checking-for-update', () => center.report({ type: 'checking' }));
  updater.on('update-available', (info: UpdateInfo) =>
    center.report({ type: 'available', version: info.version }),
  );
  updater.on('update-not-available', () => center.report({ type: 'notAvailable' }));
  updater.on('download-progress', (progress: ProgressInfo) =>
    center.report({ type: 'progress', percent: progress.percent }),
  );
  updater.on('update-downloaded', (info: UpdateInfo) =>
    center.report({ type: 'downloaded', version: info.version }),
  );
  updater.on('error', (error: Error) => center.report({ type: 'error', error }));
}
