import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { channels, type Handlers } from '../shared/contract';
import type { Result } from '../shared/errors';
import { dispatch } from '../core/ipc';

export type SenderCheck = (frame: WebFrameMain | null) => boolean;

/** Registers every contract channel; each call is checked for its sender, then dispatched. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  isTrusted: SenderCheck,
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrusted(event.senderFrame)) {
        return Promise.resolve({
          ok: false,
          error: { kind: 'forbidden', message: "Refused: the call did not come from the app's own window." },
        });
      }
      return dispatch(handlers, channel, payload);
    });
  }
}

/**
 * Only the top frame of a page served from one of `origins` may call the core: an iframe, a page
 * navigated elsewhere or a frame that is gone is refused. Origins are compared as
 * `protocol//host` because the WHATWG URL reports `null` as the origin of custom schemes.
 */
export function trustedSender(origins: readonly string[]): SenderCheck {
  return (frame) => {
    if (!frame || frame.parent !== null) return false;
    let url: URL;
    try {
      url = new URL(frame.url);
    } catch {
      return false;
    }
    return origins.includes(`${url.protocol}//${url.host}`);
  };
}
