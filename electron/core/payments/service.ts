import QRCode from 'qrcode';
import type { Kopiyky } from '../../shared/money';
import type { OrderRow } from '../../shared/orders';
import type { Connections } from '../connections';
import { NotFoundError, RefusedError } from '../errors';
import type { Journal } from '../journal/journal';
import { log } from '../log';
import { paymentLinkLetter } from '../mail/letters';
import { storeLanguage } from '../mail/letterLanguage';
import type { Language } from '../../shared/settings';
import { shopName } from './invoiceFields';
import type { OrdersStore } from '../orders/store';
import { SMTP_PASSWORD } from '../secrets/accounts';
import type { Secrets } from '../secrets/secrets';
import type { SettingsService } from '../settings/service';
import type { Hint } from '../relay/hints';
import { addPayment } from './addPayment';
import { parseComment } from './comment';
import type { PaymentsContext, PaymentTarget } from './context';
import { createLink } from './createLink';
import { desktopId } from './desktopId';
import type { LeaseTiming } from './lease';
import type { PaymentLinks } from './paymentLinks';
import { requirePaymentCurrency } from './currency';
import { cancel } from './cancel';
import { MoneyRunner, type MoneyKind } from './moneyRunner';
import { refund } from './refund';
import { reconcileOpen } from './reconcile';
import { requireLiveLink, sendLink } from './sendLink';
import { StatusChecks, type StatusChecksOptions } from './statusChecks';

export interface PaymentsServiceOptions {
  /** The user-data folder (this desktop's id is kept there). */
  dir: string;
  /** The operation journal: intents, steps and results (and the payment locks) go there. */
  journal: Promise<Journal>;
  settings: SettingsService;
  secrets: Secrets;
  connections: Connections;
  orders: OrdersStore;
  now?: () => Date;
  lookAgainMs?: readonly number[];
  /** The RetailCRM payment lock's timing (default DEFAULT_LEASE_TIMING). */
  lease?: LeaseTiming;
  /** Shared with the orders store: which payment links may be shown and mailed. */
  links: PaymentLinks;
  /** How long this desktop waits before acting on a relayed callback (StatusChecksOptions). */
  hintDelayMs?: StatusChecksOptions['hintDelayMs'];
}

/**
 * The payment operations behind the IPC channels: every call resolves the row from the orders
 * cache, runs the one implementation of the operation, and lets the rows (and so the UI) follow.
 * The workspace's background round (core/background/round.ts) calls `reconcile` and `sync`; when
 * UAPAY is asked is statusChecks.ts's job, what the operations journaled is read through
 * journal/queries.ts.
 */
export class PaymentsService {
  private readonly ready: Promise<{ ctx: PaymentsContext; runner: MoneyRunner; journal: Journal }>;
  private readonly checks: StatusChecks;

  constructor(private readonly options: PaymentsServiceOptions) {
    this.ready = this.open();
    this.ready.catch((error: unknown) => log.error('payments: could not start', { error }));
    const context = this.ready.then(({ ctx }) => ctx);
    context.catch(() => undefined); // logged above; a check that awaits it gets the failure
    this.checks = new StatusChecks({
      context,
      rows: async () => (await options.orders.list()).rows,
      ...(options.hintDelayMs !== undefined && { hintDelayMs: options.hintDelayMs }),
    });
  }

  private async open() {
    const { settings, secrets, connections, orders } = this.options;
    const journal = await this.options.journal;
    const { merchants } = await settings.get();
    this.options.links.learnFrom(journal, (id) => merchants.find((m) => m.id === id)?.environment);
    const ctx: PaymentsContext = {
      connections,
      journal,
      desktopId: await desktopId(this.options.dir),
      links: this.options.links,
      ...(this.options.lease && { lease: this.options.lease }),
      settings: () => settings.get(),
      smtpPassword: () => secrets.read(SMTP_PASSWORD),
      now: this.options.now ?? (() => new Date()),
      onRowChange: (paymentId, patch) => orders.patch(paymentId, patch),
      ...(this.options.lookAgainMs && { lookAgainMs: this.options.lookAgainMs }),
    };
    return { ctx, runner: new MoneyRunner(ctx), journal };
  }

  async target(paymentId: number): Promise<OrderRow & PaymentTarget> {
    const row = await this.options.orders.row(paymentId);
    if (!row) {
      throw new NotFoundError(
        'payment',
        'This payment is not in the list (it may have been deleted in RetailCRM). Refresh the list.',
      );
    }
    requirePaymentCurrency(row);
    return row;
  }

  async money(kind: MoneyKind, paymentId: number, amount?: Kopiyky, batchId?: string) {
    const { runner } = await this.ready;
    return runner.run(kind, await this.target(paymentId), {
      ...(amount !== undefined && { amount }),
      ...(batchId && { batchId }),
    });
  }

  /**
   * Gives back money that arrived on an extra invoice of a payment (a customer paid two of its
   * links): a refund of a capture, a cancel of a hold. Only an invoice status sync found is taken.
   */
  async giveBackExtra(paymentId: number, invoiceId: string) {
    const { runner } = await this.ready;
    const row = await this.target(paymentId);
    const extra = row.uapay?.extra?.find((money) => money.invoiceId === invoiceId);
    if (!extra)
      throw new RefusedError(
        'not_captured',
        'UAPAY showed no extra money on this invoice at the last check.',
      );
    const kind: MoneyKind = extra.state === 'held' ? cancel.kind : refund.kind;
    return runner.run(kind, { ...row, invoiceId, state: extra.state }, { extra: true });
  }

  /** A manager's word on an operation waiting for one (MoneyRunner.resolve). */
  async resolve(paymentId: number, opId: string, happened: boolean) {
    const { runner, journal } = await this.ready;
    const operation = journal.get(opId);
    if (!operation || operation.intent.crmPaymentId !== paymentId)
      throw new RefusedError('not_unclear', 'This operation is not waiting for a decision any more.');
    return runner.resolve(operation, happened, journal.actor());
  }

  /**
   * The row with RetailCRM's own amount, comment, invoice id and link. The cached row may predate a
   * change made just before a crash (the cache is saved a moment later) or on another desktop; a
   * refund computes its ceiling and what RetailCRM keeps from the amount, and "Generate link" must
   * not replace an invoice it does not know about (found by the chaos run, test/chaos).
   */
  private async fresh(row: OrderRow & PaymentTarget): Promise<OrderRow & PaymentTarget> {
    const order = await (await this.options.connections.retailCrm()).order(row.orderId);
    const payment = order.payments.find((p) => p.id === row.paymentId);
    if (!payment) return row;
    const link = parseComment(payment.comment).link;
    return {
      ...row,
      ...(payment.amount !== undefined && { amount: payment.amount }),
      ...(payment.comment !== undefined && { comment: payment.comment }),
      ...(payment.externalId !== undefined && { invoiceId: payment.externalId }),
      ...(link !== undefined && { link }),
    };
  }

  async createLink(paymentId: number) {
    const { ctx } = await this.ready;
    const result = await createLink(ctx, await this.fresh(await this.target(paymentId)));
    return { ...result, qr: await QRCode.toDataURL(result.link, { margin: 1, width: 240 }) };
  }

  async previewLetter(paymentId: number, asked?: Language) {
    const { ctx } = await this.ready;
    const [settings, row] = [await ctx.settings(), await this.fresh(await this.target(paymentId))];
    const live = await requireLiveLink(ctx, row);
    const language = asked ?? (await this.letterLanguage(row.site)) ?? settings.language;
    const letter = paymentLinkLetter({
      language,
      shopName: shopName(settings, row.site),
      orderNumber: row.orderNumber,
      amount: row.amount,
      link: live.link,
    });
    return { to: row.emails, language, ...letter };
  }

  /** The store's language for a customer's letter, when RetailCRM says it. */
  private letterLanguage(site: string) {
    return storeLanguage(() => this.options.connections.retailCrm(), site);
  }

  async sendLink(paymentId: number, to: string, language?: Language) {
    const { ctx } = await this.ready;
    const target = await this.fresh(await this.target(paymentId));
    return sendLink(ctx, target, to, language ?? (await this.letterLanguage(target.site)));
  }

  async addPayment(request: { orderId: number; merchantId?: string; amount?: Kopiyky }) {
    const { ctx } = await this.ready;
    const added = await addPayment(ctx, request);
    await this.options.orders
      .refresh()
      .catch((error: unknown) => log.warn('orders: refresh after add failed', { error }));
    return added;
  }

  /** Asks UAPAY about the watched payments (or exactly these) now. */
  sync(paymentIds?: readonly number[]) {
    return this.checks.sync(paymentIds);
  }

  /** Relayed callbacks: their payments are looked up at UAPAY (StatusChecks.hint). */
  hint(hints: readonly Hint[]) {
    return this.checks.hint(hints);
  }

  /** Finishes what the journal shows open (at start, then in the background). */
  async reconcile(): Promise<number> {
    const { ctx, runner } = await this.ready;
    return reconcileOpen(ctx, runner);
  }

  /** Resolves when the service is done with the journal (the workspace closes it afterwards). */
  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
  }
}
