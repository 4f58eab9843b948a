import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, session, shell, type WebContents } from 'electron';
import { EVENT_CHANNEL } from '../shared/contract';
import { createDesk, type Desk } from '../core/desk';
import { log } from '../core/log';
import { isAllowedExternal } from './externalLinks';
import { openLogFolderHandler } from './logFolder';
import { registerIpc, trustedSender } from './ipc';
import { showNotifications } from './notifications';
import { ProfileFiles } from './profileFile';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';
import { startUpdater } from './updater';
import { createMainWindow } from './window';

/** Set by `npm run dev`: the renderer then comes from Vite's dev server instead of app://. */
const devServerUrl = app.isPackaged ? undefined : process.env.VITE_DEV_SERVER_URL;

// Permissions the page may get; everything else (camera, geolocation, notifications…) is refused.
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export async function startApp(makeDesk: typeof createDesk = createDesk): Promise<void> {
  // Lets tests and a developer run a second, isolated profile. Never in an installed app: an
  // environment variable must not point it at settings, keys and a journal someone else prepared.
  if (!app.isPackaged && process.env.DESK_USER_DATA_DIR)
    app.setPath('userData', process.env.DESK_USER_DATA_DIR);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  const profileFiles = ProfileFiles.watch();
  app.on('web-contents-created', (_event, contents) => lockDown(contents));

  await app.whenReady();
  if (app.isPackaged) Menu.setApplicationMenu(installedMenu());
  const root = app.getAppPath();
  serveRenderer(path.join(root, 'dist/renderer'));
  session.defaultSession.setPermissionRequestHandler((_wc, permission, grant) =>
    grant(ALLOWED_PERMISSIONS.has(permission)),
  );

  // Only what only Electron knows: names and paths. Behaviour (the background round, timings) is
  // the core's own default, the one the tests prove; test/main checks that nothing else is passed.
  const desk = makeDesk({
    appName: app.getName(),
    appVersion: app.getVersion(),
    userDataDir: app.getPath('userData'),
    shell: 'electron',
  });
  const origins = devServerUrl ? [new URL(devServerUrl).origin] : [APP_ORIGIN];
  const handlers = {
    ...desk.handlers,
    'app.openLogFolder': openLogFolderHandler(desk.handlers['app.openLogFolder']),
  };
  registerIpc(ipcMain, handlers, trustedSender(origins));

  const openWindow = () => {
    const window = createMainWindow(
      path.join(root, 'dist/preload/index.cjs'),
      devServerUrl ?? `${APP_ORIGIN}/index.html`,
      !app.isPackaged,
    );
    const unsubscribe = desk.events.subscribe((event, payload) => {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event, payload);
    });
    window.on('closed', unsubscribe);
    return window;
  };
  let window = openWindow();
  void profileFiles.attach({ desk, window: () => (window.isDestroyed() ? (window = openWindow()) : window) });
  startUpdater(desk.updates);
  showNotifications(desk, () => (window.isDestroyed() ? (window = openWindow()) : window));

  app.on('second-instance', () => {
    if (window.isDestroyed()) window = openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  quitAfterClosing(desk);
}

/**
 * An installed app has no default menu (its View menu opens DevTools and reloads the page). macOS
 * keeps the app, Edit and Window menus: without Edit, copy and paste stop working in fields.
 */
export function installedMenu(platform: NodeJS.Platform = process.platform): Menu | null {
  if (platform !== 'darwin') return null;
  return Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]);
}

/** No navigation away from the app, no new windows, no webviews: allowed links open in the browser. */
export function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Never a new Electron window; an allowed link opens in the person's browser.
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Gives the core a chance to finish journal writes before the process ends. */
function quitAfterClosing(desk: Desk): void {
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    desk
      .close()
      .catch((error: unknown) => log.error('closing the core failed', { error }))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
