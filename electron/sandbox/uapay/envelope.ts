/**
 * The request and reply envelopes (reference §2.2, §2.4, §2.5).
 * Request: `{params, data?, iat, token}` where `token` signs exactly `{params, data?, iat}`. The
 * verified token payload is the truth; the plain copies are tolerated and ignored (§2.2, §8.4).
 * Reply: `{"status":1,"data":{"token":"<JWT of result + iat>"}}`, signed with the same merchant key.
 */
import { ERROR_CODE, UapayApiError } from './errors';
import { isObject, type Json } from './fields';
import { peekToken, signToken, verifyToken } from './jwt';
import { unixSeconds } from './time';

/** Documented (§2.4): the request's `iat` may differ from UAPAY's clock by at most 20 seconds. */
const IAT_WINDOW_MS = 20_000;

export interface PeekedEnvelope {
  token?: string;
  /** Whether `token` decoded as a JWT; `params`/`data` then come from its (not yet verified) payload. */
  decoded: boolean;
  params: Json;
  data: Json;
}

export interface SuccessBody {
  status: 1;
  data: { token: string };
}

/** What the request claims, before any check: used to find the merchant, count calls and match faults. */
export function peekEnvelope(body: unknown): PeekedEnvelope {
  const plain = isObject(body) ? body : {};
  const token = typeof plain.token === 'string' && plain.token !== '' ? plain.token : undefined;
  const payload = token === undefined ? undefined : peekToken(token);
  const source = payload ?? plain;
  return {
    token,
    decoded: payload !== undefined,
    params: isObject(source.params) ? source.params : {},
    data: isObject(source.data) ? source.data : {},
  };
}

/** Rejects a request without a readable token (our UNCERTAIN TOKEN_ERROR). */
export function requireToken(envelope: PeekedEnvelope): string {
  if (envelope.token === undefined) throw new UapayApiError(ERROR_CODE.token, 'Token is required');
  if (!envelope.decoded) throw new UapayApiError(ERROR_CODE.token, 'Token is malformed');
  return envelope.token;
}

/** Verifies the signature with the merchant key, then the `iat` window against the fake's clock. */
export async function openEnvelope(
  token: string,
  secretKey: string,
  nowMs: number,
): Promise<{ params: Json; data: Json }> {
  const payload = await verifyToken(token, secretKey);
  if (!payload) throw new UapayApiError(ERROR_CODE.token, 'Token signature is invalid');
  const iat = payload.iat;
  // A missing iat is also a creation-time problem: TIMELIMIT_ERROR (our choice, §2.4 names no other).
  if (typeof iat !== 'number' || !Number.isFinite(iat) || Math.abs(iat * 1000 - nowMs) > IAT_WINDOW_MS) {
    throw new UapayApiError(ERROR_CODE.timeLimit);
  }
  return {
    params: isObject(payload.params) ? payload.params : {},
    data: isObject(payload.data) ? payload.data : {},
  };
}

export async function successBody(result: Json, secretKey: string, nowMs: number): Promise<SuccessBody> {
  const token = await signToken({ ...result, iat: unixSeconds(nowMs) }, secretKey);
  return { status: 1, data: { token } };
}
