/**
 * The admin HTTP API under /__sandbox/ (JSON in, JSON out) for scripts and other processes: the same
 * operations as the library API (state, control). Amounts are integer kopiyky here, as in the library;
 * orders come back in RetailCRM's wire shape (hryvnias). Not part of RetailCRM; no key needed.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiKeyInput } from './apiKeys';
import type { Control, FaultSpec } from './control';
import type { CustomerInput } from './customers';
import { ApiError } from './errors';
import type { Actor } from './model';
import type { PaymentChanges, PaymentInput } from './payments';
import type { CurrencyInput, PaymentStatusInput, PaymentTypeInput, SiteInput } from './references';
import type { RouteName } from './routes';
import type { OrderInput } from './newOrder';
import type { OrderChanges, RetailCrmState } from './state';

type Body<T> = T & { by?: Actor };

export async function registerAdminRoutes(
  admin: FastifyInstance,
  state: RetailCrmState,
  control: Control,
): Promise<void> {
  admin.setErrorHandler((error: Error & { statusCode?: number }, _request, reply: FastifyReply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(error.body());
    const status = error instanceof RangeError ? 400 : (error.statusCode ?? 500);
    return reply.code(status).send({ error: error.message });
  });
  const id = (params: unknown): number => {
    const value = Number((params as { id: string }).id);
    if (!Number.isSafeInteger(value)) throw new RangeError('Not an id');
    return value;
  };
  const orderView = (orderId: number) => {
    const order = state.renderOrder(orderId);
    if (!order) throw new ApiError(404, 'Not found');
    return { order };
  };

  admin.get('/summary', async () => ({
    sites: state.refs.sites.size,
    currencies: state.refs.currencies.length,
    paymentTypes: state.refs.paymentTypes.size,
    paymentStatuses: state.refs.paymentStatuses.size,
    customers: state.customers.size,
    orders: state.orders.size,
    lastHistoryId: state.lastHistoryId(),
    apiKeys: state.apiKeys.list().length,
  }));

  admin.post('/sites', async (request, reply) =>
    reply.code(201).send(state.addSite(request.body as SiteInput)),
  );
  admin.post('/currencies', async (request, reply) =>
    reply.code(201).send(state.addCurrency(request.body as CurrencyInput)),
  );
  admin.post('/payment-types', async (request, reply) => {
    const result = state.putPaymentType(request.body as PaymentTypeInput);
    return reply.code(result.created ? 201 : 200).send(result);
  });
  admin.post('/payment-statuses', async (request, reply) => {
    const { by, ...input } = request.body as Body<PaymentStatusInput>;
    const result = state.putPaymentStatus(input, by);
    return reply.code(result.created ? 201 : 200).send(result);
  });
  admin.post('/customers', async (request, reply) =>
    reply.code(201).send(state.addCustomer(request.body as CustomerInput)),
  );
  admin.post('/api-keys', async (request, reply) =>
    reply.code(201).send(state.addApiKey(request.body as ApiKeyInput)),
  );
  admin.delete('/api-keys/:key', async (request) => ({
    removed: state.apiKeys.remove((request.params as { key: string }).key),
  }));

  admin.post('/orders', async (request, reply) => {
    const { by, ...input } = request.body as Body<OrderInput>;
    return reply.code(201).send(orderView(state.addOrder(input, by).id));
  });
  admin.get('/orders/:id', async (request) => orderView(id(request.params)));
  admin.post('/orders/:id/edit', async (request) => {
    const { by, ...changes } = request.body as Body<OrderChanges>;
    return orderView(state.editOrder(id(request.params), changes, by).id);
  });
  admin.post('/payments', async (request, reply) => {
    const { by, ...input } = request.body as Body<PaymentInput>;
    return reply.code(201).send({ payment: state.createPayment(input, by) });
  });
  admin.post('/payments/:id/edit', async (request) => {
    const { by, ...changes } = request.body as Body<PaymentChanges>;
    return { payment: state.editPayment(id(request.params), changes, by) };
  });
  admin.post('/payments/:id/delete', async (request) => {
    state.deletePayment(id(request.params), (request.body as Body<object> | undefined)?.by);
    return { deleted: true };
  });

  admin.get('/faults', async () => ({ faults: control.faults() }));
  admin.post('/faults', async (request, reply) =>
    reply.code(201).send(control.injectFault(request.body as FaultSpec)),
  );
  admin.delete('/faults', async (request) => {
    control.clearFaults((request.query as { route?: RouteName }).route);
    return { cleared: true };
  });
  admin.get('/calls', async (request) => {
    const { route, pathId } = request.query as { route?: RouteName; pathId?: string };
    return route === undefined ? { counts: control.allCounts() } : control.callCount(route, pathId);
  });
  admin.delete('/calls', async () => {
    control.resetCounts();
    return { reset: true };
  });
  admin.put('/latency', async (request) => {
    control.setLatency((request.body as { ms: number }).ms);
    return { latencyMs: control.latencyMs };
  });
  admin.put('/rate-limit', async (request) => {
    const { perSecond, apiKey } = request.body as { perSecond: number; apiKey?: string };
    control.setRateLimit(perSecond, apiKey);
    return { perSecond, apiKey };
  });
}
