/**
 * POST /api/<method> for every invoicer method: count the call, apply the rate limit and injected
 * faults, open the envelope (merchant → signature → iat → session), run the method, sign the reply.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { openEnvelope, peekEnvelope, requireToken, successBody, type PeekedEnvelope } from './envelope';
import { ERROR_CODE, httpStatusOf, RATE_LIMIT_HTTP_STATUS, UapayApiError } from './errors';
import { FieldReader } from './fields';
import { METHODS } from './methods';
import { targetOf, UAPAY_METHODS, type CallTarget, type UapayMethod } from './methodNames';
import { expireHolds } from './payments';
import { originOf, type FakeRuntime } from './runtime';
import { assertSessionAlive, findMerchant, findSession } from './sessions';
import { peekToken, signToken } from './jwt';

interface Answer {
  statusCode: number;
  body: unknown;
  errorCode?: string;
  /** The call was refused for its session (unknown or expired), before its method ran. */
  sessionRefused: boolean;
}

export function registerApiRoutes(app: FastifyInstance, runtime: FakeRuntime): void {
  for (const method of UAPAY_METHODS) {
    app.post(`/api/${method}`, (request, reply) => handle(runtime, method, request, reply));
  }
}

async function handle(
  runtime: FakeRuntime,
  method: UapayMethod,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  const { store, clock, calls, faults, rateLimiter } = runtime;
  expireHolds(store);
  const envelope = peekEnvelope(request.body);
  const call = calls.record(method, clock.now(), targetOf(envelope));

  if (!rateLimiter.allow()) {
    const error = new UapayApiError(
      ERROR_CODE.rateLimit,
      'Too many requests',
      undefined,
      RATE_LIMIT_HTTP_STATUS,
    );
    call.outcome = 'error';
    call.errorCode = error.code;
    return reply.code(httpStatusOf(error, store.readings)).send(error.toBody());
  }

  const { latencyMs, fault } = faults.take(method, call.target);
  if (latencyMs > 0) await Promise.race([sleep(latencyMs), runtime.closing]);
  switch (fault?.kind) {
    case 'http':
      call.outcome = 'fault';
      return reply.code(fault.status).type('text/html').send(gatewayPage(fault.status));
    case 'timeout':
      call.outcome = 'fault';
      return holdUntilClose(runtime, request, reply);
    case 'error': {
      call.outcome = 'fault';
      const error = new UapayApiError(fault.code, fault.message, undefined, fault.httpStatus);
      call.errorCode = error.code;
      return reply.code(httpStatusOf(error, store.readings)).send(error.toBody());
    }
    case 'lostReply':
    case 'unprovenReply':
    case undefined:
      break;
  }

  const answer = await answerCall(runtime, method, envelope, call.target);
  call.outcome = answer.errorCode === undefined ? 'ok' : 'error';
  call.errorCode = answer.errorCode;
  if (answer.sessionRefused) call.sessionRefused = true;
  if (fault?.kind === 'lostReply') {
    // The work is done (or refused); only the reply goes missing.
    if (fault.reply === 'drop') {
      reply.hijack();
      request.raw.socket.destroy();
      return undefined;
    }
    if (fault.reply === 'hang') return holdUntilClose(runtime, request, reply);
    return reply.code(502).type('text/html').send(gatewayPage(502));
  }
  if (fault?.kind === 'unprovenReply')
    return reply.code(answer.statusCode).send(await unproven(answer.body, fault.reply));
  return reply.code(answer.statusCode).send(answer.body);
}

/** A success answer whose proof is missing or wrong; an error answer stays as it is. */
async function unproven(body: unknown, how: 'unsigned' | 'bad-signature'): Promise<unknown> {
  const token = (body as { data?: { token?: unknown } } | undefined)?.data?.token;
  if (typeof token !== 'string') return body;
  const fields = peekToken(token) ?? {};
  if (how === 'unsigned') {
    delete fields.iat;
    return { status: 1, data: fields };
  }
  return { status: 1, data: { token: await signToken(fields, 'not-the-merchant-key') } };
}

async function answerCall(
  runtime: FakeRuntime,
  method: UapayMethod,
  envelope: PeekedEnvelope,
  target: CallTarget,
): Promise<Answer> {
  const { store, clock } = runtime;
  const spec = METHODS[method];
  let checkingSession = false;
  try {
    const token = requireToken(envelope);
    // Whose key signs the token is known only from the (unverified) payload: clientId or sessionId.
    const claimed = new FieldReader({ params: envelope.params, data: envelope.data });
    let session;
    let merchant;
    if (spec.auth === 'client') {
      // §2.1: clientId is a string on the wire, though one tutorial types it INT: accept both.
      const raw = envelope.params.clientId;
      const clientId = typeof raw === 'number' ? String(raw) : claimed.string('params', 'clientId', true);
      claimed.done();
      merchant = findMerchant(store, clientId);
    } else {
      const sessionId = claimed.string('params', 'sessionId', true);
      claimed.done();
      checkingSession = true;
      session = findSession(store, sessionId);
      checkingSession = false;
      merchant = findMerchant(store, session.clientId);
    }
    const verified = await openEnvelope(token, merchant.secretKey, clock.now());
    checkingSession = !!session;
    if (session) assertSessionAlive(store, session);
    checkingSession = false;
    const result = spec.handle({
      store,
      merchant,
      origin: originOf(runtime),
      reader: new FieldReader(verified),
      target,
    });
    return {
      statusCode: 200,
      body: await successBody(result, merchant.secretKey, clock.now()),
      sessionRefused: false,
    };
  } catch (error) {
    if (!(error instanceof UapayApiError)) throw error;
    return {
      statusCode: httpStatusOf(error, store.readings),
      body: error.toBody(),
      errorCode: error.code,
      sessionRefused: checkingSession,
    };
  }
}

/** Never answers; when the fake closes, the connection is dropped. */
async function holdUntilClose(
  runtime: FakeRuntime,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<undefined> {
  reply.hijack();
  await runtime.closing;
  request.raw.socket.destroy();
  return undefined;
}

/** What a reverse proxy in front of an API answers when the application behind it fails. */
function gatewayPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
