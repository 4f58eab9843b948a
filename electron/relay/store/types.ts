/**
 * The relay's storage, behind one interface: SQLite (store/sqlite.ts, the default) or PostgreSQL
 * (store/postgres.ts, with DATABASE_URL). The rest of the relay sees only this.
 *
 * Event ids increase in commit order within a channel (that is what makes "events after id N" a
 * safe cursor): SQLite has one writer; PostgreSQL locks the channel's row while it inserts.
 * They never repeat, even after retention removed the newest events.
 */
export interface NewEvent {
  channelId: string;
  /** SHA-256 of channel and body: identical deliveries (UAPAY retries) share it and are stored once. */
  hash: Buffer;
  /** The raw callback body, exactly as received. */
  body: string;
  receivedAt: number;
}

export type AppendOutcome =
  { kind: 'stored'; id: number } | { kind: 'duplicate' } | { kind: 'unknownChannel' };

export interface StoredEvent {
  id: number;
  /** Epoch milliseconds. */
  receivedAt: number;
  body: string;
}

export interface TokenRecord {
  tokenId: string;
  channelId: string;
  hash: Buffer;
  label: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface ChannelSummary {
  channelId: string;
  createdAt: number;
  events: number;
  lastEventId: number | null;
  tokens: Array<Omit<TokenRecord, 'hash' | 'channelId'>>;
}

/**
 * What changed, for the event streams: new events in a channel, a revoked token, or (when a change
 * came from elsewhere and its detail is unknown, e.g. the pairing CLI writing the SQLite file)
 * "anything may have changed".
 */
export type StoreChange =
  { kind: 'events'; channelId: string } | { kind: 'revoked'; tokenId: string } | { kind: 'unknown' };

export interface RelayStore {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Stores a batch durably (one commit) and answers one outcome per item, in order. Resolves only
   * after the commit reached the disk, so a 200 may follow.
   */
  append(events: readonly NewEvent[]): Promise<AppendOutcome[]>;
  /** Events of a channel with id > `after`, oldest first, at most `limit`. */
  eventsAfter(channelId: string, after: number, limit: number): Promise<StoredEvent[]>;
  createChannel(channelId: string, createdAt: number): Promise<void>;
  channelExists(channelId: string): Promise<boolean>;
  addToken(token: TokenRecord): Promise<void>;
  findToken(tokenId: string): Promise<TokenRecord | undefined>;
  /** True when the token existed and was not yet revoked. */
  revokeToken(tokenId: string, at: number): Promise<boolean>;
  listChannels(): Promise<ChannelSummary[]>;
  /** Removes events received before `cutoff`; answers how many. */
  deleteEventsBefore(cutoff: number): Promise<number>;
  /** A cheap round trip for /health. */
  ping(): Promise<void>;
  onChange(listener: (change: StoreChange) => void): () => void;
  close(): Promise<void>;
}
