import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Channel ids and desktop tokens. A channel id is the unguessable part of the callback URL
 * (128 random bits). A desktop token is `<tokenId>.<secret>`: the id (72 bits) finds the record
 * and is safe to show in lists and logs; the secret (256 bits) is never stored, only its SHA-256
 * (enough for random 256-bit secrets: no password stretching is needed), and is compared in
 * constant time.
 */
export const CHANNEL_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const TOKEN_ID_PATTERN = /^[A-Za-z0-9_-]{12}$/;
export const TOKEN_PATTERN = /^([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{43})$/;

export function newChannelId(): string {
  return randomId(16);
}

/**
 * Random bytes as base64url, redrawn while the id would start with "-" or "_": an id that starts
 * with "-" reads as an option on the command line (`relay revoke -x…`).
 */
function randomId(bytes: number): string {
  for (;;) {
    const id = randomBytes(bytes).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

export interface NewToken {
  tokenId: string;
  /** The whole bearer token, shown once at pairing. */
  token: string;
  /** SHA-256 of the whole token: what the store keeps. */
  hash: Buffer;
}

export function newToken(): NewToken {
  const tokenId = randomId(9);
  const token = `${tokenId}.${randomBytes(32).toString('base64url')}`;
  return { tokenId, token, hash: sha256(token) };
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The token id of a well-formed bearer token, or undefined. */
export function tokenIdOf(token: string): string | undefined {
  return TOKEN_PATTERN.exec(token)?.[1];
}

/** Constant-time check of a presented token against a stored hash. */
export function tokenMatches(token: string, storedHash: Buffer): boolean {
  const presented = sha256(token);
  return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
}

/** Constant-time comparison of two secrets of any length (the admin token). */
export function secretEquals(presented: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time tells nothing about `expected`.
  return timingSafeEqual(sha256(presented), sha256(expected));
}

/** The bearer credential of an Authorization header, or undefined. */
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
