/**
 * The RetailCRM payment's `comment` carries the payment link and the last operation, so every
 * desktop (and every person looking at the order in the CRM) sees them (DESIGN.md "Where state
 * lives"). The first line is the link, the second a short audit line; a manager's own text after
 * them is kept.
 */
const LINK_PREFIX = 'UAPAY: ';
const AUDIT_PREFIX = 'UAPAY Desk: ';

export interface PaymentComment {
  link?: string;
  audit?: string;
  /** Whatever else the comment holds (a manager's note), kept as it is. */
  rest?: string;
}

export function parseComment(comment: string | undefined): PaymentComment {
  const lines = (comment ?? '').split('\n');
  const out: PaymentComment = {};
  const rest: string[] = [];
  for (const line of lines) {
    if (!out.link && line.startsWith(LINK_PREFIX)) out.link = line.slice(LINK_PREFIX.length).trim();
    else if (!out.audit && line.startsWith(AUDIT_PREFIX)) out.audit = line.slice(AUDIT_PREFIX.length).trim();
    else rest.push(line);
  }
  const text = rest.join('\n').trim();
  if (text) out.rest = text;
  return out;
}

export function composeComment(comment: PaymentComment): string {
  return [
    comment.link && `${LINK_PREFIX}${comment.link}`,
    comment.audit && `${AUDIT_PREFIX}${comment.audit.replace(/\s+/g, ' ')}`,
    comment.rest,
  ]
    .filter(Boolean)
    .join('\n');
}
