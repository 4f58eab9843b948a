/**
 * The renderer is sealed off: the built page under its Content Security Policy refuses every remote
 * origin (a second loopback server stands for the internet: another port is another origin), eval
 * and inline code, and reaches nothing of Node. shell.spec.ts already shows an inline <script> does
 * not run and that `process`/`require` are not defined; navigation and window.open are refused by
 * main (lockDown, test/main/window.test.ts), which a plain browser has no part of.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp';
import { expect, test } from './fixtures';

test.describe('renderer security', () => {
  test('the page is served with the strict CSP first in <head> and carries no inline script', async ({
    page,
    open,
    desk,
  }) => {
    const html = await (await fetch(`${desk.harness.url}/index.html`)).text();
    const head = html.slice(html.indexOf('<head>') + 6).trimStart();
    expect(head.startsWith('<meta http-equiv="Content-Security-Policy"')).toBe(true);
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="\.\//);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    await open();
    await expect(page.getByTestId('app-version')).toBeVisible();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
  });

  test('refuses remote scripts, styles, images, frames, fetches, sockets, forms, eval and inline handlers', async ({
    page,
    open,
  }) => {
    const hits: string[] = [];
    const remote = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' });
      res.end('window.__remote = true');
    });
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
    try {
      await open();
      await expect(page.getByTestId('app-version')).toBeVisible();
      const before = page.url();
      const outcome = await page.evaluate(async (other) => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
        const tried: Record<string, string> = {};
        const attempt = async (name: string, run: () => unknown) => {
          try {
            await run();
            tried[name] = 'ran';
          } catch (error) {
            tried[name] = (error as Error).name;
          }
        };
        // DevTools lets code it evaluates use eval, so these run in a task of the page's own.
        const later = (run: () => unknown) =>
          new Promise<void>((resolve, reject) =>
            setTimeout(() => {
              try {
                run();
                resolve();
              } catch (error) {
                reject(error as Error);
              }
            }),
          );
        await attempt('fetch', () => fetch(`${other}/fetch`));
        await attempt('eval', () => later(() => eval('1 + 1')));
        await attempt('Function', () => later(() => new Function('return 1')()));
        await attempt('import', () => import(/* @vite-ignore */ `${other}/module.js`));
        await attempt('WebSocket', () => new WebSocket(`${other.replace('http', 'ws')}/ws`));
        // Refused when it loads (a worker-src violation), not when constructed.
        later(() => new Worker(URL.createObjectURL(new Blob(['1'], { type: 'text/javascript' })))).catch(
          () => undefined,
        );
        setTimeout('window.__timerString = true', 0);
        const add = (html: string) => document.body.insertAdjacentHTML('beforeend', html);
        add(`<script src="${other}/script.js"></script>`);
        add(`<link rel="stylesheet" href="${other}/style.css">`);
        add(`<img src="${other}/image.png">`);
        add(`<iframe src="${other}/frame"></iframe>`);
        add(`<object data="${other}/object"></object>`);
        add(`<img src="data:," onerror="window.__handler = true">`);
        add(`<a id="inline-link" href="javascript:window.__jsurl = true">x</a>`);
        add(`<form id="away" method="post" action="${other}/form"><input name="k" value="v"></form>`);
        (document.getElementById('inline-link') as HTMLAnchorElement).click();
        (document.getElementById('away') as HTMLFormElement).submit();
        await new Promise((resolve) => setTimeout(resolve, 500));
        const flags = window as unknown as Record<string, unknown>;
        return {
          tried,
          remoteRan: flags.__remote === true,
          handlerRan: flags.__handler === true,
          javascriptUrlRan: flags.__jsurl === true,
          timerStringRan: flags.__timerString === true,
          violations: [...new Set(violations)].sort(),
        };
      }, origin);

      expect(outcome.tried).toMatchObject({
        fetch: 'TypeError',
        eval: 'EvalError',
        Function: 'EvalError',
        import: 'TypeError',
        WebSocket: expect.stringMatching(/SecurityError|ran/) as unknown,
      });
      expect(outcome.remoteRan).toBe(false);
      expect(outcome.handlerRan).toBe(false);
      expect(outcome.javascriptUrlRan).toBe(false);
      expect(outcome.timerStringRan).toBe(false);
      expect(outcome.violations).toEqual(
        expect.arrayContaining([
          'connect-src',
          'form-action',
          'frame-src',
          'img-src',
          'object-src',
          'script-src-attr',
          'script-src-elem',
          'style-src-elem',
          'worker-src',
        ]),
      );
      // Nothing reached the other origin, and the page did not leave.
      expect(hits).toEqual([]);
      expect(page.url()).toBe(before);
    } finally {
      const closed = new Promise<void>((resolve) => remote.close(() => resolve()));
      remote.closeAllConnections();
      await closed;
    }
  });

  test('a page that tries require, process, Node modules or to replace window.desk gets nothing', async ({
    page,
    open,
  }) => {
    await open();
    await expect(page.getByTestId('app-version')).toBeVisible();
    const outcome = await page.evaluate(async () => {
      const tried: Record<string, string> = {};
      const attempt = async (name: string, run: () => unknown) => {
        try {
          await run();
          tried[name] = 'ran';
        } catch (error) {
          tried[name] = (error as Error).name;
        }
      };
      const g = globalThis as unknown as Record<string, (...args: unknown[]) => unknown>;
      await attempt('require', () => g.require!('node:fs'));
      await attempt('process', () => (g.process as unknown as { versions: unknown }).versions);
      await attempt('module', () => (g.module as unknown as { require: unknown }).require);
      await attempt('import node:fs', () => import(/* @vite-ignore */ 'node:fs'));
      // Outside strict mode a write to a frozen object fails silently: what counts is that it did not take.
      const original = window.desk['app.info'];
      const forged = () => 'forged';
      await attempt('replace desk', () => {
        (window as unknown as { desk: unknown }).desk = { 'app.info': forged };
        if (window.desk['app.info'] !== original) throw new Error('replaced');
        throw new TypeError('refused');
      });
      await attempt('change a channel', () => {
        (window.desk as unknown as Record<string, unknown>)['app.info'] = forged;
        if (window.desk['app.info'] !== original) throw new Error('replaced');
        throw new TypeError('refused');
      });
      const info = await window.desk['app.info']({});
      return { tried, stillReal: info.ok };
    });
    expect(outcome.tried).toEqual({
      require: 'TypeError',
      process: 'TypeError',
      module: 'TypeError',
      'import node:fs': 'TypeError',
      'replace desk': 'TypeError',
      'change a channel': 'TypeError',
    });
    expect(outcome.stillReal).toBe(true);
  });
});
