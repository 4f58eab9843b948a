import { describe, expect, it } from 'vitest';
import type { Kopiyky } from '../../electron/shared/money';
import { queryOrders, type QueryContext } from '../../electron/shared/orderQuery';
import { parseSearch } from '../../electron/shared/orderSearch';
import type { OrderRow } from '../../electron/shared/orders';
import { listRow } from '../support/orderRow';

const context: QueryContext = { now: new Date(2025, 2, 10, 12), holdLifetimeHours: 168 };

let nextId = 1;
function row(fields: Partial<OrderRow>): OrderRow {
  return listRow(nextId++, { site: 'shop-a', createdAt: new Date(2025, 2, 1).toISOString(), ...fields });
}

const rows = [
  row({ orderNumber: 'ivan', customerName: 'Петренко Іван', phones: ['+38 (067) 123-45-67'] }),
  row({ orderNumber: 'olena', customerName: 'Шевченко Олена', phones: ['0501112233', '+380939998877'] }),
  row({ orderNumber: 'taras', customerName: 'Тарас', invoiceId: 'e1f3c2a0-7b5d-4c1e-9a2f-2024aa000017' }),
  row({ orderNumber: 'amount', amount: 1_250_00 as Kopiyky, orderTotal: 1_400_00 as Kopiyky }),
  row({ orderNumber: 'half', amount: 1_250_50 as Kopiyky }),
  row({ orderNumber: 'total', orderTotal: 1_250_00 as Kopiyky }),
  row({
    orderNumber: 'held',
    amount: 900_00 as Kopiyky,
    state: 'held',
    uapay: { amount: 1_250_00 as Kopiyky, checkedAt: '' },
  }),
];

const found = (search: string) =>
  queryOrders(rows, { search }, context)
    .rows.map((r) => r.orderNumber)
    .sort();

describe('orders search by phone', () => {
  it('matches the digits however the phone is written, in the row or in the box', () => {
    for (const typed of [
      '+38 (067) 123-45-67',
      '+380671234567',
      '0671234567',
      '671234567',
      '067 123 45 67',
      '123-45-67',
    ])
      expect(found(typed), typed).toEqual(['ivan']);
  });

  it('finds a phone kept without the country code by one typed with it, and any of the phones', () => {
    expect(found('+38 050 111 22 33')).toEqual(['olena']);
    expect(found('0939998877')).toEqual(['olena']);
  });

  it('needs the digits in order in one phone', () => {
    expect(found('0671234568')).toEqual([]);
    // The end of one phone and the start of the next are not one number.
    expect(found('2233380939')).toEqual([]);
  });

  it('combines a phone with a name', () => {
    expect(found('петренко 067 123')).toEqual(['ivan']);
    expect(found('шевченко 067 123')).toEqual([]);
  });
});

describe('orders search by invoice id', () => {
  it('finds the UAPAY invoice id, whole or in part, in any case', () => {
    expect(found('e1f3c2a0-7b5d-4c1e-9a2f-2024aa000017')).toEqual(['taras']);
    expect(found('E1F3C2A0')).toEqual(['taras']);
    expect(found('2024aa')).toEqual(['taras']);
  });

  it('looks for a short word (an order number) in names and numbers, not inside invoice ids', () => {
    expect(found('aa0')).toEqual([]);
    expect(found('7b5d')).toEqual([]);
  });
});

describe('orders search by amount', () => {
  it('reads an amount as it is shown or typed: spaces between thousands, decimal comma or point', () => {
    for (const typed of ['1 250', '1250,00', '1250.00', '1 250,00', '1250'])
      expect(found(typed), typed).toEqual(['amount', 'held', 'total']);
    expect(found('1250.5')).toEqual(['half']);
    expect(found('1250,50')).toEqual(['half']);
  });

  it("matches the payment's amount, the order's total and what UAPAY holds, exactly", () => {
    expect(found('1 400')).toEqual(['amount']);
    expect(found('900')).toEqual(['held']);
    expect(found('125')).toEqual([]);
  });

  it('keeps the amount and the words of one search together', () => {
    expect(found('1 250 held')).toEqual(['held']);
  });
});

describe('orders search terms', () => {
  it('groups the words of one number, and leaves words apart', () => {
    expect(parseSearch('+38 (067) 123-45-67')).toEqual([{ digits: '380671234567' }]);
    expect(parseSearch('1 250')).toEqual([{ amount: 1_250_00 }]);
    expect(parseSearch('1250,5')).toEqual([{ amount: 1_250_50 }]);
    expect(parseSearch('1001')).toEqual([{ text: '1001', digits: '1001', amount: 1_001_00 }]);
    expect(parseSearch('Іван 067-12')).toEqual([{ text: 'іван' }, { text: '067-12', digits: '06712' }]);
    expect(parseSearch('  ')).toEqual([]);
  });
});
