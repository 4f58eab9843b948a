/**
 * What the renderer may load and run: the Content Security Policy itself, and the header main's
 * app:// handler adds to every page (the browser harness gets the same policy from the built
 * index.html meta; test/browser/security.spec.ts checks a real Chromium enforces it).
 */
import { describe, expect, it, vi } from 'vitest';
import type { ElectronMock } from '../support/electronMock';
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp';

vi.mock('electron', async () => (await import('../support/electronMock')).createElectronMock());
const electron = (await import('electron')) as unknown as ElectronMock;
const { serveRenderer } = await import('../../electron/main/protocol');

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('the Content Security Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('denies by default and names every fetch directive the page could use', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    for (const name of ['script-src', 'style-src', 'connect-src', 'img-src', 'font-src']) {
      expect(policy.has(name), name).toBe(true);
    }
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('allows no inline code, no eval and no remote origin anywhere', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        // Only the app's own origin, nothing, or (images) data: URLs.
        expect(["'self'", "'none'", ...(name === 'img-src' ? ['data:'] : [])], `${name} ${source}`).toContain(
          source,
        );
      }
    }
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('is sent by main with every app:// page, with frame-ancestors none and nosniff', async () => {
    electron.net.fetch.mockResolvedValue(new Response('<!doctype html>', { status: 200 }) as never);
    serveRenderer('/app/dist/renderer');
    const handler = electron.protocol.handle.mock.lastCall?.[1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://desk/index.html'));
    expect(response.headers.get('content-security-policy')).toBe(
      `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
