import type { FastifyInstance, FastifyReply } from 'fastify';
import { authenticateDesktop } from './auth';
import type { RelayConfig } from './config';
import { toWire } from './eventFormat';
import { EVENTS_ROUTE } from './pairing';
import type { RelayStore } from './store/types';
import type { StreamHub } from './streams';

const CURSOR = /^\d{1,15}$/;

/**
 * GET <eventsUrl>: with `Accept: text/event-stream`, a Server-Sent Events stream that starts after
 * Last-Event-ID (or ?after=, or from the oldest retained event) and follows; otherwise the catch-up
 * page `{"events":[…],"next":<id or null>}` after ?after=. `next` is the `after` of the following
 * page while more events wait, and null once this page reached the newest event.
 */
export function registerEventRoutes(
  relay: FastifyInstance,
  deps: { config: RelayConfig; store: RelayStore; hub: StreamHub },
): void {
  relay.get<{ Params: { channel: string }; Querystring: { after?: string; limit?: string } }>(
    EVENTS_ROUTE,
    async (request, reply) => {
      const { channel } = request.params;
      const token = await authenticateDesktop(deps.store, request.headers.authorization, channel);
      if (!token) return unauthorized(reply);

      const lastEventId = request.headers['last-event-id'];
      const after = parseCursor(typeof lastEventId === 'string' ? lastEventId : request.query.after);
      if (after === undefined) return reply.code(400).send({ error: 'The cursor must be a whole number.' });

      if ((request.headers.accept ?? '').includes('text/event-stream')) {
        reply.hijack();
        deps.hub.open(reply.raw, channel, token.tokenId, after);
        return reply;
      }

      const size = Math.min(parseCursor(request.query.limit) || deps.config.pageLimit, deps.config.pageLimit);
      // One more than asked tells whether another page waits.
      const events = await deps.store.eventsAfter(channel, after, size + 1);
      const page = events.slice(0, size);
      const next = events.length > size ? page[page.length - 1]!.id : null;
      return reply.header('cache-control', 'no-store').send({ events: page.map(toWire), next });
    },
  );
}

/** A missing cursor means "from the start"; anything but one whole number is refused. */
function parseCursor(value: unknown): number | undefined {
  if (value === undefined || value === '') return 0;
  return typeof value === 'string' && CURSOR.test(value.trim()) ? Number(value.trim()) : undefined;
}

function unauthorized(reply: FastifyReply): FastifyReply {
  return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'Unauthorized.' });
}
