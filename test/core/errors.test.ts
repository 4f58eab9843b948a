import { describe, expect, it } from 'vitest';
import { networkFailure, neverSent } from '../../electron/core/errors';

describe('network failures', () => {
  it('knows a request that never left (no connection) from one whose fate is unknown', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'])
      expect(neverSent(networkFailure('uapay', { code }))).toBe(true);
    // Reset or timed out after sending, or no code at all: UAPAY may have run it.
    for (const code of ['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', undefined])
      expect(neverSent(networkFailure('uapay', { code }))).toBe(false);
  });
});
