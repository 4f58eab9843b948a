/**
 * The catcher's SMTP side: accepts any login (or none) over plain TCP, parses every message with
 * mailparser and keeps it. STARTTLS is off by default: the app upgrades whenever a server offers it
 * (settings: `secure: false` means STARTTLS when offered) and would then refuse the catcher's
 * self-signed certificate.
 */
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { Mailbox } from './mailbox';
import { caughtMessage } from './message';

/**
 * What a test can make the server do wrong:
 * - `down`: every connection is refused at once with 421 (as a server shutting down).
 * - `busy`: a temporary failure, 451 on MAIL FROM (a client may retry later).
 * - `reject`: every recipient refused, 550 on RCPT TO (permanent).
 * - `auth`: every login refused, 535.
 */
export type SmtpFault = 'down' | 'busy' | 'reject' | 'auth';
export const SMTP_FAULTS: readonly SmtpFault[] = ['down', 'busy', 'reject', 'auth'];

/** Default largest message, advertised with SIZE; bigger ones are refused with 552. */
export const DEFAULT_SIZE_LIMIT = 10 * 1024 * 1024;

export interface SmtpOptions {
  sizeLimit: number;
  startTls: boolean;
  now: () => number;
  fault: () => SmtpFault | null;
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

const FAULT_ERRORS = {
  down: () => smtpError(421, 'Service not available, closing transmission channel'),
  busy: () => smtpError(451, 'Requested action aborted: local error in processing'),
  reject: () => smtpError(550, 'Requested action not taken: mailbox unavailable'),
  auth: () => smtpError(535, 'Authentication credentials invalid'),
} satisfies Record<SmtpFault, () => Error>;

export function createSmtpServer(mailbox: Mailbox, options: SmtpOptions): SMTPServer {
  const failWith = (fault: SmtpFault) => (options.fault() === fault ? FAULT_ERRORS[fault]() : null);
  return new SMTPServer({
    name: 'mail.sandbox.local',
    banner: 'UAPAY Desk sandbox mail catcher',
    logger: false,
    disableReverseLookup: true,
    authOptional: true,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    disabledCommands: options.startTls ? [] : ['STARTTLS'],
    size: options.sizeLimit,
    // Let close() finish quickly in tests even if a client keeps its connection open.
    closeTimeout: 1_000,
    onConnect: (_session, callback) => callback(failWith('down')),
    onAuth: (auth, _session, callback) => {
      const refused = failWith('auth');
      if (refused) callback(refused);
      else callback(null, { user: auth.username ?? '' });
    },
    onMailFrom: (_address, _session, callback) => callback(failWith('busy')),
    onRcptTo: (_address, _session, callback) => callback(failWith('reject')),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(smtpError(552, `Message exceeds the fixed maximum message size (${options.sizeLimit})`));
          return;
        }
        const raw = Buffer.concat(chunks);
        keep(mailbox, raw, session, options.now()).then(
          () => callback(null),
          (error: unknown) => callback(smtpError(451, `Could not read the message: ${String(error)}`)),
        );
      });
    },
  });
}

async function keep(mailbox: Mailbox, raw: Buffer, session: SMTPServerSession, receivedAt: number) {
  const parsed = await simpleParser(raw);
  const mailFrom = session.envelope.mailFrom;
  mailbox.add(
    caughtMessage(parsed, {
      id: mailbox.nextId(),
      receivedAt,
      envelope: {
        from: mailFrom ? mailFrom.address : null,
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
      },
      authUser: typeof session.user === 'string' ? session.user : null,
      tls: session.secure,
      size: raw.length,
    }),
  );
}
