/**
 * Decides which desktop notifications to emit, from what the core already knows: the orders
 * store's row changes (a payment became held, a row needs a person), the hold's end (the list's
 * own estimate, `holdExpiresAt`), and RetailCRM writes the journal shows still pending. Each fact
 * is told once: what was told is kept in `notifications.json` in the user-data folder, so a
 * restart does not tell it again. Every kind has its switch in Settings. It also keeps the count
 * of held payments for the dock / taskbar badge.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { JournalEntry } from '../../shared/channels/journal';
import type { OrdersChanged } from '../../shared/channels/orders';
import type { DeskNotification, NotificationKind } from '../../shared/channels/notifications';
import type { LifecycleState } from '../../shared/lifecycle';
import { holdExpiresAt } from '../../shared/orderQuery';
import type { OrderRow } from '../../shared/orders';
import type { Settings } from '../../shared/settings';
import type { EventBus } from '../events';
import { log } from '../log';
import { writeFileAtomic } from '../files/atomicFile';
import { notificationText } from './words';

const NOTIFIED_FILE = 'notifications.json';
/** A RetailCRM write still pending this long after its operation "keeps failing". */
const CRM_FAILING_AFTER_MS = 10 * 60_000;
/** How often the hold ends and pending writes are looked at between row changes. */
const CHECK_EVERY_MS = 60_000;
/** Facts kept per kind: far more than a shop has open at once; the oldest go first. */
const KEEP = 5_000;

type Told = Record<Exclude<NotificationKind, 'held'>, string[]>;

export interface NotifierOptions {
  dir: string;
  events: Pick<EventBus, 'emit'>;
  rows(): Promise<readonly OrderRow[]>;
  /** Journal entries still open (the Activity view's), newest first. */
  pendingWrites(): Promise<readonly JournalEntry[]>;
  settings(): Promise<Pick<Settings, 'notifications' | 'language' | 'holdLifetimeHours'>>;
  now?: () => Date;
  /** 0: no timer (tests call `check`). */
  checkEveryMs?: number;
}

export class Notifier {
  /** The state each payment had when last seen; a payment first seen is not news. */
  private readonly known = new Map<number, LifecycleState>();
  private readonly heldIds = new Set<number>();
  private told: Told = { expiring: [], crm_failing: [], attention: [] };
  private badge = -1;
  private readonly ready: Promise<void>;
  private timer?: NodeJS.Timeout;
  private checking: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: NotifierOptions) {
    this.ready = this.start();
  }

  private get file(): string {
    return path.join(this.options.dir, NOTIFIED_FILE);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async start(): Promise<void> {
    try {
      const data = JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<Told>;
      for (const kind of ['expiring', 'crm_failing', 'attention'] as const)
        if (Array.isArray(data[kind])) this.told[kind] = data[kind].filter((id) => typeof id === 'string');
    } catch {
      // None yet, or unreadable: at worst a fact is told once more.
    }
    for (const row of await this.options.rows().catch(() => [])) this.see(row);
    this.updateBadge();
    const every = this.options.checkEveryMs ?? CHECK_EVERY_MS;
    if (every > 0 && !this.closed) {
      this.timer = setInterval(() => void this.check(), every);
      this.timer.unref();
    }
    await this.checkNow();
  }

  /** Rows the orders store announced (`orders.changed`). */
  rowsChanged(change: OrdersChanged): void {
    this.checking = this.checking
      .then(() => this.ready)
      .then(async () => {
        const settings = await this.options.settings();
        for (const row of change.changed) {
          const before = this.known.get(row.paymentId);
          this.see(row);
          if (
            before !== undefined &&
            before !== 'held' &&
            row.state === 'held' &&
            settings.notifications.held
          )
            this.emit('held', row, `held:${row.paymentId}:${row.invoiceId ?? ''}`, settings, {
              amount: row.uapay?.amount ?? row.amount,
            });
          await this.attention(row, settings);
        }
        for (const paymentId of change.removed) {
          this.known.delete(paymentId);
          this.heldIds.delete(paymentId);
        }
        this.updateBadge();
        await this.expiring(change.changed, settings);
      });
    this.checking = this.checking.catch((error: unknown) =>
      log.warn('notifications: a row change could not be looked at', { error }),
    );
  }

  /** Resolves when every change and check handed in so far has been looked at. */
  async idle(): Promise<void> {
    await this.ready;
    await this.checking;
  }

  /** Looks at every held payment's end and at pending RetailCRM writes now. */
  check(): Promise<void> {
    this.checking = this.checking.then(() => this.ready).then(() => this.checkNow());
    return this.checking;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.checking.catch(() => undefined);
  }

  private async checkNow(): Promise<void> {
    if (this.closed) return;
    try {
      const settings = await this.options.settings();
      await this.expiring(await this.options.rows(), settings);
      if (settings.notifications.crmFailing) await this.crmFailing(settings);
    } catch (error) {
      log.warn('notifications: a check failed; the next one tries again', { error });
    }
  }

  private see(row: OrderRow): void {
    this.known.set(row.paymentId, row.state);
    if (row.state === 'held') this.heldIds.add(row.paymentId);
    else this.heldIds.delete(row.paymentId);
  }

  private updateBadge(): void {
    if (this.heldIds.size === this.badge) return;
    this.badge = this.heldIds.size;
    this.options.events.emit('notify.badge', { held: this.badge });
  }

  private async attention(row: OrderRow, settings: Awaited<ReturnType<NotifierOptions['settings']>>) {
    const operation = row.lastOperation;
    if (!settings.notifications.attention || operation?.outcome !== 'needs_attention') return;
    await this.once('attention', `${row.paymentId}:${operation.at}`, row, settings);
  }

  private async expiring(
    rows: readonly OrderRow[],
    settings: Awaited<ReturnType<NotifierOptions['settings']>>,
  ) {
    if (!settings.notifications.expiring) return;
    const now = this.now().getTime();
    const within = settings.notifications.expiringHours * 3_600_000;
    for (const row of rows) {
      if (row.state !== 'held') continue;
      const end = holdExpiresAt(row, settings.holdLifetimeHours);
      if (end === undefined || end <= now || end - now > within) continue;
      await this.once('expiring', `${row.paymentId}:${row.invoiceId ?? ''}`, row, settings, {
        amount: row.uapay?.amount ?? row.amount,
        endsAt: end,
      });
    }
  }

  private async crmFailing(settings: Awaited<ReturnType<NotifierOptions['settings']>>) {
    const now = this.now().getTime();
    const pending = (await this.options.pendingWrites()).filter(
      (entry) => entry.outcome === 'crm_pending' && now - Date.parse(entry.at) >= CRM_FAILING_AFTER_MS,
    );
    if (pending.length === 0) return;
    const rows = new Map((await this.options.rows()).map((row) => [row.paymentId, row]));
    for (const entry of pending) {
      const row = entry.paymentId === undefined ? undefined : rows.get(entry.paymentId);
      const target = row ?? {
        paymentId: entry.paymentId ?? 0,
        orderId: entry.orderId,
        orderNumber: entry.orderNumber ?? String(entry.orderId),
      };
      await this.once('crm_failing', entry.opId, target, settings);
    }
  }

  /** Tells a fact once, ever: remembered on disk before it is emitted. */
  private async once(
    kind: Exclude<NotificationKind, 'held'>,
    fact: string,
    row: Pick<OrderRow, 'paymentId' | 'orderId' | 'orderNumber'>,
    settings: Awaited<ReturnType<NotifierOptions['settings']>>,
    values: { amount?: number; endsAt?: number } = {},
  ): Promise<void> {
    if (this.told[kind].includes(fact)) return;
    this.told[kind] = [...this.told[kind], fact].slice(-KEEP);
    await writeFileAtomic(this.file, JSON.stringify(this.told)).catch((error: unknown) =>
      log.warn('notifications: could not remember what was told', { error }),
    );
    this.emit(kind, row, `${kind}:${fact}`, settings, values);
  }

  private emit(
    kind: NotificationKind,
    row: Pick<OrderRow, 'paymentId' | 'orderId' | 'orderNumber'>,
    id: string,
    settings: Awaited<ReturnType<NotifierOptions['settings']>>,
    values: { amount?: number; endsAt?: number },
  ): void {
    if (this.closed) return;
    const text = notificationText(kind, settings.language, { order: row.orderNumber, ...values });
    const notification: DeskNotification = {
      id,
      kind,
      paymentId: row.paymentId,
      orderId: row.orderId,
      orderNumber: row.orderNumber,
      ...text,
    };
    this.options.events.emit('notify.show', notification);
  }
}
