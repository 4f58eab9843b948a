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
    // Per client address first, then per channel: a flood from one address is stopped before it
    // can use up the channel's quota, and many addresses together still cannot fill one channel.
    scope.addHook('onRequest', scope.rateLimit({ max: deps.config.rateLimitPerMinute, timeWindow: 60_000 }));
    // (@fastify/rate-limit runs one limit per request; the second is asked by hand.)
    const perChannel = scope.createRateLimit({
      max: deps.config.channelLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => `channel:${(request.params as { channel?: string }).channel ?? ''}`,
    });
    scope.addHook('onRequest', async (request, reply) => {
      const limit = await perChannel(request);
      if (limit.isAllowed || !limit.isExceeded) return;
      request.log.info(
        { channel: short((request.params as { channel: string }).channel) },
        'channel quota used up',
      );
      return reply
        .code(429)
        .header('retry-after', String(limit.ttlInSeconds))
        .send({ error: 'This channel took too many callbacks this minute; try again later.' });
    });
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(CALLBACK_CONTENT_TYPES, { parseAs: 'buffer' }, (_request, body, done) => {
      done(null, body);
    });

    scope.post<{ Params: { channel: string } }>(
      CALLBACK_ROUTE,
      { bodyLimit: deps.config.bodyLimitBytes },
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
