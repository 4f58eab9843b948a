/**
 * The RetailCRM methods the app uses, typed, with money converted at this boundary. Paths and
 * field names follow reference §2–§5 and §10.
 */
import { z } from 'zod';
import { toHryvnias, type Kopiyky } from '../../shared/money';
import type { CallOptions, Query, RetailCrmClient } from './client';
import { RetailCrmError } from './errors';
import { OrderReads } from './orderReads';
import {
  credentials,
  crmCustomer,
  crmOrder,
  currency,
  historyRecord,
  pagination,
  paymentStatus,
  paymentType,
  site,
  type CrmOrder,
  type HistoryRecord,
  type Pagination,
} from './types';

/** Reference §1.8: list methods accept 20, 50 or 100; we always take the most. */
export const PAGE_LIMIT = 100;
export type OrderPageLimit = 20 | 50 | 100;

export interface OrderFilter {
  ids?: number[];
  numbers?: string[];
  paymentTypes?: string[];
  paymentStatuses?: string[];
  sites?: string[];
  createdAtFrom?: string;
  createdAtTo?: string;
}

export interface PaymentFields {
  type?: string;
  status?: string;
  amount?: Kopiyky;
  paidAt?: string;
  externalId?: string;
  comment?: string;
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    // Status 0: the HTTP exchange was fine, the content was not what the API documents.
    throw new RetailCrmError(0, `RetailCRM's ${what} came back in an unexpected shape (${where}).`);
  }
  return parsed.data;
}

/** A RetailCRM reference book is an object keyed by code (reference §1.5). */
const keyed = <T extends z.ZodType>(item: T) =>
  z.record(z.string(), item).transform((books) => Object.values(books));

function paymentBody(fields: PaymentFields): Record<string, unknown> {
  const { amount, ...rest } = fields;
  const body: Record<string, unknown> = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined),
  );
  if (amount !== undefined) body.amount = toHryvnias(amount);
  return body;
}

export class RetailCrmApi {
  private readonly reads = new OrderReads(
    (id, onSend) => this.orderById(id, { onSend }),
    async (ids, onSend) => (await this.orders({ ids }, 1, PAGE_LIMIT, { onSend })).orders,
  );
  private readonly lockReads = new OrderReads(
    (id, onSend) => this.orderById(id, { lane: 'lockRead', onSend }),
    async (ids, onSend) => (await this.orders({ ids }, 1, PAGE_LIMIT, { lane: 'lockRead', onSend })).orders,
  );

  constructor(readonly client: RetailCrmClient) {}

  /** Unversioned (reference §2). */
  async credentials() {
    return parse(credentials, await this.client.get('credentials'), 'credentials');
  }

  async sites() {
    const body = await this.client.get<{ sites: unknown }>('v5/reference/sites');
    return parse(keyed(site), body.sites, 'sites');
  }

  async currencies() {
    const body = await this.client.get<{ currencies: unknown }>('v5/reference/currencies');
    return parse(z.array(currency), body.currencies, 'currencies');
  }

  async paymentTypes() {
    const body = await this.client.get<{ paymentTypes: unknown }>('v5/reference/payment-types');
    return parse(keyed(paymentType), body.paymentTypes, 'payment types');
  }

  async paymentStatuses() {
    const body = await this.client.get<{ paymentStatuses: unknown }>('v5/reference/payment-statuses');
    return parse(keyed(paymentStatus), body.paymentStatuses, 'payment statuses');
  }

  /** Creates or updates (reference §5.1); setting the same fields twice is harmless. */
  async editPaymentType(code: string, fields: Record<string, unknown>): Promise<void> {
    await this.client.post(
      `v5/reference/payment-types/${encodeURIComponent(code)}/edit`,
      { paymentType: { code, ...fields } },
      { idempotent: true },
    );
  }

  async editPaymentStatus(code: string, fields: Record<string, unknown>): Promise<void> {
    await this.client.post(
      `v5/reference/payment-statuses/${encodeURIComponent(code)}/edit`,
      { paymentStatus: { code, ...fields } },
      { idempotent: true },
    );
  }

  /** One page; `limit` is 20, 50 or 100 (reference §1.8). */
  async orders(
    filter: OrderFilter,
    page = 1,
    limit: OrderPageLimit = PAGE_LIMIT,
    options: CallOptions = {},
  ): Promise<{ orders: CrmOrder[]; pagination: Pagination }> {
    const body = await this.client.get<{ orders: unknown; pagination: unknown }>(
      'v5/orders',
      { filter, limit, page } satisfies Query,
      options,
    );
    return {
      orders: parse(z.array(crmOrder), body.orders, 'orders'),
      pagination: parse(pagination, body.pagination, 'pagination'),
    };
  }

  /** Every page of a filtered order list, 100 at a time. */
  async *allOrders(filter: OrderFilter): AsyncGenerator<CrmOrder[]> {
    let next = this.orders(filter, 1);
    for (let page = 1; ; page++) {
      const { orders, pagination: p } = await next;
      const more = page < p.totalPageCount;
      if (more) {
        // Asked for before this page is handed on: the rate limiter is never idle while the rows
        // of a page are handled, so a cold load runs at RetailCRM's limit. A caller that stops
        // early leaves this one request unread, not unhandled.
        next = this.orders(filter, page + 1);
        next.catch(() => undefined);
      }
      yield orders;
      if (!more) return;
    }
  }

  /**
   * One order, fresh; reads made at the same moment share one request (orderReads.ts). A lock's
   * reads go in their lane (CallOptions), together only with other locks' reads.
   */
  order(id: number, options: Pick<CallOptions, 'lane' | 'onSend'> = {}): Promise<CrmOrder> {
    return (options.lane === 'lockRead' ? this.lockReads : this.reads).read(id, options.onSend);
  }

  private async orderById(id: number, options: CallOptions = {}): Promise<CrmOrder> {
    const body = await this.client.get<{ order: unknown }>(`v5/orders/${id}`, { by: 'id' }, options);
    return parse(crmOrder, body.order, 'order');
  }

  async customer(id: number) {
    const body = await this.client.get<{ customer: unknown }>(`v5/customers/${id}`, { by: 'id' });
    return parse(crmCustomer, body.customer, 'customer');
  }

  /**
   * History records after `sinceId` (exclusive), oldest first. Never sends `page` with `sinceId`
   * (reference §10.2: that is a 400 since May 2023).
   */
  async history(
    sinceId?: number,
    window: { startDate?: string } = {},
  ): Promise<{ history: HistoryRecord[]; pagination?: Pagination; generatedAt?: string }> {
    // §10.1: `startDate` (`Y-m-d H:i:s`, account time) starts a feed at a moment (§10.7 step 2).
    const filter = {
      ...(sinceId !== undefined && { sinceId }),
      ...(window.startDate !== undefined && { startDate: window.startDate }),
    };
    const query: Query = { limit: PAGE_LIMIT, ...(Object.keys(filter).length > 0 && { filter }) };
    const body = await this.client.get<{ history?: unknown; pagination?: unknown; generatedAt?: unknown }>(
      'v5/orders/history',
      query,
    );
    return {
      history: parse(z.array(historyRecord), body.history ?? [], 'history'),
      ...(body.pagination !== undefined && { pagination: parse(pagination, body.pagination, 'pagination') }),
      // §10.3: the server's time of the answer, in the records' clock; not a cursor.
      ...(typeof body.generatedAt === 'string' && { generatedAt: body.generatedAt }),
    };
  }

  /** Not idempotent: a retry after a lost reply could add a second payment. */
  async createPayment(orderId: number, fields: PaymentFields, site?: string): Promise<number> {
    const body = await this.client.post<{ id: number }>('v5/orders/payments/create', {
      payment: { order: { id: orderId }, ...paymentBody(fields) },
      site,
    });
    return body.id;
  }

  /** Sets fields of a payment; the same edit twice leaves the same payment, so it is retried. */
  async editPayment(
    paymentId: number,
    fields: PaymentFields,
    options: CallOptions = { idempotent: true },
  ): Promise<void> {
    await this.client.post(
      `v5/orders/payments/${paymentId}/edit`,
      { by: 'id', payment: paymentBody(fields) },
      options,
    );
  }
}
