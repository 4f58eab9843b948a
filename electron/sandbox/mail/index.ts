/**
 * The sandbox's mail catcher: an SMTP server that keeps every message and an HTTP listing of them,
 * so tests and Demo mode can show what the customer received. Library API: `messages()`,
 * `waitFor()`, `clear()`, `setFault()`.
 */
import type { AddressInfo } from 'node:net';
import type { SandboxClock } from '../clock';
import { buildHttpServer } from './http';
import { DEFAULT_WAIT_MS, Mailbox, type MessagePredicate } from './mailbox';
import type { CaughtMessage } from './message';
import { createSmtpServer, DEFAULT_SIZE_LIMIT, type SmtpFault } from './smtp';

export type { MessagePredicate } from './mailbox';
export type { CaughtMessage } from './message';
export type { SmtpFault } from './smtp';

export interface MailCatcherOptions {
  /** Dates messages as received (default: a clock of its own, i.e. real time). */
  clock?: SandboxClock;
  /** Bytes; larger messages are refused with 552 (default DEFAULT_SIZE_LIMIT, 10 MiB). */
  sizeLimit?: number;
  /** Offer STARTTLS with smtp-server's self-signed certificate (default off: see smtp.ts). */
  startTls?: boolean;
}

export interface MailCatcherAddress {
  smtpPort: number;
  /** The HTTP listing's origin, e.g. http://127.0.0.1:4026. */
  url: string;
}

export interface MailCatcher {
  /** Ports 0 (the default) pick free ones; host 127.0.0.1 by default. */
  listen(ports?: { smtpPort?: number; httpPort?: number; host?: string }): Promise<MailCatcherAddress>;
  /** Newest first. */
  messages(): CaughtMessage[];
  message(id: string): CaughtMessage | undefined;
  /** The newest caught message matching, or the next one to arrive; rejects after `timeoutMs`. */
  waitFor(predicate?: MessagePredicate, timeoutMs?: number): Promise<CaughtMessage>;
  /** Forgets every message; returns how many there were. */
  clear(): number;
  /** Makes SMTP misbehave until set back to null (smtp.ts lists the faults). */
  setFault(fault: SmtpFault | null): void;
  fault(): SmtpFault | null;
  /** Closes both servers. Safe to call twice. */
  close(): Promise<void>;
}

export function createMailCatcher(options: MailCatcherOptions = {}): MailCatcher {
  const mailbox = new Mailbox();
  let currentFault: SmtpFault | null = null;
  const faults = { get: () => currentFault, set: (fault: SmtpFault | null) => (currentFault = fault) };
  const smtp = createSmtpServer(mailbox, {
    sizeLimit: options.sizeLimit ?? DEFAULT_SIZE_LIMIT,
    startTls: options.startTls ?? false,
    now: () => (options.clock ? options.clock.now() : Date.now()),
    fault: faults.get,
  });
  // Without a listener an 'error' event (a client resetting its connection) would crash the process.
  smtp.on('error', () => {});
  const http = buildHttpServer(mailbox, faults);
  let smtpListening = false;
  let closed: Promise<void> | undefined;

  return {
    async listen({ smtpPort = 0, httpPort = 0, host = '127.0.0.1' } = {}) {
      await new Promise<void>((resolve, reject) => {
        const failed = (error: Error) => reject(error);
        smtp.server.once('error', failed);
        smtp.listen(smtpPort, host, () => {
          smtp.server.off('error', failed);
          resolve();
        });
      });
      smtpListening = true;
      await http.listen({ port: httpPort, host });
      const smtpAddress = smtp.server.address() as AddressInfo;
      const httpAddress = http.server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      return { smtpPort: smtpAddress.port, url: `http://${shownHost}:${httpAddress.port}` };
    },
    messages: () => mailbox.messages(),
    message: (id) => mailbox.get(id),
    waitFor: (predicate, timeoutMs = DEFAULT_WAIT_MS) => mailbox.waitFor(predicate, timeoutMs),
    clear: () => mailbox.clear(),
    setFault: faults.set,
    fault: faults.get,
    close() {
      closed ??= Promise.all([
        smtpListening ? new Promise<void>((resolve) => smtp.close(() => resolve())) : undefined,
        http.close(),
      ]).then(() => undefined);
      return closed;
    },
  };
}
