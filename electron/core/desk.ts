import type { Handlers } from '../shared/contract';
import { appHandlers } from './app/info';
import { EventBus } from './events';
import { osKeychain, type SecretStore } from './secrets/keychain';

export interface DeskOptions {
  appName: string;
  appVersion: string;
  /** Where settings, the cache and the journal live (Electron's userData folder). */
  userDataDir: string;
  shell: 'electron' | 'harness';
  /** Tests pass their own service name so they never touch a person's real entries. */
  secrets?: SecretStore;
}

/** The whole back office, ready to serve the IPC contract. Main and the test harness build it alike. */
export interface Desk {
  handlers: Handlers;
  events: EventBus;
  close(): Promise<void>;
}

export function createDesk(options: DeskOptions): Desk {
  const events = new EventBus();
  const secrets = options.secrets ?? osKeychain();
  const handlers = {
    ...appHandlers({ ...options, secrets }),
  } satisfies Handlers;
  return {
    handlers,
    events,
    close: async () => {},
  };
}
