/**
 * The RetailCRM payment's `comment` carries the payment link, the last operation and, while a
 * money operation runs, which desktop holds the payment, so every desktop (and every person
 * looking at the order in the CRM) sees them (DESIGN.md "Where state lives"). Our own lines start
 * with a fixed prefix; everything else is the manager's own text, kept word for word.
 *
 * The comment is free text anyone with CRM access can edit: nothing in it is trusted for money.
 * The link is shown only after the link check (paymentLinks.ts), and a lock line only ever makes an
 * operation wait or refuse, never go ahead: so every lock line counts, not just the first (a stale
 * one pasted above a live one must not hide it).
 */
const LINK_PREFIX = 'UAPAY: ';
const AUDIT_PREFIX = 'UAPAY Desk: ';
const LOCK_PREFIX = 'UAPAY Desk lock: ';

/** A desktop's claim on a payment for one money operation (lease.ts). */
export interface CommentLock {
  kind: string;
  /** ISO time the lock was written (the writer's clock). */
  at: string;
  desktopId: string;
  opId: string;
  /** The operation's outcome is unclear and waits for a person: the lock does not expire. */
  attention?: boolean;
  /** Who runs it, for the people reading the comment. */
  who?: string;
}

export interface PaymentComment {
  link?: string;
  audit?: string;
  /** Every lock line, in the comment's order (lease.ts decides which of them hold the payment). */
  locks?: readonly CommentLock[];
  /** Whatever else the comment holds (a manager's note), kept as it is. */
  rest?: string;
}

const LOCK_LINE = /^(\S+) (\S+) (\S+) (\S+)( needs-attention)?(?: — (.*))?$/;

function parseLock(text: string): CommentLock | undefined {
  const match = LOCK_LINE.exec(text.trim());
  if (!match) return undefined;
  const [, kind, at, desktopId, opId, attention, who] = match;
  if (!kind || !at || !desktopId || !opId || Number.isNaN(Date.parse(at))) return undefined;
  return { kind, at, desktopId, opId, ...(attention && { attention: true }), ...(who && { who }) };
}

function lockLine(lock: CommentLock): string {
  const who = lock.who?.replace(/\s+/g, ' ').trim();
  return `${LOCK_PREFIX}${lock.kind} ${lock.at} ${lock.desktopId} ${lock.opId}${lock.attention ? ' needs-attention' : ''}${who ? ` — ${who}` : ''}`;
}

/** A `UAPAY: ` line is our link only when the rest is one http(s) URL; else it is a manager's note. */
function linkOf(line: string): string | undefined {
  if (!line.startsWith(LINK_PREFIX)) return undefined;
  const link = line.slice(LINK_PREFIX.length).trim();
  return /^https?:\/\/\S+$/i.test(link) ? link : undefined;
}

export function parseComment(comment: string | undefined): PaymentComment {
  const lines = (comment ?? '').split('\n');
  const out: PaymentComment = {};
  const locks: CommentLock[] = [];
  const rest: string[] = [];
  for (const line of lines) {
    const link = out.link ? undefined : linkOf(line);
    const lock = line.startsWith(LOCK_PREFIX) ? parseLock(line.slice(LOCK_PREFIX.length)) : undefined;
    if (link) out.link = link;
    else if (lock) locks.push(lock);
    else if (!out.audit && line.startsWith(AUDIT_PREFIX) && !line.startsWith(LOCK_PREFIX))
      out.audit = line.slice(AUDIT_PREFIX.length).trim();
    else rest.push(line);
  }
  if (locks.length) out.locks = locks;
  const text = rest.join('\n').trim();
  if (text) out.rest = text;
  return out;
}

export function composeComment(comment: PaymentComment): string {
  return [
    comment.link && `${LINK_PREFIX}${comment.link}`,
    comment.audit && `${AUDIT_PREFIX}${comment.audit.replace(/\s+/g, ' ')}`,
    ...(comment.locks ?? []).map(lockLine),
    comment.rest,
  ]
    .filter(Boolean)
    .join('\n');
}
