import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../electron/relay/config';

describe('relay configuration', () => {
  it('has safe defaults: loopback, SQLite with full sync, 7 days, admin endpoints off', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4030,
      dataDir: path.resolve('relay-data'),
      publicUrl: 'http://127.0.0.1:4030',
      adminToken: undefined,
      databaseUrl: undefined,
      retentionDays: 7,
      sqliteSynchronous: 'FULL',
      trustProxy: 0,
      // A callback JWT is a few hundred bytes; 20 callbacks a second for one shop.
      bodyLimitBytes: 8192,
      channelLimitPerMinute: 1200,
    });
  });

  it('reads every variable and strips a trailing slash from the public URL', () => {
    const config = readConfig({
      RELAY_HOST: '0.0.0.0',
      RELAY_PORT: '8080',
      RELAY_DATA_DIR: '/var/lib/relay',
      RELAY_PUBLIC_URL: 'https://relay.example.com/',
      RELAY_ADMIN_TOKEN: 'x'.repeat(32),
      DATABASE_URL: 'postgres://u:p@db/relay',
      RELAY_RETENTION_DAYS: '3',
      RELAY_BODY_LIMIT_BYTES: '1024',
      RELAY_RATE_LIMIT_PER_MIN: '10',
      RELAY_CHANNEL_LIMIT_PER_MIN: '30',
      RELAY_PAGE_LIMIT: '20',
      RELAY_HEARTBEAT_SECONDS: '5',
      RELAY_SQLITE_SYNCHRONOUS: 'NORMAL',
      RELAY_TRUST_PROXY: '1',
      RELAY_LOG_LEVEL: 'warn',
      RELAY_PG_POOL_MAX: '4',
      RELAY_IGNORED_EMPTY: '',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/var/lib/relay',
      publicUrl: 'https://relay.example.com',
      adminToken: 'x'.repeat(32),
      databaseUrl: 'postgres://u:p@db/relay',
      retentionDays: 3,
      bodyLimitBytes: 1024,
      rateLimitPerMinute: 10,
      channelLimitPerMinute: 30,
      pageLimit: 20,
      heartbeatSeconds: 5,
      sqliteSynchronous: 'NORMAL',
      trustProxy: 1,
      logLevel: 'warn',
      pgPoolMax: 4,
    });
  });

  it('refuses wrong values, naming each variable', () => {
    const attempt = () =>
      readConfig({
        RELAY_PORT: 'eighty',
        RELAY_PUBLIC_URL: 'relay.example.com',
        RELAY_ADMIN_TOKEN: 'short',
        DATABASE_URL: 'mysql://x',
        RELAY_RETENTION_DAYS: '0',
      });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of [
      'RELAY_PORT',
      'RELAY_PUBLIC_URL',
      'RELAY_ADMIN_TOKEN',
      'DATABASE_URL',
      'RELAY_RETENTION_DAYS',
    ]) {
      expect(message).toContain(name);
    }
  });

  it('takes a proxy hop count, not "trust everything" (the leftmost X-Forwarded-For is the client\'s own)', () => {
    expect(readConfig({ RELAY_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => readConfig({ RELAY_TRUST_PROXY: 'true' })).toThrow(
      /RELAY_TRUST_PROXY: must be the number of proxies/,
    );
    expect(() => readConfig({ RELAY_BODY_LIMIT_BYTES: String(1024 * 1024) })).toThrow(
      /RELAY_BODY_LIMIT_BYTES/,
    );
  });
});
