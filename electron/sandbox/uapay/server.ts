/** The fake's HTTP server: the API under /api/, the hosted page, and the admin API under /__sandbox/. */
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { ADMIN_PREFIX, registerAdminRoutes } from './adminRoutes';
import { registerApiRoutes } from './apiRoutes';
import type { UapayFakeControl } from './controlApi';
import { ERROR_CODE, httpStatusOf, UapayApiError } from './errors';
import { registerHostedPage } from './hostedPage';
import type { FakeRuntime } from './runtime';
import type { UapayFakeState } from './stateApi';

export interface ServerParts {
  runtime: FakeRuntime;
  state: UapayFakeState;
  control: UapayFakeControl;
  logger: boolean;
}

export function buildServer({ runtime, state, control, logger }: ServerParts): FastifyInstance {
  // Held requests (timeout faults) must not keep close() waiting.
  const app = Fastify({ logger, forceCloseConnections: true });
  void app.register(formbody);

  // A body fastify cannot read (bad JSON, another content type) is UAPAY's problem to refuse in its
  // own envelope. UNCERTAIN: the real reply to unreadable JSON is unknown; FORMAT_ERROR is ours.
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (request.url.startsWith('/api/') && status >= 400 && status < 500) {
      const refusal = new UapayApiError(ERROR_CODE.format, 'The request body is not a JSON object');
      return reply.code(httpStatusOf(refusal, runtime.store.readings)).send(refusal.toBody());
    }
    request.log.error(error);
    return reply.code(status).send({ error: error instanceof Error ? error.message : String(error) });
  });

  registerApiRoutes(app, runtime);
  registerHostedPage(app, runtime);
  registerAdminRoutes(app, state, control);
  app.get('/', (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(`UAPAY sandbox fake. API: /api/…, admin: ${ADMIN_PREFIX}/…\n`),
  );
  return app;
}
