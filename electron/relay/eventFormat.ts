import type { StoredEvent } from './store/types';

/** One event as desktops see it, in the catch-up answer and in an SSE `data:` line alike. */
export interface WireEvent {
  id: number;
  /** ISO 8601, UTC, when the relay stored the callback. */
  receivedAt: string;
  /** The raw callback body, exactly as UAPAY posted it. */
  body: string;
}

export function toWire(event: StoredEvent): WireEvent {
  return { id: event.id, receivedAt: new Date(event.receivedAt).toISOString(), body: event.body };
}

/**
 * One Server-Sent Event. The data is JSON on one line (JSON.stringify escapes line breaks, which a
 * raw body may contain and which SSE would otherwise split); `id:` is what the client sends back as
 * Last-Event-ID when it reconnects.
 */
export function sseFrame(event: StoredEvent): string {
  return `id: ${event.id}\ndata: ${JSON.stringify(toWire(event))}\n\n`;
}
