import { describe, expect, it, vi } from 'vitest';
import { channels, EVENT_CHANNEL } from '../../electron/shared/contract';
import type { ElectronMock } from '../support/electronMock';

vi.mock('electron', async () => (await import('../support/electronMock')).createElectronMock());

const electron = (await import('electron')) as unknown as ElectronMock;
const { buildDeskApi } = await import('../../electron/preload/deskApi');

function fakeIpc() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
    emit: (channel: string, ...args: unknown[]) =>
      listeners.get(channel)?.forEach((listener) => listener({}, ...args)),
  };
}

describe('preload', () => {
  it('exposes exactly one object, window.desk, with a function per channel plus on()', async () => {
    await import('../../electron/preload/index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [
      string,
      Record<string, unknown>,
    ];
    expect(name).toBe('desk');
    expect(Object.keys(api).sort()).toEqual([...channels, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(api).not.toHaveProperty('invoke');
  });

  it('sends each call on its own channel with the request as given', async () => {
    const ipc = fakeIpc();
    const desk = buildDeskApi(ipc as never);
    expect(await desk['app.info']({})).toEqual({ ok: true, value: { channel: 'app.info', request: {} } });
    expect(ipc.invoke).toHaveBeenCalledWith('app.info', {});
  });

  it('delivers only the subscribed event, without the Electron event object, until unsubscribed', () => {
    const ipc = fakeIpc();
    const desk = buildDeskApi(ipc as never);
    const seen: unknown[] = [];
    const stop = desk.on('app.notice', (payload) => seen.push(payload));
    ipc.emit(EVENT_CHANNEL, 'app.notice', { level: 'info', code: 'a' });
    ipc.emit(EVENT_CHANNEL, 'other.event', { level: 'info', code: 'b' });
    stop();
    ipc.emit(EVENT_CHANNEL, 'app.notice', { level: 'info', code: 'c' });
    expect(seen).toEqual([{ level: 'info', code: 'a' }]);
  });
});
