/**
 * A small, explicit world for payment tests: both fakes on loopback, one site in UAH, one merchant
 * that confirms manually (HOLD) and one automatic (PAY), each linked to its payment type, every
 * lifecycle state mapped, and the core's own pieces (settings, keychain, journal, connections) on
 * a fresh user-data folder. Orders are added per test with the state it needs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Connections } from '../../electron/core/connections';
import { Journal } from '../../electron/core/journal/journal';
import type { PaymentsContext, PaymentTarget } from '../../electron/core/payments/context';
import type { LeaseTiming } from '../../electron/core/payments/lease';
import { PaymentLinks } from '../../electron/core/payments/paymentLinks';
import { QUICK_LEASE } from './lease';
import { SMTP_PASSWORD } from '../../electron/core/secrets/accounts';
import { Secrets } from '../../electron/core/secrets/secrets';
import { SettingsService } from '../../electron/core/settings/service';
import { SettingsStore } from '../../electron/core/settings/store';
import { kopiyky, type Kopiyky } from '../../electron/shared/money';
import type { OrderRow } from '../../electron/shared/orders';
import type { StatusMapping } from '../../electron/shared/settings';
import { SandboxClock } from '../../electron/sandbox/clock';
import { createRetailCrmFake, type RetailCrmFake } from '../../electron/sandbox/retailcrm';
import { createUapayFake, type UapayFake, type UapayReadings } from '../../electron/sandbox/uapay';
import { STATUS_MAPPING } from '../../electron/sandbox/seed';
import { testKeychain } from './keychain';
import { readingsFromEnv } from './readings';

/** The codes the app's setup creates (the sandbox's), one per lifecycle state. */
export const MAPPING: StatusMapping = STATUS_MAPPING;
const COMPLETE = new Set(['uapay-paid', 'uapay-partially-refunded']);

export const MANUAL = { clientId: '7001', secretKey: 'manual-merchant-key-0001', type: 'uapay-manual' };
export const AUTO = { clientId: '7002', secretKey: 'auto-merchant-key-000002', type: 'uapay-auto' };
const API_KEY = 'world-retailcrm-key-01';

export interface World {
  clock: SandboxClock;
  crm: RetailCrmFake;
  uapay: UapayFake;
  settings: SettingsService;
  journal: Journal;
  connections: Connections;
  ctx: PaymentsContext;
  merchantIds: { manual: string; auto: string };
  userDataDir: string;
  /** The keychain service this world's keys are under (a child process can open the same). */
  keychainService: string;
  uapayUrl: string;
  /** An order with a held UAPAY payment, as the CRM and UAPAY both record it. */
  heldPayment(amount?: number): Promise<PaymentTarget>;
  /** An order paid through a PAY invoice (or a captured hold). */
  paidPayment(amount?: number): Promise<PaymentTarget>;
  /** An order with a UAPAY payment of this merchant type (default: the manual one) and no link yet. */
  unlinkedPayment(amount?: number, type?: string): PaymentTarget;
  /** The orders-list row of a payment, as the orders store would build it. */
  rowOf(target: PaymentTarget, extra?: Partial<OrderRow>): OrderRow;
  /** The RetailCRM payment as the fake holds it now. */
  crmPayment(paymentId: number): {
    status?: string;
    amount: number;
    externalId?: string;
    comment?: string;
    paidAt?: unknown;
  };
  close(): Promise<void>;
}

export interface WorldOptions {
  lookAgainMs?: number[];
  crmAttempts?: number;
  /**
   * UAPAY readings for a test aimed at one of them, over the run's (DESK_UAPAY_READING, see
   * test/support/readings.ts); the switches not named keep the run's values.
   */
  readings?: Partial<UapayReadings>;
  /** The RetailCRM lock's timing; default QUICK_LEASE (one desktop). */
  lease?: LeaseTiming;
}

export async function createWorld(options: WorldOptions = {}): Promise<World> {
  const clock = new SandboxClock();
  const crm = createRetailCrmFake({ clock, rateLimitPerSecond: 0 });
  const uapay = createUapayFake({
    clock,
    callbackTimeFactor: 0.001,
    readings: { ...readingsFromEnv(), ...options.readings },
  });
  crm.state.addSite({ code: 'shop', name: 'Shop', currency: 'UAH' });
  crm.state.addCurrency({ code: 'UAH', isBase: true });
  crm.state.addApiKey({ key: API_KEY });
  for (const [state, code] of Object.entries(MAPPING)) {
    crm.state.putPaymentStatus({ code, name: state, paymentComplete: COMPLETE.has(code) });
  }
  for (const merchant of [MANUAL, AUTO]) {
    crm.state.putPaymentType({
      code: merchant.type,
      name: merchant.type,
      paymentStatuses: Object.values(MAPPING),
    });
    uapay.state.addMerchant({
      clientId: merchant.clientId,
      secretKey: merchant.secretKey,
      name: merchant.type,
    });
  }
  const crmUrl = await crm.listen();
  const uapayUrl = await uapay.listen();

  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'desk-world-'));
  const keychain = testKeychain();
  const secrets = new Secrets(keychain);
  const settings = new SettingsService(new SettingsStore({ dir: userDataDir }), secrets);
  await settings.setRetailCrm({ url: crmUrl, siteCodes: [] }, API_KEY);
  const manual = await settings.addMerchant(
    {
      name: 'Manual',
      clientId: MANUAL.clientId,
      environment: 'test',
      confirmManually: true,
      paymentTypeCode: MANUAL.type,
    },
    MANUAL.secretKey,
  );
  const auto = await settings.addMerchant(
    {
      name: 'Auto',
      clientId: AUTO.clientId,
      environment: 'test',
      confirmManually: false,
      paymentTypeCode: AUTO.type,
    },
    AUTO.secretKey,
  );
  await settings.setStatusMapping(MAPPING);
  await settings.updateGeneral({ managerName: 'Olena' });
  const journal = await Journal.open(userDataDir, { managerName: () => 'Olena' });
  const connections = new Connections(settings, secrets, {
    uapayBaseUrl: uapayUrl,
    retailCrm: { attempts: options.crmAttempts ?? 3, backoffMs: 20 },
    uapayTimeoutMs: 1_500,
    now: () => clock.now(),
  });
  const ctx: PaymentsContext = {
    connections,
    journal,
    settings: () => settings.get(),
    smtpPassword: () => secrets.read(SMTP_PASSWORD),
    now: () => clock.date(),
    lookAgainMs: options.lookAgainMs ?? [20, 50],
    desktopId: 'desk-0000000000a1',
    links: new PaymentLinks(uapayUrl),
    lease: options.lease ?? QUICK_LEASE,
  };

  let orderNo = 0;
  async function order(type: string, amount: number, status: string, externalId?: string, comment?: string) {
    orderNo += 1;
    const created = crm.state.addOrder({
      number: `${1000 + orderNo}A`,
      totalSumm: kopiyky(amount),
      email: `buyer${orderNo}@example.com`,
      firstName: 'Тарас',
      lastName: 'Шевченко',
      payments: [
        {
          type,
          status,
          amount: kopiyky(amount),
          ...(externalId && { externalId }),
          ...(comment && { comment }),
        },
      ],
    });
    const payment = crm.state.paymentsOf(created.id)[0];
    if (!payment) throw new Error('the fake did not add the payment');
    return { order: created, paymentId: payment.id };
  }

  function target(
    o: { order: { id: number; number: string }; paymentId: number },
    merchantId: string,
    invoiceId: string,
    link: string,
    amount: number,
    state: PaymentTarget['state'],
  ): PaymentTarget {
    return {
      paymentId: o.paymentId,
      orderId: o.order.id,
      orderNumber: o.order.number,
      site: 'shop',
      merchantId,
      invoiceId,
      link,
      amount: kopiyky(amount) as Kopiyky,
      state,
      comment: `UAPAY: ${link}`,
    };
  }

  /** An order whose invoice (HOLD for the manual merchant, PAY for the automatic one) the customer paid. */
  async function paidThrough(
    merchant: typeof MANUAL,
    merchantId: string,
    state: 'held' | 'paid',
    amount: number,
  ): Promise<PaymentTarget> {
    const invoice = uapay.state.createInvoice(merchant.clientId, {
      type: state === 'held' ? 'HOLD' : 'PAY',
      amount,
      externalId: `${1001 + orderNo}A`,
      description: 'order',
    });
    uapay.state.pay(invoice.id, { card: 'success', notify: false });
    const o = await order(
      merchant.type,
      amount,
      MAPPING[state] ?? '',
      invoice.id,
      `UAPAY: ${invoice.paymentPageUrl}`,
    );
    return target(o, merchantId, invoice.id, invoice.paymentPageUrl, amount, state);
  }

  return {
    clock,
    crm,
    uapay,
    settings,
    journal,
    connections,
    ctx,
    merchantIds: { manual: manual.id, auto: auto.id },
    userDataDir,
    keychainService: keychain.service,
    uapayUrl,
    heldPayment: (amount = 150_000) => paidThrough(MANUAL, manual.id, 'held', amount),
    paidPayment: (amount = 150_000) => paidThrough(AUTO, auto.id, 'paid', amount),
    unlinkedPayment(amount = 99_990, type = MANUAL.type) {
      const created = crm.state.addOrder({
        number: `L${Math.floor(Math.random() * 1e6)}`,
        totalSumm: kopiyky(amount),
        payments: [{ type, status: MAPPING.no_link ?? '', amount: kopiyky(amount) }],
      });
      const payment = crm.state.paymentsOf(created.id)[0];
      if (!payment) throw new Error('the fake did not add the payment');
      return {
        paymentId: payment.id,
        orderId: created.id,
        orderNumber: created.number,
        site: 'shop',
        merchantId: type === MANUAL.type ? manual.id : auto.id,
        amount: kopiyky(amount),
        state: 'no_link',
      };
    },
    rowOf(target, extra = {}) {
      return {
        ...target,
        createdAt: new Date().toISOString(),
        customerName: 'Тарас Шевченко',
        emails: [],
        phones: [],
        orderTotal: target.amount,
        paymentType: target.merchantId === manual.id ? MANUAL.type : AUTO.type,
        ...extra,
      };
    },
    crmPayment(paymentId) {
      const payment = crm.state.payment(paymentId);
      if (!payment) throw new Error(`no CRM payment ${paymentId}`);
      return payment as unknown as ReturnType<World['crmPayment']>;
    },
    async close() {
      await journal.close();
      await settings.store.idle();
      await Promise.all([crm.close(), uapay.close()]);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Records the row changes the payments side reports (`ctx.onRowChange`), merged per payment. */
export function recordRowPatches(world: World): Map<number, Partial<OrderRow>> {
  const patches = new Map<number, Partial<OrderRow>>();
  world.ctx.onRowChange = (id, patch) => patches.set(id, { ...patches.get(id), ...patch });
  return patches;
}
