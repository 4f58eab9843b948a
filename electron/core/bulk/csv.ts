import type { BulkStatus } from '../../shared/channels/bulk';
import { formatDecimal } from '../../shared/money';
import { toCsv } from '../csvExport';

const COLUMNS = [
  'order',
  'order_id',
  'payment_id',
  'amount_uah',
  'result',
  'reason',
  'state_after',
  'error_kind',
  'error_code',
  'message',
  'finished',
  'operation_id',
] as const;

/**
 * A batch's result, one line per payment in the list's order. `message` is UAPAY's own text for a
 * failure it refused (else the app's words), or what a skip was about.
 */
export function batchToCsv(batch: BulkStatus): { fileName: string; text: string; rows: number } {
  const text = toCsv(
    COLUMNS,
    batch.rows.map((row) => [
      row.orderNumber,
      row.orderId || '',
      row.paymentId,
      formatDecimal(row.amount),
      row.outcome,
      row.reason ?? '',
      row.state ?? '',
      row.error?.kind ?? '',
      row.error?.code ?? '',
      row.error?.message ?? row.detail?.message ?? '',
      row.finishedAt ?? '',
      row.opId ?? '',
    ]),
  );
  const day = batch.startedAt.slice(0, 10);
  return {
    fileName: `uapay-desk-bulk-${batch.action}-${day}-${batch.batchId.slice(0, 8)}.csv`,
    text,
    rows: batch.rows.length,
  };
}
