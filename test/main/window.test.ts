import { describe, expect, it, vi } from 'vitest';
import { FakeWebContents, type ElectronMock, type FakeBrowserWindow } from '../support/electronMock';

vi.mock('electron', async () => (await import('../support/electronMock')).createElectronMock());

const { createMainWindow } = await import('../../electron/main/window');
const { lockDown } = await import('../../electron/main/app');
const { isAllowedExternal } = await import('../../electron/main/externalLinks');
const electron = (await import('electron')) as unknown as ElectronMock;

describe('main window', () => {
  it('runs the page isolated, sandboxed and without Node', () => {
    const window = createMainWindow('/app/dist/preload/index.cjs', 'app://desk/index.html', false);
    const prefs = (window as unknown as FakeBrowserWindow).options.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/dist/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('blocks navigation, redirects, webviews and window.open', () => {
    const contents = new FakeWebContents();
    lockDown(contents as never);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, 'https://evil.example/');
      expect(preventDefault, event).toHaveBeenCalledOnce();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens only allowed links, in the browser, never in a new app window', () => {
    const contents = new FakeWebContents();
    lockDown(contents as never);
    const page = 'https://pay.uapay.ua/payment/7f3a';
    expect(contents.windowOpenHandler?.({ url: page })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith(page);
  });

  it.each([
    ['https://pay.uapay.ua/payment/1', true],
    ['https://myshop.retailcrm.ru/orders/1/edit', true],
    ['http://127.0.0.1:4020/payment/1', true],
    ['http://pay.uapay.ua/payment/1', false],
    ['https://uapay.ua.evil.example/', false],
    ['https://user:pass@pay.uapay.ua/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
  ])('external link %s allowed: %s', (url, allowed) => {
    expect(isAllowedExternal(url)).toBe(allowed);
  });
});
