import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, EVENT_CHANNEL } from '../../electron/shared/contract';
import { FakeBrowserWindow, type ElectronMock } from '../support/electronMock';

vi.mock('electron', async () => (await import('../support/electronMock')).createElectronMock());

const electron = (await import('electron')) as unknown as ElectronMock;
const { startApp } = await import('../../electron/main/app');
const { createDesk } = await import('../../electron/core/desk');
type Desk = ReturnType<typeof createDesk>;
type DeskOptions = Parameters<typeof createDesk>[0];

beforeEach(() => {
  FakeBrowserWindow.created = [];
  electron.ipcMain.handlers.clear();
  electron.app.removeAllListeners();
});

describe('app start', () => {
  it('quits at once when another instance already runs', async () => {
    electron.app.singleInstance = false;
    await startApp();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
    electron.app.singleInstance = true;
  });

  it('serves the renderer over app://, registers the contract and opens one secure window', async () => {
    await startApp();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const [window] = FakeBrowserWindow.created;
    expect(window?.loadedUrl).toBe('app://desk/index.html');
    expect(window?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
  });

  it('refuses every permission request but clipboard writing', async () => {
    await startApp();
    const handler = electron.session.defaultSession.setPermissionRequestHandler.mock.lastCall?.[0] as (
      wc: unknown,
      permission: string,
      grant: (ok: boolean) => void,
    ) => void;
    const answers = Object.fromEntries(
      ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-sanitized-write'].map(
        (permission) => {
          let granted: boolean | undefined;
          handler(null, permission, (ok) => (granted = ok));
          return [permission, granted];
        },
      ),
    );
    expect(answers).toEqual({
      media: false,
      geolocation: false,
      notifications: false,
      openExternal: false,
      'clipboard-sanitized-write': true,
    });
  });

  it('forwards core events to the window on the one event channel', async () => {
    let desk: Desk | undefined;
    await startApp((options) => (desk = createDesk(options)));
    const [window] = FakeBrowserWindow.created;
    // Started from source, updates say they are off (the state the About screen shows).
    expect(window?.webContents.sent).toEqual([
      [EVENT_CHANNEL, 'app.update', { state: 'off', reason: 'development' }],
    ]);
    desk?.events.emit('app.notice', { level: 'warning', code: 'settingsKeptAside' });
    expect(window?.webContents.sent.at(-1)).toEqual([
      EVENT_CHANNEL,
      'app.notice',
      { level: 'warning', code: 'settingsKeptAside' },
    ]);
  });

  it('hands the core only what only Electron knows, so the core runs with its shipped behaviour', async () => {
    let given: DeskOptions | undefined;
    let desk: Desk | undefined;
    await startApp((options) => {
      given = options;
      return (desk = createDesk(options));
    });
    // Names and paths. A behaviour switch here (background: false, a timing, another keychain…)
    // would make the app people run differ from the one the tests prove.
    expect(Object.keys(given ?? {}).sort()).toEqual(['appName', 'appVersion', 'shell', 'userDataDir']);
    expect(given).toMatchObject({ shell: 'electron', userDataDir: '/tmp/desk-test-userData' });
    expect(desk?.workspace().background.status().state).not.toBe('off');
    await desk?.close();
  });

  it('opens the log folder with the system file manager', async () => {
    let desk: Desk | undefined;
    await startApp((options) => (desk = createDesk(options)));
    const handler = electron.ipcMain.handlers.get('app.openLogFolder');
    const reply = await handler?.({ senderFrame: { url: 'app://desk/index.html', parent: null } }, {});
    expect(reply).toEqual({ ok: true, value: { folder: '/tmp/desk-test-userData/logs', opened: true } });
    expect(electron.shell.openPath).toHaveBeenCalledWith('/tmp/desk-test-userData/logs');
    await desk?.close();
  });
});
