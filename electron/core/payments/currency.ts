import { isPaymentCurrency, PAYMENT_CURRENCY } from '../../shared/currency';
import { RefusedError } from '../errors';

/** Refuses a link or a money operation for an order in a currency UAPAY does not take. */
export function requirePaymentCurrency(order: { currency?: string; orderNumber?: string }): void {
  if (isPaymentCurrency(order.currency)) return;
  const currency = order.currency ?? '?';
  throw new RefusedError(
    'currency',
    `Order ${order.orderNumber ?? ''} is in ${currency}, and UAPAY takes payments in ${PAYMENT_CURRENCY} only: ` +
      'no payment link or money operation can be made for it. Take this payment another way.',
    { currency },
  );
}
