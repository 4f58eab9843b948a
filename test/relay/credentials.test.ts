import { describe, expect, it } from 'vitest';
import {
  CHANNEL_ID_PATTERN,
  TOKEN_PATTERN,
  bearerOf,
  newChannelId,
  newToken,
  secretEquals,
  sha256,
  tokenIdOf,
  tokenMatches,
} from '../../electron/relay/credentials';

describe('relay credentials', () => {
  it('makes channel ids and tokens of the documented shape, never starting with an option dash', () => {
    for (let i = 0; i < 2000; i++) {
      const channel = newChannelId();
      const { tokenId, token } = newToken();
      expect(channel).toMatch(CHANNEL_ID_PATTERN);
      expect(token).toMatch(TOKEN_PATTERN);
      expect(tokenIdOf(token)).toBe(tokenId);
      expect(channel[0]).toMatch(/[A-Za-z0-9]/);
      expect(tokenId[0]).toMatch(/[A-Za-z0-9]/);
    }
  });

  it('keeps only the SHA-256 of a token and checks a presented token against it', () => {
    const { token, hash } = newToken();
    expect(hash.equals(sha256(token))).toBe(true);
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(`${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`, hash)).toBe(false);
    expect(tokenMatches(newToken().token, hash)).toBe(false);
  });

  it('compares admin secrets and reads bearer headers', () => {
    expect(secretEquals('a-long-admin-secret', 'a-long-admin-secret')).toBe(true);
    expect(secretEquals('a-long-admin-secre', 'a-long-admin-secret')).toBe(false);
    expect(bearerOf('Bearer abc.def')).toBe('abc.def');
    expect(bearerOf('bearer  abc ')).toBe('abc');
    expect(bearerOf('Basic abc')).toBeUndefined();
    expect(bearerOf(undefined)).toBeUndefined();
  });
});
