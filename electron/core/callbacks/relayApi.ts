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

export const relayEventSchema = z.object({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  receivedAt: z.string(),
  /** The raw callback body, exactly as UAPAY posted it. */
  body: z.string(),
});
export type RelayEvent = z.output<typeof relayEventSchema>;

const pageSchema = z.object({
  events: z.array(relayEventSchema),
  next: z.number().int().nonnegative().nullable(),
});
export type RelayPage = z.output<typeof pageSchema>;

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
    response.setEncoding('utf8');
    for await (const chunk of response as AsyncIterable<string>) text += chunk;
  } catch (error) {
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
  return parsed.data;
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
export function refuseStatus(status: number, origin: string): void {
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
