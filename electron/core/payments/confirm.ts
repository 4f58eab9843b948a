/**
 * Confirm: captures a held payment (`payments.confirm`, journal kind `payment.confirm`), all of
 * the hold or less (UAPAY invoicer/payments/complete, reference §3.7).
 */
import { baselineOf, requireAmount, requireHeld, type MoneyOperation } from './moneyOperation';

/** Held → captured shows in every reading (reference §4: HOLDED is documented, a capture ends it). */
export const confirm = {
  kind: 'payment.confirm',
  writes: ['paid'],
  decide(current, known) {
    const payment = requireHeld(current);
    const amount = requireAmount(known.intent.amount, payment.amount, 'capture');
    return {
      uapayPaymentId: payment.paymentId,
      amount,
      // Reference §3.7: an amount goes only to capture less than the hold, and in params.
      ...(amount < payment.amount && { sendAmount: amount }),
      crmAmount: known.crm.amount,
      baseline: baselineOf(payment),
    };
  },
  send: (client, ref, decision) => client.complete(ref, decision.sendAmount),
  // Captured: done. Released or failed: the capture can no longer happen. Still held: it may yet
  // (UAPAY can be slower than our look), so only a person or a later look can say.
  observe(current) {
    if (current.derived.unknown) return 'unclear';
    const { state } = current.derived;
    if (['paid', 'partially_refunded', 'refunded'].includes(state)) return 'done';
    return state === 'held' ? 'unclear' : 'not_done';
  },
  // UNCERTAIN (§4): after a partial capture UAPAY may still show the authorised amount; what was
  // captured is what we asked for.
  result: (decision, at) => ({
    state: 'paid',
    crmAmount: decision.amount,
    paidAt: at,
    moved: decision.amount,
  }),
} satisfies MoneyOperation;
