/**
 * One caught message as tests and Demo mode's mailbox read it: who sent it to whom (the SMTP
 * envelope and the headers), the subject, both bodies, the raw headers and the attachments' names.
 */
import type { AddressObject, ParsedMail } from 'mailparser';

export interface CaughtAttachment {
  filename: string | null;
  contentType: string;
  /** Bytes of the decoded content. */
  size: number;
}

export interface CaughtMessage {
  /** "1", "2", … in the order received. */
  id: string;
  /** When the catcher received it, by the sandbox clock (ISO). */
  receivedAt: string;
  /** What the client said over SMTP: MAIL FROM and every RCPT TO (Bcc recipients appear only here). */
  envelope: { from: string | null; to: string[] };
  /** The login the client used (any is accepted), or null when it sent without AUTH. */
  authUser: string | null;
  /** Whether the message came over TLS (STARTTLS). */
  tls: boolean;
  /** The From header as written, e.g. `"Demo shop" <shop@demo.example>`. */
  from: string;
  /** Addresses of the To and Cc headers. */
  to: string[];
  cc: string[];
  subject: string;
  /** The Date header (ISO), or null. */
  date: string | null;
  messageId: string | null;
  text: string | null;
  html: string | null;
  /** Header name (lower case) → its raw value, folded lines joined; repeated headers joined with "\n". */
  headers: Record<string, string>;
  attachments: CaughtAttachment[];
  /** Bytes of the message as received. */
  size: number;
}

export interface Received {
  id: string;
  receivedAt: number;
  envelope: CaughtMessage['envelope'];
  authUser: string | null;
  tls: boolean;
  size: number;
}

export function caughtMessage(parsed: ParsedMail, received: Received): CaughtMessage {
  return {
    id: received.id,
    receivedAt: new Date(received.receivedAt).toISOString(),
    envelope: received.envelope,
    authUser: received.authUser,
    tls: received.tls,
    from: parsed.from?.text ?? '',
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? '',
    date: parsed.date ? parsed.date.toISOString() : null,
    messageId: parsed.messageId ?? null,
    text: parsed.text ?? null,
    html: typeof parsed.html === 'string' ? parsed.html : null,
    headers: rawHeaders(parsed.headerLines),
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? null,
      contentType: attachment.contentType,
      size: attachment.size,
    })),
    size: received.size,
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const out: string[] = [];
  const visit = (entries: AddressObject['value']): void => {
    for (const entry of entries) {
      if (entry.address) out.push(entry.address);
      if (entry.group) visit(entry.group);
    }
  };
  for (const object of objects) visit(object.value);
  return out;
}

function rawHeaders(lines: ParsedMail['headerLines']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    const colon = line.indexOf(':');
    const value = (colon < 0 ? '' : line.slice(colon + 1)).replace(/\r?\n[ \t]+/g, ' ').trim();
    headers[key] = key in headers ? `${headers[key]}\n${value}` : value;
  }
  return headers;
}
