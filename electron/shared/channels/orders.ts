import { z } from 'zod';
import type { Kopiyky } from '../money';
import type { OrderRow } from '../orders';
import { phantom, type ChannelMap } from './spec';

/** `orders.list`: every cached row at once (the renderer filters and sorts them, orderQuery.ts). */
export interface OrdersList {
  rows: OrderRow[];
  /** ISO: when the cache last finished a refresh; absent before the first load. */
  refreshedAt?: string;
  refreshing: boolean;
}

export interface OrdersRefreshResult {
  /** `none`: no merchant is linked to a payment type, so there is nothing to list. */
  mode: 'full' | 'incremental' | 'none';
  /** Rows added or changed, and removed. */
  changed: number;
  removed: number;
  /** Rows in the cache afterwards. */
  total: number;
  /** RetailCRM requests this refresh made (a request's own retries are not counted again). */
  requests: number;
  /** False when more history waits than one refresh reads; refreshing again goes on from there. */
  complete: boolean;
  refreshedAt: string;
}

/** The side panel: one order as RetailCRM has it right now. */
export interface OrderDetail {
  orderId: number;
  orderNumber: string;
  site: string;
  /** The order's status code. */
  status?: string;
  /** ISO. */
  createdAt?: string;
  currency?: string;
  totalSumm: Kopiyky;
  /** Paid so far, as RetailCRM counts it. */
  prepaySum: Kopiyky;
  /** The contact data copied onto the order. */
  contact: { name: string; email?: string; phone?: string };
  customer?: { id?: number; name: string; email?: string; phones: string[] };
  items: { name: string; quantity: number; price: Kopiyky; discount?: Kopiyky }[];
  /** Every payment of the order; `linked` marks those of our merchants' types. */
  payments: {
    id: number;
    type?: string;
    status?: string;
    amount: Kopiyky;
    externalId?: string;
    linked: boolean;
  }[];
  customerComment?: string;
  managerComment?: string;
}

export interface OrderView {
  row: OrderRow;
  detail: OrderDetail;
}

/** `orders.find`: an order of RetailCRM found by its number, whether or not it has a UAPAY payment. */
export interface OrderFound {
  orderId: number;
  orderNumber: string;
  site: string;
  /** ISO. */
  createdAt?: string;
  customerName: string;
  totalSumm: Kopiyky;
  currency?: string;
  /** Payment ids of its payments of our merchants' types (rows of the list). */
  linkedPaymentIds: number[];
}

/** `orders.order`: one order fresh from RetailCRM, with the list's rows of its UAPAY payments. */
export interface OrderLookup {
  detail: OrderDetail;
  rows: OrderRow[];
}

/**
 * A cell of the exported list: text, a number, kopiyky (`money` columns) or a local wall time
 * `YYYY-MM-DDTHH:mm` (`date` columns); null when empty.
 */
export type ExportCell = string | number | null;

const exportCell = z.union([
  z.string().max(4000),
  z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  z.null(),
]);

export const ordersExportSchema = z.strictObject({
  format: z.enum(['xlsx', 'csv'], 'The format must be "xlsx" or "csv".'),
  sheetName: z.string().trim().min(1).max(100),
  columns: z
    .array(
      z.strictObject({
        header: z.string().max(200),
        type: z.enum(['text', 'money', 'date', 'number']),
      }),
    )
    .min(1)
    .max(40),
  rows: z.array(z.array(exportCell).max(40)).max(100_000),
});
export type OrdersExportRequest = z.output<typeof ordersExportSchema>;

/** `orders.export`: the file's bytes (base64) and a name to save it under. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
}

/** Event `orders.changed`: merge by `paymentId`, so the list keeps its scroll and selection. */
export interface OrdersChanged {
  changed: OrderRow[];
  /** Payment ids whose rows are gone (payment deleted or unlinked, order deleted). */
  removed: number[];
  refreshing: boolean;
  refreshedAt?: string;
}

export const ordersChannels = {
  'orders.list': { request: z.strictObject({}), response: phantom<OrdersList>() },
  'orders.refresh': {
    request: z.strictObject({ full: z.boolean('"full" must be true or false.').optional() }),
    response: phantom<OrdersRefreshResult>(),
  },
  /** Any order of the chosen stores by its number, asked of RetailCRM (not only the cache). */
  'orders.find': {
    request: z.strictObject({
      number: z.string('The order number must be text.').trim().min(1, 'Enter an order number.').max(100),
    }),
    response: phantom<OrderFound[]>(),
  },
  'orders.order': {
    request: z.strictObject({
      orderId: z.number('The order id must be a number.').int().positive().max(Number.MAX_SAFE_INTEGER),
    }),
    response: phantom<OrderLookup>(),
  },
  /** The filtered list as the manager sees it, as an Excel workbook or a CSV for Excel. */
  'orders.export': { request: ordersExportSchema, response: phantom<ExportFile>() },
  'orders.get': {
    request: z.strictObject({
      paymentId: z.number('The payment id must be a number.').int().positive().max(Number.MAX_SAFE_INTEGER),
    }),
    response: phantom<OrderView>(),
  },
} satisfies ChannelMap;
