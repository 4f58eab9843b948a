import http from 'node:http';

/** One Server-Sent Event as a client sees it. */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * A small SSE client over node:http (tests and the benchmark): headers under our control
 * (Authorization, Last-Event-ID), the raw connection can be dropped at will, and comments
 * (heartbeats) are visible.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  /** Called for each event as it is parsed (the benchmark timestamps deliveries here). */
  onEvent: ((event: SseEvent) => void) | undefined;
  ended = false;
  private buffer = '';
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly request: http.ClientRequest,
    readonly status: number,
    readonly contentType: string,
  ) {}

  static open(url: string, token: string, options: { lastEventId?: string } = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = {
        accept: 'text/event-stream',
        authorization: `Bearer ${token}`,
      };
      if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
      const request = http.get(url, { headers, agent: false }, (response) => {
        const client = new SseClient(
          request,
          response.statusCode ?? 0,
          String(response.headers['content-type']),
        );
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => client.feed(chunk));
        response.on('end', () => client.finish());
        response.on('close', () => client.finish());
        response.on('error', () => client.finish());
        resolve(client);
      });
      request.on('error', reject);
    });
  }

  /** Event payloads parsed as JSON (the relay's `{id, receivedAt, body}`), message events only. */
  messages<T = { id: number; receivedAt: string; body: string }>(): T[] {
    return this.events
      .filter((event) => event.event === 'message')
      .map((event) => JSON.parse(event.data) as T);
  }

  /** Resolves once `condition` holds (checked after every chunk); rejects after `timeoutMs`. */
  waitUntil(condition: (client: SseClient) => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    if (condition(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        reject(new Error(`SSE: timed out waiting for ${what} (have ${this.events.length} events)`));
      }, timeoutMs);
      const check = () => {
        if (!condition(this)) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  waitForMessages(count: number, timeoutMs = 5000): Promise<void> {
    return this.waitUntil((client) => client.messages().length >= count, timeoutMs, `${count} messages`);
  }

  waitForEnd(timeoutMs = 5000): Promise<void> {
    return this.waitUntil((client) => client.ended, timeoutMs, 'the end of the stream');
  }

  /** Drops the connection from the client side, as a network failure would. */
  drop(): void {
    this.request.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    let end;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.parseBlock(block);
    }
    this.notify();
  }

  private parseBlock(block: string): void {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    const parsed = { id, event, data: data.join('\n') };
    this.events.push(parsed);
    this.onEvent?.(parsed);
  }

  private finish(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
