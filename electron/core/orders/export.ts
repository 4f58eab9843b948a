/**
 * The orders list as a file: an Excel workbook (write-excel-file, a maintained library) or a CSV
 * that Excel opens right in a Ukrainian or Russian locale. The renderer sends what the manager sees
 * (the visible columns, headed in the UI's language, the filtered rows in the list's order); this
 * turns it into bytes. Amounts are numbers (hryvnias with two decimals), never text, so they add up.
 */
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';
import type { ExportCell, ExportFile, OrdersExportRequest } from '../../shared/channels/orders';
import { formatDecimal, kopiyky } from '../../shared/money';

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

/**
 * Excel in a Ukrainian or Russian locale reads `;` as the list separator and `,` as the decimal
 * mark, and takes UTF-8 only after a byte-order mark (without one, Cyrillic comes out garbled).
 */
const CSV_DELIMITER = ';';

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is made plain text. */
function plain(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(cell: ExportCell, type: OrdersExportRequest['columns'][number]['type']): string {
  if (cell === null) return '';
  if (type === 'money' && typeof cell === 'number') return formatDecimal(kopiyky(cell)).replace('.', ',');
  if (type === 'date' && typeof cell === 'string') {
    const match = LOCAL_TIME.exec(cell);
    return match ? `${match[3]}.${match[2]}.${match[1]} ${match[4]}:${match[5]}` : plain(cell);
  }
  return typeof cell === 'number' ? String(cell) : plain(cell);
}

export function ordersCsv(request: OrdersExportRequest): string {
  const types = request.columns.map((column) => column.type);
  return stringify(
    request.rows.map((row) => row.map((cell, index) => csvCell(cell, types[index] ?? 'text'))),
    {
      header: true,
      columns: request.columns.map((column) => plain(column.header)),
      delimiter: CSV_DELIMITER,
      record_delimiter: 'windows',
      bom: true,
    },
  );
}

/** Local wall time as Excel shows it: Excel has no time zones, so the date is built as UTC. */
function wallTime(text: string): Date | undefined {
  const match = LOCAL_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi));
}

async function ordersXlsx(request: OrdersExportRequest): Promise<Buffer> {
  const header = request.columns.map((column) => ({ value: column.header, fontWeight: 'bold' as const }));
  const rows = request.rows.map((row) =>
    row.map((cell, index) => {
      const type = request.columns[index]?.type ?? 'text';
      if (cell === null) return null;
      if (type === 'money' && typeof cell === 'number')
        return { value: Number(formatDecimal(kopiyky(cell))), type: Number, format: '#,##0.00' };
      if (type === 'date' && typeof cell === 'string') {
        const at = wallTime(cell);
        if (at) return { value: at, type: Date, format: 'dd.mm.yyyy hh:mm' };
      }
      if (typeof cell === 'number') return { value: cell, type: Number };
      return { value: cell, type: String };
    }),
  );
  const columns = request.columns.map((column) => ({
    width:
      column.type === 'date' ? 17 : column.type === 'money' ? 14 : Math.min(40, column.header.length + 6),
  }));
  const file = writeXlsxFile([header, ...rows], {
    columns,
    stickyRowsCount: 1,
    sheet: request.sheetName.slice(0, 31),
  });
  return file.toBuffer();
}

/** The file for `orders.export`, base64 for the IPC reply (the renderer saves it as a download). */
export async function exportOrders(request: OrdersExportRequest, now: Date): Promise<ExportFile> {
  const day = now.toISOString().slice(0, 10);
  if (request.format === 'csv') {
    const text = ordersCsv(request);
    return {
      fileName: `uapay-desk-orders-${day}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      base64: Buffer.from(text, 'utf8').toString('base64'),
      rows: request.rows.length,
    };
  }
  const bytes = await ordersXlsx(request);
  return {
    fileName: `uapay-desk-orders-${day}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: bytes.toString('base64'),
    rows: request.rows.length,
  };
}
