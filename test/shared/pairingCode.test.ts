import { describe, expect, it } from 'vitest';
import {
  PAIRING_CODE_PREFIX,
  decodePairingCode,
  encodePairingCode,
  type PairingInfo,
} from '../../electron/shared/pairingCode';

const info: PairingInfo = {
  callbackUrl: 'https://relay.example.com/uapay/callback/AbCdEfGhIjKlMnOpQrStUv',
  eventsUrl: 'https://relay.example.com/events/AbCdEfGhIjKlMnOpQrStUv',
  token: 'abcdefABCDEF.0123456789012345678901234567890123456789_-a',
};
const encode = (value: unknown) =>
  PAIRING_CODE_PREFIX + Buffer.from(JSON.stringify(value)).toString('base64url');

describe('pairing code', () => {
  it('round-trips, ignoring white space a copy may add', () => {
    const code = encodePairingCode(info);
    expect(code.startsWith('uapaydesk-relay:')).toBe(true);
    expect(code).toMatch(/^uapaydesk-relay:[A-Za-z0-9_-]+$/);
    expect(decodePairingCode(`  ${code}\n`)).toEqual({ ok: true, value: info });
  });

  it('is base64url of JSON with the version, so other code can read it', () => {
    const payload = encodePairingCode(info).slice(PAIRING_CODE_PREFIX.length);
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))).toEqual({ v: 1, ...info });
  });

  it('names what is wrong with a bad code', () => {
    const cases: Array<[string, string]> = [
      ['', 'empty'],
      ['hello', 'prefix'],
      [`uapaydesk-relay2:${encodePairingCode(info).slice(16)}`, 'prefix'],
      [`${PAIRING_CODE_PREFIX}not base64!`, 'encoding'],
      [`${PAIRING_CODE_PREFIX}${Buffer.from('not json').toString('base64url')}`, 'encoding'],
      [encode([1, 2]), 'encoding'],
      [encode({ ...info, v: 2 }), 'version'],
      [encode({ ...info }), 'version'],
      [encode({ v: 1, ...info, callbackUrl: 'javascript:alert(1)' }), 'callbackUrl'],
      [encode({ v: 1, ...info, callbackUrl: 'https://user:pass@relay.example.com/x' }), 'callbackUrl'],
      [encode({ v: 1, ...info, eventsUrl: 'ftp://relay.example.com/e' }), 'eventsUrl'],
      [encode({ v: 1, ...info, token: 'short.token' }), 'token'],
      [encode({ v: 1, ...info, token: undefined }), 'token'],
    ];
    for (const [code, problem] of cases)
      expect(decodePairingCode(code), code).toEqual({ ok: false, problem });
  });

  it('accepts plain http only to this machine: the token must not cross a network in clear', () => {
    const over = (origin: string) => ({
      ...info,
      callbackUrl: `${origin}/uapay/callback/AbCdEfGhIjKlMnOpQrStUv`,
      eventsUrl: `${origin}/events/AbCdEfGhIjKlMnOpQrStUv`,
    });
    for (const origin of [
      'http://127.0.0.1:4030',
      'http://localhost:4030',
      'http://[::1]:4030',
      'http://127.0.0.2',
    ])
      expect(decodePairingCode(encodePairingCode(over(origin))).ok, origin).toBe(true);
    for (const origin of [
      'http://relay.example.com',
      'http://10.0.0.5:4030',
      'http://localhost.attacker.example',
    ])
      expect(decodePairingCode(encodePairingCode(over(origin))), origin).toEqual({
        ok: false,
        problem: 'callbackUrl',
      });
    expect(
      decodePairingCode(encodePairingCode({ ...info, eventsUrl: 'http://relay.example.com/events/AbCd' })),
    ).toEqual({ ok: false, problem: 'eventsUrl' });
  });
});
