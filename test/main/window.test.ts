import { describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from '../support/electronMock';

vi.mock('electron', async () => (await import('../support/electronMock')).createElectronMock());

const { mainWindowOptions } = await import('../../electron/main/window');
const { lockDown } = await import('../../electron/main/app');

describe('main window', () => {
  it('runs the page isolated, sandboxed and without Node', () => {
    const prefs = mainWindowOptions('/app/dist/preload/index.cjs').webPreferences;
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
  });
});
