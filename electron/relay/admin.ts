import type { FastifyInstance } from 'fastify';
import type { RelayConfig } from './config';
import { CHANNEL_ID_PATTERN, TOKEN_ID_PATTERN, bearerOf, secretEquals } from './credentials';
import { addDesktop, pairNewChannel } from './pairing';
import type { RelayStore } from './store/types';

const MAX_LABEL = 100;

/**
 * /admin: pairing over HTTP, for hosts where running the CLI is awkward. Only registered when
 * RELAY_ADMIN_TOKEN is set (otherwise 404), and every call needs it as a bearer token.
 *
 *   POST /admin/channels                    {label?} → pairing result (new channel + first desktop)
 *   POST /admin/channels/<channel>/tokens   {label?} → pairing result (another desktop)
 *   GET  /admin/channels                    → {channels: [...]} (token ids and labels, never tokens)
 *   POST /admin/tokens/<tokenId>/revoke     → {revoked: true}
 */
export function registerAdminRoutes(
  relay: FastifyInstance,
  deps: { config: RelayConfig; store: RelayStore; now: () => number },
): void {
  const adminToken = deps.config.adminToken;
  if (!adminToken) return;

  void relay.register(
    async (scope) => {
      // The rate limit comes first, so guessing the admin token is as slow as any other call.
      scope.addHook(
        'onRequest',
        scope.rateLimit({ max: deps.config.rateLimitPerMinute, timeWindow: 60_000 }),
      );
      scope.addHook('onRequest', async (request, reply) => {
        const presented = bearerOf(request.headers.authorization);
        if (presented === undefined || !secretEquals(presented, adminToken)) {
          return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'Unauthorized.' });
        }
      });
      const routeOptions = { bodyLimit: 4096 };
      const labelOf = (body: unknown) => {
        const label = (body as { label?: unknown } | undefined)?.label;
        return typeof label === 'string' ? label.slice(0, MAX_LABEL) : '';
      };

      scope.post('/channels', routeOptions, async (request, reply) => {
        const result = await pairNewChannel(
          deps.store,
          deps.config.publicUrl,
          labelOf(request.body),
          deps.now(),
        );
        request.log.info({ tokenId: result.tokenId }, 'channel paired');
        return reply.code(201).header('cache-control', 'no-store').send(result);
      });

      scope.post<{ Params: { channel: string } }>(
        '/channels/:channel/tokens',
        routeOptions,
        async (request, reply) => {
          const { channel } = request.params;
          const result = CHANNEL_ID_PATTERN.test(channel)
            ? await addDesktop(deps.store, deps.config.publicUrl, channel, labelOf(request.body), deps.now())
            : undefined;
          if (!result) return reply.code(404).send({ error: 'Unknown channel.' });
          request.log.info({ tokenId: result.tokenId }, 'desktop added');
          return reply.code(201).header('cache-control', 'no-store').send(result);
        },
      );

      scope.get('/channels', routeOptions, async () => ({ channels: await deps.store.listChannels() }));

      scope.post<{ Params: { tokenId: string } }>(
        '/tokens/:tokenId/revoke',
        routeOptions,
        async (request, reply) => {
          const { tokenId } = request.params;
          const revoked =
            TOKEN_ID_PATTERN.test(tokenId) && (await deps.store.revokeToken(tokenId, deps.now()));
          if (!revoked) return reply.code(404).send({ error: 'No such active token.' });
          request.log.info({ tokenId }, 'token revoked');
          return { revoked: true };
        },
      );
    },
    { prefix: '/admin' },
  );
}
