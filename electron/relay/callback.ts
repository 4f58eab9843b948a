import type { FastifyInstance } from 'fastify';
import { checkCallbackBody } from './callbackBody';
import type { RelayConfig } from './config';
import { CHANNEL_ID_PATTERN, sha256 } from './credentials';
import type { GroupCommit } from './groupCommit';
import { CALLBACK_ROUTE } from './pairing';
import { short } from './streams';

/**
 * UNCERTAIN (reference §5 says only "body format JSON"; the plugins send their own requests as
 * application/json, §1): the content type UAPAY's callbacks carry. Anything else gets 415; if
 * UAPAY turns out to send another type, add it here (UAPAY keeps retrying for a day, §5).
 */
export const CALLBACK_CONTENT_TYPES = ['application/json'];

/**
 * POST /uapay/callback/<channel>: UAPAY's status callback. The raw body is stored durably before
 * the 200 (reference §5: UAPAY counts a delivery as done on HTTP 200 and otherwise retries), and a
 * retry of the same body is stored once. Anything that cannot be a callback gets a 4xx and leaves
 * no trace; a store failure gets 503, so UAPAY tries again later.
 */
export function registerCallbackRoute(
  relay: FastifyInstance,
  deps: { config: RelayConfig; commits: GroupCommit; now: () => number },
): void {
  // Own scope: this route takes only CALLBACK_CONTENT_TYPES, as raw bytes (stored byte for byte).
  void relay.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(CALLBACK_CONTENT_TYPES, { parseAs: 'buffer' }, (_request, body, done) => {
      done(null, body);
    });

    scope.post<{ Params: { channel: string } }>(
      CALLBACK_ROUTE,
      {
        bodyLimit: deps.config.bodyLimitBytes,
        config: { rateLimit: { max: deps.config.rateLimitPerMinute, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const { channel } = request.params;
        if (!CHANNEL_ID_PATTERN.test(channel)) return reply.code(404).send({ error: 'Unknown channel.' });
        if (!Buffer.isBuffer(request.body)) {
          return reply.code(415).send({ error: 'The callback must be application/json.' });
        }
        const check = checkCallbackBody(request.body);
        if (!check.ok) {
          request.log.info({ channel: short(channel), reason: check.reason }, 'callback refused');
          return reply.code(400).send({ error: check.reason });
        }

        let outcome;
        try {
          outcome = await deps.commits.append({
            channelId: channel,
            hash: sha256(`${channel}\n${check.body}`),
            body: check.body,
            receivedAt: deps.now(),
          });
        } catch (error) {
          request.log.error({ err: error, channel: short(channel) }, 'callback not stored');
          return reply.code(503).send({ error: 'Not stored; try again.' });
        }
        switch (outcome.kind) {
          case 'unknownChannel':
            return reply.code(404).send({ error: 'Unknown channel.' });
          case 'stored':
            request.log.debug({ channel: short(channel), eventId: outcome.id }, 'callback stored');
            return reply.code(200).send({ ok: true });
          case 'duplicate':
            request.log.info({ channel: short(channel) }, 'callback already stored');
            return reply.code(200).send({ ok: true });
        }
      },
    );
  });
}
