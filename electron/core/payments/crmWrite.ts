import type { LifecycleState } from '../../shared/lifecycle';
import type { Kopiyky } from '../../shared/money';
import type { Settings } from '../../shared/settings';
import { RefusedError } from '../errors';
import type { IntentRecord } from '../journal/records';
import { kyivDateTime } from '../kyivTime';
import { crmStatusFor } from '../lifecycle';
import { auditLine } from './audit';
import { composeComment } from './comment';
import type { PaymentsContext } from './context';
import { withoutOwnLock } from './lease';

export interface CrmResult {
  state: LifecycleState;
  amount?: Kopiyky;
  paidAt?: Date;
  /** A new link (link.create); otherwise the link already in the comment stays. */
  link?: string;
  /** A new invoice id for the payment's externalId (link.create). */
  invoiceId?: string;
  /** The money the operation moved (captured, released, refunded), for the audit line. */
  moved?: Kopiyky;
  /** Only the comment's audit line: the operation was on an extra invoice, not the payment's own. */
  auditOnly?: boolean;
}

/** The RetailCRM status code for a state, or a refusal naming the missing mapping. */
export function mappedStatus(settings: Settings, state: LifecycleState): string {
  const code = crmStatusFor(state, settings.statusMapping);
  if (!code) {
    throw new RefusedError(
      'not_ready',
      `No RetailCRM payment status is mapped for "${state}" yet (Settings → Statuses).`,
    );
  }
  return code;
}

/**
 * Writes an operation's outcome to the RetailCRM payment: status, amount, paid date, invoice id
 * and the comment. The comment is composed from RetailCRM's newest text (read just before, or
 * given by a caller that just read it): the manager's own words stay, another desktop's lock
 * stays, this operation's lock goes. Editing a payment by id with the same fields twice leaves it
 * the same, so the client may retry it.
 */
export async function writeToCrm(
  ctx: PaymentsContext,
  intent: IntentRecord,
  result: CrmResult,
  fresh?: { comment?: string | undefined; status?: string | undefined },
): Promise<string> {
  const settings = await ctx.settings();
  // An audit-only write keeps whatever status the payment has.
  const status = result.auditOnly ? undefined : mappedStatus(settings, result.state);
  const crm = await ctx.connections.retailCrm();
  const payment =
    fresh ?? (await crm.order(intent.orderId)).payments.find((p) => p.id === intent.crmPaymentId);
  const previous = withoutOwnLock(payment?.comment, ctx, intent.opId);
  const comment = composeComment({
    ...previous,
    link:
      result.link ??
      previous.link ??
      (typeof intent.detail?.link === 'string' ? intent.detail.link : undefined),
    audit: auditLine({
      kind: intent.kind,
      at: ctx.now(),
      who: intent.actor.managerName || intent.actor.osUser,
      language: settings.language,
      ...(result.moved !== undefined && { amount: result.moved }),
    }),
  });
  if (status === undefined) {
    await crm.editPayment(intent.crmPaymentId, { comment });
    return payment?.status ?? '';
  }
  await crm.editPayment(intent.crmPaymentId, {
    status,
    comment,
    ...(result.amount !== undefined && { amount: result.amount }),
    ...(result.paidAt && { paidAt: kyivDateTime(result.paidAt) }),
    ...(result.invoiceId && { externalId: result.invoiceId }),
  });
  return status;
}
