/**
 * Refund: returns captured money, all that is left or part of it (`payments.refund`, journal kind
 * `payment.refund`; UAPAY invoicer/payments/reverse, reference §3.9).
 */
import { kopiyky } from '../../shared/money';
import { RefusedError } from '../errors';
import { baselineOf, requireAmount, type MoneyOperation } from './moneyOperation';

export const refund = {
  kind: 'payment.refund',
  writes: ['refunded', 'partially_refunded'],
  // UNCERTAIN (§3.5): a reversal's time may show only on payments/show.
  readsPaymentAfter: true,
  decide(current, known) {
    const { state } = current.derived;
    if ((state !== 'paid' && state !== 'partially_refunded') || !current.payment) {
      throw new RefusedError(
        'not_captured',
        `There is no captured money to refund (the payment is ${state}).`,
        {
          state,
        },
      );
    }
    const payment = current.payment;
    // Never more than UAPAY shows captured (less what this desktop refunded), than this desktop
    // captured, or than RetailCRM says the shop keeps (other desktops' refunds show there).
    const captured = kopiyky(Math.min(payment.amount, known.journal.captured ?? Infinity));
    const crmKeeps =
      known.crm.state === 'paid' || known.crm.state === 'partially_refunded' ? known.crm.amount : 0;
    const refundable = kopiyky(Math.max(0, Math.min(captured - known.journal.refunded, crmKeeps)));
    if (refundable <= 0)
      throw new RefusedError('nothing_to_refund', 'Everything paid has already been refunded.');
    const amount = requireAmount(known.intent.amount, refundable, 'refund');
    // Reference §3.9: the amount goes in data; it is left out only for the whole of an untouched
    // payment (after a partial refund "no amount" could mean the original total).
    const whole = state === 'paid' && known.journal.refunded === 0 && amount === payment.amount;
    return {
      uapayPaymentId: payment.paymentId,
      amount,
      ...(!whole && { sendAmount: amount }),
      crmAmount: known.crm.amount,
      refundable,
      captured,
      baseline: baselineOf(payment),
    };
  },
  send: (client, ref, decision) => client.reverse(ref, decision.sendAmount),
  // UNCERTAIN (§4, §3.5): a reverse may change the pair or leave it as it was, and `reversedAt`
  // may show on invoices/show, only on payments/show, or nowhere. A change is proof it happened;
  // no change proves nothing, so a refund is never taken as "not done" from UAPAY's state.
  observe(current, decision, detail) {
    const now = current.payment;
    if (!now) return 'unclear';
    const before = decision.baseline;
    const changed = (field: 'status' | 'paymentStatus') =>
      before[field] !== undefined && (now[field] ?? null) !== before[field];
    if (changed('status') || changed('paymentStatus')) return 'done';
    const since = before.reversedAt ? Date.parse(before.reversedAt) : -Infinity;
    for (const reversedAt of [now.reversedAt, detail?.reversedAt]) {
      if (reversedAt && reversedAt.getTime() > since) return 'done';
    }
    return 'unclear';
  },
  // RetailCRM's amount stays "what the shop keeps" while anything is kept; once all of it went
  // back, the status alone says so (paymentComplete is off) and the amount shows what was paid.
  result(decision) {
    const remaining = kopiyky((decision.refundable ?? 0) - decision.amount);
    return {
      state: remaining > 0 ? 'partially_refunded' : 'refunded',
      crmAmount: remaining > 0 ? remaining : (decision.captured ?? decision.crmAmount),
      moved: decision.amount,
      remaining,
    };
  },
} satisfies MoneyOperation;
