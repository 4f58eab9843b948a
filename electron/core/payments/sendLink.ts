import { z } from 'zod';
import { RefusedError, toDeskError } from '../errors';
import { paymentLinkLetter } from '../mail/letters';
import { sendLetter } from '../mail/mailer';
import type { Language } from '../../shared/settings';
import { shopName } from './invoiceFields';
import type { PaymentsContext, PaymentTarget } from './context';
import { liveLink } from './createLink';

const email = z.email();

/**
 * The link a letter may carry: the payment's live link for its current amount, checked (a link
 * read from the RetailCRM comment only if it is UAPAY's own page for this invoice). A payment
 * whose amount changed since its link, or whose link can no longer be paid, needs a new one.
 */
export async function requireLiveLink(ctx: PaymentsContext, target: PaymentTarget) {
  if (!target.invoiceId) throw new RefusedError('no_invoice', 'Generate the payment link first.');
  const live = await liveLink(ctx, target);
  if (!live) {
    throw new RefusedError(
      'link_outdated',
      'The payment has no link that can be paid for its current amount: generate a new link first.',
    );
  }
  return live;
}

/**
 * "Send to e-mail" (DESIGN.md step 5): the payment link in a letter in the manager's language,
 * through the shop's own SMTP server. The send is journaled (who sent which link to whom).
 */
export async function sendLink(
  ctx: PaymentsContext,
  target: PaymentTarget,
  to: string,
  /** The customer's language (default: the manager's). */
  language?: Language,
): Promise<{ messageId: string }> {
  const settings = await ctx.settings();
  if (!settings.smtp) {
    // The module guide's advice for this case: check the shop's sender mailbox.
    throw new RefusedError(
      'no_sender',
      'No e-mail sender is set up yet: add one in Settings → E-mail sender.',
    );
  }
  const address = to.trim();
  if (!email.safeParse(address).success) {
    throw new RefusedError('bad_address', `"${address}" is not an e-mail address.`);
  }
  const live = await requireLiveLink(ctx, target);
  const letter = paymentLinkLetter({
    language: language ?? settings.language,
    shopName: shopName(settings, target.site),
    orderNumber: target.orderNumber,
    amount: target.amount,
    link: live.link,
  });
  const intent = await ctx.journal.begin({
    kind: 'link.email',
    orderId: target.orderId,
    orderNumber: target.orderNumber,
    crmPaymentId: target.paymentId,
    ...(target.merchantId && { merchantId: target.merchantId }),
    invoiceId: live.invoiceId,
    amount: target.amount,
    before: target.state,
    detail: {
      to: address,
      subject: letter.subject,
      link: live.link,
      language: language ?? settings.language,
    },
  });
  try {
    const messageId = await sendLetter(settings.smtp, await ctx.smtpPassword(), address, letter);
    await ctx.journal.finish(intent.opId, {
      outcome: 'succeeded',
      after: target.state,
      detail: { messageId },
    });
    ctx.onRowChange?.(target.paymentId, {
      lastOperation: { kind: 'link.email', at: intent.at, outcome: 'succeeded' },
    });
    return { messageId };
  } catch (error) {
    const info = toDeskError(error);
    await ctx.journal.finish(intent.opId, {
      outcome: 'failed',
      after: target.state,
      error: { kind: info.kind, message: info.message },
    });
    throw error;
  }
}
