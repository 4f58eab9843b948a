import type { Handlers } from '../shared/contract';
import { appHandlers } from './app/info';
import { relayHandlers } from './callbacks/handlers';
import { RelayService } from './callbacks/service';
import { Connections, type ConnectionsOptions } from './connections';
import { EventBus } from './events';
import { ordersHandlers } from './orders/handlers';
import { paymentsHandlers } from './payments/handlers';
import { PaymentsService, type BackgroundTiming } from './payments/service';
import { OrdersStore } from './orders/store';
import { osKeychain, type SecretStore } from './secrets/keychain';
import { withoutSecrets } from './secrets/replyGuard';
import { Secrets } from './secrets/secrets';
import { settingsHandlers } from './settings/handlers';
import { setupHandlers } from './setup/handlers';
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
  /** RetailCRM client timing and pace (tests make retries quick and the pace fast). */
  connections?: Pick<ConnectionsOptions, 'retailCrm' | 'retailCrmRequestsPerSecond'>;
  /** Background status sync and list refresh; off unless given (tests drive them themselves). */
  background?: BackgroundTiming;
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
    ...options.connections,
  });
  const orders = new OrdersStore({
    dir: options.userDataDir,
    api: () => connections.retailCrm(),
    settings: () => settings.get(),
    events,
  });
  const payments = new PaymentsService({
    dir: options.userDataDir,
    settings,
    secrets,
    connections,
    orders,
    ...(options.background && { background: options.background }),
  });
  // Relayed UAPAY callbacks, verified, are hints: status sync asks UAPAY about those invoices.
  const relay = new RelayService({
    settings,
    secrets,
    events,
    userDataDir: options.userDataDir,
    onHint: (invoiceIds) => payments.hint(invoiceIds),
  });
  void relay.start();
  const handlers = withoutSecrets({
    ...appHandlers({ ...options, secrets: secretStore }),
    ...settingsHandlers(settings, options),
    ...setupHandlers({ settings, connections }),
    ...ordersHandlers(orders),
    ...paymentsHandlers(payments),
    ...relayHandlers(relay),
  } satisfies Handlers);
  return {
    handlers,
    events,
    close: async () => {
      await relay.close();
      await payments.close();
      await orders.close();
      await settings.store.idle();
    },
  };
}
