/**
 * UAPAY's hosted payment page: the only place a payment link may point to. Reference §1: the
 * sandbox page is `http://pay.demo.uapay.ua/payment/<invoice id>`; the production page
 * `https://pay.uapay.ua/payment/<id>` is weakly evidenced (UNCERTAIN), so a host UAPAY itself
 * returned in an invoices/create reply is trusted too (PaymentLinks learns those).
 */
import type { UapayEnvironment } from './client';

export const PAYMENT_PAGE_ORIGINS: Record<UapayEnvironment, readonly string[]> = {
  production: ['https://pay.uapay.ua'],
  test: ['https://pay.demo.uapay.ua', 'http://pay.demo.uapay.ua'],
};

/** The link's origin, or undefined when it is not an http(s) URL. */
export function linkOrigin(link: string): string | undefined {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the link is on one of these origins and names this invoice in its path, and nothing else. */
export function isPageOf(link: string, invoiceId: string, origins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  if (!origins.includes(url.origin) || url.username || url.password) return false;
  return url.pathname.split('/').includes(invoiceId);
}
