/**
 * The order history feed (reference §10): one strictly increasing id sequence, one record per changed field,
 * every record of one save sharing `createdAt`. `source`/`apiKey.current` are decided when the feed is READ,
 * by comparing the writing key with the reading key (§10.3, §10.8).
 */
import type { Actor } from './model';
import type { Json } from './wire';

export interface HistoryChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
  /** Only on the record that created the order (§10.3). */
  created?: true;
  /** The partial payment snapshot of `payments*` records (§10.6). */
  payment?: Json;
}

export interface HistoryEntry extends HistoryChange {
  readonly id: number;
  readonly createdAt: string;
  readonly actor: Actor;
  readonly orderId: number;
  readonly site: string;
  /** Compact, or the full snapshot on `created` records (rendered late, see `freeze`). */
  order: Json | (() => Json);
}

export interface HistoryFilter {
  sinceId?: number;
  /** Inclusive bounds on `createdAt`, `Y-m-d H:i:s` (UNCERTAIN whether the real API is inclusive, §10.1). */
  startDate?: string;
  endDate?: string;
  orderId?: number;
}

export class HistoryLog {
  private readonly entries: HistoryEntry[] = [];
  /** `created` records whose order has not changed since: their snapshot is still the live order. */
  private readonly liveSnapshots = new Map<number, HistoryEntry>();
  private lastId = 0;

  get size(): number {
    return this.entries.length;
  }

  get lastRecordId(): number {
    return this.lastId;
  }

  /** One save: several records with consecutive ids and one `createdAt`. */
  record(
    save: { createdAt: string; actor: Actor; orderId: number; site: string; order: Json },
    changes: HistoryChange[],
  ): void {
    for (const change of changes) this.entries.push({ ...change, ...save, id: ++this.lastId });
  }

  /**
   * The `created` record, whose full snapshot is rendered only when first needed: at a read, or just before
   * the order first changes (`freeze`). Rendering 20,000 snapshots up front made seeding slow.
   */
  recordCreation(
    save: { createdAt: string; actor: Actor; orderId: number; site: string },
    status: string,
    snapshot: () => Json,
  ): void {
    const entry: HistoryEntry = {
      id: ++this.lastId,
      createdAt: save.createdAt,
      actor: save.actor,
      orderId: save.orderId,
      site: save.site,
      created: true,
      field: 'status',
      oldValue: null,
      newValue: { code: status },
      order: snapshot,
    };
    this.entries.push(entry);
    this.liveSnapshots.set(save.orderId, entry);
  }

  /** Call before an order changes: its `created` record keeps the state it was created in. */
  freeze(orderId: number): void {
    const entry = this.liveSnapshots.get(orderId);
    if (!entry) return;
    this.liveSnapshots.delete(orderId);
    if (typeof entry.order === 'function') entry.order = entry.order();
  }

  query(filter: HistoryFilter, visibleSites: ReadonlySet<string> | null, limit: number, page: number) {
    const start = filter.sinceId === undefined ? 0 : this.firstAfter(filter.sinceId);
    const offset = (page - 1) * limit;
    const records: HistoryEntry[] = [];
    let totalCount = 0;
    for (let index = start; index < this.entries.length; index++) {
      const entry = this.entries[index]!;
      if (filter.orderId !== undefined && entry.orderId !== filter.orderId) continue;
      if (filter.startDate !== undefined && entry.createdAt < filter.startDate) continue;
      if (filter.endDate !== undefined && entry.createdAt > filter.endDate) continue;
      if (visibleSites && !visibleSites.has(entry.site)) continue;
      if (totalCount >= offset && records.length < limit) records.push(entry);
      totalCount++;
    }
    return { totalCount, records };
  }

  /** Index of the first record with id > sinceId (ids ascend with the array). */
  private firstAfter(sinceId: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries[middle]!.id <= sinceId) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** A record as the key `readerKey` sees it (§10.3). */
export function renderHistoryEntry(entry: HistoryEntry, readerKey: string): Json {
  const record: Json = { id: entry.id, createdAt: entry.createdAt };
  if (entry.created) record.created = true;
  record.source = entry.actor.source;
  if (entry.actor.source === 'user') record.user = { id: entry.actor.userId };
  if (entry.actor.source === 'api') record.apiKey = { current: entry.actor.apiKey === readerKey };
  record.field = entry.field;
  record.oldValue = entry.oldValue ?? null;
  record.newValue = entry.newValue ?? null;
  record.order = typeof entry.order === 'function' ? entry.order() : entry.order;
  if (entry.payment) record.payment = entry.payment;
  return record;
}
