/**
 * HTML for people: one message's body as a page (Demo mode's "Demo mailbox" shows it in a frame)
 * and a small index of caught messages for whoever runs `npm run sandbox`.
 */
import type { CaughtMessage } from './message';

/**
 * Caught mail is untrusted content: no scripts, no frames, no requests out of the sandbox
 * (images only inline), links open nothing by themselves.
 */
export const MESSAGE_PAGE_CSP =
  "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The HTML body as sent, or the text body in a <pre> when the message has no HTML part. */
export function messagePage(message: CaughtMessage): string {
  if (message.html !== null) return message.html;
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head>` +
    `<body><pre style="white-space:pre-wrap;font:14px/1.4 monospace">${escapeHtml(message.text ?? '')}</pre>` +
    '</body></html>'
  );
}

export function indexPage(messages: CaughtMessage[]): string {
  const rows = messages
    .map(
      (message) =>
        `<tr><td>${escapeHtml(message.receivedAt)}</td><td>${escapeHtml(message.from)}</td>` +
        `<td>${escapeHtml(message.to.join(', '))}</td>` +
        `<td><a href="/messages/${message.id}/html">${escapeHtml(message.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('');
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Sandbox mailbox</title></head>' +
    '<body style="font:14px sans-serif"><h1>Sandbox mailbox</h1>' +
    `<p>${messages.length} message(s), newest first. JSON: <a href="/messages">/messages</a></p>` +
    '<table border="1" cellpadding="4" style="border-collapse:collapse">' +
    `<tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr>${rows}</table></body></html>`
  );
}
