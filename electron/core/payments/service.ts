import QRCode from 'qrcode';
import type { JournalEntry, JournalFilter } from '../../shared/channels/payments';
import type { Kopiyky } from '../../shared/money';
import type { OrderRow } from '../../shared/orders';
import type { Connections } from '../connections';
import { RefusedError, ValidationError } from '../errors';
import { entriesToCsv, selectEntries, toEntry } from '../journal/view';
import { Journal } from '../journal/journal';
import { log } from '../log';
import { paymentLinkLetter, testLetter } from '../mail/letters';
import { storeLanguage } from '../mail/letterLanguage';
import { sendLetter } from '../mail/mailer';
import type { Language } from '../../shared/settings';
import { shopName } from './invoiceFields';
import type { OrdersStore } from '../orders/store';
import { SMTP_PASSWORD } from '../secrets/accounts';
import type { Secrets } from '../secrets/secrets';
import type { SettingsService } from '../settings/service';
import { addPayment } from './addPayment';
import { parseComment } from './comment';
import type { PaymentsContext, PaymentTarget } from './context';
import { createLink } from './createLink';
import { requirePaymentCurrency } from './currency';
import { MoneyRunner } from './moneyRunner';
import type { MoneyKind } from './moneyOperations';
import { reconcileOpen } from './reconcile';
import { sendLink } from './sendLink';
import { syncStatuses } from './statusSync';

export interface BackgroundTiming {
  /** How often watched payments are checked with UAPAY (callbacks make it sooner). */
  syncMs: number;
  /** How often the orders list asks RetailCRM's history for changes. */
  refreshMs: number;
}

export const DEFAULT_BACKGROUND: BackgroundTiming = { syncMs: 30_000, refreshMs: 60_000 };

export interface PaymentsServiceOptions {
  dir: string;
  settings: SettingsService;
  secrets: Secrets;
  connections: Connections;
  orders: OrdersStore;
  now?: () => Date;
  lookAgainMs?: readonly number[];
  /** Off unless given: tests drive sync and reconciliation themselves. */
  background?: BackgroundTiming;
  /**
   * How long this desktop waits before acting on a relayed callback. Every desktop of a shop gets
   * each callback at the same moment; different waits let the first one's RetailCRM write be seen
   * by the others, which then have nothing to write. Default: a random 0–800 ms per desktop.
   */
  hintDelayMs?: number;
}

/**
 * The payment operations behind the IPC channels: every call resolves the row from the orders
 * cache, runs the one implementation of the operation, and lets the rows (and so the UI) follow.
 * In the background it finishes what the journal shows open and keeps watched payments in step.
 */
export class PaymentsService {
  private readonly ready: Promise<{ ctx: PaymentsContext; runner: MoneyRunner; journal: Journal }>;
  private managerName: string | undefined;
  private timer?: NodeJS.Timeout;
  private closed = false;
  private running: Promise<void> = Promise.resolve();
  private lastRefresh = 0;
  private readonly hintDelayMs: number;

  constructor(private readonly options: PaymentsServiceOptions) {
    this.hintDelayMs = options.hintDelayMs ?? Math.floor(Math.random() * 800);
    this.ready = this.open();
    this.ready.then(
      () => this.options.background && this.schedule(0),
      (error: unknown) => log.error('payments: the journal could not be opened', { error }),
    );
  }

  private async open() {
    const { settings, secrets, connections, orders } = this.options;
    const journal = await Journal.open(this.options.dir, {
      managerName: () => this.managerName || undefined,
      ...(this.options.now && { now: this.options.now }),
    });
    const ctx: PaymentsContext = {
      connections,
      journal,
      settings: async () => {
        const current = await settings.get();
        this.managerName = current.managerName;
        return current;
      },
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
      const message =
        'This payment is not in the list (it may have been deleted in RetailCRM). Refresh the list.';
      throw new ValidationError(message, [{ path: 'paymentId', code: 'not_found', message }]);
    }
    requirePaymentCurrency(row);
    return row;
  }

  async money(kind: MoneyKind, paymentId: number, amount?: Kopiyky, batchId?: string) {
    const { runner } = await this.ready;
    const row = await this.target(paymentId);
    return runner.run(kind, kind === 'payment.refund' ? await this.fresh(row) : row, {
      ...(amount !== undefined && { amount }),
      ...(batchId && { batchId }),
    });
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
    const [settings, row] = [await ctx.settings(), await this.target(paymentId)];
    if (!row.link) throw new RefusedError('no_invoice', 'Generate the payment link first.');
    const language = asked ?? (await this.letterLanguage(row.site)) ?? settings.language;
    const letter = paymentLinkLetter({
      language,
      shopName: shopName(settings, row.site),
      orderNumber: row.orderNumber,
      amount: row.amount,
      link: row.link,
    });
    return { to: row.emails, language, ...letter };
  }

  /** The store's language for a customer's letter, when RetailCRM says it. */
  private letterLanguage(site: string) {
    return storeLanguage(() => this.options.connections.retailCrm(), site);
  }

  async sendLink(paymentId: number, to: string, language?: Language) {
    const { ctx } = await this.ready;
    const target = await this.target(paymentId);
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

  async sendTestLetter(to: string) {
    const settings = await this.options.settings.get();
    if (!settings.smtp)
      throw new RefusedError(
        'no_sender',
        'No e-mail sender is set up yet: add one in Settings → E-mail sender.',
      );
    const password = await this.options.secrets.read(SMTP_PASSWORD);
    return {
      messageId: await sendLetter(
        settings.smtp,
        password,
        to,
        testLetter(settings.language, settings.smtp.fromName || 'UAPAY Desk'),
      ),
    };
  }

  /** Asks UAPAY about the watched payments (or exactly these) now. */
  async sync(paymentIds?: readonly number[]) {
    const { ctx } = await this.ready;
    const { rows } = await this.options.orders.list();
    return syncStatuses(ctx, rows, paymentIds ? { only: new Set(paymentIds) } : {});
  }

  /** A relayed callback: the truth is still fetched from UAPAY, for these invoices only. */
  async hint(invoiceIds: readonly string[]) {
    const { ctx } = await this.ready;
    if (this.hintDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.hintDelayMs));
    const wanted = new Set(invoiceIds);
    const { rows } = await this.options.orders.list();
    const matching = rows.filter((row: OrderRow) => row.invoiceId && wanted.has(row.invoiceId));
    if (matching.length)
      await syncStatuses(ctx, matching, { only: new Set(matching.map((row) => row.paymentId)) });
  }

  async journal(filter: JournalFilter) {
    const { journal } = await this.ready;
    return selectEntries(journal.list(), filter);
  }

  /** The operation holding a payment's journal lock, if any (the bulk preflight leaves it out). */
  async inFlight(paymentId: number): Promise<JournalEntry | undefined> {
    const { journal } = await this.ready;
    const operation = journal.inFlight(paymentId);
    return operation && toEntry(operation);
  }

  /** The operations of one bulk batch (their intents carry its id), oldest first. */
  async batchOperations(batchId: string): Promise<JournalEntry[]> {
    const { journal } = await this.ready;
    return journal.list((operation) => operation.intent.batchId === batchId).map(toEntry);
  }

  async journalCsv(filter: JournalFilter) {
    const entries = await this.journal({ ...filter, limit: filter.limit ?? 100_000 });
    const day = new Date().toISOString().slice(0, 10);
    return { fileName: `uapay-desk-activity-${day}.csv`, text: entriesToCsv(entries), rows: entries.length };
  }

  /** Finishes what the journal shows open (at start, then in the background). */
  async reconcile(): Promise<number> {
    const { ctx, runner } = await this.ready;
    return reconcileOpen(ctx, runner);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    const { journal } = await this.ready.catch(() => ({ journal: undefined }));
    await journal?.close();
  }

  private schedule(delayMs: number): void {
    if (this.closed || !this.options.background) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule(this.options.background?.syncMs ?? 30_000));
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const timing = this.options.background;
    if (!timing) return;
    try {
      const settings = await this.options.settings.get();
      if (!settings.retailCrm) return;
      await this.reconcile();
      if (Date.now() - this.lastRefresh >= timing.refreshMs) {
        this.lastRefresh = Date.now();
        await this.options.orders.refresh();
      }
      await this.sync();
    } catch (error) {
      log.warn('payments: background round failed; the next one tries again', { error });
    }
  }
}
