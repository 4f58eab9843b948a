import { z } from 'zod';
import { RefusedError, toDeskError } from '../errors';
import { paymentLinkLetter } from '../mail/letters';
import { sendLetter } from '../mail/mailer';
import type { Language } from '../../shared/settings';
import { shopName } from './invoiceFields';
import type { PaymentsContext, PaymentTarget } from './context';

const email = z.email();

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
  if (!target.link) throw new RefusedError('no_invoice', 'Generate the payment link first.');
  const letter = paymentLinkLetter({
    language: language ?? settings.language,
    shopName: shopName(settings, target.site),
    orderNumber: target.orderNumber,
    amount: target.amount,
    link: target.link,
  });
  const intent = await ctx.journal.begin({
    kind: 'link.email',
    orderId: target.orderId,
    orderNumber: target.orderNumber,
    crmPaymentId: target.paymentId,
    ...(target.merchantId && { merchantId: target.merchantId }),
    ...(target.invoiceId && { invoiceId: target.invoiceId }),
    amount: target.amount,
    before: target.state,
    detail: { to: address, subject: letter.subject, language: language ?? settings.language },
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
