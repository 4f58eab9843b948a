import type { Handlers } from '../shared/contract';
import { appHandlers } from './app/info';
import { Connections } from './connections';
import { EventBus } from './events';
import { osKeychain, type SecretStore } from './secrets/keychain';
import { withoutSecrets } from './secrets/replyGuard';
import { Secrets } from './secrets/secrets';
import { settingsHandlers } from './settings/handlers';
import { settingsNotice } from './settings/notice';
import { SettingsService } from './settings/service';
import { SettingsStore } from './settings/store';

export interface DeskOptions {
  appName: string;
  appVersion: string;
  /** Where settings, the cache and the journal live (Electron's userData folder). */
  userDataDir: string;
  shell: 'electron' | 'harness';
  /** Tests pass their own service name so they never touch a person's real entries. */
  secrets?: SecretStore;
  /** Every UAPAY call goes to this origin (the sandbox: Demo mode and tests). */
  uapayBaseUrl?: string;
}

/** The whole back office, ready to serve the IPC contract. Main and the test harness build it alike. */
export interface Desk {
  handlers: Handlers;
  events: EventBus;
  close(): Promise<void>;
}

export function createDesk(options: DeskOptions): Desk {
  const events = new EventBus();
  const secretStore = options.secrets ?? osKeychain();
  const secrets = new Secrets(secretStore);
  const settings = new SettingsService(
    new SettingsStore({
      dir: options.userDataDir,
      onProblem: (problem) => events.emit('app.notice', settingsNotice(problem)),
    }),
    secrets,
  );
  const connections = new Connections(settings, secrets, {
    ...(options.uapayBaseUrl && { uapayBaseUrl: options.uapayBaseUrl }),
  });
  void connections; // used by the setup, orders and payments handlers as they land
  const handlers = withoutSecrets({
    ...appHandlers({ ...options, secrets: secretStore }),
    ...settingsHandlers(settings, options),
  } satisfies Handlers);
  return {
    handlers,
    events,
    close: () => settings.store.idle(),
  };
}
