/**
 * Every invoice UAPAY has for some orders, looked up by the orders' externalIds
 * (invoices/show/list, reference §3.4): a link superseded by a newer one stays payable (UAPAY has
 * no call to close it), so money may arrive on any of them.
 */
import type { UapayClient } from '../uapay/client';
import type { UapayInvoice } from '../uapay/replies';
import { attemptOf, externalIdsOf } from './invoiceBinding';

export interface OrderInvoices {
  invoices: UapayInvoice[];
  /** The highest invoice number (externalId suffix) found for the order; 0 when none. */
  highest: number;
}

/**
 * The invoices of each order, given the highest invoice number known for it (default 1). The
 * window goes `margin` past what is known and widens while it keeps finding newer ones. Status
 * sync asks for no margin: a newer invoice made on another desktop reaches it through RetailCRM
 * (the payment's externalId) at the next refresh; making a link asks past it.
 */
export async function invoicesOfOrders(
  client: UapayClient,
  orders: ReadonlyMap<string, number>,
  margin = 0,
): Promise<Map<string, OrderInvoices>> {
  const out = new Map<string, OrderInvoices>();
  const asked = new Map<string, number>(); // order number → the highest number asked for so far
  let pending = new Map<string, number>(); // order number → ask up to this number
  for (const [orderNumber, known] of orders) {
    out.set(orderNumber, { invoices: [], highest: 0 });
    pending.set(orderNumber, Math.max(1, known) + margin);
  }
  while (pending.size > 0) {
    const ids = new Set<string>();
    for (const [orderNumber, upTo] of pending) {
      const from = asked.get(orderNumber) ?? 0;
      for (const id of externalIdsOf(orderNumber, upTo).slice(from)) ids.add(id);
      asked.set(orderNumber, upTo);
    }
    const found = ids.size > 0 ? await client.showInvoicesByExternalId([...ids]) : [];
    const next = new Map<string, number>();
    for (const [orderNumber, upTo] of pending) {
      const entry = out.get(orderNumber)!;
      for (const invoice of found) {
        const n = attemptOf(invoice.externalId, orderNumber);
        if (n === undefined || entry.invoices.some((known) => known.id === invoice.id)) continue;
        entry.invoices.push(invoice);
        entry.highest = Math.max(entry.highest, n);
      }
      // Probing past what is known found something in the margin: there may be newer ones still.
      if (margin > 0 && entry.highest > upTo - margin) next.set(orderNumber, entry.highest + margin);
    }
    pending = next;
  }
  return out;
}
