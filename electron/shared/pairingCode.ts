/**
 * The pairing code a manager pastes into the desktop app: one string that carries the relay's
 * callback URL (for UAPAY), the events URL and the desktop's bearer token.
 *
 *   uapaydesk-relay:<base64url of {"v":1,"callbackUrl":…,"eventsUrl":…,"token":…}>
 *
 * Pure and self-contained on purpose (no Node built-ins; only the pure loopback.ts): the relay
 * (which encodes codes) and the desktop core (which decodes them) share this one file, so they
 * cannot disagree on the format.
 *
 * The token travels to the events address on every request, so both addresses must be HTTPS;
 * plain `http:` only to this machine (the sandbox, tests, an SSH tunnel).
 */
import { isLoopbackHost } from './loopback';

export const PAIRING_CODE_PREFIX = 'uapaydesk-relay:';
const PAIRING_CODE_VERSION = 1;

/** `<tokenId>.<secret>`: 12 and 43 base64url characters (the relay's credentials.ts makes them). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{43}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Far above a real code (~300 characters); refuses a pasted novel before decoding it. */
const MAX_CODE_LENGTH = 4096;

export interface PairingInfo {
  callbackUrl: string;
  eventsUrl: string;
  token: string;
}

export type PairingCodeProblem =
  'empty' | 'prefix' | 'encoding' | 'version' | 'callbackUrl' | 'eventsUrl' | 'token';

export type PairingCodeResult = { ok: true; value: PairingInfo } | { ok: false; problem: PairingCodeProblem };

export function encodePairingCode(info: PairingInfo): string {
  const json = JSON.stringify({
    v: PAIRING_CODE_VERSION,
    callbackUrl: info.callbackUrl,
    eventsUrl: info.eventsUrl,
    token: info.token,
  });
  return PAIRING_CODE_PREFIX + toBase64Url(json);
}

/** Checks and decodes a pasted code; surrounding white space (a careless copy) is ignored. */
export function decodePairingCode(input: string): PairingCodeResult {
  const code = input.trim();
  if (code === '') return fail('empty');
  if (code.length > MAX_CODE_LENGTH || !code.startsWith(PAIRING_CODE_PREFIX)) return fail('prefix');
  const payload = code.slice(PAIRING_CODE_PREFIX.length);

  let data: unknown;
  try {
    if (!BASE64URL.test(payload)) return fail('encoding');
    data = JSON.parse(fromBase64Url(payload));
  } catch {
    return fail('encoding');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('encoding');
  const fields = data as Record<string, unknown>;
  if (fields.v !== PAIRING_CODE_VERSION) return fail('version');
  if (!isHttpUrl(fields.callbackUrl)) return fail('callbackUrl');
  if (!isHttpUrl(fields.eventsUrl)) return fail('eventsUrl');
  if (typeof fields.token !== 'string' || !TOKEN_SHAPE.test(fields.token)) return fail('token');
  return {
    ok: true,
    value: { callbackUrl: fields.callbackUrl, eventsUrl: fields.eventsUrl, token: fields.token },
  };
}

function fail(problem: PairingCodeProblem): PairingCodeResult {
  return { ok: false, problem };
}

/** HTTPS, or plain HTTP to this machine only; never with a user name or password in it. */
function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
    return secure && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on bad base64 or bytes that are not UTF-8. */
function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
