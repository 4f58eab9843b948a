/**
 * The request envelope and reply reading of reference §2. Requests are `{params, data, iat,
 * token}` where token is an HS256 JWT over `{params, data, iat}`, keyed with the merchant's key
 * string as it is (its UTF-8 bytes; nobody base64-decodes it, §2.1). Replies carry the result in
 * `data.token`, signed with the same key; a reply that does not verify is an error, not data.
 */
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { LOCAL_CODES, UapayError } from './errors';

export interface Envelope {
  params: Record<string, unknown>;
  data?: Record<string, unknown>;
  iat: number;
  token: string;
}

const keyBytes = (secretKey: string) => new TextEncoder().encode(secretKey);

export async function signRequest(
  secretKey: string,
  params: Record<string, unknown>,
  data: Record<string, unknown> | undefined,
  nowMs: number,
): Promise<Envelope> {
  const iat = Math.floor(nowMs / 1000);
  const payload = { params, ...(data && { data }), iat };
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(keyBytes(secretKey));
  return { ...payload, token };
}

export async function verifyToken(secretKey: string, token: string): Promise<Record<string, unknown>> {
  try {
    const { payload } = await jwtVerify(token, keyBytes(secretKey), { algorithms: ['HS256'] });
    return payload;
  } catch (error) {
    const why = error instanceof joseErrors.JOSEError ? error.code : 'unreadable token';
    throw new UapayError(
      LOCAL_CODES.badSignature,
      `UAPAY's reply did not verify with the merchant key (${why}).`,
    );
  }
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  fields?: unknown;
}

/** A reply's result fields, and whether they came inside a token signed with the merchant key. */
export interface Reply {
  fields: Record<string, unknown>;
  /**
   * Only a signed reply is proof (reference §2.5): an unsigned `status: 1` may come from anything
   * between us and UAPAY, so money is never decided from it.
   */
  signed: boolean;
  /** A signed reply's `iat` (Unix seconds), when it carries one (§2.5: "apparently"). */
  issuedAt?: number;
}

/**
 * The result fields of a reply, or a UapayError. Success is `status` 1 (number or string, §2.5
 * CONFLICT) with `data.token`; the decoded variant with plain `data.*` is read only when it
 * carries no token at all (reference §2.5: some clients see unsigned replies), and marked unsigned.
 */
export async function readReply(secretKey: string, body: unknown): Promise<Reply> {
  if (!isObject(body))
    throw new UapayError(LOCAL_CODES.badReply, 'UAPAY answered with something other than JSON.');
  const error = body.error as ErrorBody | undefined;
  if (isObject(error) || Number(body.status) === 0) {
    const code = typeof error?.code === 'string' ? error.code : 'UNKNOWN_ERROR';
    const message = typeof error?.message === 'string' ? error.message : '';
    return Promise.reject(new UapayError(code, message, readFields(error?.fields)));
  }
  if (Number(body.status) !== 1)
    throw new UapayError(LOCAL_CODES.badReply, 'UAPAY answered without a status.');
  const data = body.data;
  if (isObject(data) && typeof data.token === 'string') {
    const fields = await verifyToken(secretKey, data.token);
    const { iat } = fields;
    delete fields.iat;
    return { fields, signed: true, ...(typeof iat === 'number' && { issuedAt: iat }) };
  }
  return { fields: isObject(data) ? data : {}, signed: false };
}

function readFields(fields: unknown) {
  if (!isObject(fields)) return undefined;
  const pick = (part: unknown) =>
    isObject(part) ? Object.fromEntries(Object.entries(part).map(([k, v]) => [k, String(v)])) : undefined;
  return { params: pick(fields.params), data: pick(fields.data) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
