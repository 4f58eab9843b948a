import { kopiyky, type Kopiyky } from '../../shared/money';
import { RefusedError, toDeskError } from '../errors';
import type { PaymentsContext } from './context';
import { requirePaymentCurrency } from './currency';
import { mappedStatus } from './crmWrite';

/**
 * The journal locks by RetailCRM payment id; a payment being added has none yet, so the order's
 * id, negated, stands for it (two "add payment" on one order at once get "already in progress").
 */
const addLockOf = (orderId: number) => -orderId;

/**
 * "Add a UAPAY payment" to an order that has none of a linked type: for the unpaid remainder by
 * default, with the merchant that fits the order's site (the manager chooses when several do).
 * RetailCRM's payments/create is not idempotent, so it is never sent twice: after an unclear
 * failure the order is read again to see whether the payment exists.
 */
export async function addPayment(
  ctx: PaymentsContext,
  request: { orderId: number; merchantId?: string; amount?: Kopiyky },
): Promise<{ paymentId: number; merchantId: string; amount: Kopiyky }> {
  const settings = await ctx.settings();
  const status = mappedStatus(settings, 'no_link');
  const crm = await ctx.connections.retailCrm();
  const order = await crm.order(request.orderId);
  requirePaymentCurrency({ ...order, orderNumber: order.number ?? String(order.id) });
  const linked = settings.merchants.filter((m) => m.paymentTypeCode);
  const linkedTypes = new Set(linked.map((m) => m.paymentTypeCode));
  if (order.payments.some((p) => p.type && linkedTypes.has(p.type))) {
    throw new RefusedError(
      'payment_exists',
      `Order ${order.number ?? order.id} already has a UAPAY payment.`,
    );
  }
  const types = await crm.paymentTypes();
  const fits = linked.filter((m) => {
    const type = types.find((t) => t.code === m.paymentTypeCode);
    return (
      type &&
      type.active !== false &&
      (!type.sites?.length || (order.site && type.sites.includes(order.site)))
    );
  });
  const merchant = request.merchantId
    ? fits.find((m) => m.id === request.merchantId)
    : fits.length === 1
      ? fits[0]
      : undefined;
  if (!merchant) {
    throw new RefusedError(
      'not_linked',
      fits.length
        ? `Choose the merchant: ${fits.map((m) => m.name).join(', ')} can take payments for this order's site.`
        : `No merchant's payment type is available on site ${order.site ?? '?'}.`,
    );
  }
  const remainder = kopiyky(Math.max(0, (order.totalSumm ?? 0) - (order.prepaySum ?? 0)));
  const amount = request.amount ?? remainder;
  if (amount <= 0) throw new RefusedError('amount_not_positive', 'Nothing is left to pay on this order.');

  const before = new Set(order.payments.map((p) => p.id));
  const intent = await ctx.journal.begin({
    kind: 'payment.add',
    orderId: order.id,
    orderNumber: order.number ?? String(order.id),
    crmPaymentId: addLockOf(order.id),
    merchantId: merchant.id,
    amount,
    detail: { type: merchant.paymentTypeCode },
  });
  let paymentId: number | undefined;
  try {
    paymentId = await crm.createPayment(
      order.id,
      { type: merchant.paymentTypeCode, amount, status },
      order.site,
    );
  } catch (error) {
    const again = await crm.order(order.id).catch(() => undefined);
    paymentId = again?.payments.find((p) => !before.has(p.id) && p.type === merchant.paymentTypeCode)?.id;
    if (paymentId === undefined) {
      const info = toDeskError(error);
      await ctx.journal.finish(intent.opId, {
        outcome: 'failed',
        error: { kind: info.kind, message: info.message },
      });
      throw error;
    }
  }
  await ctx.journal.finish(intent.opId, { outcome: 'succeeded', after: 'no_link', detail: { paymentId } });
  return { paymentId, merchantId: merchant.id, amount };
}
