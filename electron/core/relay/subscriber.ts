import { log } from '../log';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import {
  CATCH_UP_PAGE_EVENTS,
  fetchEventsAfter,
  openEventStream,
  RELAY_REQUEST_TIMEOUT_MS,
  RelayCallError,
  relayEventSchema,
  unreachable,
  type RelayEvent,
  type RelayPage,
} from './relayApi';
import { SseParser, type SseChunk } from './sseParser';

/**
 * The relay's heartbeat interval (`RELAY_HEARTBEAT_SECONDS`, default 15 s). The stream does not
 * announce it, so this is an assumption: a relay set to beat less often makes a quiet stream look
 * dead now and then, which costs a reconnect and nothing else.
 */
const RELAY_HEARTBEAT_MS = 15_000;
/** No byte for this many heartbeats: the connection is dead (a half-open TCP connection never errors). */
const DEAD_AFTER_HEARTBEATS = 3;
/** A connection that stayed up this long starts the backoff over. */
const STABLE_CONNECTION_MS = 10_000;

export type SubscriberState =
  | { state: 'connecting' }
  | { state: 'connected' }
  | { state: 'retrying'; attempt: number; nextAttemptAt: Date; problem: string }
  | { state: 'unauthorized'; message: string };

export interface SubscriberTiming {
  backoff?: BackoffOptions;
  heartbeatMs?: number;
  deadAfterHeartbeats?: number;
  requestTimeoutMs?: number;
  random?: () => number;
}

export interface SubscriberOptions extends SubscriberTiming {
  eventsUrl: string;
  token: string;
  /** Start after this event id (the saved cursor; 0: from the oldest retained event). */
  after: number;
  /** Each event once, in id order, one at a time; the next waits until this resolves. */
  onEvent(event: RelayEvent): Promise<void>;
  onState(state: SubscriberState): void;
}

/** `event: revoked`: the relay revoked the token while the stream was open. */
class Revoked extends Error {}

/**
 * One desktop's subscription to its relay channel: on every (re)connect a catch-up
 * (`?after=<cursor>`, page by page) and then the SSE stream with `Last-Event-ID`, so nothing stored
 * while the desktop was away is missed and nothing is taken twice (ids only grow; anything at or
 * below the cursor is skipped). Reconnects with capped exponential backoff and jitter; a stream
 * silent for several heartbeats counts as dead. A 401 or `event: revoked` stops it for good.
 */
export class RelaySubscriber {
  private cursor: number;
  private stopped = false;
  private running: Promise<void> | undefined;
  private connection: AbortController | undefined;
  private wake: (() => void) | undefined;
  private serverRetryMs: number | undefined;
  private readonly origin: string;

  constructor(private readonly options: SubscriberOptions) {
    this.cursor = options.after;
    this.origin = new URL(options.eventsUrl).origin;
  }

  /** The last event id handed to `onEvent`. */
  get lastEventId(): number {
    return this.cursor;
  }

  start(): void {
    this.running ??= this.loop();
  }

  /** Closes the connection and resolves once `onEvent` is no longer running. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.connection?.abort();
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      this.options.onState({ state: 'connecting' });
      let connectedAt: number | undefined;
      let problem: string;
      const attemptControl = new AbortController();
      this.connection = attemptControl;
      try {
        await this.catchUp(attemptControl.signal);
        await this.follow(attemptControl, () => {
          connectedAt = Date.now();
          this.options.onState({ state: 'connected' });
        });
        problem = 'The relay closed the event stream.';
      } catch (error) {
        if (this.stopped) break;
        if (
          error instanceof Revoked ||
          (error instanceof RelayCallError && error.reason === 'unauthorized')
        ) {
          log.warn('relay: the token was refused; the stream stops until a new pairing code', {
            relay: this.origin,
          });
          this.options.onState({ state: 'unauthorized', message: error.message });
          return;
        }
        problem = error instanceof Error ? error.message : String(error);
      }
      if (this.stopped) break;
      if (connectedAt !== undefined && Date.now() - connectedAt >= STABLE_CONNECTION_MS) attempt = 0;
      const backoff = this.options.backoff ?? {
        ...DEFAULT_BACKOFF,
        baseMs: this.serverRetryMs ?? DEFAULT_BACKOFF.baseMs,
      };
      const delay = backoffDelay(attempt, backoff, this.options.random);
      attempt += 1;
      log.info('relay: reconnecting', { relay: this.origin, problem, delayMs: delay, attempt });
      this.options.onState({
        state: 'retrying',
        attempt,
        nextAttemptAt: new Date(Date.now() + delay),
        problem,
      });
      await this.sleep(delay);
    }
  }

  /** Everything after the cursor that the relay has now, page by page. */
  private async catchUp(signal: AbortSignal): Promise<void> {
    let after: number | null = this.cursor;
    while (after !== null && !this.stopped) {
      const page: RelayPage = await fetchEventsAfter(this.options.eventsUrl, this.options.token, after, {
        limit: CATCH_UP_PAGE_EVENTS,
        timeoutMs: this.options.requestTimeoutMs ?? RELAY_REQUEST_TIMEOUT_MS,
        signal,
      });
      if (page.skipped.length > 0)
        log.warn('relay: skipped events that are not callbacks (too large or broken)', {
          relay: this.origin,
          ids: page.skipped.slice(0, 10),
        });
      for (const event of page.events) await this.deliver(event);
      // A skipped event is passed like a handled one: it is no callback, and status sync would
      // catch up with anything it was about. Every event of the page is behind us by now.
      if (!this.stopped) this.cursor = Math.max(this.cursor, ...page.skipped);
      after = page.next;
    }
  }

  /** The SSE stream, until it ends (resolves) or fails (throws). */
  private async follow(controller: AbortController, onOpen: () => void): Promise<void> {
    const heartbeatMs = this.options.heartbeatMs ?? RELAY_HEARTBEAT_MS;
    const deadMs = heartbeatMs * (this.options.deadAfterHeartbeats ?? DEAD_AFTER_HEARTBEATS);
    let timedOut = false;
    let watchdog: NodeJS.Timeout | undefined;
    const arm = (ms: number) => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, ms);
    };
    try {
      if (this.stopped) return;
      arm(this.options.requestTimeoutMs ?? RELAY_REQUEST_TIMEOUT_MS);
      const response = await openEventStream(
        this.options.eventsUrl,
        this.options.token,
        this.cursor,
        controller.signal,
      );
      onOpen();
      const parser = new SseParser();
      arm(deadMs);
      for await (const text of response) {
        clearTimeout(watchdog); // the watchdog measures the relay's silence, not our own work
        if (this.stopped) return;
        await this.take(parser.feed(text));
        if (this.stopped) return;
        arm(deadMs);
      }
    } catch (error) {
      if (error instanceof Revoked || error instanceof RelayCallError) throw error;
      if (timedOut)
        throw new RelayCallError(
          'timeout',
          `No word from the relay at ${this.origin} for ${Math.round(deadMs / 1000)} s.`,
        );
      throw unreachable(error, this.origin);
    } finally {
      clearTimeout(watchdog);
      controller.abort(); // closes the connection whichever way the stream ended
    }
  }

  private async take(chunk: SseChunk): Promise<void> {
    if (chunk.retryMs !== undefined) this.serverRetryMs = chunk.retryMs;
    if (chunk.oversized)
      log.warn('relay: dropped stream frames over the size limit', {
        relay: this.origin,
        frames: chunk.oversized,
      });
    for (const frame of chunk.frames) {
      if (frame.event === 'revoked')
        throw new Revoked(
          `The relay at ${this.origin} revoked this desktop's token: paste a new pairing code.`,
        );
      if (frame.event !== 'message') continue;
      const event = parseEvent(frame.data);
      if (!event) {
        log.warn('relay: skipped an event that is not {id, receivedAt, body}', {
          relay: this.origin,
          id: frame.id,
        });
        continue;
      }
      await this.deliver(event);
      if (this.stopped) return;
    }
  }

  private async deliver(event: RelayEvent): Promise<void> {
    if (event.id <= this.cursor || this.stopped) return; // taken already (catch-up and stream overlap)
    try {
      await this.options.onEvent(event);
    } catch (error) {
      log.error('relay: an event could not be handled', { id: event.id, error });
    }
    this.cursor = event.id;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

function parseEvent(data: string): RelayEvent | undefined {
  try {
    const parsed = relayEventSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
