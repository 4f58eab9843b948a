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
}

export class SseParser {
  private buffer = '';
  private event = '';
  private id: string | undefined;
  private data: string[] = [];

  feed(text: string): SseChunk {
    const chunk: SseChunk = { frames: [], comments: 0 };
    this.buffer += text;
    let start = 0;
    for (;;) {
      const end = lineEnd(this.buffer, start);
      if (end === undefined) break;
      this.line(this.buffer.slice(start, end.at), chunk);
      start = end.next;
    }
    this.buffer = this.buffer.slice(start);
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
        this.data.push(value);
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
    if (this.data.length > 0) {
      chunk.frames.push({
        event: this.event || 'message',
        ...(this.id !== undefined && { id: this.id }),
        data: this.data.join('\n'),
      });
    }
    this.event = '';
    this.data = [];
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
