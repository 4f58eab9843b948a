import { describe, expect, it } from 'vitest';
import {
  deriveState,
  stateForCrmStatus,
  type UapayInvoiceView,
  type UapayPaymentView,
} from '../../electron/core/lifecycle';
import { canDo } from '../../electron/shared/lifecycle';

const HOUR = 3_600_000;
const now = new Date('2026-11-28T12:00:00Z');
const week = 168 * HOUR;

const payment = (
  status: string,
  paymentStatus: string,
  extra: Partial<UapayPaymentView> = {},
): UapayPaymentView => ({
  paymentId: 'p1',
  status,
  paymentStatus,
  amount: 10_000,
  createdAt: new Date(now.getTime() - 2 * HOUR),
  ...extra,
});
const invoice = (payments: UapayPaymentView[], extra: Partial<UapayInvoiceView> = {}): UapayInvoiceView => ({
  invoiceStatus: 'ACTIVE',
  payments,
  ...extra,
});
const derive = (
  inv: UapayInvoiceView | undefined,
  previous?: Parameters<typeof deriveState>[0]['previous'],
) => deriveState({ invoice: inv, previous, holdLifetimeMs: week, now }).state;

describe('lifecycle: UAPAY → our state', () => {
  it('reads the documented pairs (reference §4)', () => {
    expect(derive(invoice([payment('FINISHED', 'FINISHED')]))).toBe('paid');
    expect(derive(invoice([payment('PAID', 'HOLDED')]))).toBe('held');
  });

  it('moves nothing on a value no source gives a meaning: PAYED, or HOLDED without status PAID', () => {
    const pairs: [string, string][] = [
      ['NEW', 'PAYED'],
      ['PAID', 'PAYED'],
      ['NEW', 'HOLDED'],
      ['FINISHED', 'HOLDED'],
    ];
    for (const [status, paymentStatus] of pairs) {
      const derived = deriveState({
        invoice: invoice([payment(status, paymentStatus)]),
        previous: 'link_sent',
        holdLifetimeMs: week,
        now,
      });
      expect(derived, `${status}/${paymentStatus}`).toMatchObject({ state: 'link_sent', unknown: true });
    }
  });

  it('has no link without an invoice, and a live link without a payment', () => {
    expect(derive(undefined)).toBe('no_link');
    expect(derive(invoice([]))).toBe('link_sent');
    expect(derive(invoice([payment('NEW', 'NEEDS_CONFIRMATION')]))).toBe('link_sent');
  });

  it('calls an unpaid link failed once it expired, and a declined attempt failed', () => {
    expect(derive(invoice([], { payExpiresAt: new Date(now.getTime() - 1) }))).toBe('failed');
    expect(derive(invoice([], { invoiceStatus: 'INACTIVE' }))).toBe('failed');
    expect(derive(invoice([payment('CANCELED', 'REJECTED')]))).toBe('failed');
  });

  it('prefers the attempt that moved money over a later failed one', () => {
    const held = payment('PAID', 'HOLDED', { paymentId: 'held' });
    const declined = payment('CANCELED', 'REJECTED', { paymentId: 'declined' });
    expect(
      deriveState({ invoice: invoice([held, declined]), holdLifetimeMs: week, now }).payment?.paymentId,
    ).toBe('held');
  });

  it('reads refunds: RETURNED is partial, REVERSED is full', () => {
    expect(derive(invoice([payment('FINISHED', 'RETURNED')]))).toBe('partially_refunded');
    expect(derive(invoice([payment('REVERSED', 'REVERSED')]))).toBe('refunded');
  });

  it('tells an early release of a hold we saw (a cancel) from one at the end of its life (expiry)', () => {
    // Released holds: the card authorised them once (paidAt).
    const at = (ms: number) => ({
      createdAt: new Date(now.getTime() - ms),
      paidAt: new Date(now.getTime() - ms),
    });
    const early = payment('CANCELED', 'CANCELED', at(2 * HOUR));
    const late = payment('CANCELED', 'CANCELED', at(week));
    expect(derive(invoice([early]), 'held')).toBe('rejected');
    expect(derive(invoice([late]), 'held')).toBe('expired');
    expect(derive(invoice([late]), 'link_sent')).toBe('expired');
    expect(derive(invoice([early]), 'link_sent')).toBe('failed');
  });

  it('reads a declined card as failed even where UAPAY calls it CANCELED (UNCERTAIN, §4)', () => {
    const declined = payment('CANCELED', 'CANCELED', { createdAt: new Date(now.getTime() - week) });
    expect(derive(invoice([declined]), 'link_sent')).toBe('failed');
  });

  it('finds the paid attempt behind an earlier abandoned one, whatever the order of payments[]', () => {
    const abandoned = payment('CANCELED', 'CANCELED', {
      paymentId: 'abandoned',
      createdAt: new Date(now.getTime() - 3 * HOUR),
    });
    const paid = payment('FINISHED', 'FINISHED', {
      paymentId: 'paid',
      createdAt: new Date(now.getTime() - HOUR),
      paidAt: new Date(now.getTime() - HOUR),
    });
    for (const order of [
      [abandoned, paid],
      [paid, abandoned],
    ]) {
      const derived = deriveState({ invoice: invoice(order), holdLifetimeMs: week, now });
      expect([derived.state, derived.payment?.paymentId]).toEqual(['paid', 'paid']);
    }
  });

  it('reads a cancelled hold that UAPAY shows as REVERSED as rejected, not refunded (UNCERTAIN, §4)', () => {
    const released = payment('REVERSED', 'REVERSED', { paidAt: new Date(now.getTime() - HOUR) });
    expect(derive(invoice([released]), 'held')).toBe('rejected');
    expect(derive(invoice([released]), 'rejected')).toBe('rejected');
    expect(derive(invoice([released]), 'paid')).toBe('refunded');
  });

  it('never moves a refunded payment back, whatever pair a reverse leaves (UNCERTAIN, §4)', () => {
    expect(derive(invoice([payment('FINISHED', 'FINISHED')]), 'partially_refunded')).toBe(
      'partially_refunded',
    );
    expect(derive(invoice([payment('FINISHED', 'RETURNED')]), 'refunded')).toBe('refunded');
  });

  it('keeps what RetailCRM records for a release it already explained', () => {
    const late = payment('CANCELED', 'CANCELED', { createdAt: new Date(now.getTime() - week) });
    expect(derive(invoice([late]), 'rejected')).toBe('rejected');
  });

  it('never moves money state on a status it does not know', () => {
    const result = deriveState({
      invoice: invoice([payment('WHATEVER', 'MYSTERY')]),
      previous: 'held',
      holdLifetimeMs: week,
      now,
    });
    expect(result).toMatchObject({ state: 'held', unknown: true });
  });
});

describe('lifecycle: RetailCRM codes and actions', () => {
  it('reads a RetailCRM status back through the mapping, earliest state first', () => {
    const mapping = { held: 'hold', paid: 'paid', rejected: 'cancel', expired: 'cancel' } as const;
    expect(stateForCrmStatus('paid', mapping)).toBe('paid');
    expect(stateForCrmStatus('cancel', mapping)).toBe('rejected');
    expect(stateForCrmStatus('unknown', mapping)).toBeUndefined();
  });

  it('offers confirm and cancel only for holds, refund only for captured money', () => {
    expect(canDo('confirm', 'held')).toBe(true);
    expect(canDo('confirm', 'expired')).toBe(false);
    expect(canDo('refund', 'partially_refunded')).toBe(true);
    expect(canDo('refund', 'refunded')).toBe(false);
    expect(canDo('createLink', 'paid')).toBe(false);
  });
});
