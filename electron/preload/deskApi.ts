import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { channels, EVENT_CHANNEL, type DeskApi, type EventName } from '../shared/contract';

export function buildDeskApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): DeskApi {
  const calls = Object.fromEntries(
    channels.map((channel) => [channel, (request: unknown) => ipc.invoke(channel, request)]),
  );
  const on = (event: EventName, listener: (payload: unknown) => void) => {
    const forward = (_: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipc.on(EVENT_CHANNEL, forward);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, forward);
    };
  };
  return Object.freeze({ ...calls, on }) as DeskApi;
}
