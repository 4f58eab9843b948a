import path from 'node:path';
import { z } from 'zod';

/**
 * The relay is configured only through environment variables (README, "Callback relay"). Each
 * variable is read here and nowhere else; a wrong value stops the start with a message naming it.
 */
export interface RelayConfig {
  /** RELAY_HOST: the address to listen on. */
  host: string;
  /** RELAY_PORT: the port to listen on (0 picks a free one). */
  port: number;
  /** RELAY_DATA_DIR: where the SQLite database lives (unused with DATABASE_URL). */
  dataDir: string;
  /** RELAY_PUBLIC_URL: how UAPAY and the desktops reach this relay (no trailing slash). */
  publicUrl: string;
  /** RELAY_ADMIN_TOKEN: enables the /admin endpoints; they answer 404 without it. */
  adminToken: string | undefined;
  /** DATABASE_URL: postgres://… switches the store from SQLite to PostgreSQL. */
  databaseUrl: string | undefined;
  /** RELAY_RETENTION_DAYS: events older than this are removed. */
  retentionDays: number;
  /** RELAY_BODY_LIMIT_BYTES: larger callbacks get 413 and are not stored. */
  bodyLimitBytes: number;
  /** RELAY_RATE_LIMIT_PER_MIN: callbacks (and admin calls) per client address and minute. */
  rateLimitPerMinute: number;
  /** RELAY_CHANNEL_LIMIT_PER_MIN: callbacks per channel and minute, whatever address sends them. */
  channelLimitPerMinute: number;
  /** RELAY_PAGE_LIMIT: the most events one catch-up answer carries. */
  pageLimit: number;
  /** RELAY_HEARTBEAT_SECONDS: how often an idle event stream gets a comment line. */
  heartbeatSeconds: number;
  /** RELAY_SQLITE_SYNCHRONOUS: FULL (default) fsyncs every commit; NORMAL may lose the last ones on power loss. */
  sqliteSynchronous: 'FULL' | 'EXTRA' | 'NORMAL';
  /**
   * RELAY_TRUST_PROXY: how many proxies stand in front of the relay (nginx, Caddy, a load balancer).
   * The client address is the one that many hops back in X-Forwarded-For, counted from the right:
   * the left part of the header is whatever the client wrote. 0: the socket's address.
   */
  trustProxy: number;
  /** RELAY_LOG_LEVEL: pino level (info, warn, error, debug, silent). */
  logLevel: string;
  /** RELAY_PG_POOL_MAX: PostgreSQL connections per relay instance (plus one for LISTEN). */
  pgPoolMax: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** An admin token shorter than this is refused: it guards channel creation and revocation. */
export const MIN_ADMIN_TOKEN_LENGTH = 24;

const integer = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((value) => value ?? fallback);

const schema = z.object({
  RELAY_HOST: z.string().min(1).default('127.0.0.1'),
  RELAY_PORT: integer(0, 65_535, 4030),
  RELAY_DATA_DIR: z.string().min(1).default('relay-data'),
  RELAY_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  RELAY_ADMIN_TOKEN: z
    .string()
    .min(MIN_ADMIN_TOKEN_LENGTH, `must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters`)
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset for SQLite)')
    .optional(),
  RELAY_RETENTION_DAYS: integer(1, 3650, 7),
  // A callback is {"token":"<JWT>"}: a few hundred bytes to 2 KB. 8 KiB leaves room, not a store.
  RELAY_BODY_LIMIT_BYTES: integer(256, 64 * 1024, 8 * 1024),
  RELAY_RATE_LIMIT_PER_MIN: integer(1, 10_000_000, 3000),
  // A shop's callbacks follow its payments: 20 a second is far above a bulk run's 10.
  RELAY_CHANNEL_LIMIT_PER_MIN: integer(1, 10_000_000, 1200),
  RELAY_PAGE_LIMIT: integer(1, 10_000, 500),
  RELAY_HEARTBEAT_SECONDS: integer(1, 3600, 15),
  RELAY_SQLITE_SYNCHRONOUS: z.enum(['FULL', 'EXTRA', 'NORMAL']).default('FULL'),
  RELAY_TRUST_PROXY: z
    .string()
    .regex(/^\d{1,2}$/, 'must be the number of proxies in front of the relay (0 for none, usually 1)')
    .transform(Number)
    .pipe(z.number().int().min(0).max(10))
    .optional()
    .transform((value) => value ?? 0),
  RELAY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RELAY_PG_POOL_MAX: integer(1, 100, 10),
});

/** Reads the configuration from `env` (empty strings count as unset); throws ConfigError listing every problem. */
export function readConfig(env: Record<string, string | undefined> = process.env): RelayConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid relay configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    host: e.RELAY_HOST,
    port: e.RELAY_PORT,
    dataDir: path.resolve(e.RELAY_DATA_DIR),
    publicUrl: e.RELAY_PUBLIC_URL ?? `http://${e.RELAY_HOST}:${e.RELAY_PORT}`,
    adminToken: e.RELAY_ADMIN_TOKEN,
    databaseUrl: e.DATABASE_URL,
    retentionDays: e.RELAY_RETENTION_DAYS,
    bodyLimitBytes: e.RELAY_BODY_LIMIT_BYTES,
    rateLimitPerMinute: e.RELAY_RATE_LIMIT_PER_MIN,
    channelLimitPerMinute: e.RELAY_CHANNEL_LIMIT_PER_MIN,
    pageLimit: e.RELAY_PAGE_LIMIT,
    heartbeatSeconds: e.RELAY_HEARTBEAT_SECONDS,
    sqliteSynchronous: e.RELAY_SQLITE_SYNCHRONOUS,
    trustProxy: e.RELAY_TRUST_PROXY,
    logLevel: e.RELAY_LOG_LEVEL,
    pgPoolMax: e.RELAY_PG_POOL_MAX,
  };
}

/** True when RELAY_PUBLIC_URL was given; pairing codes made without it only work on this machine. */
export function hasPublicUrl(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.RELAY_PUBLIC_URL);
}
