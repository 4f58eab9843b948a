/**
 * Server-Sent Events as the relay writes them (README "Callback relay"): `id:` and `data:` lines
 * ended by a blank line, `event: revoked`, `retry: <ms>`, and comment lines (`: heartbeat`).
 * Incremental: bytes arrive in arbitrary pieces, and a frame may be split anywhere, even inside a
 * line break. Parsing follows the HTML standard's rules for the fields it uses.
 */
export interface SseFrame {
  /** `message` unless an `event:` line named another type. */
  event: string;
  id?: string;
  data: string;
}

export interface SseChunk {
  frames: SseFrame[];
  /** `retry:` asked for this reconnection delay (ms). */
  retryMs?: number;
  /** Comment lines seen (heartbeats). */
  comments: number;
  /** Frames dropped because a line or the frame's data was over the limits (absent: none). */
  oversized?: number;
}

/**
 * What the parser keeps in memory, at most. A relay event is one callback (a JWT of a few hundred
 * bytes; the relay takes at most RELAY_BODY_LIMIT_BYTES, 8 KiB by default, 64 KiB at most) wrapped
 * in JSON: these leave room for that, and keep a broken or hostile stream from growing a line or a
 * frame without end. What is over them is dropped, never buffered.
 */
const SSE_LIMITS = { lineChars: 512 * 1024, frameChars: 512 * 1024 } as const;

export class SseParser {
  private buffer = '';
  private event = '';
  private id: string | undefined;
  private data: string[] = [];
  private dataChars = 0;
  /** The current line went over the limit: skip it up to its end. */
  private skippingLine = false;
  /** The current frame went over the limit: drop it at its blank line. */
  private frameOversized = false;

  constructor(private readonly limits: { lineChars: number; frameChars: number } = SSE_LIMITS) {}

  feed(text: string): SseChunk {
    const chunk: SseChunk = { frames: [], comments: 0 };
    this.buffer += text;
    let start = 0;
    for (;;) {
      const end = lineEnd(this.buffer, start);
      if (end === undefined) break;
      if (this.skippingLine) this.skippingLine = false;
      else if (end.at - start > this.limits.lineChars) this.frameOversized = true;
      else this.line(this.buffer.slice(start, end.at), chunk);
      start = end.next;
    }
    this.buffer = this.buffer.slice(start);
    if (this.buffer.length > this.limits.lineChars) {
      // A line longer than any event: forget what came of it and skip the rest of it.
      this.buffer = this.buffer.endsWith('\r') ? '\r' : '';
      this.skippingLine = true;
      this.frameOversized = true;
    }
    return chunk;
  }

  private line(line: string, chunk: SseChunk): void {
    if (line === '') return this.dispatch(chunk);
    if (line.startsWith(':')) {
      chunk.comments += 1;
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    switch (field) {
      case 'event':
        this.event = value;
        break;
      case 'data':
        this.dataChars += value.length + 1;
        if (this.dataChars > this.limits.frameChars) this.frameOversized = true;
        else this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) chunk.retryMs = Number(value);
        break;
    }
  }

  /** A blank line ends a frame; one without data is not an event (the standard's rule). */
  private dispatch(chunk: SseChunk): void {
    if (this.frameOversized) chunk.oversized = (chunk.oversized ?? 0) + 1;
    else if (this.data.length > 0) {
      chunk.frames.push({
        event: this.event || 'message',
        ...(this.id !== undefined && { id: this.id }),
        data: this.data.join('\n'),
      });
    }
    this.event = '';
    this.data = [];
    this.dataChars = 0;
    this.frameOversized = false;
    // The last event id persists across frames (the standard); ours come with every frame anyway.
  }
}

/** The next line end at or after `from`: LF, CRLF or CR. A CR at the very end may be half a CRLF. */
function lineEnd(text: string, from: number): { at: number; next: number } | undefined {
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') return { at: i, next: i + 1 };
    if (char === '\r') {
      if (i + 1 === text.length) return undefined;
      return { at: i, next: text[i + 1] === '\n' ? i + 2 : i + 1 };
    }
  }
  return undefined;
}
