/**
 * Cancel: releases a held payment back to the card (`payments.cancel`, journal kind
 * `payment.cancel`; UAPAY invoicer/payments/cancel, reference §3.8). RetailCRM then says "rejected".
 */
import { kopiyky } from '../../shared/money';
import { phaseOf } from '../lifecycle';
import { baselineOf, requireHeld, type MoneyOperation } from './moneyOperation';

export const cancel = {
  kind: 'payment.cancel',
  writes: ['rejected'],
  decide(current, known) {
    const payment = requireHeld(current);
    return {
      uapayPaymentId: payment.paymentId,
      amount: kopiyky(payment.amount),
      crmAmount: known.crm.amount,
      baseline: baselineOf(payment),
    };
  },
  send: (client, ref) => client.cancel(ref),
  // UNCERTAIN (§4): a cancelled hold may read CANCELED, CLOSED or REVERSED; still HOLDED or
  // captured means the cancel did not happen.
  observe(current) {
    if (!current.payment || current.derived.unknown) return 'unclear';
    const phase = phaseOf(current.payment);
    if (phase === 'held') return 'unclear';
    if (phase === 'captured') return 'not_done';
    return phase === 'released' || phase === 'reversed' || phase === 'partially_returned'
      ? 'done'
      : 'unclear';
  },
  result: (decision) => ({ state: 'rejected', crmAmount: decision.crmAmount, moved: decision.amount }),
} satisfies MoneyOperation;
