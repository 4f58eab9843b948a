import { describe, expect, it } from 'vitest';
import { entriesToCsv, toEntry } from '../../../electron/core/journal/view';
import type { IntentRecord, Operation, ResultRecord } from '../../../electron/core/journal/records';

const AT = '2026-03-10T10:00:00.000Z';

function refund(amount: number | undefined, result: Partial<ResultRecord>): Operation {
  const intent: IntentRecord = {
    t: 'intent',
    opId: 'op-1',
    at: AT,
    kind: 'payment.refund',
    actor: { osUser: 'olena' },
    orderId: 7,
    orderNumber: '7A',
    crmPaymentId: 70,
    merchantId: 'm1',
    invoiceId: 'inv-1',
    ...(amount !== undefined && { amount }),
    before: 'paid',
    detail: { crmAmount: 100_00 },
  };
  return {
    intent,
    steps: [],
    result: { t: 'result', opId: 'op-1', at: AT, outcome: 'succeeded', ...result },
  };
}

describe("journal entries: a money line is the operation's own sum and what remains", () => {
  it('reads the refunded sum and what stays paid from a result that says both', () => {
    const entry = toEntry(refund(25_00, { after: 'partially_refunded', amount: 25_00, remaining: 75_00 }));
    expect(entry).toMatchObject({ amount: 25_00, remaining: 75_00 });
  });

  it('reads a refund journaled before `remaining` existed: its amount was what stayed paid', () => {
    expect(toEntry(refund(25_00, { after: 'partially_refunded', amount: 75_00 }))).toMatchObject({
      amount: 25_00,
      remaining: 75_00,
    });
    // "All of it": the intent had no amount; what was kept before went back.
    expect(toEntry(refund(undefined, { after: 'refunded', amount: 100_00 }))).toMatchObject({
      amount: 100_00,
      remaining: 0,
    });
  });

  it('keeps a failed refund at what was asked, with nothing said about what remains', () => {
    const entry = toEntry(refund(25_00, { outcome: 'failed', after: 'paid' }));
    expect(entry.amount).toBe(25_00);
    expect(entry.remaining).toBeUndefined();
  });

  it('writes both to the CSV, as hryvnias', () => {
    const csv = entriesToCsv([toEntry(refund(25_00, { after: 'partially_refunded', amount: 75_00 }))]);
    const [header, line] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const columns = header!.split(',');
    const cells = line!.split(',');
    expect(cells[columns.indexOf('amount_uah')]).toBe('25.00');
    expect(cells[columns.indexOf('remaining_uah')]).toBe('75.00');
  });
});
