import { BrowserWindow, nativeTheme } from 'electron';

/**
 * The app's window, with the secure options written out where it is created, so a reader (and
 * Electronegativity, which reads the `new BrowserWindow({…})` call) sees each of them; a test pins
 * them. DevTools only when started from source: in an installed app they would let anyone at the
 * desk run code in the page.
 */
export function createMainWindow(preloadPath: string, url: string, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    title: 'UAPAY Desk',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171c' : '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools,
      // A middle click would open a link in a new window; window.open is denied anyway (lockDown).
      disableBlinkFeatures: 'Auxclick',
      // The spell-check dictionaries are downloaded from Google; nothing here needs them.
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
