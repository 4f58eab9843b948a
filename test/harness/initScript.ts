import { channels, type Channel } from '../../electron/shared/contract';
import { EVENTS_PATH, IPC_PATH } from './server';

export interface InitArgs {
  token: string;
  channels: Channel[];
  ipcPath: string;
  eventsPath: string;
}

/** The argument for `page.addInitScript(installDesk, deskInitArgs(token))`. */
export function deskInitArgs(token: string): InitArgs {
  return { token, channels, ipcPath: IPC_PATH, eventsPath: EVENTS_PATH };
}

/**
 * Runs in the page before its own scripts: builds `window.desk` exactly as the preload does (one
 * function per channel, `on` for events, frozen), over HTTP instead of Electron IPC.
 * It is serialized by Playwright, so it must not close over anything.
 */
export function installDesk(args: InitArgs): void {
  const headers = { authorization: `Bearer ${args.token}`, 'content-type': 'application/json' };
  const listeners = new Set<(name: string, payload: unknown) => void>();

  void (async () => {
    const response = await fetch(args.eventsPath, { headers });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return;
      buffer += chunk.value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!frame.startsWith('data: ')) continue;
        const [name, payload] = JSON.parse(frame.slice(6)) as [string, unknown];
        for (const listener of listeners) listener(name, payload);
      }
    }
  })();

  const calls = Object.fromEntries(
    args.channels.map((channel) => [
      channel,
      async (request: unknown) => {
        const response = await fetch(args.ipcPath + channel, {
          method: 'POST',
          headers,
          body: JSON.stringify(request === undefined ? null : request),
        });
        return (await response.json()) as unknown;
      },
    ]),
  );
  const on = (event: string, listener: (payload: unknown) => void) => {
    const forward = (name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    listeners.add(forward);
    return () => listeners.delete(forward);
  };
  Object.defineProperty(window, 'desk', { value: Object.freeze({ ...calls, on }), enumerable: true });
}
