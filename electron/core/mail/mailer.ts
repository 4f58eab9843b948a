import nodemailer from 'nodemailer';
import type { SmtpSettings } from '../../shared/settings';
import { DeskFailure, NetworkError } from '../errors';
import type { Letter } from './letters';

/** The mail server refused; `response` is the server's own line (e.g. "550 5.1.1 No such user"). */
export class MailError extends DeskFailure<'mail'> {
  constructor(
    reason: 'auth' | 'rejected' | 'failed',
    message: string,
    server?: { response?: string; responseCode?: number },
  ) {
    super({ kind: 'mail', reason, message, ...server });
  }
}

interface NodemailerError {
  code?: string;
  response?: string;
  responseCode?: number;
  message?: string;
}

/** Sends one letter through the shop's own SMTP server (the password comes from the keychain). */
export async function sendLetter(
  smtp: SmtpSettings,
  password: string | null,
  to: string,
  letter: Letter,
): Promise<string> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user && { auth: { user: smtp.user, pass: password ?? '' } }),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    const info = await transport.sendMail({
      from: smtp.fromName ? { name: smtp.fromName, address: smtp.fromAddress } : smtp.fromAddress,
      to,
      subject: letter.subject,
      text: letter.text,
      html: letter.html,
    });
    return info.messageId;
  } catch (raw) {
    throw mailFailure(raw as NodemailerError);
  } finally {
    transport.close();
  }
}

function mailFailure(error: NodemailerError): DeskFailure {
  const server = {
    ...(error.response && { response: error.response }),
    ...(error.responseCode && { responseCode: error.responseCode }),
  };
  switch (error.code ?? '') {
    case 'EAUTH':
      return new MailError('auth', 'The mail server did not accept the user name or password.', server);
    case 'EENVELOPE':
      return new MailError(
        'rejected',
        'The mail server refused the recipient or the sender address.',
        server,
      );
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
      return new NetworkError(
        'smtp',
        'unreachable',
        `Could not reach the mail server (${error.message ?? error.code}).`,
      );
    case 'ETIMEDOUT':
      return new NetworkError('smtp', 'timeout', 'The mail server did not answer in time.');
    default:
      return new MailError('failed', error.message ?? 'The mail server refused the letter.', server);
  }
}
