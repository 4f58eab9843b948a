import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../electron/core/errors';
import { dispatch } from '../../../electron/core/ipc';
import { RedactionRegistry } from '../../../electron/core/secrets/redaction';
import { withoutSecrets } from '../../../electron/core/secrets/replyGuard';
import type { Handlers } from '../../../electron/shared/contract';

function appInfo(name: string) {
  return {
    name,
    version: '1',
    platform: 'linux',
    arch: 'x64',
    shell: 'harness' as const,
    keychain: { available: true, backend: 'secret-service' },
  };
}

describe('the IPC reply guard', () => {
  const registry = new RedactionRegistry();
  registry.remember('leaky-secret-value', 'retailcrm:api-key');

  it('withholds a reply that carries a secret and answers internal instead', async () => {
    const handlers = { 'app.info': async () => appInfo('key is leaky-secret-value') } as unknown as Handlers;
    const result = await dispatch(withoutSecrets(handlers, registry), 'app.info', {});
    expect(result).toEqual({ ok: false, error: { kind: 'internal', message: expect.any(String) as string } });
    expect(JSON.stringify(result)).not.toContain('leaky-secret-value');
  });

  it('withholds a typed error that carries a secret', async () => {
    const handlers = {
      'app.info': () => Promise.reject(new ValidationError('bad key leaky-secret-value')),
    } as unknown as Handlers;
    const result = await dispatch(withoutSecrets(handlers, registry), 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('leaky-secret-value');
  });

  it('passes clean replies and typed errors through unchanged', async () => {
    const ok = { 'app.info': async () => appInfo('clean') } as unknown as Handlers;
    expect(await dispatch(withoutSecrets(ok, registry), 'app.info', {})).toEqual({
      ok: true,
      value: appInfo('clean'),
    });
    const failing = {
      'app.info': () => Promise.reject(new ValidationError('just wrong')),
    } as unknown as Handlers;
    expect(await dispatch(withoutSecrets(failing, registry), 'app.info', {})).toEqual({
      ok: false,
      error: { kind: 'validation', message: 'just wrong', issues: [] },
    });
  });

  it('masks a secret in a list reply instead of failing the whole list', async () => {
    const short = new RedactionRegistry();
    short.remember('Kyiv2024', 'smtp:password');
    const orders = {
      rows: [
        { number: 'A-1', customer: 'Olena', comment: 'deliver to Kyiv2024 office' },
        { number: 'A-2', customer: 'Petro', comment: 'call first' },
      ],
    };
    const handlers = { 'orders.list': async () => orders } as unknown as Handlers;
    const result = await dispatch(withoutSecrets(handlers, short), 'orders.list', {});
    expect(result).toEqual({
      ok: true,
      value: {
        rows: [
          { number: 'A-1', customer: 'Olena', comment: 'deliver to [redacted] office' },
          { number: 'A-2', customer: 'Petro', comment: 'call first' },
        ],
      },
    });
  });

  it('still withholds a settings reply, where a masked value could be saved back', async () => {
    const short = new RedactionRegistry();
    short.remember('Kyiv2024', 'smtp:password');
    const handlers = {
      'settings.get': async () => ({ settings: { smtp: { user: 'Kyiv2024' } } }),
    } as unknown as Handlers;
    const result = await dispatch(withoutSecrets(handlers, short), 'settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});
