import Database from 'better-sqlite3';
import type { AppendOutcome, ChannelSummary, NewEvent, RelayStore, StoreChange, TokenRecord } from './types';

/**
 * The default store: one SQLite file in WAL mode. With synchronous=FULL every commit is fsynced
 * before `append` resolves, so a 200 is never answered for a callback a crash could lose.
 * better-sqlite3 is synchronous; the group commit in front of it (groupCommit.ts) keeps that to one
 * short commit per batch of callbacks.
 */
const SCHEMA_VERSION = 1;
/**
 * How often to look for writes by another process (the pairing CLI revoking a token): a revoked
 * token's open streams close within this time. PRAGMA data_version is a cheap in-memory check.
 */
export const EXTERNAL_CHANGE_POLL_MS = 200;
/** Retention deletes in chunks so one purge never holds the write lock for long. */
const DELETE_CHUNK = 2000;

export interface SqliteStoreOptions {
  file: string;
  synchronous: 'FULL' | 'EXTRA' | 'NORMAL';
  /** Polls for writes by other processes; off in the short-lived CLI. */
  watchExternalChanges?: boolean;
}

export function openSqliteStore(options: SqliteStoreOptions): RelayStore {
  const db = new Database(options.file);
  // The CLI and the server may write at the same moment; wait for the lock instead of failing.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  db.pragma('foreign_keys = ON');
  migrate(db);

  const statements = {
    channel: db.prepare<[string], { id: string }>('SELECT id FROM channels WHERE id = ?'),
    insert: db.prepare<[string, Buffer, string, number], { id: number }>(
      'INSERT INTO events (channel_id, hash, body, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING RETURNING id',
    ),
    after: db.prepare<[string, number, number], { id: number; receivedAt: number; body: string }>(
      'SELECT id, received_at AS receivedAt, body FROM events WHERE channel_id = ? AND id > ? ORDER BY id LIMIT ?',
    ),
    createChannel: db.prepare<[string, number]>('INSERT INTO channels (id, created_at) VALUES (?, ?)'),
    addToken: db.prepare<[string, string, Buffer, string, number]>(
      'INSERT INTO tokens (id, channel_id, hash, label, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    token: db.prepare<[string], TokenRow>(
      'SELECT id, channel_id, hash, label, created_at, revoked_at FROM tokens WHERE id = ?',
    ),
    revoke: db.prepare<[number, string]>(
      'UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
    ),
    channels: db.prepare<
      [],
      { id: string; created_at: number; events: number; last_event_id: number | null }
    >(
      `SELECT c.id, c.created_at, count(e.id) AS events, max(e.id) AS last_event_id
         FROM channels c LEFT JOIN events e ON e.channel_id = c.id GROUP BY c.id ORDER BY c.created_at, c.id`,
    ),
    tokens: db.prepare<[], TokenRow>(
      'SELECT id, channel_id, hash, label, created_at, revoked_at FROM tokens ORDER BY created_at, id',
    ),
    purge: db.prepare<[number, number]>(
      'DELETE FROM events WHERE id IN (SELECT id FROM events WHERE received_at < ? LIMIT ?)',
    ),
  };

  const listeners = new Set<(change: StoreChange) => void>();
  const emit = (change: StoreChange) => listeners.forEach((listener) => listener(change));

  const appendBatch = db.transaction((events: readonly NewEvent[]): AppendOutcome[] => {
    const known = new Map<string, boolean>();
    return events.map((event) => {
      let exists = known.get(event.channelId);
      if (exists === undefined) {
        exists = statements.channel.get(event.channelId) !== undefined;
        known.set(event.channelId, exists);
      }
      if (!exists) return { kind: 'unknownChannel' };
      const row = statements.insert.get(event.channelId, event.hash, event.body, event.receivedAt);
      return row ? { kind: 'stored', id: row.id } : { kind: 'duplicate' };
    });
  });

  let dataVersion = db.pragma('data_version', { simple: true }) as number;
  const watcher = options.watchExternalChanges
    ? setInterval(() => {
        const now = db.pragma('data_version', { simple: true }) as number;
        if (now !== dataVersion) {
          dataVersion = now;
          emit({ kind: 'unknown' });
        }
      }, EXTERNAL_CHANGE_POLL_MS).unref()
    : undefined;

  return {
    kind: 'sqlite',
    async append(events) {
      const outcomes = appendBatch(events);
      const touched = new Set(
        events.filter((_, i) => outcomes[i]?.kind === 'stored').map((e) => e.channelId),
      );
      touched.forEach((channelId) => emit({ kind: 'events', channelId }));
      return outcomes;
    },
    async eventsAfter(channelId, after, limit) {
      return statements.after.all(channelId, after, limit);
    },
    async createChannel(channelId, createdAt) {
      statements.createChannel.run(channelId, createdAt);
    },
    async channelExists(channelId) {
      return statements.channel.get(channelId) !== undefined;
    },
    async addToken(token) {
      statements.addToken.run(token.tokenId, token.channelId, token.hash, token.label, token.createdAt);
    },
    async findToken(tokenId) {
      const row = statements.token.get(tokenId);
      return row && toToken(row);
    },
    async revokeToken(tokenId, at) {
      const revoked = statements.revoke.run(at, tokenId).changes > 0;
      if (revoked) emit({ kind: 'revoked', tokenId });
      return revoked;
    },
    async listChannels() {
      const tokens = statements.tokens.all().map(toToken);
      return statements.channels.all().map((row): ChannelSummary => ({
        channelId: row.id,
        createdAt: row.created_at,
        events: row.events,
        lastEventId: row.last_event_id,
        tokens: tokens
          .filter((token) => token.channelId === row.id)
          .map(({ tokenId, label, createdAt, revokedAt }) => ({ tokenId, label, createdAt, revokedAt })),
      }));
    },
    async deleteEventsBefore(cutoff) {
      let total = 0;
      for (;;) {
        const removed = statements.purge.run(cutoff, DELETE_CHUNK).changes;
        total += removed;
        if (removed < DELETE_CHUNK) return total;
        // Let waiting callbacks commit between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (watcher) clearInterval(watcher);
      listeners.clear();
      if (db.open) db.close();
    },
  };
}

interface TokenRow {
  id: string;
  channel_id: string;
  hash: Buffer;
  label: string;
  created_at: number;
  revoked_at: number | null;
}

function toToken(row: TokenRow): TokenRecord {
  return {
    tokenId: row.id,
    channelId: row.channel_id,
    hash: row.hash,
    label: row.label,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `The relay database was made by a newer relay (schema ${version}); refusing to touch it.`,
    );
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Another process (the CLI, a second start) may have migrated while this one waited for the lock.
    if ((db.pragma('user_version', { simple: true }) as number) === SCHEMA_VERSION) return;
    db.exec(`
      CREATE TABLE channels (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL REFERENCES channels (id),
        hash BLOB NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      -- AUTOINCREMENT: ids are desktop cursors and must never be reused, even once retention has
      -- emptied the table (a plain rowid would restart after the largest one).
      CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id TEXT NOT NULL REFERENCES channels (id),
        hash BLOB NOT NULL UNIQUE,
        body TEXT NOT NULL,
        received_at INTEGER NOT NULL
      );
      CREATE INDEX events_by_channel ON events (channel_id, id);
      CREATE INDEX events_by_age ON events (received_at);
    `);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
