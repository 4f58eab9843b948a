import type { DeskApi } from '../electron/shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload (or, in browser tests, by the harness's init script). */
    readonly desk: DeskApi;
  }
}
