/**
 * The orders list's data: every RetailCRM payment of a linked type as a row, cached on disk so the
 * list paints at start, kept current by reading only what changed (reference §10), reloaded in
 * full on demand or when the linked payment types change. One refresh runs at a time; callers
 * that come meanwhile share it. Every change is announced as `orders.changed`.
 */
import type {
  OrderFound,
  OrderLookup,
  OrdersChanged,
  OrdersList,
  OrdersRefreshResult,
  OrderView,
} from '../../shared/channels/orders';
import { kopiyky } from '../../shared/money';
import type { OrderRow } from '../../shared/orders';
import type { Settings } from '../../shared/settings';
import { NotFoundError } from '../errors';
import type { EventBus } from '../events';
import type { RetailCrmApi } from '../retailcrm/api';
import { RetailCrmError } from '../retailcrm/errors';
import type { CrmOrder } from '../retailcrm/types';
import { OrdersCacheFile, type CacheContent } from './cacheFile';
import { orderDetail } from './detail';
import { HISTORY_ROUNDS_PER_REFRESH, readChanges, seedCursor, type HistoryCursor } from './history';
import { kyivDateTimeToIso } from '../kyivTime';
import {
  fullName,
  inScope,
  rederive,
  rowContext,
  rowsOfOrder,
  type LinkPolicy,
  type RowContext,
} from './rows';
import { Diff, RowSet } from './rowSet';

export type OrdersSettings = Pick<Settings, 'retailCrm' | 'merchants' | 'statusMapping'>;

/** Reference §3.1/§1.8: changed orders are re-read by `filter[ids][]`, one page of 100 at a time. */
const IDS_PER_REQUEST = 100;

/** Walks of the list a cold load makes while orders it read leave it meanwhile (loadAll). */
const MAX_WALKS = 3;

export interface OrdersStoreOptions {
  /** The user-data folder; the cache is `orders-cache.json` in it. */
  dir: string;
  /** The RetailCRM client (Connections.retailCrm); asked only when a refresh or a detail needs it. */
  api: () => Promise<RetailCrmApi>;
  settings: () => Promise<OrdersSettings>;
  events?: Pick<EventBus, 'emit'>;
  now?: () => Date;
  saveDelayMs?: number;
  historyRoundsPerRefresh?: number;
  /** Which payment link from a RetailCRM comment may be shown (PaymentLinks); none without it. */
  links?: LinkPolicy;
}

/** What the cache's rows belong to. */
interface Meta {
  account?: string;
  linkedTypes: string[];
  /** The stores chosen in setup at the last full load (empty: every store). */
  sites: string[];
  cursor?: HistoryCursor;
  refreshedAt?: string;
}

interface Current {
  context: RowContext;
  types: string[];
  sites: string[];
  account?: string;
}

export class OrdersStore {
  private readonly rows = new RowSet();
  private readonly cache: OrdersCacheFile;
  private meta: Meta = { linkedTypes: [], sites: [] };
  private loaded: Promise<void> | undefined;
  /** The mapping and merchant links the rows' states and merchants were derived with. */
  private derivedFor: string | undefined;
  private running: { full: boolean; promise: Promise<OrdersRefreshResult> } | undefined;

  constructor(private readonly options: OrdersStoreOptions) {
    this.cache = new OrdersCacheFile(options.dir, options.saveDelayMs);
  }

  /** Every row as cached (no RetailCRM request), when it was refreshed, whether a refresh runs. */
  async list(): Promise<OrdersList> {
    await this.current();
    return {
      rows: this.rows.all(),
      ...(this.meta.refreshedAt && { refreshedAt: this.meta.refreshedAt }),
      refreshing: this.running !== undefined,
    };
  }

  /** The cached row of a payment. */
  async row(paymentId: number): Promise<OrderRow | undefined> {
    await this.current();
    return this.rows.get(paymentId);
  }

  /**
   * Sets fields of a cached row (status sync: `uapay`, `state`; the journal: `lastOperation`) and
   * announces it. A state change stamps `stateChangedAt` unless the patch sets it. Undefined values
   * clear a field. Rows not loaded or not cached are left alone (undefined is returned).
   */
  patch(paymentId: number, patch: Partial<Omit<OrderRow, 'paymentId' | 'orderId'>>): OrderRow | undefined {
    const row = this.rows.get(paymentId);
    if (!row) return undefined;
    const next: Record<string, unknown> = {
      ...row,
      ...patch,
      paymentId: row.paymentId,
      orderId: row.orderId,
    };
    if (patch.state !== undefined && patch.state !== row.state && !('stateChangedAt' in patch))
      next.stateChangedAt = this.now().toISOString();
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    const diff = new Diff();
    this.rows.put(next as unknown as OrderRow, diff);
    this.announce(diff);
    return this.rows.get(paymentId);
  }

  /**
   * Brings the cache up to date: incrementally from the history cursor, or in full when asked, when
   * nothing is cached, or when the linked payment types changed. Shares a refresh already running
   * (a full request waits for a running incremental one, then runs).
   */
  refresh(options: { full?: boolean } = {}): Promise<OrdersRefreshResult> {
    const full = options.full ?? false;
    if (this.running && (!full || this.running.full)) return this.running.promise;
    const before = this.running?.promise.catch(() => undefined);
    const entry = { full, promise: undefined as unknown as Promise<OrdersRefreshResult> };
    entry.promise = (async () => {
      await before;
      try {
        const { result, diff } = await this.run(full);
        this.running = this.running === entry ? undefined : this.running;
        this.save();
        this.emit(diff);
        return result;
      } catch (error) {
        this.running = this.running === entry ? undefined : this.running;
        this.emit(new Diff());
        throw error;
      }
    })();
    this.running = entry;
    return entry.promise;
  }

  /** One row and its order read fresh from RetailCRM for the side panel; the row is updated too. */
  async view(paymentId: number): Promise<OrderView> {
    const { context } = await this.current();
    const row = this.rows.get(paymentId);
    if (!row) throw notFound(paymentId);
    const api = await this.options.api();
    let order: CrmOrder | undefined;
    try {
      order = await api.order(row.orderId);
    } catch (error) {
      if (!(error instanceof RetailCrmError && error.status === 404)) throw error;
    }
    const diff = new Diff();
    this.applyOrder(row.orderId, order, context, diff);
    this.announce(diff);
    const fresh = this.rows.get(paymentId);
    if (!order || !fresh) throw notFound(paymentId);
    return { row: fresh, detail: orderDetail(order, context) };
  }

  /**
   * Orders of the chosen stores with this number, asked of RetailCRM (reference §3.1,
   * `filter[numbers][]`, exact): any order, with or without a UAPAY payment, so one can be added.
   */
  async find(number: string): Promise<OrderFound[]> {
    const { context, sites } = await this.current();
    const api = await this.options.api();
    const { orders } = await api.orders({ numbers: [number], ...(sites.length > 0 && { sites }) }, 1, 20);
    return orders
      .filter((order) => inScope(order.site, context))
      .map((order) => {
        const created = kyivDateTimeToIso(order.createdAt);
        return {
          orderId: order.id,
          orderNumber: order.number ?? String(order.id),
          site: order.site ?? '',
          ...(created && { createdAt: created }),
          customerName: fullName(order) || fullName(order.customer),
          totalSumm: order.totalSumm ?? kopiyky(0),
          ...(order.currency && { currency: order.currency }),
          linkedPaymentIds: order.payments
            .filter((payment) => payment.type !== undefined && context.merchantOf.has(payment.type))
            .map((payment) => payment.id),
        };
      });
  }

  /** One order read fresh from RetailCRM (found by number, or just given a payment); its rows follow. */
  async viewOrder(orderId: number): Promise<OrderLookup> {
    const { context } = await this.current();
    const api = await this.options.api();
    let order: CrmOrder | undefined;
    try {
      order = await api.order(orderId);
    } catch (error) {
      if (!(error instanceof RetailCrmError && error.status === 404)) throw error;
    }
    if (!order || !inScope(order.site, context)) throw orderNotFound(orderId);
    const diff = new Diff();
    this.applyOrder(orderId, order, context, diff);
    this.announce(diff);
    const rows = this.rows.all().filter((row) => row.orderId === orderId);
    return { detail: orderDetail(order, context), rows };
  }

  /** Writes a pending cache change now. */
  flush(): Promise<void> {
    return this.cache.flush();
  }

  async close(): Promise<void> {
    await this.running?.promise.catch(() => undefined);
    await this.flush();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The cache (read once) made consistent with the settings as they are now. */
  private async current(): Promise<Current> {
    this.loaded ??= this.load();
    await this.loaded;
    const settings = await this.options.settings();
    const context = rowContext(settings, this.options.links);
    const account = settings.retailCrm?.url;
    const diff = new Diff();
    if (account !== this.meta.account) {
      // Another account's orders (or none connected): never shown, reloaded in full.
      this.rows.replaceAll([], diff);
      this.meta = { linkedTypes: [], sites: [], ...(account && { account }) };
    }
    const sites = [...(context.sites ?? [])].sort();
    const derivedFor = JSON.stringify([settings.statusMapping, [...context.merchantOf], sites]);
    if (derivedFor !== this.derivedFor) {
      for (const row of this.rows.all()) {
        if (context.merchantOf.has(row.paymentType) && inScope(row.site, context))
          this.rows.put(rederive(row, context), diff);
        else this.rows.remove(row.paymentId, diff);
      }
      this.derivedFor = derivedFor;
    }
    this.announce(diff);
    return { context, types: [...context.merchantOf.keys()].sort(), sites, ...(account && { account }) };
  }

  private async load(): Promise<void> {
    const content = await this.cache.read();
    if (!content) return;
    this.rows.replaceAll(content.rows, new Diff());
    this.meta = {
      account: content.account,
      linkedTypes: content.linkedTypes,
      sites: content.sites,
      cursor: content.cursor,
      refreshedAt: content.refreshedAt,
    };
  }

  private async run(full: boolean): Promise<{ result: OrdersRefreshResult; diff: Diff }> {
    const { context, types, sites, account } = await this.current();
    this.emit(new Diff());
    const diff = new Diff();
    let requests = 0;
    const count = () => void requests++;
    let mode: OrdersRefreshResult['mode'] = 'none';
    let complete = true;
    let changed = 0;
    if (types.length === 0) {
      this.rows.replaceAll([], diff);
      this.meta = { linkedTypes: [], sites: [], ...(account && { account }) };
    } else {
      const api = await this.options.api();
      const cursor = this.meta.cursor;
      const scopeChanged =
        this.meta.linkedTypes.join('\n') !== types.join('\n') ||
        this.meta.sites.join('\n') !== sites.join('\n');
      if (full || !cursor || scopeChanged) {
        mode = 'full';
        const loaded = await this.loadAll(api, types, sites, context, diff, count);
        this.meta = {
          linkedTypes: types,
          sites,
          ...(account && { account }),
          ...(loaded.cursor && { cursor: loaded.cursor }),
        };
        for (const paymentId of diff.changed.keys()) loaded.changed.add(paymentId);
        changed = loaded.changed.size;
        complete = loaded.complete;
      } else {
        mode = 'incremental';
        const changes = await readChanges(api, cursor, this.rounds(), count);
        await this.reread(api, [...changes.orderIds], types, sites, context, diff, count);
        this.meta.cursor = changes.cursor;
        complete = changes.complete;
        changed = diff.changed.size;
      }
    }
    const refreshedAt = this.now().toISOString();
    this.meta.refreshedAt = refreshedAt;
    const result = {
      mode,
      changed,
      removed: diff.removed.size,
      total: this.rows.size,
      requests,
      complete,
      refreshedAt,
    };
    return { result, diff };
  }

  /**
   * Cold load: the cursor first, so nothing that changes while the list is read is missed. Rows
   * are shown page by page (a first load takes a while at 10 requests per second); they only ever
   * get fresher. Rows no page had go, then the history since the cursor is read and its orders
   * re-read, as an incremental refresh would.
   *
   * Pages are read by number, and nothing keeps the list still between two reads (reference §1.8,
   * §3.1, which offer no stable key to walk by). An order that joins it pushes the rest down: one
   * is read twice, which is one row. One that leaves pulls the rest up: the order that slides from
   * the next page onto the one already read is never read, and, unchanged, it is in no history
   * either. Only an order already read can pull an unread one past the reading, so an order the
   * walk read that the history shows has left the list means another walk; without one, every
   * order that stayed in the list throughout was read. When orders keep leaving, walk after walk,
   * no cursor is kept, so the next refresh loads in full again.
   */
  private async loadAll(
    api: RetailCrmApi,
    types: string[],
    sites: string[],
    context: RowContext,
    diff: Diff,
    count: () => void,
  ): Promise<{ cursor?: HistoryCursor; changed: Set<number>; complete: boolean }> {
    let cursor = await seedCursor(api, this.now(), this.rounds(), count);
    const changed = new Set<number>();
    for (let walk = 1; ; walk++) {
      const read = await this.walk(api, types, sites, context, changed, count);
      for (const row of this.rows.all())
        if (!read.payments.has(row.paymentId)) this.rows.remove(row.paymentId, diff);
      const changes = await readChanges(api, cursor, this.rounds(), count);
      const listed = await this.reread(api, [...changes.orderIds], types, sites, context, diff, count);
      cursor = changes.cursor;
      const left = [...changes.orderIds].some((id) => read.orders.has(id) && !listed.has(id));
      if (!left) return { cursor, changed, complete: changes.complete };
      if (walk === MAX_WALKS) return { changed, complete: false };
    }
  }

  /** Every page of the list once; the orders and payments it had. */
  private async walk(
    api: RetailCrmApi,
    types: string[],
    sites: string[],
    context: RowContext,
    changed: Set<number>,
    count: () => void,
  ): Promise<{ orders: Set<number>; payments: Set<number> }> {
    const now = this.now();
    const read = { orders: new Set<number>(), payments: new Set<number>() };
    for await (const page of api.allOrders({ paymentTypes: types, ...(sites.length > 0 && { sites }) })) {
      count();
      const pageDiff = new Diff();
      for (const order of page) {
        read.orders.add(order.id);
        for (const row of rowsOfOrder(order, context, (id) => this.rows.get(id), now)) {
          read.payments.add(row.paymentId);
          this.rows.put(row, pageDiff);
        }
      }
      for (const paymentId of pageDiff.changed.keys()) changed.add(paymentId);
      if (!pageDiff.empty) this.emit(pageDiff);
    }
    return read;
  }

  /**
   * Re-reads changed orders, keeping only those that still have a payment of a linked type; the
   * ids of those it kept.
   */
  private async reread(
    api: RetailCrmApi,
    orderIds: number[],
    types: string[],
    sites: string[],
    context: RowContext,
    diff: Diff,
    count: () => void,
  ): Promise<Set<number>> {
    const fresh = new Map<number, CrmOrder>();
    for (let i = 0; i < orderIds.length; i += IDS_PER_REQUEST) {
      count();
      const { orders } = await api.orders({
        ids: orderIds.slice(i, i + IDS_PER_REQUEST),
        paymentTypes: types,
        ...(sites.length > 0 && { sites }),
      });
      for (const order of orders) fresh.set(order.id, order);
    }
    // Applied only once every order is read: a failure leaves the cache and its cursor as they were.
    for (const id of orderIds) this.applyOrder(id, fresh.get(id), context, diff);
    return new Set(fresh.keys());
  }

  /** The order's rows become what RetailCRM says now; an order it did not return leaves the list. */
  private applyOrder(orderId: number, order: CrmOrder | undefined, context: RowContext, diff: Diff): void {
    const rows = order ? rowsOfOrder(order, context, (id) => this.rows.get(id), this.now()) : [];
    this.rows.replaceOrder(orderId, rows, diff);
  }

  private rounds(): number {
    return this.options.historyRoundsPerRefresh ?? HISTORY_ROUNDS_PER_REFRESH;
  }

  private snapshot(): CacheContent | undefined {
    const { account, cursor, refreshedAt, linkedTypes, sites } = this.meta;
    if (!account || !cursor || !refreshedAt) return undefined;
    return { account, linkedTypes, sites, cursor, refreshedAt, rows: this.rows.all() };
  }

  private save(): void {
    this.cache.schedule(() => this.snapshot());
  }

  /** Saves and tells the UI about a change outside a refresh. */
  private announce(diff: Diff): void {
    if (diff.empty) return;
    this.save();
    this.emit(diff);
  }

  private emit(diff: Diff): void {
    const payload: OrdersChanged = {
      changed: [...diff.changed.values()],
      removed: [...diff.removed],
      refreshing: this.running !== undefined,
      ...(this.meta.refreshedAt && { refreshedAt: this.meta.refreshedAt }),
    };
    this.options.events?.emit('orders.changed', payload);
  }
}

function orderNotFound(orderId: number): NotFoundError {
  return new NotFoundError(
    'order',
    `Order ${orderId} is not in RetailCRM (or not in a store UAPAY Desk handles).`,
  );
}

function notFound(paymentId: number): NotFoundError {
  return new NotFoundError(
    'payment',
    `Payment ${paymentId} is not in the orders list (it may have been removed in RetailCRM).`,
  );
}
