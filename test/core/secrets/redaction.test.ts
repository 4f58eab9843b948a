import { afterEach, describe, expect, it, vi } from 'vitest';
import { log } from '../../../electron/core/log';
import {
  assertNoSecrets,
  MASK,
  redactions,
  RedactionRegistry,
  SecretLeakError,
} from '../../../electron/core/secrets/redaction';

describe('the redaction registry', () => {
  it('masks a secret as is, JSON-escaped and URL-encoded', () => {
    const registry = new RedactionRegistry();
    registry.remember('p@ss "word"/1+2 x', 'smtp:password');
    const text = [
      'raw p@ss "word"/1+2 x',
      `json ${JSON.stringify({ pass: 'p@ss "word"/1+2 x' })}`,
      `url ?k=${encodeURIComponent('p@ss "word"/1+2 x')}`,
      `form ${new URLSearchParams({ k: 'p@ss "word"/1+2 x' }).toString()}`,
    ].join('\n');
    const masked = registry.mask(text);
    expect(masked).not.toMatch(/word/);
    expect(masked.split(MASK)).toHaveLength(5);
  });

  it('masks the longer of two overlapping secrets whole', () => {
    const registry = new RedactionRegistry();
    registry.remember('abcd', 'a');
    registry.remember('abcdefgh', 'b');
    expect(registry.mask('key=abcdefgh')).toBe(`key=${MASK}`);
  });

  it('ignores values too short to tell from ordinary text', () => {
    const registry = new RedactionRegistry();
    registry.remember('abc', 'x');
    expect(registry.size).toBe(0);
    expect(registry.mask('abc')).toBe('abc');
  });

  it('finds secrets anywhere in plain data, naming the account and not the value', () => {
    const registry = new RedactionRegistry();
    registry.remember('merchant-secret-9', 'merchant:1:secret-key');
    expect(registry.find({ a: [{ b: 'x merchant-secret-9 y' }] })).toEqual(['merchant:1:secret-key']);
    expect(registry.find({ a: 'nothing here' })).toEqual([]);
    expect(() => assertNoSecrets({ note: 'merchant-secret-9' }, 'The reply', registry)).toThrow(
      new SecretLeakError('The reply', ['merchant:1:secret-key']),
    );
    expect(() => assertNoSecrets({ note: 'fine' }, 'The reply', registry)).not.toThrow();
  });
});

describe('log lines', () => {
  afterEach(() => vi.restoreAllMocks());

  function captureStderr(): string[] {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    return lines;
  }

  it('never contain a secret the app has seen, in the message, a field or an error', () => {
    redactions.remember('crm-api-key-for-log-test', 'retailcrm:api-key');
    redactions.remember('quote"and\\slash-secret', 'smtp:password');
    const lines = captureStderr();
    log.error('request to https://x.retailcrm.ru/api?apiKey=crm-api-key-for-log-test failed', {
      headers: { 'X-API-KEY': 'crm-api-key-for-log-test' },
      error: new Error('auth failed for quote"and\\slash-secret'),
    });
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(line).not.toContain('crm-api-key-for-log-test');
    expect(line).not.toContain('slash-secret');
    const parsed = JSON.parse(line) as {
      message: string;
      headers: Record<string, string>;
      error: { message: string };
    };
    expect(parsed.headers['X-API-KEY']).toBe(MASK);
    expect(parsed.message).toContain(`apiKey=${MASK}`);
    expect(parsed.error.message).toBe(`auth failed for ${MASK}`);
  });
});
