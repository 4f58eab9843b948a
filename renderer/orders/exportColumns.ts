/**
 * The orders list's visible columns as a file's columns: each one's header in the UI's language
 * (the very words of the list's headers) and its cell as a value, not as display text: amounts in
 * kopiyky (the core writes them as numbers), moments as local wall times, states and operations in
 * words. The link column is the payment link itself; the time left is when the hold ends.
 */
import type { TFunction } from 'i18next';
import type { ExportCell, OrdersExportRequest } from '../../electron/shared/channels/orders';
import { holdExpiresAt, refundedAmount } from '../../electron/shared/orderQuery';
import type { OrderRow } from '../../electron/shared/orders';
import { wallTime } from '../i18n/dates';
import { operationWhat } from './lastOperationCell';

interface ExportColumn {
  header: string;
  type: OrdersExportRequest['columns'][number]['type'];
  cell(row: OrderRow): ExportCell;
}

const CAPTURED: readonly OrderRow['state'][] = ['paid', 'refunded', 'partially_refunded'];

export function exportColumns(
  t: TFunction,
  context: { merchantNames: Readonly<Record<string, string>>; holdLifetimeHours: number },
): ExportColumn[] {
  const money = (amount: number | undefined): ExportCell => (amount === undefined ? null : amount);
  return [
    { header: t('orders.columns.orderNumber'), type: 'text', cell: (row) => row.orderNumber },
    { header: t('orders.columns.createdAt'), type: 'date', cell: (row) => wallTime(row.createdAt) },
    { header: t('orders.columns.customer'), type: 'text', cell: (row) => row.customerName },
    { header: t('orders.columns.state'), type: 'text', cell: (row) => t(`lifecycle.${row.state}`) },
    { header: t('orders.columns.amount'), type: 'money', cell: (row) => row.amount },
    { header: t('orders.columns.currency'), type: 'text', cell: (row) => row.currency ?? 'UAH' },
    {
      header: t('panel.holdExpires'),
      type: 'date',
      cell: (row) => (row.state === 'held' ? wallTime(holdExpiresAt(row, context.holdLifetimeHours)) : null),
    },
    { header: t('orders.columns.link'), type: 'text', cell: (row) => row.link ?? null },
    { header: t('orders.columns.email'), type: 'text', cell: (row) => row.emails.join(', ') },
    { header: t('orders.columns.orderTotal'), type: 'money', cell: (row) => row.orderTotal },
    {
      header: t('orders.columns.held'),
      type: 'money',
      cell: (row) => money(row.state === 'held' ? (row.uapay?.amount ?? row.amount) : undefined),
    },
    {
      header: t('orders.columns.captured'),
      type: 'money',
      cell: (row) => money(CAPTURED.includes(row.state) ? (row.uapay?.amount ?? row.amount) : undefined),
    },
    {
      header: t('orders.columns.refunded'),
      type: 'money',
      cell: (row) =>
        money(
          row.state === 'refunded' || row.state === 'partially_refunded' ? refundedAmount(row) : undefined,
        ),
    },
    {
      header: t('orders.columns.merchant'),
      type: 'text',
      cell: (row) => (row.merchantId ? (context.merchantNames[row.merchantId] ?? row.merchantId) : null),
    },
    { header: t('orders.columns.site'), type: 'text', cell: (row) => row.site },
    {
      header: t('orders.columns.lastOperation'),
      type: 'text',
      cell: (row) =>
        row.lastOperation
          ? `${operationWhat(row.lastOperation.kind, t)} · ${t(`orders.outcomes.${row.lastOperation.outcome}`)}`
          : null,
    },
    {
      header: t('orders.columns.lastOperationAt'),
      type: 'date',
      cell: (row) => wallTime(row.lastOperation?.at),
    },
  ];
}

/** The request for `orders.export`: the shown rows, in the list's order, under these columns. */
export function exportRequest(
  format: OrdersExportRequest['format'],
  sheetName: string,
  columns: readonly ExportColumn[],
  rows: readonly OrderRow[],
): OrdersExportRequest {
  return {
    format,
    sheetName,
    columns: columns.map(({ header, type }) => ({ header, type })),
    rows: rows.map((row) => columns.map((column) => column.cell(row))),
  };
}
