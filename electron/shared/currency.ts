/**
 * UAPAY takes hryvnias only: an invoice has no currency field and its amount is in kopiyky
 * (uapay-api.md §3.2, §6.3). An order in another currency is listed with its currency, but no
 * link or money operation is ever made for it.
 */
export const PAYMENT_CURRENCY = 'UAH';

/**
 * Whether UAPAY can take money for an order in this currency. Absent: RetailCRM did not say, and the
 * order is in the account's base currency, which setup requires to be UAH.
 */
export function isPaymentCurrency(currency: string | undefined): boolean {
  return currency === undefined || currency === PAYMENT_CURRENCY;
}
