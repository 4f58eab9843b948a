/**
 * The browser test harness: the real core, headless, serving the IPC contract over HTTP on
 * 127.0.0.1 behind a random bearer token, next to the built renderer. With `deskInitScript` the
 * page gets the same `window.desk` the preload would give it, so everything but the Electron shell
 * runs for real.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatch } from '../../electron/core/ipc';
import type { Desk } from '../../electron/core/desk';

export const IPC_PATH = '/__desk/ipc/';
export const EVENTS_PATH = '/__desk/events';

export interface Harness {
  url: string;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function startHarness(desk: Desk, rendererDir: string): Promise<Harness> {
  const token = randomBytes(24).toString('hex');
  const expected = Buffer.from(`Bearer ${token}`);
  const authorized = (req: http.IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const streams = new Set<http.ServerResponse>();
  const unsubscribe = desk.events.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify([event, payload])}\n\n`;
    for (const res of streams) res.write(frame);
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://harness');
    if (url.pathname.startsWith('/__desk/')) {
      if (!authorized(req)) return send(res, 401, { error: 'missing or wrong token' });
      if (req.method === 'POST' && url.pathname.startsWith(IPC_PATH)) {
        return void readJson(req).then(
          async (payload) =>
            send(res, 200, await dispatch(desk.handlers, url.pathname.slice(IPC_PATH.length), payload)),
          () => send(res, 400, { error: 'body is not JSON' }),
        );
      }
      if (req.method === 'GET' && url.pathname === EVENTS_PATH) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      return send(res, 404, { error: 'no such route' });
    }
    return void serveStatic(rendererDir, url.pathname, res);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    close: async () => {
      unsubscribe();
      for (const res of streams) res.end();
      // Every connection goes now: one still open (a stream or call that arrived as the page went
      // away) would otherwise keep close() waiting for ever.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

async function serveStatic(root: string, pathname: string, res: http.ServerResponse): Promise<void> {
  const file = path.resolve(root, `.${decodeURIComponent(pathname === '/' ? '/index.html' : pathname)}`);
  const info = file.startsWith(path.resolve(root) + path.sep) ? await stat(file).catch(() => null) : null;
  if (!info?.isFile()) return send(res, 404, { error: 'not found' });
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}
