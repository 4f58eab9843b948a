import pg from 'pg';
import { NOTIFY_CHANNEL, startListening } from './pgListener';
import type { AppendOutcome, ChannelSummary, RelayStore, StoreChange, TokenRecord } from './types';

/** Serializes schema creation when several instances start at once (an arbitrary constant). */
const MIGRATION_LOCK = 4_030_001;
const DELETE_CHUNK = 5000;

export interface PostgresStoreOptions {
  url: string;
  poolMax: number;
  /** LISTEN for changes made through other instances (off in the short-lived CLI). */
  listen?: boolean;
  /** Connection trouble that the store recovers from by itself (logged by the caller). */
  onError?: (error: Error) => void;
}

/**
 * The store for shops that run several relay instances behind a load balancer: every instance
 * writes to one PostgreSQL database and LISTENs on one notification channel, so an event stored
 * through any instance reaches the streams connected to all of them.
 *
 * Ordering: ids come from one identity sequence, but two transactions may commit in the other
 * order than they drew their ids, and a reader at "after 6" would then never see 5. So each
 * append locks the rows of its channels (FOR NO KEY UPDATE) before it draws ids: within a channel,
 * ids are drawn and committed in the same order. Different channels do not wait for each other.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<RelayStore> {
  const onError = options.onError ?? (() => {});
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolMax });
  pool.on('error', onError);
  await migrate(pool);

  const listeners = new Set<(change: StoreChange) => void>();
  const emit = (change: StoreChange) => listeners.forEach((listener) => listener(change));
  const listener = options.listen ? await startListening(options.url, emit, onError) : undefined;
  let closed = false;

  return {
    kind: 'postgres',
    async append(events) {
      const fresh = new Map<string, number>(); // hash → index of its first occurrence in the batch
      events.forEach((event, i) => {
        const key = event.hash.toString('hex');
        if (!fresh.has(key)) fresh.set(key, i);
      });
      const rows = [...fresh.values()].map((i) => events[i]!);
      // One statement, one round trip, one transaction (autocommit). `locked` is materialized
      // before the INSERT draws any id: the sort below reads every input row, and so evaluates the
      // channel filter, before the first row is inserted.
      const result = await pool.query<{ kind: 'channel' | 'event'; key: string; id: string | null }>(
        `WITH locked AS MATERIALIZED (
           SELECT id FROM relay_channels WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE),
         inserted AS (
           INSERT INTO relay_events (channel_id, hash, body, received_at)
             SELECT c, h, b, r FROM unnest($1::text[], $2::bytea[], $3::text[], $4::bigint[])
               WITH ORDINALITY AS t (c, h, b, r, n)
              WHERE c IN (SELECT id FROM locked) ORDER BY n
           ON CONFLICT (hash) DO NOTHING RETURNING id, hash, channel_id),
         notified AS (
           -- Delivered to every listening instance when (and only if) this commits.
           SELECT pg_notify('${NOTIFY_CHANNEL}', 'e:' || channel_id) FROM (SELECT DISTINCT channel_id FROM inserted) AS d)
         SELECT 'channel' AS kind, id AS key, NULL AS id FROM locked
         UNION ALL SELECT 'event', encode(hash, 'hex'), id::text FROM inserted
         UNION ALL SELECT 'notified', count(*)::text, NULL FROM notified`,
        [
          rows.map((e) => e.channelId),
          rows.map((e) => e.hash),
          rows.map((e) => e.body),
          rows.map((e) => e.receivedAt),
        ],
      );
      const known = new Set(result.rows.filter((row) => row.kind === 'channel').map((row) => row.key));
      const ids = new Map(
        result.rows.filter((row) => row.kind === 'event').map((row) => [row.key, Number(row.id)]),
      );
      return events.map((event, i): AppendOutcome => {
        if (!known.has(event.channelId)) return { kind: 'unknownChannel' };
        const key = event.hash.toString('hex');
        const id = ids.get(key);
        return id !== undefined && fresh.get(key) === i ? { kind: 'stored', id } : { kind: 'duplicate' };
      });
    },
    async eventsAfter(channelId, after, limit) {
      const result = await pool.query<{ id: string; received_at: string; body: string }>(
        'SELECT id, received_at, body FROM relay_events WHERE channel_id = $1 AND id > $2 ORDER BY id LIMIT $3',
        [channelId, after, limit],
      );
      return result.rows.map((row) => ({
        id: Number(row.id),
        receivedAt: Number(row.received_at),
        body: row.body,
      }));
    },
    async createChannel(channelId, createdAt) {
      await pool.query('INSERT INTO relay_channels (id, created_at) VALUES ($1, $2)', [channelId, createdAt]);
    },
    async channelExists(channelId) {
      const result = await pool.query('SELECT 1 FROM relay_channels WHERE id = $1', [channelId]);
      return result.rowCount === 1;
    },
    async addToken(token) {
      await pool.query(
        'INSERT INTO relay_tokens (id, channel_id, hash, label, created_at) VALUES ($1, $2, $3, $4, $5)',
        [token.tokenId, token.channelId, token.hash, token.label, token.createdAt],
      );
    },
    async findToken(tokenId) {
      const result = await pool.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM relay_tokens WHERE id = $1`, [
        tokenId,
      ]);
      return result.rows[0] && toToken(result.rows[0]);
    },
    async revokeToken(tokenId, at) {
      // One statement: the notification goes out with the commit, to every instance.
      const result = await pool.query(
        `WITH revoked AS (
           UPDATE relay_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING id)
         SELECT pg_notify('${NOTIFY_CHANNEL}', 'r:' || id) FROM revoked`,
        [at, tokenId],
      );
      return result.rowCount === 1;
    },
    async listChannels() {
      const channels = await pool.query<{
        id: string;
        created_at: string;
        events: string;
        last_event_id: string | null;
      }>(
        `SELECT c.id, c.created_at, count(e.id) AS events, max(e.id) AS last_event_id
           FROM relay_channels c LEFT JOIN relay_events e ON e.channel_id = c.id
          GROUP BY c.id ORDER BY c.created_at, c.id`,
      );
      const tokens = (
        await pool.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM relay_tokens ORDER BY created_at, id`)
      ).rows.map(toToken);
      return channels.rows.map((row): ChannelSummary => ({
        channelId: row.id,
        createdAt: Number(row.created_at),
        events: Number(row.events),
        lastEventId: row.last_event_id === null ? null : Number(row.last_event_id),
        tokens: tokens
          .filter((token) => token.channelId === row.id)
          .map(({ tokenId, label, createdAt, revokedAt }) => ({ tokenId, label, createdAt, revokedAt })),
      }));
    },
    async deleteEventsBefore(cutoff) {
      let total = 0;
      for (;;) {
        const result = await pool.query(
          'DELETE FROM relay_events WHERE id IN (SELECT id FROM relay_events WHERE received_at < $1 LIMIT $2)',
          [cutoff, DELETE_CHUNK],
        );
        total += result.rowCount ?? 0;
        if ((result.rowCount ?? 0) < DELETE_CHUNK) return total;
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    onChange(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      await listener?.stop();
      await pool.end();
    },
  };
}

const TOKEN_COLUMNS = 'id, channel_id, hash, label, created_at, revoked_at';

interface TokenRow {
  id: string;
  channel_id: string;
  hash: Buffer;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

function toToken(row: TokenRow): TokenRecord {
  return {
    tokenId: row.id,
    channelId: row.channel_id,
    hash: row.hash,
    label: row.label,
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS relay_channels (id text PRIMARY KEY, created_at bigint NOT NULL);
      CREATE TABLE IF NOT EXISTS relay_tokens (
        id text PRIMARY KEY,
        channel_id text NOT NULL REFERENCES relay_channels (id),
        hash bytea NOT NULL,
        label text NOT NULL DEFAULT '',
        created_at bigint NOT NULL,
        revoked_at bigint
      );
      CREATE TABLE IF NOT EXISTS relay_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        channel_id text NOT NULL REFERENCES relay_channels (id),
        hash bytea NOT NULL UNIQUE,
        body text NOT NULL,
        received_at bigint NOT NULL
      );
      CREATE INDEX IF NOT EXISTS relay_events_by_channel ON relay_events (channel_id, id);
      CREATE INDEX IF NOT EXISTS relay_events_by_age ON relay_events (received_at);
    `);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
