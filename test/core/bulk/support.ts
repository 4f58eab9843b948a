/**
 * A shop on the sandbox for bulk tests, the crash test's child process and the benchmark: both
 * fakes on loopback (startSandbox, the Demo account without orders), a user-data folder set up the
 * way a shop is (the sandbox's team profile imported, keys in the real keychain under a service
 * name of the run's own), held payments seeded per test, and the core's pieces on that folder.
 * No vitest here: the child process imports it.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BulkService } from '../../../electron/core/bulk/service';
import { Connections } from '../../../electron/core/connections';
import { createDesk, type Desk, type DeskOptions } from '../../../electron/core/desk';
import { EventBus } from '../../../electron/core/events';
import { OrdersStore } from '../../../electron/core/orders/store';
import type { LeaseTiming } from '../../../electron/core/payments/lease';
import { PaymentLinks } from '../../../electron/core/payments/paymentLinks';
import { Journal } from '../../../electron/core/journal/journal';
import { JournalQueries } from '../../../electron/core/journal/queries';
import { PaymentsService } from '../../../electron/core/payments/service';
import { merchantKeyAccount, RETAILCRM_API_KEY } from '../../../electron/core/secrets/accounts';
import { osKeychain, type SecretStore } from '../../../electron/core/secrets/keychain';
import { Secrets } from '../../../electron/core/secrets/secrets';
import { importProfile } from '../../../electron/core/settings/profile';
import { SettingsService } from '../../../electron/core/settings/service';
import { SettingsStore } from '../../../electron/core/settings/store';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { MANUAL_MERCHANT, STATUS_MAPPING } from '../../../electron/sandbox/seed';
import type { BulkProgress } from '../../../electron/shared/channels/bulk';
import { kopiyky } from '../../../electron/shared/money';
import { QUICK_LEASE } from '../../support/lease';
import type { UapayReadings } from '../../../electron/sandbox/uapay';
import { readingsFromEnv } from '../../support/readings';

export { MANUAL_MERCHANT, STATUS_MAPPING };

export interface HeldOptions {
  amount?: number;
  /** The order's total in RetailCRM, when it differs from the hold. */
  orderTotal?: number;
  /** The RetailCRM payment's own amount (what its link asked), when it differs from the hold. */
  crmAmount?: number;
  /** A payment the order already had in cash (a prepayment), paid. */
  paidBefore?: number;
  /** How long ago the card was authorised (sandbox time); past the fake's 7 days UAPAY released it. */
  heldAgoMs?: number;
}

export interface Held {
  paymentId: number;
  orderId: number;
  orderNumber: string;
  invoiceId: string;
  uapayPaymentId: string;
  amount: number;
}

export interface Shop {
  sandbox: Sandbox;
  dir: string;
  keychainService: string;
  /** An order with a held UAPAY payment (manual merchant), as both fakes record it. */
  held(options?: HeldOptions): Held;
  /** UAPAY's paymentStatus of a payment now. */
  uapayStatus(held: Held): string | undefined;
  crmStatus(held: Held): string | undefined;
  crmAmount(held: Held): number | undefined;
  /** UAPAY calls of a method about one payment. */
  calls(method: 'complete' | 'cancel', held: Held): number;
  close(): Promise<void>;
}

export interface ShopOptions {
  holdLifetimeHours?: number;
  /** The RetailCRM fake's limit (default off: tests are not about it). */
  rateLimitPerSecond?: number;
  /** Any SecretStore instead of the OS keychain under a service name of the run's own. */
  secretStore?: SecretStore;
  /** UAPAY readings over the run's (DESK_UAPAY_READING, test/support/readings.ts). */
  readings?: Partial<UapayReadings>;
}

export async function openShop(options: ShopOptions = {}): Promise<Shop> {
  const sandbox = await startSandbox({
    size: 0,
    retailcrm: { rateLimitPerSecond: options.rateLimitPerSecond ?? 0 },
    uapay: { readings: { ...readingsFromEnv(), ...options.readings } },
  });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-bulk-'));
  const keychainService = `UAPAY Desk bulk test ${process.pid}-${Date.now()}`;
  const secrets = new Secrets(options.secretStore ?? osKeychain(keychainService));
  const settings = new SettingsService(new SettingsStore({ dir }), secrets);
  await importProfile(settings.store, JSON.stringify(sandbox.profile));
  await secrets.save(RETAILCRM_API_KEY, sandbox.secrets.retailCrmApiKey);
  for (const [merchantId, key] of Object.entries(sandbox.secrets.merchantKeys))
    await secrets.save(merchantKeyAccount(merchantId), key);
  await settings.updateGeneral({ managerName: 'Olena', holdLifetimeHours: options.holdLifetimeHours ?? 168 });
  await settings.store.idle();

  const uapay = sandbox.uapay.fake;
  const crm = sandbox.retailcrm.fake.state;
  let seq = 0;
  return {
    sandbox,
    dir,
    keychainService,
    held(o = {}) {
      seq += 1;
      const amount = o.amount ?? 10_000 + seq * 100;
      const heldAt = sandbox.clock.now() - (o.heldAgoMs ?? 60_000);
      const number = `${5000 + seq}B`;
      const invoice = uapay.state.createInvoice(
        MANUAL_MERCHANT.clientId,
        { type: 'HOLD', amount, externalId: number, description: `Order ${number}` },
        { at: heldAt - 60_000 },
      );
      const payment = uapay.state.pay(invoice.id, { card: 'success', at: heldAt, notify: false });
      const order = crm.addOrder({
        site: 'demo-shop',
        number,
        totalSumm: kopiyky(o.orderTotal ?? amount),
        firstName: 'Оксана',
        lastName: `Покупець ${seq}`,
        email: `buyer${seq}@example.com`,
        payments: [
          {
            type: MANUAL_MERCHANT.paymentTypeCode,
            status: STATUS_MAPPING.held,
            amount: kopiyky(o.crmAmount ?? amount),
            externalId: invoice.id,
            comment: `UAPAY: ${invoice.paymentPageUrl}`,
          },
          ...(o.paidBefore ? [{ type: 'cash', status: 'paid', amount: kopiyky(o.paidBefore) }] : []),
        ],
      });
      const crmPayment = crm.paymentsOf(order.id).find((p) => p.type === MANUAL_MERCHANT.paymentTypeCode);
      if (!crmPayment) throw new Error('the fake did not add the payment');
      return {
        paymentId: crmPayment.id,
        orderId: order.id,
        orderNumber: number,
        invoiceId: invoice.id,
        uapayPaymentId: payment.paymentId,
        amount,
      };
    },
    uapayStatus: (held) => uapay.state.payment(held.uapayPaymentId)?.paymentStatus,
    crmStatus: (held) => crm.payment(held.paymentId)?.status,
    crmAmount: (held) => crm.payment(held.paymentId)?.amount,
    calls: (method, held) =>
      // A call refused for its session (UNCERTAIN lifetime, §8.3) did nothing and is sent again: not counted.
      uapay.control.calls({
        method: `invoicer/payments/${method}`,
        paymentId: held.uapayPaymentId,
        sessionRefused: false,
      }),
    async close() {
      await sandbox.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The whole core (createDesk) on the shop's folder, its keys in `keychain` (the one `openShop` was
 * given), UAPAY at the sandbox; `options` add what a test needs (a timing, a quick RetailCRM client).
 */
export function openDeskOnShop(
  shop: Shop,
  keychain: SecretStore,
  options: Pick<DeskOptions, 'background' | 'connections' | 'demoSize'> = {},
): Desk {
  return createDesk({
    appName: 'UAPAY Desk',
    appVersion: '1',
    userDataDir: shop.dir,
    shell: 'harness',
    secrets: keychain,
    uapayBaseUrl: shop.sandbox.uapay.url,
    ...options,
  });
}

export interface CoreOptions {
  dir: string;
  keychainService?: string;
  /** Any SecretStore instead of the OS keychain (the benchmark without a keychain session). */
  secretStore?: SecretStore;
  uapayUrl: string;
  /** The app's own RetailCRM pace (default: fast; the fake's limit is off in tests). */
  retailCrmRequestsPerSecond?: number;
  concurrency?: number;
  lookAgainMs?: number[];
  /** The RetailCRM lock's timing; default QUICK_LEASE (one desktop: no concurrent writer to wait for). */
  lease?: LeaseTiming;
}

export interface Core {
  settings: SettingsService;
  connections: Connections;
  orders: OrdersStore;
  payments: PaymentsService;
  journal: JournalQueries;
  bulk: BulkService;
  events: EventBus;
  progress: BulkProgress[];
  close(): Promise<void>;
}

/** The core's pieces on a user-data folder, assembled as the app's workspace does. */
export function openCore(options: CoreOptions): Core {
  const { dir } = options;
  const secrets = new Secrets(options.secretStore ?? osKeychain(options.keychainService));
  const settings = new SettingsService(new SettingsStore({ dir }), secrets);
  const events = new EventBus();
  const progress: BulkProgress[] = [];
  events.subscribe((event, payload) => {
    if (event === 'bulk.progress') progress.push(payload);
  });
  const connections = new Connections(settings, secrets, {
    uapayBaseUrl: options.uapayUrl,
    retailCrm: { attempts: 8, backoffMs: 20 },
    retailCrmRequestsPerSecond: options.retailCrmRequestsPerSecond ?? 1_000,
    uapayTimeoutMs: 5_000,
  });
  const links = new PaymentLinks(options.uapayUrl);
  const orders = new OrdersStore({
    dir,
    api: () => connections.retailCrm(),
    settings: () => settings.get(),
    events,
    links: (invoiceId, link, merchant) => links.forInvoice(invoiceId, link, merchant),
  });
  const journal = Journal.open(dir, { managerName: () => settings.managerName() });
  const queries = new JournalQueries(journal);
  const payments = new PaymentsService({
    dir,
    journal,
    settings,
    secrets,
    connections,
    orders,
    links,
    lease: options.lease ?? QUICK_LEASE,
    lookAgainMs: options.lookAgainMs ?? [20, 50],
  });
  const bulk = new BulkService({
    dir,
    payments,
    journal: queries,
    orders,
    settings,
    connections,
    events,
    ...(options.concurrency && { concurrency: options.concurrency }),
  });
  return {
    settings,
    connections,
    orders,
    payments,
    journal: queries,
    bulk,
    events,
    progress,
    async close() {
      await bulk.close();
      await payments.close();
      await (await journal).close();
      await orders.close();
      await settings.store.idle();
    },
  };
}

/** RFC 4180 lines → rows of fields (a BOM first is dropped). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || (ch === '\r' && input[i + 1] === '\n')) {
      if (ch === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
