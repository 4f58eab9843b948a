/**
 * The account's own order page (`/orders/{id}/edit`, where RetailCRM opens an order), in the
 * plainest form: what "Open in RetailCRM" shows in Demo mode and tests. Not part of the API.
 */
import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '../mail/page';
import type { RetailCrmState } from './state';

const money = (kopiyky: number, currency: string) => `${(kopiyky / 100).toFixed(2)} ${currency}`;

export function registerOrderPage(app: FastifyInstance, state: RetailCrmState): void {
  app.get<{ Params: { id: string } }>('/orders/:id/edit', async (request, reply) => {
    const order = state.order(Number(request.params.id));
    if (!order) return reply.code(404).type('text/plain; charset=utf-8').send('No such order');
    const payments = state
      .paymentsOf(order.id)
      .map(
        (p) =>
          `<tr><td>${escapeHtml(p.type)}</td><td>${escapeHtml(p.status ?? '')}</td>` +
          `<td>${escapeHtml(money(p.amount, order.currency))}</td><td>${escapeHtml(p.externalId ?? '')}</td></tr>`,
      )
      .join('');
    const name = [order.lastName, order.firstName].filter(Boolean).join(' ');
    return reply
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html><head><meta charset="utf-8">' +
          `<title>RetailCRM sandbox — order ${escapeHtml(order.number)}</title></head>` +
          '<body style="font:14px/1.5 sans-serif;margin:24px">' +
          `<h1 data-order-id="${order.id}">Order ${escapeHtml(order.number)}</h1>` +
          `<p>${escapeHtml(order.site)} · ${escapeHtml(name)} · ${escapeHtml(money(order.totalSumm, order.currency))}</p>` +
          `<table border="1" cellpadding="4"><tr><th>Type</th><th>Status</th><th>Amount</th><th>Invoice</th></tr>${payments}</table>` +
          '</body></html>',
      );
  });
}
