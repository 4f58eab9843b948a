/**
 * The side panel's view of one order, from a fresh `GET /orders/{id}?by=id` (reference §3.2–§3.3):
 * its lines, its customer and every payment (ours and others), amounts in kopiyky.
 */
import { z } from 'zod';
import { kopiyky } from '../../shared/money';
import type { OrderDetail } from '../../shared/channels/orders';
import { crmMoney as money, type CrmOrder } from '../retailcrm/types';
import { kyivDateTimeToIso } from '../kyivTime';
import { fullName as name, type RowContext } from './rows';

const text = z
  .string()
  .nullish()
  .transform((v) => v?.trim() || undefined);

/**
 * Order lines as §3.3 leaves them open: the real API names the product on `offer`
 * (`displayName`/`name`), the sandbox in `productName`; anything unreadable is skipped.
 */
const item = z.object({
  id: z.number().optional(),
  productName: text,
  offer: z.object({ displayName: text, name: text }).partial().optional(),
  quantity: z.number().optional(),
  initialPrice: money.optional(),
  discountTotal: money.optional(),
});

const customerExtras = z.object({
  phones: z
    .array(z.object({ number: text }))
    .optional()
    .catch(undefined),
});

const orderExtras = z.object({
  items: z.array(z.unknown()).optional().catch(undefined),
  phone: text,
  customerComment: text,
  managerComment: text,
});

export function orderDetail(order: CrmOrder, context: RowContext): OrderDetail {
  const extras = orderExtras.safeParse(order);
  const lines = (extras.success ? (extras.data.items ?? []) : []).flatMap((raw) => {
    const parsed = item.safeParse(raw);
    if (!parsed.success) return [];
    const line = parsed.data;
    const quantity = line.quantity ?? 1;
    const price = line.initialPrice ?? kopiyky(0);
    return [
      {
        name: line.productName ?? line.offer?.displayName ?? line.offer?.name ?? '',
        quantity,
        price,
        ...(line.discountTotal !== undefined && { discount: line.discountTotal }),
      },
    ];
  });
  const customer = order.customer;
  const phones = customerExtras.safeParse(customer ?? {});
  const created = kyivDateTimeToIso(order.createdAt);
  return {
    orderId: order.id,
    orderNumber: order.number ?? String(order.id),
    site: order.site ?? '',
    ...(order.status && { status: order.status }),
    ...(created && { createdAt: created }),
    ...(order.currency && { currency: order.currency }),
    totalSumm: order.totalSumm ?? kopiyky(0),
    prepaySum: order.prepaySum ?? kopiyky(0),
    contact: {
      name: name(order),
      ...(order.email && { email: order.email }),
      ...(extras.success && extras.data.phone && { phone: extras.data.phone }),
    },
    ...(customer && {
      customer: {
        ...(customer.id !== undefined && { id: customer.id }),
        name: name(customer),
        ...(customer.email && { email: customer.email }),
        phones: phones.success ? (phones.data.phones ?? []).flatMap((p) => (p.number ? [p.number] : [])) : [],
      },
    }),
    items: lines,
    payments: order.payments.map((payment) => ({
      id: payment.id,
      ...(payment.type && { type: payment.type }),
      ...(payment.status && { status: payment.status }),
      amount: payment.amount ?? kopiyky(0),
      ...(payment.externalId && { externalId: payment.externalId }),
      linked: payment.type !== undefined && context.merchantOf.has(payment.type),
    })),
    ...(extras.success && extras.data.customerComment && { customerComment: extras.data.customerComment }),
    ...(extras.success && extras.data.managerComment && { managerComment: extras.data.managerComment }),
  };
}
