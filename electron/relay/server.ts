import rateLimit from '@fastify/rate-limit';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify';
import { registerAdminRoutes } from './admin';
import { registerCallbackRoute } from './callback';
import type { RelayConfig } from './config';
import { registerEventRoutes } from './events';
import { GroupCommit } from './groupCommit';
import { Retention } from './retention';
import type { RelayStore } from './store/types';
import { StreamHub } from './streams';

export interface RelayOptions {
  store: RelayStore;
  config: RelayConfig;
  /** Structured JSON logs (pino): off by default, on in `index.ts`; a stream captures them in tests. */
  logger?: boolean | { stream: { write(line: string): void } };
  /** The relay's clock (receivedAt, retention); tests move it instead of waiting. */
  now?: () => number;
  /** Slow-client limits (default SLOW_CLIENT_TIMEOUTS); tests shorten them instead of waiting. */
  timeouts?: Partial<SlowClientTimeouts>;
}

export interface SlowClientTimeouts {
  /** A request's headers must arrive within this (Node's headersTimeout). */
  headersMs: number;
  /** A whole request, body included, must arrive within this (Node's requestTimeout). */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
  /** How often Node looks for requests past those limits (connectionsCheckingInterval). */
  checkEveryMs: number;
}

/**
 * Against slowloris-style clients that open connections and dribble headers or a body: Fastify's
 * default requestTimeout is 0 (none), so a body sent one byte a minute held its connection for
 * ever (and Node's own header limit, 60 s checked every 30 s, let a silent connection stay up to
 * 90 s). A UAPAY callback is a few hundred bytes, a desktop's GET has no body: seconds are plenty.
 * The header limit also covers a connection that sends nothing at all.
 * An event stream is not affected (its request is complete once its headers are in; the
 * response that follows is not timed).
 */
export const SLOW_CLIENT_TIMEOUTS: SlowClientTimeouts = {
  headersMs: 10_000,
  requestMs: 20_000,
  keepAliveMs: 72_000,
  checkEveryMs: 2_000,
};

export interface Relay extends FastifyInstance {
  /** Runs retention now (it also runs hourly); answers how many events were removed. */
  purgeExpired(): Promise<number>;
  /** Open event streams on this instance. */
  streamCount(): number;
}

/**
 * The callback relay: receives UAPAY's status callbacks and hands them to paired desktops.
 * It holds no UAPAY or RetailCRM secret. The store is opened and closed by the caller
 * (store/open.ts); `close()` ends the streams, lets in-flight callbacks commit, and stops timers.
 */
export function buildRelay(options: RelayOptions): Relay {
  const { store, config } = options;
  const now = options.now ?? Date.now;
  const timeouts = { ...SLOW_CLIENT_TIMEOUTS, ...options.timeouts };
  const relay = Fastify({
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkEveryMs },
    logger: loggerOptions(options.logger, config.logLevel),
    // A hop count, never `true` (Fastify would take the leftmost X-Forwarded-For address, which
    // the client writes itself). Hop 0 is the socket's peer; the client is the first address past
    // the configured proxies. The relay must then be reachable only through them (README).
    ...(config.trustProxy > 0 && { trustProxy: (_address: string, hop: number) => hop < config.trustProxy }),
    bodyLimit: 16 * 1024,
    // One access line per request (below) instead of Fastify's two: at a thousand callbacks a
    // second, logging is a good part of the work.
    logController: new LogController({ disableRequestLogging: true }),
  });
  relay.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { req: request, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
      'request',
    );
  });

  const commits = new GroupCommit(store);
  const hub = new StreamHub(store, {
    heartbeatMs: config.heartbeatSeconds * 1000,
    pageSize: config.pageLimit,
    log: relay.log,
  });
  const retention = new Retention(store, config.retentionDays, now, relay.log);

  // 4xx are the client's business: one line, no stack. 5xx keep the details in the log only.
  relay.setErrorHandler<FastifyError>((error, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(status).send({ error: 'Internal error.' });
    }
    request.log.info({ code: error.code, status }, error.message);
    return reply.code(status).send({ error: error.message, code: error.code });
  });
  void relay.register(rateLimit, { global: false });
  relay.get('/health', async (_request, reply) => {
    try {
      await store.ping();
      return { ok: true, store: store.kind, streams: hub.size };
    } catch {
      return reply.code(503).send({ ok: false, store: store.kind });
    }
  });
  registerCallbackRoute(relay, { config, commits, now });
  registerEventRoutes(relay, { config, store, hub });
  registerAdminRoutes(relay, { config, store, now });

  relay.addHook('onReady', async () => retention.start());
  // Shutdown. Streams never finish on their own: end them first so close() can wait for the rest.
  // Responses still in flight then say "Connection: close": close() reaps only idle keep-alive
  // connections, so one that turns idle later would otherwise hold the shutdown for its timeout.
  let closing = false;
  relay.addHook('preClose', async () => {
    closing = true;
    hub.closeAll();
  });
  relay.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  relay.addHook('onClose', async () => {
    retention.stop();
    await commits.drain();
  });

  relay.decorate('purgeExpired', () => retention.runOnce());
  relay.decorate('streamCount', () => hub.size);
  return relay as unknown as Relay;
}

/**
 * Logs never carry a callback body (not logged at all) nor a token (headers are not logged, and
 * Authorization is redacted in case a serializer ever adds them); channel ids, the secret part of
 * the callback URL, are shortened in logged URLs.
 */
function loggerOptions(logger: RelayOptions['logger'], level: string): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return {
    level,
    redact: ['req.headers.authorization', 'req.headers["last-event-id"]'],
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
    ...(typeof logger === 'object' ? { stream: logger.stream } : {}),
  };
}

export function redactUrl(url: string): string {
  return url.replace(/\/(callback|events|channels)\/([A-Za-z0-9_-]{6})[A-Za-z0-9_-]*/, '/$1/$2…');
}
