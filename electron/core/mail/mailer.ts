import type { Socket } from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { isLoopbackHost } from '../../shared/loopback';
import type { SmtpSettings } from '../../shared/settings';
import { DeskFailure, NetworkError } from '../errors';
import type { Letter } from './letters';

/** The mail server refused; `response` is the server's own line (e.g. "550 5.1.1 No such user"). */
export class MailError extends DeskFailure<'mail'> {
  constructor(
    reason: 'auth' | 'rejected' | 'tls' | 'failed',
    message: string,
    server?: { response?: string; responseCode?: number },
  ) {
    super({ kind: 'mail', reason, message, ...server });
  }
}

interface NodemailerError {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  message?: string;
}

/**
 * How a letter reaches the server. Only tests pass `socket`: it stands for the DNS entry of a
 * server name (the catcher on loopback answering for smtp.shop.example), so the rules for a
 * server on the network are exercised as they ship.
 */
export interface SmtpRoute {
  socket?: (host: string, port: number) => Socket;
}

/**
 * The connection to the shop's server. Implicit TLS (`secure`, usually port 465) or else STARTTLS,
 * required: a server that does not offer it gets no login, no password and no letter. Only a
 * server on this machine (the sandbox's catcher, a local relay) may be spoken to in plain text.
 */
export function transportOptions(smtp: SmtpSettings, password: string | null): SMTPTransport.Options {
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: !smtp.secure && !isLoopbackHost(smtp.host),
    tls: { minVersion: 'TLSv1.2' },
    ...(smtp.user && { auth: { user: smtp.user, pass: password ?? '' } }),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  };
}

/** Sends one letter through the shop's own SMTP server (the password comes from the keychain). */
export async function sendLetter(
  smtp: SmtpSettings,
  password: string | null,
  to: string,
  letter: Letter,
  route: SmtpRoute = {},
): Promise<string> {
  const socket = route.socket;
  const transport = nodemailer.createTransport({
    ...transportOptions(smtp, password),
    ...(socket && {
      getSocket: (
        options: { host?: string; port?: number },
        done: (error: Error | null, socket?: { connection: Socket }) => void,
      ) => done(null, { connection: socket(options.host ?? smtp.host, options.port ?? smtp.port) }),
    }),
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
    case 'ETLS':
      return error.command === 'STARTTLS' && error.response
        ? new MailError(
            'tls',
            'The mail server does not offer an encrypted connection (STARTTLS), so the password and ' +
              'the letter were not sent. Turn on "Secure connection" (usually port 465) if the server ' +
              'offers it, or ask whoever runs the mail server to enable STARTTLS.',
            server,
          )
        : new MailError(
            'tls',
            `Could not set up an encrypted connection to the mail server (${error.message ?? 'TLS failed'}); ` +
              'nothing was sent.',
            server,
          );
    case 'EENVELOPE':
      return new MailError(
        'rejected',
        'The mail server refused the recipient or the sender address.',
        server,
      );
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
      // A certificate that cannot be verified ends the connection before anything was sent.
      if (/certificate|self[- ]signed|altname/i.test(error.message ?? ''))
        return new MailError(
          'tls',
          `The mail server's certificate could not be verified (${error.message}); nothing was sent. ` +
            'Check the server name in Settings, or ask whoever runs the mail server for a valid certificate.',
          server,
        );
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
