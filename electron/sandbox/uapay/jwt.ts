/**
 * HS256 JWTs as UAPAY makes them (reference §2.3): header {"alg":"HS256","typ":"JWT"} in that
 * order, no exp/nbf/iss/aud. The merchant's key string is the HMAC key as is — its UTF-8 bytes,
 * never base64-decoded (§2.1: every implementation does this).
 */
import { compactVerify, decodeJwt, SignJWT } from 'jose';
import { isObject, type Json } from './fields';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function keyBytes(secretKey: string): Uint8Array {
  return encoder.encode(secretKey);
}

export async function signToken(payload: Json, secretKey: string): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(keyBytes(secretKey));
}

/** The payload when the signature matches the key, else undefined. Claims are checked by the caller. */
export async function verifyToken(token: string, secretKey: string): Promise<Json | undefined> {
  try {
    const { payload } = await compactVerify(token, keyBytes(secretKey), { algorithms: ['HS256'] });
    const parsed: unknown = JSON.parse(decoder.decode(payload));
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The payload without checking the signature: only to learn whose key to check it with. */
export function peekToken(token: string): Json | undefined {
  try {
    return decodeJwt(token) as Json;
  } catch {
    return undefined;
  }
}
