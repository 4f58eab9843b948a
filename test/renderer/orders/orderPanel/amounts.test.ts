import { describe, expect, it } from 'vitest';
import { kopiyky } from '../../../../electron/shared/money';
import type { OrderRow } from '../../../../electron/shared/orders';
import { paymentAmounts } from '../../../../renderer/orders/orderPanel/amounts';
import { listRow } from '../../../support/orderRow';

function row(fields: Partial<OrderRow>): OrderRow {
  return listRow(1, { state: 'no_link', ...fields });
}

const uapay = (amount: number) => ({ amount: kopiyky(amount), checkedAt: '2026-01-02T00:00:00Z' });

describe('paymentAmounts', () => {
  it('shows what UAPAY holds while held, and what the link asks for before', () => {
    expect(paymentAmounts(row({ state: 'link_sent' }))).toEqual({ requested: 10000 });
    expect(paymentAmounts(row({ state: 'held', uapay: uapay(9000) }))).toEqual({ held: 9000 });
    expect(paymentAmounts(row({ state: 'held' }))).toEqual({ held: 10000 });
  });

  it('takes what remains refundable from RetailCRM and what was captured from UAPAY', () => {
    expect(paymentAmounts(row({ state: 'paid', amount: kopiyky(8000), uapay: uapay(8000) }))).toEqual({
      captured: 8000,
      refundable: 8000,
    });
    expect(
      paymentAmounts(row({ state: 'partially_refunded', amount: kopiyky(6000), uapay: uapay(8000) })),
    ).toEqual({ captured: 8000, refunded: 2000, refundable: 6000 });
    expect(paymentAmounts(row({ state: 'refunded', amount: kopiyky(8000), uapay: uapay(8000) }))).toEqual({
      captured: 8000,
      refunded: 8000,
    });
  });

  it('does not guess what was refunded before UAPAY was asked', () => {
    expect(paymentAmounts(row({ state: 'partially_refunded', amount: kopiyky(6000) }))).toEqual({
      refundable: 6000,
    });
  });
});
