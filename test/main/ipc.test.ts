import { describe, expect, it, vi } from 'vitest';
import { channels, type Handlers } from '../../electron/shared/contract';
import type { ElectronMock } from '../support/electronMock';

vi.mock('electron', async () => (await import('../support/electronMock')).createElectronMock());

const electron = (await import('electron')) as unknown as ElectronMock;
const { registerIpc, trustedSender } = await import('../../electron/main/ipc');
const { APP_ORIGIN } = await import('../../electron/main/protocol');

const info = {
  name: 'n',
  version: 'v',
  platform: 'p',
  arch: 'a',
  shell: 'electron',
  keychain: { available: true, backend: 'b' },
  logFolder: '/logs',
} as const;

function setup() {
  electron.ipcMain.handlers.clear();
  const calls: unknown[] = [];
  const handlers = {
    'app.info': async (req) => {
      calls.push(req);
      return info;
    },
  } satisfies Pick<Handlers, 'app.info'>;
  // Only app.info is called here; the other channels are never reached.
  registerIpc(electron.ipcMain, handlers as Handlers, trustedSender([APP_ORIGIN]));
  const invoke = (channel: string, senderFrame: unknown, payload: unknown) =>
    electron.ipcMain.handlers.get(channel)?.({ senderFrame }, payload);
  return { calls, invoke };
}

const topFrame = (url: string) => ({ url, parent: null });

describe('IPC registration in main', () => {
  it('registers every contract channel, and nothing else', () => {
    setup();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
  });

  it('answers the app window', async () => {
    const { invoke, calls } = setup();
    expect(await invoke('app.info', topFrame(`${APP_ORIGIN}/index.html`), {})).toEqual({
      ok: true,
      value: info,
    });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['another origin', topFrame('https://evil.example/')],
    ['a file:// page', topFrame('file:///tmp/index.html')],
    [
      'an iframe inside the app',
      { url: `${APP_ORIGIN}/index.html`, parent: topFrame(`${APP_ORIGIN}/index.html`) },
    ],
    ['a frame that is gone', null],
  ])('refuses a call from %s without running the handler', async (_, frame) => {
    const { invoke, calls } = setup();
    expect(await invoke('app.info', frame, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(calls).toHaveLength(0);
  });

  it('validates the payload in main', async () => {
    const { invoke, calls } = setup();
    expect(await invoke('app.info', topFrame(`${APP_ORIGIN}/`), { sneaky: true })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(calls).toHaveLength(0);
  });
});
