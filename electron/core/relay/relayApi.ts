/**
 * The relay's desktop side of the wire (README "Callback relay", "What it serves"): events are
 * `{"id","receivedAt","body"}`, the same in an SSE `data:` line and in the catch-up answer
 * `GET <eventsUrl>?after=<id>` → `{"events":[…],"next":<id or null>}`; Bearer token; 401 for a
 * bad, revoked or other channel's token.
 *
 * Over node:http, each request on a connection of its own (`agent: false`), not fetch: aborting a
 * fetch makes its pool open a fresh idle connection to the relay, which then holds up the relay's
 * graceful shutdown; and these requests are rare (a catch-up per reconnect) or long (the stream).
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { z } from 'zod';

/**
 * How much of the relay's answers the desktop takes in, at most. A callback body is a JWT of a few
 * hundred bytes (the relay accepts at most 64 KiB); a catch-up page asks for CATCH_UP_PAGE_EVENTS
 * events. A longer body is dropped as not a callback; a longer page is refused before it is read
 * to the end, so a broken or hostile relay cannot fill the desktop's memory.
 */
export const MAX_EVENT_BODY_CHARS = 64 * 1024;
export const CATCH_UP_PAGE_EVENTS = 100;
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

export const relayEventSchema = z.object({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  receivedAt: z.string().max(64),
  /** The raw callback body, exactly as UAPAY posted it. */
  body: z.string().max(MAX_EVENT_BODY_CHARS),
});
export type RelayEvent = z.output<typeof relayEventSchema>;

const pageSchema = z.object({
  /** Each checked on its own: one oversized or broken event is skipped, not the page. */
  events: z.array(z.object({ id: relayEventSchema.shape.id }).loose()),
  next: z.number().int().nonnegative().nullable(),
});
export interface RelayPage {
  events: RelayEvent[];
  /** Ids of events the page carried that are not callbacks a desktop takes (too large, broken). */
  skipped: number[];
  next: number | null;
}

/** How long one catch-up request (or the wait for a stream's response) may take. */
export const RELAY_REQUEST_TIMEOUT_MS = 15_000;

/**
 * Why a relay call gave no usable answer. `unauthorized` is final (the token is revoked or wrong);
 * everything else is worth retrying.
 */
export class RelayCallError extends Error {
  constructor(
    readonly reason: 'unauthorized' | 'status' | 'unreachable' | 'timeout' | 'format',
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RelayCallError';
  }
}

/** One catch-up page after `after` (oldest first). `signal` cancels it (the subscriber stopping). */
export async function fetchEventsAfter(
  eventsUrl: string,
  token: string,
  after: number,
  options: { limit?: number; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<RelayPage> {
  const url = new URL(eventsUrl);
  url.searchParams.set('after', String(after));
  if (options.limit !== undefined) url.searchParams.set('limit', String(options.limit));
  const timeout = AbortSignal.timeout(options.timeoutMs ?? RELAY_REQUEST_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let status: number;
  let text = '';
  try {
    const response = await get(url, { accept: 'application/json' }, token, signal);
    status = response.statusCode ?? 0;
    const tooLarge = () => {
      response.destroy();
      return new RelayCallError(
        'format',
        `The relay at ${url.origin} sent a catch-up page over ${MAX_PAGE_BYTES / 1024 / 1024} MB; it was not read.`,
        status,
      );
    };
    if (Number(response.headers['content-length'] ?? 0) > MAX_PAGE_BYTES) throw tooLarge();
    let bytes = 0;
    const decoder = new TextDecoder();
    for await (const chunk of response as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > MAX_PAGE_BYTES) throw tooLarge();
      text += decoder.decode(chunk, { stream: true });
    }
    text += decoder.decode();
  } catch (error) {
    if (error instanceof RelayCallError) throw error;
    throw timeout.aborted
      ? new RelayCallError('timeout', `The relay at ${url.origin} did not answer in time.`, undefined, {
          cause: error,
        })
      : unreachable(error, url.origin);
  }
  refuseStatus(status, url.origin);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = pageSchema.safeParse(data);
  if (!parsed.success)
    throw new RelayCallError('format', `${url.origin} did not answer like a callback relay.`, status);
  const page: RelayPage = { events: [], skipped: [], next: parsed.data.next };
  for (const item of parsed.data.events) {
    const event = relayEventSchema.safeParse(item);
    if (event.success) page.events.push(event.data);
    else page.skipped.push(item.id);
  }
  return page;
}

/**
 * Opens the SSE stream after `lastEventId`; answers the response (text chunks) once its status is
 * 200 and it is an event stream. It lives until `signal` aborts it or the relay ends it.
 */
export async function openEventStream(
  eventsUrl: string,
  token: string,
  lastEventId: number,
  signal: AbortSignal,
): Promise<AsyncIterable<string>> {
  const url = new URL(eventsUrl);
  const headers = { accept: 'text/event-stream', 'last-event-id': String(lastEventId) };
  let response: IncomingMessage;
  try {
    response = await get(url, headers, token, signal);
  } catch (error) {
    throw unreachable(error, url.origin);
  }
  try {
    refuseStatus(response.statusCode ?? 0, url.origin);
    if (!(response.headers['content-type'] ?? '').includes('text/event-stream'))
      throw new RelayCallError(
        'format',
        `${url.origin} did not answer with an event stream.`,
        response.statusCode,
      );
  } catch (error) {
    response.destroy();
    throw error;
  }
  response.setEncoding('utf8'); // a character split between two chunks stays whole
  return response as AsyncIterable<string>;
}

function get(
  url: URL,
  headers: Record<string, string>,
  token: string,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(
      url,
      { headers: { ...headers, authorization: `Bearer ${token}` }, agent: false, signal },
      resolve,
    );
    request.on('error', reject);
  });
}

/** Throws for anything but 200: 401 as `unauthorized`, the rest as `status`. */
function refuseStatus(status: number, origin: string): void {
  if (status === 200) return;
  if (status === 401)
    throw new RelayCallError(
      'unauthorized',
      `The relay at ${origin} refused this desktop's token: it was revoked or is wrong. Paste a new pairing code.`,
      status,
    );
  throw new RelayCallError('status', `The relay at ${origin} answered HTTP ${status}.`, status);
}

export function unreachable(error: unknown, origin: string): RelayCallError {
  if (error instanceof RelayCallError) return error;
  const code = (error as { code?: string }).code;
  const detail = code && code !== 'ABORT_ERR' ? ` (${code})` : '';
  return new RelayCallError('unreachable', `Could not reach the relay at ${origin}${detail}.`, undefined, {
    cause: error,
  });
}
