import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { exportOrders, ordersCsv } from '../../../electron/core/orders/export';
import type { OrdersExportRequest } from '../../../electron/shared/channels/orders';

const request = (format: 'xlsx' | 'csv'): OrdersExportRequest => ({
  format,
  sheetName: 'Замовлення',
  columns: [
    { header: 'Замовлення', type: 'text' },
    { header: 'Створено', type: 'date' },
    { header: 'Сума', type: 'money' },
    { header: 'Клієнт', type: 'text' },
  ],
  rows: [
    ['1001A', '2026-03-10T14:05', 1_250_50, 'Петренко Іван'],
    ['1002B', '2026-03-11T09:00', 7, '=HYPERLINK("x")'],
    ['1003C', null, null, ''],
  ],
});

describe('orders export', () => {
  it('writes a CSV Excel opens right in a Ukrainian locale: BOM, ";", decimal comma, local dates', () => {
    const text = ordersCsv(request('csv'));
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Замовлення;Створено;Сума;Клієнт',
      '1001A;10.03.2026 14:05;1250,50;Петренко Іван',
      `1002B;11.03.2026 09:00;0,07;"'=HYPERLINK(""x"")"`,
      '1003C;;;',
      '',
    ]);
  });

  it('writes a workbook whose amounts are numbers and dates are dates, headed in the given words', async () => {
    const file = await exportOrders(request('xlsx'), new Date('2026-03-12T10:00:00Z'));
    expect(file).toMatchObject({ fileName: 'uapay-desk-orders-2026-03-12.xlsx', rows: 3 });
    const [sheet] = await readXlsxFile(Buffer.from(file.base64, 'base64'));
    const rows = sheet!.data;
    expect(rows[0]).toEqual(['Замовлення', 'Створено', 'Сума', 'Клієнт']);
    expect(rows[1]![0]).toBe('1001A');
    expect(rows[1]![1]).toEqual(new Date(Date.UTC(2026, 2, 10, 14, 5)));
    expect(rows[1]![2]).toBe(1250.5);
    expect(rows[2]![2]).toBe(0.07);
    expect(rows[2]![3]).toBe('=HYPERLINK("x")');
    expect(sheet!.sheet).toBe('Замовлення');
  });
});
