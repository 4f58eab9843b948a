import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { sseFrame } from './eventFormat';
import type { RelayStore, StoreChange } from './store/types';

/** Tells EventSource-style clients how long to wait before reconnecting. */
export const SSE_RETRY_MS = 2000;

/**
 * The open event streams of this instance. Each stream has its own cursor and pulls from the
 * store whatever lies after it, so a stream never skips an event: a notification only says
 * "look now". Every heartbeat also looks, so a lost notification delays an event by at most one
 * heartbeat instead of losing it.
 */
export class StreamHub {
  private readonly streams = new Set<Stream>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private closing = false;

  constructor(
    private readonly store: RelayStore,
    private readonly options: { heartbeatMs: number; pageSize: number; log: FastifyBaseLogger },
  ) {
    this.unsubscribe = store.onChange((change) => this.onChange(change));
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs).unref();
  }

  get size(): number {
    return this.streams.size;
  }

  /** Takes over a response (already authenticated) and sends everything after `cursor`, then follows. */
  open(response: ServerResponse, channelId: string, tokenId: string, cursor: number): void {
    if (this.closing) {
      // Authenticated just as the shutdown began: the client retries elsewhere or later.
      response.writeHead(503, { connection: 'close' }).end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx buffers responses unless told not to; an event must not wait in a proxy.
      'x-accel-buffering': 'no',
    });
    response.write(`retry: ${SSE_RETRY_MS}\n: connected\n\n`);
    const stream = new Stream(response, channelId, tokenId, cursor, this.store, this.options);
    this.streams.add(stream);
    response.on('close', () => {
      this.streams.delete(stream);
      stream.closed = true;
      this.options.log.info(
        { channel: short(channelId), tokenId, cursor: stream.cursor },
        'event stream closed',
      );
    });
    this.options.log.info({ channel: short(channelId), tokenId, cursor }, 'event stream opened');
    void stream.pump();
  }

  /** Ends every stream (shutdown): clients reconnect, to this instance once it is back or to another. */
  closeAll(): void {
    this.closing = true;
    clearInterval(this.heartbeat);
    this.unsubscribe();
    for (const stream of this.streams) stream.end({ closeConnection: true });
  }

  private onChange(change: StoreChange): void {
    switch (change.kind) {
      case 'events':
        for (const stream of this.streams) if (stream.channelId === change.channelId) void stream.pump();
        break;
      case 'revoked':
        for (const stream of this.streams) if (stream.tokenId === change.tokenId) stream.revoke();
        break;
      case 'unknown':
        void this.recheckAll();
        break;
    }
  }

  /** After a change whose detail is unknown: drop streams whose token was revoked, look for events. */
  private async recheckAll(): Promise<void> {
    const ids = new Set([...this.streams].map((stream) => stream.tokenId));
    const revoked = new Set<string>();
    for (const tokenId of ids) {
      try {
        const token = await this.store.findToken(tokenId);
        if (!token || token.revokedAt !== null) revoked.add(tokenId);
      } catch (error) {
        this.options.log.warn({ err: error }, 'could not recheck a stream token');
      }
    }
    for (const stream of this.streams) {
      if (revoked.has(stream.tokenId)) stream.revoke();
      else void stream.pump();
    }
  }

  private beat(): void {
    for (const stream of this.streams) {
      stream.write(': heartbeat\n\n');
      void stream.pump();
    }
  }
}

class Stream {
  closed = false;
  private pumping = false;
  private again = false;

  constructor(
    private readonly response: ServerResponse,
    readonly channelId: string,
    readonly tokenId: string,
    public cursor: number,
    private readonly store: RelayStore,
    private readonly options: { pageSize: number; log: FastifyBaseLogger },
  ) {}

  /** Sends every stored event after the cursor; calls during a run make it look once more. */
  async pump(): Promise<void> {
    if (this.closed) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        let page;
        do {
          page = await this.store.eventsAfter(this.channelId, this.cursor, this.options.pageSize);
          for (const event of page) {
            if (this.closed) return;
            const flushed = this.write(sseFrame(event));
            this.cursor = event.id;
            if (!flushed) await this.drained();
          }
        } while (page.length === this.options.pageSize && !this.closed);
      } while (this.again && !this.closed);
    } catch (error) {
      // The store is unreachable: end the stream; the client reconnects and resumes from its cursor.
      this.options.log.error({ err: error, channel: short(this.channelId) }, 'event stream failed');
      this.end();
    } finally {
      this.pumping = false;
    }
  }

  write(chunk: string): boolean {
    if (this.closed) return true;
    return this.response.write(chunk);
  }

  revoke(): void {
    this.write('event: revoked\ndata: {}\n\n');
    this.end();
  }

  /** `closeConnection`: also close the keep-alive connection, which a shutting-down server waits for. */
  end(options: { closeConnection?: boolean } = {}): void {
    if (this.closed) return;
    this.closed = true;
    const socket = this.response.socket;
    this.response.end(() => {
      if (options.closeConnection) socket?.end();
    });
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.response.off('drain', done);
        this.response.off('close', done);
        resolve();
      };
      this.response.on('drain', done);
      this.response.on('close', done);
    });
  }
}

/** Channel ids are the secret part of the callback URL: logs carry only a prefix. */
export function short(channelId: string): string {
  return `${channelId.slice(0, 6)}…`;
}
