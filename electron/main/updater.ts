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
export function installFacts(): InstallFacts {
  const packageTypeFile = path.join(process.resourcesPath ?? '', 'package-type');
  const packageType = existsSync(packageTypeFile) ? readFileSync(packageTypeFile, 'utf8').trim() : undefined;
  return {
    isPackaged: app.isPackaged,
    platform: process.platform,
    ...(process.env.APPIMAGE && { appImage: process.env.APPIMAGE }),
    ...(packageType && { packageType }),
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
    wire(wired, center);
    return wired;
  };
  center.start(
    {
      check: async (feedUrl) => {
        const instance = get();
        // The feed comes from the team profile, so it is set before every check, never baked in.
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

function wire(updater: AppUpdater, center: UpdatesCenter): void {
  // Downloads in the background; installs when the person agrees, or else when the app quits.
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
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
