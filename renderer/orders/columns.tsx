import {
  columnSizingFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { refundedAmount, type SortColumn } from '../../electron/shared/orderQuery';
import type { Kopiyky } from '../../electron/shared/money';
import type { OrderRow } from '../../electron/shared/orders';
import type { Language } from '../i18n';
import { formatMoney } from '../i18n/money';
import { CopyLinkButton } from './CopyLinkButton';
import { formatDateTime } from '../i18n/dates';
import { HoldCountdown } from './HoldCountdown';
import { lastOperationCell } from './lastOperationCell';
import { openInCrmLink } from './OpenInCrm';
import { RowCheckbox } from './RowCheckbox';

export interface OrdersColumnMeta {
  /** The `queryOrders` sort this column's header asks for; absent: not sortable. */
  sort?: SortColumn;
  /** Amounts line up on the right. */
  align?: 'end' | 'center';
  /** Stays in view when the list scrolls sideways (the checkbox and the order number). */
  sticky?: boolean;
}

/**
 * Cells are plain functions of the row and of the column's `t`, language and merchant names where
 * they can be: dozens mount at each scroll step and each keystroke, and a hook (a subscription)
 * each is felt there. A change of language or of a merchant's name makes new columns.
 *
 * Sorting is done by `queryOrders` (its order is the data's order), so the table keeps only the
 * sort state for the headers; sizes come from the column definitions.
 */
export const tableFeaturesOfOrders = tableFeatures({
  rowSortingFeature,
  columnSizingFeature,
  columnMeta: {} as OrdersColumnMeta,
});

const column = createColumnHelper<typeof tableFeaturesOfOrders, OrderRow>();

/** What the shop has of the money, by state: held now, captured, given back. */
function heldAmount(row: OrderRow) {
  return row.state === 'held' ? (row.uapay?.amount ?? row.amount) : undefined;
}

const CAPTURED_STATES: readonly OrderRow['state'][] = ['paid', 'refunded', 'partially_refunded'];

function capturedAmount(row: OrderRow) {
  // Same reading as the summary's (orderQuery.ts): UAPAY's captured amount once asked, else the payment's.
  return CAPTURED_STATES.includes(row.state) ? (row.uapay?.amount ?? row.amount) : undefined;
}

function refunded(row: OrderRow) {
  return row.state === 'refunded' || row.state === 'partially_refunded' ? refundedAmount(row) : undefined;
}

/**
 * The list's columns. What a manager decides by comes first, within a laptop
 * screen's width: number, date, customer, state, amount, time left and the link; the rest is a
 * sideways scroll away, with the checkbox and the number staying in view.
 */
export function orderColumns(
  t: TFunction,
  language: Language,
  merchantNames: Readonly<Record<string, string>>,
  /** The RetailCRM account's address, for each row's "Open in RetailCRM". */
  crmAccount?: string,
) {
  return column.columns([
    column.display({
      id: 'select',
      size: 40,
      header: () => null,
      cell: ({ row }) => (
        <RowCheckbox
          row={row.original}
          label={t('orders.table.selectRow', { number: row.original.orderNumber })}
        />
      ),
      meta: { align: 'center', sticky: true },
    }),
    column.accessor('orderNumber', {
      size: 100,
      header: () => t('orders.columns.orderNumber'),
      cell: ({ row }) => <span className="orders-number">{row.original.orderNumber}</span>,
      meta: { sort: 'orderNumber', sticky: true },
    }),
    column.accessor('createdAt', {
      // Wide enough for the longest short date-time of the three languages ("28/11/2026, 11:05").
      size: 146,
      header: () => t('orders.columns.createdAt'),
      cell: ({ row }) => (
        <time dateTime={row.original.createdAt}>
          {formatDateTime(row.original.createdAt, 'short', language)}
        </time>
      ),
      meta: { sort: 'createdAt' },
    }),
    column.accessor('customerName', {
      size: 190,
      header: () => t('orders.columns.customer'),
      cell: ({ row }) => <span title={row.original.customerName}>{row.original.customerName}</span>,
      meta: { sort: 'customerName' },
    }),
    column.accessor('state', {
      size: 184,
      header: () => t('orders.columns.state'),
      // Badge and Money, without their hooks: the column's `t` and `language` are the same.
      cell: ({ row }) => (
        <span className={`badge badge-${row.original.state}`}>{t(`lifecycle.${row.original.state}`)}</span>
      ),
      meta: { sort: 'state' },
    }),
    column.accessor('amount', {
      size: 122,
      header: () => t('orders.columns.amount'),
      cell: ({ row }) => money(row.original.amount, language, row.original.currency),
      meta: { sort: 'amount', align: 'end' },
    }),
    column.display({
      id: 'timeLeft',
      size: 110,
      header: () => t('orders.columns.timeLeft'),
      // Only a hold counts down (and keeps the clock's subscription).
      cell: ({ row }) =>
        row.original.state === 'held' ? (
          <HoldCountdown row={row.original} t={t} language={language} place="cell" />
        ) : (
          <span className="orders-none">—</span>
        ),
      meta: { sort: 'timeLeft' },
    }),
    // The default columns add up to under 1,000 px: the list's width in a 1280 px window.
    column.display({
      id: 'link',
      size: 96,
      header: () => t('orders.columns.link'),
      // The payment link to copy, and the order's own page in RetailCRM.
      cell: ({ row }) => (
        <span className="orders-links">
          <CopyLinkButton
            link={row.original.link}
            label={t('orders.link.copy', { number: row.original.orderNumber })}
          />
          {crmAccount && openInCrmLink(crmAccount, row.original, t)}
        </span>
      ),
      meta: { align: 'center' },
    }),
    column.accessor((row) => row.emails[0] ?? '', {
      id: 'email',
      size: 230,
      header: () => t('orders.columns.email'),
      cell: ({ row }) => <span title={row.original.emails.join(', ')}>{row.original.emails[0]}</span>,
      meta: { sort: 'email' },
    }),
    column.accessor('orderTotal', {
      size: 150,
      header: () => t('orders.columns.orderTotal'),
      cell: ({ row }) => money(row.original.orderTotal, language, row.original.currency),
      meta: { sort: 'orderTotal', align: 'end' },
    }),
    column.display({
      id: 'held',
      size: 124,
      header: () => t('orders.columns.held'),
      cell: ({ row }) => optionalMoney(heldAmount(row.original), language, row.original.currency),
      meta: { align: 'end' },
    }),
    column.display({
      id: 'captured',
      size: 124,
      header: () => t('orders.columns.captured'),
      cell: ({ row }) => optionalMoney(capturedAmount(row.original), language, row.original.currency),
      meta: { align: 'end' },
    }),
    column.display({
      id: 'refunded',
      size: 124,
      header: () => t('orders.columns.refunded'),
      cell: ({ row }) => optionalMoney(refunded(row.original), language, row.original.currency),
      meta: { align: 'end' },
    }),
    column.accessor((row) => row.merchantId ?? '', {
      id: 'merchant',
      size: 250,
      header: () => t('orders.columns.merchant'),
      cell: ({ row }) => {
        // A merchant no longer in the settings shows its id.
        const id = row.original.merchantId;
        const text = (id && merchantNames[id]) ?? id ?? '';
        return <span title={text}>{text}</span>;
      },
      meta: { sort: 'merchant' },
    }),
    column.accessor('site', {
      size: 120,
      header: () => t('orders.columns.site'),
      cell: ({ row }) => <span title={row.original.site}>{row.original.site}</span>,
      meta: { sort: 'site' },
    }),
    column.display({
      id: 'lastOperation',
      size: 220,
      header: () => t('orders.columns.lastOperation'),
      cell: ({ row }) => lastOperationCell(row.original.lastOperation, t, language),
      meta: { sort: 'lastOperation' },
    }),
  ]);
}

/** As `<Money>` shows it: in the order's own currency when it is not hryvnias. */
function money(amount: Kopiyky, language: Language, currency?: string) {
  return <span className="money">{formatMoney(amount, language, currency)}</span>;
}

function optionalMoney(amount: Kopiyky | undefined, language: Language, currency?: string) {
  return amount === undefined ? <span className="orders-none">—</span> : money(amount, language, currency);
}
