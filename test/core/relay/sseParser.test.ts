import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../electron/core/relay/sseParser';

describe('SSE parsing', () => {
  it('reads the relay’s frames: retry, comments, id and data, and the revoked event', () => {
    const parser = new SseParser();
    const chunk = parser.feed(
      'retry: 2000\n: connected\n\nid: 7\ndata: {"id":7}\n\n: heartbeat\n\nevent: revoked\ndata: {}\n\n',
    );
    expect(chunk).toEqual({
      retryMs: 2000,
      comments: 2,
      frames: [
        { event: 'message', id: '7', data: '{"id":7}' },
        { event: 'revoked', id: '7', data: '{}' }, // the last id carries over (the standard)
      ],
    });
  });

  it('puts together frames split anywhere, even inside a CRLF', () => {
    const text = 'id: 1\r\ndata: first\r\n\r\nid: 2\ndata: sec\ndata: ond\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new SseParser();
      const frames = [...parser.feed(text.slice(0, cut)).frames, ...parser.feed(text.slice(cut)).frames];
      expect(frames).toEqual([
        { event: 'message', id: '1', data: 'first' },
        { event: 'message', id: '2', data: 'sec\nond' },
      ]);
    }
  });

  it('waits for the blank line before giving out a frame, and ignores frames without data', () => {
    const parser = new SseParser();
    expect(parser.feed('id: 3\ndata: x\n').frames).toEqual([]);
    expect(parser.feed('\nevent: ping\n\n').frames).toEqual([{ event: 'message', id: '3', data: 'x' }]);
  });
});
