import { RefusedError } from '../errors';
import { SMTP_PASSWORD } from '../secrets/accounts';
import type { Secrets } from '../secrets/secrets';
import type { SettingsService } from '../settings/service';
import { testLetter } from './letters';
import { sendLetter } from './mailer';

/** Settings → E-mail sender → "Send a test letter": proves the sender works before a customer's letter does. */
export async function sendTestLetter(
  deps: { settings: Pick<SettingsService, 'get'>; secrets: Pick<Secrets, 'read'> },
  to: string,
): Promise<{ messageId: string }> {
  const settings = await deps.settings.get();
  if (!settings.smtp)
    throw new RefusedError(
      'no_sender',
      'No e-mail sender is set up yet: add one in Settings → E-mail sender.',
    );
  const password = await deps.secrets.read(SMTP_PASSWORD);
  return {
    messageId: await sendLetter(
      settings.smtp,
      password,
      to,
      testLetter(settings.language, settings.smtp.fromName || 'UAPAY Desk'),
    ),
  };
}
