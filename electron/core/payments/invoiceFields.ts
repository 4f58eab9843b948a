/**
 * What an invoice tells UAPAY besides the money (uapay-api.md §3.2): a description the payer reads
 * on the payment page (the shop and the order), the shop's thank-you page to return to
 * (`redirectUrl`, per merchant, optional), and the customer's e-mail, to which UAPAY sends its own
 * receipt after the payment (`email`, honoured for one-time invoices, which ours always are).
 */
import { z } from 'zod';
import type { OrderRow } from '../../shared/orders';
import type { Merchant, Settings } from '../../shared/settings';

/** UAPAY documents no limit; RetailCRM-length text is kept well inside what any gateway takes. */
const DESCRIPTION_MAX = 255;

const email = z.email();

export interface InvoiceFields {
  description: string;
  redirectUrl?: string;
  email?: string;
}

/** The name customers know the shop by: the e-mail sender's name, else the RetailCRM store's code. */
export function shopName(settings: Pick<Settings, 'smtp'>, site: string): string {
  return settings.smtp?.fromName?.trim() || site;
}

export function invoiceFields(
  row: Pick<OrderRow, 'orderNumber' | 'site'> & Partial<Pick<OrderRow, 'emails'>>,
  merchant: Pick<Merchant, 'redirectUrl'>,
  settings: Pick<Settings, 'smtp'>,
): InvoiceFields {
  const shop = shopName(settings, row.site);
  const description = `Оплата замовлення №${row.orderNumber} — ${shop}`.slice(0, DESCRIPTION_MAX);
  // The order's own address first (rows keep it first), and only one that is an address at all.
  const receipt = row.emails?.find((address) => email.safeParse(address.trim()).success)?.trim();
  return {
    description,
    ...(merchant.redirectUrl && { redirectUrl: merchant.redirectUrl }),
    ...(receipt && { email: receipt }),
  };
}
