import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import afterSign, { notarizeCredentials } from '../../build/notarize.mjs';

const context = (platform: string) => ({
  electronPlatformName: platform,
  appOutDir: '/tmp/release/mac-universal',
  packager: { appInfo: { productFilename: 'UAPAY Desk' } },
});

describe('notarization hook (afterSign)', () => {
  it('does nothing for Windows and Linux builds', async () => {
    const notarize = vi.fn();
    for (const platform of ['win32', 'linux']) {
      expect(await afterSign(context(platform), { env: { APPLE_KEYCHAIN_PROFILE: 'p' }, notarize })).toBe(
        'skipped',
      );
    }
    expect(notarize).not.toHaveBeenCalled();
  });

  it('skips with a message naming the variables when no Apple credentials are set', async () => {
    const notarize = vi.fn();
    const lines: string[] = [];
    const partial = { APPLE_ID: 'dev@shop.ua', APPLE_TEAM_ID: 'ABCDE12345' }; // no password
    expect(
      await afterSign(context('darwin'), { env: partial, notarize, log: (line) => lines.push(line) }),
    ).toBe('skipped');
    expect(notarize).not.toHaveBeenCalled();
    expect(lines.join('\n')).toMatch(
      /notarization skipped.*APPLE_API_KEY.*APPLE_APP_SPECIFIC_PASSWORD.*APPLE_KEYCHAIN_PROFILE/s,
    );
  });

  it('notarizes the signed app with the credentials the environment holds', async () => {
    const notarize = vi.fn(async () => undefined);
    const env = {
      APPLE_ID: 'dev@shop.ua',
      APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh',
      APPLE_TEAM_ID: 'ABCDE12345',
    };
    expect(await afterSign(context('darwin'), { env, notarize, log: () => undefined })).toBe('notarized');
    expect(notarize).toHaveBeenCalledWith({
      appPath: path.join('/tmp/release/mac-universal', 'UAPAY Desk.app'),
      appleId: 'dev@shop.ua',
      appleIdPassword: 'abcd-efgh',
      teamId: 'ABCDE12345',
    });
  });

  it('prefers an App Store Connect key, then an Apple ID, then a keychain profile', () => {
    const key = { APPLE_API_KEY: '/k/AuthKey.p8', APPLE_API_KEY_ID: 'K1', APPLE_API_ISSUER: 'I1' };
    const id = { APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' };
    expect(notarizeCredentials({ ...id, ...key, APPLE_KEYCHAIN_PROFILE: 'prof' })).toEqual({
      credentials: { appleApiKey: '/k/AuthKey.p8', appleApiKeyId: 'K1', appleApiIssuer: 'I1' },
    });
    expect(notarizeCredentials({ ...id, APPLE_KEYCHAIN_PROFILE: 'prof' })).toEqual({
      credentials: { appleId: 'a@b.c', appleIdPassword: 'p', teamId: 'T' },
    });
    expect(notarizeCredentials({ APPLE_KEYCHAIN_PROFILE: 'prof', APPLE_KEYCHAIN: 'ci.keychain' })).toEqual({
      credentials: { keychainProfile: 'prof', keychain: 'ci.keychain' },
    });
  });
});
