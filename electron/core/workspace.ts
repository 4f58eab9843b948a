import type { Handlers } from '../shared/contract';
import { BackgroundRound, DEFAULT_BACKGROUND, type BackgroundTiming } from './background/round';
import { bulkHandlers } from './bulk/handlers';
import { BulkService } from './bulk/service';
import { relayHandlers } from './relay/handlers';
import { RelayService } from './relay/service';
import { Connections, type ConnectionsOptions } from './connections';
import { EventBus, type EventListener } from './events';
import { journalHandlers } from './journal/handlers';
import { Journal } from './journal/journal';
import { JournalQueries } from './journal/queries';
import { log } from './log';
import { mailHandlers } from './mail/handlers';
import { Notifier } from './notifications/notifier';
import { ordersHandlers } from './orders/handlers';
import { OrdersStore } from './orders/store';
import { paymentsHandlers } from './payments/handlers';
import { PaymentLinks } from './payments/paymentLinks';
import { PaymentsService, type PaymentsServiceOptions } from './payments/service';
import type { SecretStore } from './secrets/keychain';
import { Secrets } from './secrets/secrets';
import { settingsHandlers } from './settings/handlers';
import { settingsNotice } from './settings/notice';
import { SettingsService } from './settings/service';
import { SettingsStore } from './settings/store';
import { setupHandlers } from './setup/handlers';

/** The channels a workspace answers: everything but the app's own (app.*, demo.*). */
export type WorkspaceHandlers = Omit<Handlers, `app.${string}` | `demo.${string}`>;

export interface WorkspaceOptions {
  /** Settings, the orders cache, the journal and the relay cursor live here. */
  dir: string;
  secretStore: SecretStore;
  events: EventBus;
  app: { appName: string; appVersion: string };
  /** Every UAPAY call goes to this origin (the sandbox: Demo mode and tests). */
  uapayBaseUrl?: string;
  connections?: Pick<ConnectionsOptions, 'retailCrm' | 'retailCrmRequestsPerSecond' | 'uapayTimeoutMs'>;
  /**
   * The background round's timing; unset is the shipped timing (DEFAULT_BACKGROUND), `false` none
   * (a test that drives reconciliation, refresh and sync itself says so).
   */
  background?: BackgroundTiming | false;
  /** Payment-service tuning (tests: how long to wait on a relayed hint, re-look delays). */
  payments?: Pick<PaymentsServiceOptions, 'hintDelayMs' | 'lookAgainMs'>;
  /** How often the notifier looks at hold ends and pending writes (default a minute; 0: never by itself). */
  notifyCheckEveryMs?: number;
}

/**
 * One shop's back office: its settings and keys, clients, orders, payments and relay. The app
 * has the person's own workspace, and a Demo one (on the sandbox) while Demo mode is on, so the
 * demo never touches the real settings, keys or journal.
 */
export class Workspace {
  readonly settings: SettingsService;
  readonly secrets: Secrets;
  readonly connections: Connections;
  readonly orders: OrdersStore;
  readonly payments: PaymentsService;
  /** The operation journal as it is read (the Activity screen, bulk, notifications). */
  readonly journal: JournalQueries;
  readonly relay: RelayService;
  readonly bulk: BulkService;
  readonly background: BackgroundRound;
  readonly notifier: Notifier;
  readonly handlers: WorkspaceHandlers;
  private readonly openJournal: Promise<Journal>;

  constructor(options: WorkspaceOptions) {
    const { dir, events } = options;
    this.secrets = new Secrets(options.secretStore);
    this.settings = new SettingsService(
      new SettingsStore({ dir, onProblem: (problem) => events.emit('app.notice', settingsNotice(problem)) }),
      this.secrets,
    );
    this.connections = new Connections(this.settings, this.secrets, {
      ...(options.uapayBaseUrl && { uapayBaseUrl: options.uapayBaseUrl }),
      ...options.connections,
    });
    const links = new PaymentLinks(options.uapayBaseUrl);
    // The orders store's announcements go to the UI and to the notifier, which tells the person.
    const ordersEvents = new EventBus();
    ordersEvents.subscribe((...args) => {
      (events.emit as (...pair: Parameters<EventListener>) => void)(...args);
      if (args[0] === 'orders.changed') this.notifier.rowsChanged(args[1]);
    });
    this.orders = new OrdersStore({
      dir,
      api: () => this.connections.retailCrm(),
      settings: () => this.settings.get(),
      events: ordersEvents,
      links: (invoiceId, link, merchant) => links.forInvoice(invoiceId, link, merchant),
    });
    // The journal records who acted: the manager's name as Settings has it at that moment.
    this.openJournal = Journal.open(dir, { managerName: () => this.settings.managerName() });
    this.openJournal.catch((error: unknown) => log.error('the journal could not be opened', { error }));
    this.journal = new JournalQueries(this.openJournal);
    this.payments = new PaymentsService({
      dir,
      journal: this.openJournal,
      settings: this.settings,
      secrets: this.secrets,
      connections: this.connections,
      orders: this.orders,
      links,
      ...options.payments,
    });
    this.notifier = new Notifier({
      dir,
      events,
      rows: async () => (await this.orders.list()).rows,
      pendingWrites: () => this.journal.list({ limit: 1_000 }),
      settings: () => this.settings.get(),
      ...(options.notifyCheckEveryMs !== undefined && { checkEveryMs: options.notifyCheckEveryMs }),
    });
    this.bulk = new BulkService({
      dir,
      events,
      payments: this.payments,
      journal: this.journal,
      orders: this.orders,
      settings: this.settings,
      connections: this.connections,
    });
    // Relayed UAPAY callbacks, verified, are hints: status sync asks UAPAY about those invoices.
    this.relay = new RelayService({
      settings: this.settings,
      secrets: this.secrets,
      events,
      userDataDir: dir,
      onHint: (_invoiceIds, hints) => this.payments.hint(hints),
    });
    void this.relay.start();
    this.background = new BackgroundRound({
      work: {
        configured: async () => (await this.settings.get()).retailCrm !== null,
        reconcile: () => this.payments.reconcile(),
        refresh: () => this.orders.refresh(),
        sync: () => this.payments.sync(),
      },
      timing: options.background ?? DEFAULT_BACKGROUND,
      onChange: (status) => events.emit('background.status', status),
    });
    this.background.start();

    const settings = settingsHandlers(this.settings, options.app);
    this.handlers = {
      ...settings,
      // A profile may bring a relay pairing: the subscription follows it.
      'profile.import': async (request) => {
        const view = await settings['profile.import'](request);
        await this.relay.refresh();
        return view;
      },
      ...setupHandlers({ settings: this.settings, connections: this.connections }),
      ...ordersHandlers(this.orders),
      ...paymentsHandlers(this.payments),
      ...journalHandlers(this.journal),
      ...mailHandlers({ settings: this.settings, secrets: this.secrets }),
      ...relayHandlers(this.relay),
      ...bulkHandlers(this.bulk),
      'background.status': async () => this.background.status(),
    };
  }

  async close(): Promise<void> {
    await this.background.close();
    await this.notifier.close();
    await this.relay.close();
    await this.bulk.close();
    await this.payments.close();
    await this.openJournal.then((journal) => journal.close()).catch(() => undefined);
    await this.orders.close();
    await this.settings.store.idle();
  }
}
