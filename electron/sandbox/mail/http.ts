/**
 * The catcher's HTTP side (JSON unless said otherwise):
 *   GET /messages[?to=<address>]   newest first
 *   GET /messages/:id              one message; 404 {"error":"Message not found"}
 *   GET /messages/:id/html         the HTML body as a page (text in <pre> when there is none)
 *   DELETE /messages               forget every message → {"deleted": n}
 *   GET|PUT /__sandbox/fault       {"fault": "down"|"busy"|"reject"|"auth"|null}
 *   GET /                          a small HTML index
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Mailbox } from './mailbox';
import { indexPage, MESSAGE_PAGE_CSP, messagePage } from './page';
import { SMTP_FAULTS, type SmtpFault } from './smtp';

export interface FaultSwitch {
  get(): SmtpFault | null;
  set(fault: SmtpFault | null): void;
}

export function buildHttpServer(mailbox: Mailbox, faults: FaultSwitch): FastifyInstance {
  const app = Fastify({ logger: false });
  const notFound = { error: 'Message not found' };

  app.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(indexPage(mailbox.messages())),
  );

  app.get<{ Querystring: { to?: string } }>('/messages', async (request) => {
    const to = request.query.to?.toLowerCase();
    const messages = mailbox.messages();
    if (!to) return messages;
    return messages.filter((message) =>
      [...message.envelope.to, ...message.to, ...message.cc].some((address) => address.toLowerCase() === to),
    );
  });

  app.get<{ Params: { id: string } }>('/messages/:id', async (request, reply) => {
    const message = mailbox.get(request.params.id);
    return message ?? reply.code(404).send(notFound);
  });

  app.get<{ Params: { id: string } }>('/messages/:id/html', async (request, reply) => {
    const message = mailbox.get(request.params.id);
    if (!message) return reply.code(404).send(notFound);
    return reply
      .header('content-security-policy', MESSAGE_PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(messagePage(message));
  });

  app.delete('/messages', async () => ({ deleted: mailbox.clear() }));

  app.get('/__sandbox/fault', async () => ({ fault: faults.get() }));

  app.put<{ Body: { fault?: unknown } }>('/__sandbox/fault', async (request, reply) => {
    const fault = request.body?.fault ?? null;
    if (fault !== null && !SMTP_FAULTS.includes(fault as SmtpFault)) {
      return reply.code(400).send({ error: `fault must be null or one of ${SMTP_FAULTS.join(', ')}` });
    }
    faults.set(fault as SmtpFault | null);
    return { fault };
  });

  return app;
}
