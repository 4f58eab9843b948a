import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet would read as a formula (CSV injection, OWASP): it starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return. Exports carry text from outside (customers' names, CRM
 * comments, UAPAY's messages), so such a cell gets a leading apostrophe, which spreadsheets show
 * as text and hide. A plain number (`-12.50`) is left as it is: it is no formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * Every CSV file the app writes: a header row, one row per record, every cell neutralized, with a
 * byte-order mark so Excel reads the UTF-8 (Cyrillic names) right.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return stringify(
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutralizeCell(cell) : cell))),
    { header: true, columns: [...columns], bom: true },
  );
}
