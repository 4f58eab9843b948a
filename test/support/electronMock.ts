/**
 * A stand-in for the `electron` module, for unit tests of main and preload on machines without
 * the Electron binary. It records what our code asked Electron to do; it does not imitate
 * Electron's behaviour beyond that.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: unknown) => unknown;
  sent: unknown[][] = [];
  setWindowOpenHandler(handler: (details: unknown) => unknown) {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  static getAllWindows = () => FakeBrowserWindow.created;
  readonly webContents = new FakeWebContents();
  loadedUrl?: string;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
}

/** Records the notifications shown; a test clicks one with `emit('click')`. */
export class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = [];
  static supported = true;
  static isSupported = () => FakeNotification.supported;
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
}

export function createElectronMock() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    singleInstance: true,
    requestSingleInstanceLock: vi.fn(() => app.singleInstance),
    quit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getAppPath: () => '/app',
    getName: () => 'UAPAY Desk',
    getVersion: () => '1.2.3',
    getPath: (name: string) => `/tmp/desk-test-${name}`,
    setPath: vi.fn(),
    setBadgeCount: vi.fn(() => true),
    setAppUserModelId: vi.fn(),
  });
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    nativeTheme: { shouldUseDarkColors: false },
    ipcMain: {
      handlers,
      handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) =>
        handlers.set(channel, handler),
      ),
    },
    Menu: {
      setApplicationMenu: vi.fn(),
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    net: { fetch: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn() } },
    contextBridge: { exposeInMainWorld: vi.fn() },
    // openPath answers an error text, empty when the folder opened.
    shell: { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn(() => Promise.resolve('')) },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  };
}

export type ElectronMock = ReturnType<typeof createElectronMock>;
