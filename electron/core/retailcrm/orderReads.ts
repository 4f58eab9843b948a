/**
 * Reads of single orders that arrive together go to RetailCRM as one list request
 * (`GET /api/v5/orders?filter[ids][]=…`, reference §3.1: up to 100 a page): a bulk run makes
 * several reads of different orders each moment, and RetailCRM counts requests, not orders
 * (§1.7: 10 a second). A read alone still goes to `GET /api/v5/orders/{id}`.
 */
import { RetailCrmError } from './errors';
import type { CrmOrder } from './types';

/** How long a read waits for others to join it: well under a RetailCRM round trip. */
const ORDER_READ_WINDOW_MS = 15;
const PER_REQUEST = 100;

interface Waiting {
  resolve(order: CrmOrder): void;
  reject(error: unknown): void;
  /** When the shared request leaves (see CallOptions.onSend). */
  onSend?: () => void;
}

type OnSend = () => void;

export class OrderReads {
  private batch: Map<number, Waiting[]> | undefined;

  constructor(
    private readonly one: (id: number, onSend: OnSend) => Promise<CrmOrder>,
    private readonly many: (ids: number[], onSend: OnSend) => Promise<CrmOrder[]>,
    private readonly windowMs = ORDER_READ_WINDOW_MS,
  ) {}

  read(id: number, onSend?: OnSend): Promise<CrmOrder> {
    return new Promise<CrmOrder>((resolve, reject) => {
      if (!this.batch) {
        const batch = new Map<number, Waiting[]>();
        this.batch = batch;
        setTimeout(() => void this.flush(batch), this.windowMs);
      }
      const waiting = this.batch.get(id) ?? [];
      waiting.push({ resolve, reject, ...(onSend && { onSend }) });
      this.batch.set(id, waiting);
      if (this.batch.size >= PER_REQUEST) void this.flush(this.batch);
    });
  }

  private async flush(batch: Map<number, Waiting[]>): Promise<void> {
    if (this.batch === batch) this.batch = undefined;
    if (batch.size === 0) return;
    const ids = [...batch.keys()];
    const [only] = ids;
    const onSend = () => {
      for (const waiting of [...batch.values()].flat()) waiting.onSend?.();
    };
    await this.settle(batch, ids, () =>
      ids.length === 1 && only !== undefined
        ? this.one(only, onSend).then((order) => [order])
        : this.many(ids, onSend),
    );
  }

  private async settle(batch: Map<number, Waiting[]>, ids: number[], load: () => Promise<CrmOrder[]>) {
    let orders: CrmOrder[];
    try {
      orders = await load();
    } catch (error) {
      for (const id of ids) for (const waiting of batch.get(id) ?? []) waiting.reject(error);
      return;
    }
    const byId = new Map(orders.map((order) => [order.id, order]));
    for (const id of ids) {
      const order = byId.get(id);
      for (const waiting of batch.get(id) ?? []) {
        // What `GET /orders/{id}` answers for an order that is not there (reference §1.6).
        if (order) waiting.resolve(order);
        else waiting.reject(new RetailCrmError(404, 'Not found'));
      }
    }
  }
}
