/**
 * What the relay accepts as a UAPAY callback body. The relay holds no merchant key, so it cannot
 * verify the signature (the desktop does); it only refuses what cannot be a callback, so junk
 * is never stored nor handed to the desktops.
 *
 * Reference §5: the body is JSON `{"token": "<JWT>"}`, the JWT's header `{"alg":"HS256","typ":"JWT"}`
 * (§2.3). Legacy callbacks were RS512, so any `alg` is let through; the desktop decides.
 */

/**
 * UNCERTAIN (reference §5 shows only `token`): whether UAPAY ever adds members beside `token`.
 * Tolerated, so a new field does not turn every callback into a 400 that UAPAY retries in vain.
 */
export const ALLOW_EXTRA_MEMBERS = true;

const JWT_SHAPE = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

export type BodyCheck = { ok: true; body: string } | { ok: false; reason: string };

export function checkCallbackBody(raw: Buffer): BodyCheck {
  let body: string;
  try {
    body = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return { ok: false, reason: 'The body is not UTF-8.' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'The body is not JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'The body is not a JSON object.' };
  }
  const members = Object.keys(parsed);
  if (!ALLOW_EXTRA_MEMBERS && members.length !== 1) return { ok: false, reason: 'Unexpected members.' };
  const token = (parsed as Record<string, unknown>).token;
  if (typeof token !== 'string') return { ok: false, reason: 'The body has no "token" string.' };
  const parts = JWT_SHAPE.exec(token);
  if (!parts || !isJsonObject(parts[1]!) || !isJsonObject(parts[2]!)) {
    return { ok: false, reason: 'The token is not a JWT.' };
  }
  const header = JSON.parse(base64url(parts[1]!)) as Record<string, unknown>;
  if (typeof header.alg !== 'string' || header.alg === 'none') {
    return { ok: false, reason: 'The token is not signed.' };
  }
  return { ok: true, body };
}

function base64url(part: string): string {
  return Buffer.from(part, 'base64url').toString('utf8');
}

function isJsonObject(part: string): boolean {
  try {
    const value: unknown = JSON.parse(base64url(part));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
