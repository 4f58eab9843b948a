/**
 * The HTTP face of the fake: RetailCRM's API under /api (reference §9 checklist) and the admin API under
 * /__sandbox. Each API request goes: count → added latency → injected fault → rate limit → key → scope →
 * handler → after-work fault → answer.
 */
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { registerAdminRoutes } from './admin';
import { registerOrderPage } from './orderPage';
import { authenticate, authorize, presentedKey } from './auth';
import type { Control, FaultAction } from './control';
import { faultBody } from './control';
import { credentialHandlers } from './credentialsApi';
import { customerHandlers } from './customersApi';
import { formFields, parseQuery } from './encoding';
import { ApiError } from './errors';
import type { Handler } from './handler';
import { historyHandlers } from './historyApi';
import { orderHandlers } from './ordersApi';
import { paymentHandlers } from './paymentsApi';
import { RATE_LIMIT_BODY } from './rateLimit';
import { referenceHandlers } from './referencesApi';
import { ROUTES, type RouteName, type RouteSpec } from './routes';
import type { RetailCrmState } from './state';
import type { Json } from './wire';

const HANDLERS: Record<RouteName, Handler> = {
  ...credentialHandlers,
  ...orderHandlers,
  ...historyHandlers,
  ...paymentHandlers,
  ...referenceHandlers,
  ...customerHandlers,
} as Record<RouteName, Handler>;

const VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export function buildServer(state: RetailCrmState, control: Control, logger: boolean): FastifyInstance {
  const app = Fastify({
    logger,
    forceCloseConnections: true,
    routerOptions: { querystringParser: parseQuery },
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send({ success: false, errorMsg: 'API method not found' });
  });
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(error.body());
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    return reply
      .code(status)
      .send({ success: false, errorMsg: status >= 500 ? 'Internal Server Error' : error.message });
  });
  app.addHook('onClose', async () => control.releaseHung());
  void app.register(async (api) => apiRoutes(api, state, control));
  void app.register(async (admin) => registerAdminRoutes(admin, state, control), { prefix: '/__sandbox' });
  void app.register(async (pages) => registerOrderPage(pages, state));
  return app;
}

async function apiRoutes(api: FastifyInstance, state: RetailCrmState, control: Control): Promise<void> {
  // Only form bodies mean anything to the API (reference §1.4); any other body (JSON included) is ignored,
  // so a client that posts JSON sees "Parameter 'payment' is missing" as it would on the real host.
  api.removeAllContentTypeParsers();
  api.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
  await api.register(formbody, { parser: (text) => parseQuery(text) });
  await api.register(multipart, { attachFieldsToBody: 'keyValues' });

  for (const spec of ROUTES as readonly RouteSpec[]) {
    api.route({
      method: spec.method,
      url: spec.url,
      handler: (request, reply) => serve(spec, request, reply),
    });
    api.route({
      method: VERBS.filter((verb) => verb !== spec.method),
      url: spec.url,
      handler: async (_request, reply) =>
        reply.code(405).send({ success: false, errorMsg: 'Method Not Allowed' }),
    });
  }

  async function serve(spec: RouteSpec, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const params = request.params as Record<string, string>;
    const pathId = params.id ?? params.code;
    control.noteCall(spec.name, pathId);
    if (control.latencyMs > 0) await sleep(control.latencyMs);
    if (!(await survive(control.takeFault(spec.name, pathId, false)))) return;

    const query = request.query as Json;
    const fields = formFields(request.body);
    const presented = presentedKey(request.headers['x-api-key'], query, fields);
    const ownLimit = presented === undefined ? undefined : state.apiKeys.get(presented)?.rateLimitPerSecond;
    const limit = ownLimit ?? control.rateLimitPerSecond;
    if (!control.limiter.take(presented ? `key:${presented}` : `ip:${request.ip}`, limit)) {
      return void reply.code(503).send(RATE_LIMIT_BODY);
    }

    let status: number;
    let body: unknown;
    try {
      const apiKey = authenticate(state.apiKeys, presented);
      authorize(apiKey, spec.scope);
      const result = HANDLERS[spec.name]({ apiKey, query, fields, params, state });
      status = result.status ?? 200;
      body = result.body;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      status = error.status;
      body = error.body();
    }
    if (!(await survive(control.takeFault(spec.name, pathId, true)))) return;
    if (status < 300) control.noteSuccess(spec.name, pathId);
    return void reply.code(status).send(body);

    /** Applies a fault; false when it took over the answer. */
    async function survive(fault: FaultAction | undefined): Promise<boolean> {
      if (!fault) return true;
      switch (fault.kind) {
        case 'latency':
          await sleep(fault.ms);
          return true;
        case 'status':
          void reply.code(fault.status).send(fault.body ?? faultBody(fault.status));
          return false;
        case 'hang':
          reply.hijack();
          await control.hang(spec.name);
          request.raw.socket?.destroy();
          return false;
        case 'drop':
          reply.hijack();
          request.raw.socket?.destroy();
          return false;
      }
    }
  }
}
