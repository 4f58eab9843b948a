/**
 * The orders cache on disk: one JSON file in the user-data folder, so the list paints at start
 * without asking RetailCRM. Written atomically (a crash leaves the old file or the new one) and
 * debounced (a burst of row updates is one write). It is only a cache: a file this version cannot
 * read is ignored, and the next refresh loads everything again.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isLifecycleState } from '../../shared/lifecycle';
import type { OrderRow } from '../../shared/orders';
import { log } from '../log';
import { removeLeftoverTemps, writeFileAtomic } from '../files/atomicFile';
import type { HistoryCursor } from './history';

export const ORDERS_CACHE_FILE = 'orders-cache.json';
/** Bump when the row or file shape changes: an older file is then simply reloaded. */
export const ORDERS_CACHE_VERSION = 2;
const DEFAULT_SAVE_DELAY_MS = 1_000;

export interface CacheContent {
  /** The RetailCRM origin the rows came from: another account's cache is never shown. */
  account: string;
  /** The linked payment-type codes at the last full load, sorted. */
  linkedTypes: string[];
  /** The stores chosen in setup at the last full load, sorted (empty: every store). */
  sites: string[];
  cursor: HistoryCursor;
  /** ISO: the end of the last successful refresh. */
  refreshedAt: string;
  rows: OrderRow[];
}

export class OrdersCacheFile {
  readonly file: string;
  private timer: NodeJS.Timeout | undefined;
  private pending: (() => CacheContent | undefined) | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly saveDelayMs = DEFAULT_SAVE_DELAY_MS,
  ) {
    this.file = path.join(dir, ORDERS_CACHE_FILE);
  }

  /** The cached content, or undefined when there is none this version can use. */
  async read(): Promise<CacheContent | undefined> {
    await removeLeftoverTemps(this.file).catch(() => []);
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        log.warn('orders cache unreadable; reloading from RetailCRM', { error });
      return undefined;
    }
    try {
      const data = JSON.parse(text) as unknown;
      const content = usable(data);
      if (!content) log.info('orders cache from another version or damaged; reloading from RetailCRM');
      return content;
    } catch (error) {
      log.warn('orders cache is not valid JSON; reloading from RetailCRM', { error });
      return undefined;
    }
  }

  /**
   * Writes what `content()` returns after the delay (later calls within it replace the producer);
   * `undefined` removes the file (no account, nothing loaded).
   */
  schedule(content: () => CacheContent | undefined): void {
    this.pending = content;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch((error: unknown) => log.warn('writing the orders cache failed', { error }));
    }, this.saveDelayMs);
    this.timer.unref?.();
  }

  /** Writes a scheduled change now; resolves when every write so far is on disk. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const produce = this.pending;
    this.pending = undefined;
    if (produce) {
      this.writing = this.writing
        .catch(() => undefined)
        .then(async () => {
          const content = produce();
          if (!content) return fs.rm(this.file, { force: true });
          await fs.mkdir(this.dir, { recursive: true });
          await writeFileAtomic(this.file, JSON.stringify({ version: ORDERS_CACHE_VERSION, ...content }));
        });
    }
    return this.writing;
  }
}

/** A light check of the shape (20,000 rows are not run through a schema at every start). */
function usable(data: unknown): CacheContent | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const file = data as Partial<CacheContent> & { version?: unknown };
  if (file.version !== ORDERS_CACHE_VERSION) return undefined;
  if (typeof file.account !== 'string' || typeof file.refreshedAt !== 'string') return undefined;
  if (!Array.isArray(file.linkedTypes) || !file.linkedTypes.every((t) => typeof t === 'string'))
    return undefined;
  if (!Array.isArray(file.sites) || !file.sites.every((s) => typeof s === 'string')) return undefined;
  if (!isCursor(file.cursor) || !Array.isArray(file.rows) || !file.rows.every(isRow)) return undefined;
  return {
    account: file.account,
    linkedTypes: file.linkedTypes,
    sites: file.sites,
    cursor: file.cursor,
    refreshedAt: file.refreshedAt,
    rows: file.rows,
  };
}

function isCursor(value: unknown): value is HistoryCursor {
  if (typeof value !== 'object' || value === null) return false;
  const cursor = value as Record<string, unknown>;
  return Number.isSafeInteger(cursor.sinceId) || typeof cursor.startDate === 'string';
}

function isRow(value: unknown): value is OrderRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(row.paymentId) &&
    Number.isSafeInteger(row.orderId) &&
    typeof row.orderNumber === 'string' &&
    typeof row.paymentType === 'string' &&
    Number.isSafeInteger(row.amount) &&
    Number.isSafeInteger(row.orderTotal) &&
    Array.isArray(row.emails) &&
    Array.isArray(row.phones) &&
    isLifecycleState(row.state)
  );
}
