/**
 * The shop's SMTP server, as the app speaks to it: STARTTLS required unless the connection is
 * implicit TLS, so the password never goes out in clear. A server on the network is played by the
 * sandbox's catcher on loopback, reached under a server name (`SmtpRoute.socket` stands for the
 * DNS entry): the rules for a remote server then run exactly as they ship.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { MailError, sendLetter, transportOptions } from '../../../electron/core/mail/mailer';
import type { SmtpSettings } from '../../../electron/shared/settings';
import { startCatcher } from '../../sandbox/mail/support';

const letter = { subject: 'Payment link', text: 'Pay here', html: '<p>Pay here</p>' };
const smtp = (host: string, port: number): SmtpSettings => ({
  host,
  port,
  secure: false,
  user: 'shop',
  fromAddress: 'shop@example.com',
  fromName: 'Shop',
});

describe('sending a letter', () => {
  it('requires STARTTLS of a server on the network; only loopback may be plain', () => {
    expect(transportOptions(smtp('smtp.shop.example', 587), 'pw-12345678')).toMatchObject({
      secure: false,
      requireTLS: true,
    });
    expect(transportOptions({ ...smtp('smtp.shop.example', 465), secure: true }, null)).toMatchObject({
      secure: true,
      requireTLS: false,
    });
    for (const host of ['127.0.0.1', 'localhost', '[::1]'])
      expect(transportOptions(smtp(host, 25), null).requireTLS, host).toBe(false);
  });

  it('refuses, clearly, a server on the network that offers no STARTTLS, before any password', async () => {
    const { catcher, smtpPort } = await startCatcher(); // offers no STARTTLS
    const asDns = { socket: () => net.connect(smtpPort, '127.0.0.1') };
    const error = await sendLetter(
      smtp('smtp.shop.example', 587),
      'smtp-password-1',
      'customer@example.com',
      letter,
      asDns,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).info).toMatchObject({
      kind: 'mail',
      reason: 'tls',
      message: expect.stringContaining('does not offer an encrypted connection (STARTTLS)') as string,
    });
    expect(JSON.stringify((error as MailError).info)).not.toContain('smtp-password-1');
    // The server saw no login and took no letter.
    expect(catcher.messages()).toEqual([]);
  });

  it('sends in plain text to the sandbox on this machine (Demo mode, tests)', async () => {
    const { catcher, smtpPort } = await startCatcher();
    await sendLetter(smtp('127.0.0.1', smtpPort), 'smtp-password-1', 'customer@example.com', letter);
    const [message] = catcher.messages();
    expect(message).toMatchObject({ subject: 'Payment link', authUser: 'shop', tls: false });
  });

  it('does not trust a server certificate it cannot verify', async () => {
    const { catcher, smtpPort } = await startCatcher({ startTls: true }); // self-signed
    const error = await sendLetter(
      smtp('smtp.shop.example', 587),
      'smtp-password-1',
      'customer@example.com',
      letter,
      { socket: () => net.connect(smtpPort, '127.0.0.1') },
    ).catch((e: unknown) => e);
    expect((error as MailError).info).toMatchObject({
      kind: 'mail',
      reason: 'tls',
      message: expect.stringContaining('certificate') as string,
    });
    expect(catcher.messages()).toEqual([]);
  });
});
