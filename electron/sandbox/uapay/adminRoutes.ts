/**
 * The admin HTTP API under /__sandbox/ (for Demo mode, other processes and browser tests): the same
 * operations as the library's `state` and `control`. Plain JSON; errors are `{error, code?}`.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CallFilter } from './calls';
import type { UapayFakeControl } from './controlApi';
import { UapayApiError } from './errors';
import type { FaultSpec } from './faults';
import { isObject, type Json } from './fields';
import type { InvoiceInput } from './invoices';
import { UAPAY_METHODS, type UapayMethod } from './methodNames';
import { NotPayableError } from './payments';
import type { RateLimit } from './rateLimit';
import { checkReadings, READING_PROFILE_NAMES, READING_PROFILES, type ReadingProfile } from './readings';
import type { Merchant } from './state';
import { UnknownRecordError, type PayCard, type UapayFakeState } from './stateApi';

export const ADMIN_PREFIX = '/__sandbox';

/** A request the admin API cannot carry out: 400 unless said otherwise. */
class AdminError extends Error {
  constructor(
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

export function registerAdminRoutes(
  app: FastifyInstance,
  state: UapayFakeState,
  control: UapayFakeControl,
): void {
  app.register(
    async (admin) => {
      admin.setErrorHandler((error, _request, reply) => sendError(reply, error));

      admin.get('/merchants', () => ({ merchants: state.merchants() }));
      admin.post<{ Body: Merchant }>('/merchants', (request, reply) =>
        reply.code(201).send(state.addMerchant(body(request.body) as unknown as Merchant)),
      );

      admin.get<{ Querystring: { clientId?: string } }>('/invoices', (request) => ({
        invoices: state.invoices({ clientId: request.query.clientId }),
      }));
      admin.post<{ Body: Json }>('/invoices', (request, reply) => {
        const { clientId, at, ...input } = body(request.body);
        if (typeof clientId !== 'string') throw new AdminError('clientId is required.');
        const options = typeof at === 'number' ? { at } : {};
        return reply.code(201).send(state.createInvoice(clientId, input as unknown as InvoiceInput, options));
      });
      admin.get<{ Params: { id: string } }>('/invoices/:id', (request) =>
        found(state.invoice(request.params.id)),
      );
      admin.post<{ Params: { id: string }; Body: Json }>('/invoices/:id/pay', (request) => {
        const { card, notify } = body(request.body);
        if (card !== 'success' && card !== 'decline' && card !== '3ds-confirmed') {
          throw new AdminError('card must be success, decline or 3ds-confirmed.');
        }
        return state.pay(request.params.id, { card: card as PayCard, notify: notify !== false });
      });

      admin.get<{ Params: { id: string } }>('/payments/:id', (request) =>
        found(state.payment(request.params.id)),
      );
      admin.post<{ Params: { id: string; action: string }; Body: Json }>(
        '/payments/:id/:action',
        (request) => {
          const { action, id } = request.params;
          const { amount, notify } = body(request.body);
          if (amount !== undefined && typeof amount !== 'number')
            throw new AdminError('amount must be a number.');
          const flags = { paymentId: id, notify: notify !== false };
          switch (action) {
            case 'complete':
              return state.actAsOtherParty({ action, amount, ...flags });
            case 'reverse':
              return state.actAsOtherParty({ action, amount, ...flags });
            case 'cancel':
              return state.actAsOtherParty({ action, ...flags });
            default:
              throw new AdminError(`Unknown action ${action}.`, 404);
          }
        },
      );

      admin.get('/clock', () => clockView(control));
      admin.post<{ Body: Json }>('/clock/advance', (request) => {
        const { ms } = body(request.body);
        if (typeof ms !== 'number') throw new AdminError('ms must be a number.');
        control.advanceClock(ms);
        return clockView(control);
      });

      admin.get('/faults', () => ({ faults: control.faults() }));
      admin.post<{ Body: Json }>('/faults', (request, reply) => {
        const spec = body(request.body) as unknown as FaultSpec;
        if (spec.method !== '*' && !(UAPAY_METHODS as readonly string[]).includes(spec.method)) {
          throw new AdminError(`Unknown method ${JSON.stringify(spec.method)}.`);
        }
        return reply.code(201).send({ id: control.addFault(spec) });
      });
      admin.delete('/faults', (_request, reply) => {
        control.clearFaults();
        return reply.code(204).send();
      });
      admin.delete<{ Params: { id: string } }>('/faults/:id', (request, reply) => {
        control.removeFault(Number(request.params.id));
        return reply.code(204).send();
      });

      admin.get<{ Querystring: Record<string, string | undefined> }>('/calls', (request) => {
        const { method, invoiceId, paymentId, externalId } = request.query;
        const filter: CallFilter = {
          method: method as UapayMethod | undefined,
          invoiceId,
          paymentId,
          externalId,
        };
        const calls = control.callLog(filter);
        return { count: calls.length, calls };
      });
      admin.delete('/calls', (_request, reply) => {
        control.resetCalls();
        return reply.code(204).send();
      });

      admin.get('/rate-limit', () => ({ rateLimit: control.rateLimit() }));
      admin.put<{ Body: Json }>('/rate-limit', (request) => {
        const { rateLimit } = body(request.body);
        control.setRateLimit(isObject(rateLimit) ? (rateLimit as unknown as RateLimit) : null);
        return { rateLimit: control.rateLimit() };
      });

      admin.get('/callbacks', () => ({ callbacks: control.callbacks() }));

      admin.get('/readings', () => ({ readings: control.readings() }));
      // {profile?, readings?}: a named profile first (all its switches), then the given switches.
      admin.put<{ Body: Json }>('/readings', (request) => {
        const { profile, readings } = body(request.body);
        if (
          profile !== undefined &&
          (typeof profile !== 'string' || !Object.hasOwn(READING_PROFILES, profile))
        ) {
          throw new AdminError(`profile must be one of ${READING_PROFILE_NAMES.join(', ')}.`);
        }
        // Checked before anything changes, so a refused request changes nothing.
        const named = readings === undefined ? {} : checkReadings(readings);
        if (profile !== undefined) control.setReadings(READING_PROFILES[profile as ReadingProfile]);
        return { readings: control.setReadings(named) };
      });
    },
    { prefix: ADMIN_PREFIX },
  );
}

function body(value: unknown): Json {
  return isObject(value) ? value : {};
}

function found<T>(value: T | undefined): T {
  if (value === undefined) throw new AdminError('Not found.', 404);
  return value;
}

function clockView(control: UapayFakeControl): { now: number; iso: string } {
  const now = control.clock.now();
  return { now, iso: new Date(now).toISOString() };
}

function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof UapayApiError) {
    return reply.code(400).send({ error: error.message, code: error.code, fields: error.fields });
  }
  if (error instanceof NotPayableError)
    return reply.code(409).send({ error: error.message, code: error.reason });
  if (error instanceof UnknownRecordError) return reply.code(404).send({ error: error.message });
  if (error instanceof AdminError) return reply.code(error.statusCode).send({ error: error.message });
  if (error instanceof TypeError || error instanceof RangeError)
    return reply.code(400).send({ error: error.message });
  const status = (error as { statusCode?: number }).statusCode;
  const message = error instanceof Error ? error.message : String(error);
  return reply.code(typeof status === 'number' && status >= 400 ? status : 500).send({ error: message });
}
