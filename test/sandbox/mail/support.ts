/** A started mail catcher on free loopback ports, closed after each test, and a nodemailer sender. */
import nodemailer from 'nodemailer';
import { afterEach } from 'vitest';
import { createMailCatcher, type MailCatcher, type MailCatcherOptions } from '../../../electron/sandbox/mail';

const running: MailCatcher[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((catcher) => catcher.close()));
});

export async function startCatcher(options: MailCatcherOptions = {}) {
  const catcher = createMailCatcher(options);
  running.push(catcher);
  const address = await catcher.listen();
  return { catcher, ...address };
}

/** As the app sends (settings `secure: false`): plain SMTP, STARTTLS only if offered, a login. */
export function sender(
  smtpPort: number,
  auth: { user: string; pass: string } | null = { user: 'demo', pass: 'x' },
  extra: { tls?: { rejectUnauthorized: boolean } } = {},
) {
  return nodemailer.createTransport({
    ...extra,
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
    ...(auth && { auth }),
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
  });
}
