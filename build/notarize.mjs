// @ts-check
/**
 * electron-builder's afterSign hook (electron-builder.yml): notarizes the signed macOS app with
 * Apple when credentials are in the environment, and says plainly that it did not otherwise. On
 * Windows and Linux it does nothing. Credentials, first complete set wins:
 *   APPLE_API_KEY (path to the .p8 file) + APPLE_API_KEY_ID + APPLE_API_ISSUER   (App Store Connect key)
 *   APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID                       (Apple ID)
 *   APPLE_KEYCHAIN_PROFILE [+ APPLE_KEYCHAIN]                                    (notarytool profile)
 */
import path from 'node:path';

/**
 * @typedef {{ appleApiKey: string, appleApiKeyId: string, appleApiIssuer: string }
 *   | { appleId: string, appleIdPassword: string, teamId: string }
 *   | { keychainProfile: string, keychain?: string }} NotarizeCredentials
 * @typedef {(options: { appPath: string } & NotarizeCredentials) => Promise<void>} Notarize
 */

/**
 * The credentials the environment holds, or why there are none.
 * @param {Record<string, string | undefined>} env
 * @returns {{ credentials: NotarizeCredentials } | { missing: string }}
 */
export function notarizeCredentials(env) {
  const { APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER } = env;
  if (APPLE_API_KEY && APPLE_API_KEY_ID && APPLE_API_ISSUER) {
    return {
      credentials: {
        appleApiKey: APPLE_API_KEY,
        appleApiKeyId: APPLE_API_KEY_ID,
        appleApiIssuer: APPLE_API_ISSUER,
      },
    };
  }
  const { APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID } = env;
  if (APPLE_ID && APPLE_APP_SPECIFIC_PASSWORD && APPLE_TEAM_ID) {
    return {
      credentials: { appleId: APPLE_ID, appleIdPassword: APPLE_APP_SPECIFIC_PASSWORD, teamId: APPLE_TEAM_ID },
    };
  }
  if (env.APPLE_KEYCHAIN_PROFILE) {
    return {
      credentials: {
        keychainProfile: env.APPLE_KEYCHAIN_PROFILE,
        ...(env.APPLE_KEYCHAIN && { keychain: env.APPLE_KEYCHAIN }),
      },
    };
  }
  return {
    missing:
      'set APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + ' +
      'APPLE_TEAM_ID, or APPLE_KEYCHAIN_PROFILE',
  };
}

/**
 * @param {{ electronPlatformName: string, appOutDir: string,
 *   packager: { appInfo: { productFilename: string } } }} context
 * @param {{ env?: Record<string, string | undefined>, notarize?: Notarize, log?: (line: string) => void }} [deps]
 *   tests pass their own; electron-builder passes only the context
 * @returns {Promise<'notarized' | 'skipped'>}
 */
export default async function afterSign(context, deps = {}) {
  const { env = process.env, log = (line) => console.log(line) } = deps;
  if (context.electronPlatformName !== 'darwin') return 'skipped';
  const appPath = path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  const found = notarizeCredentials(env);
  if ('missing' in found) {
    log(
      `  • notarization skipped: no Apple credentials (${found.missing}). The app is not notarized: ` +
        'Gatekeeper will warn on other Macs.',
    );
    return 'skipped';
  }
  const notarize = deps.notarize ?? (await import('@electron/notarize')).notarize;
  log(`  • notarizing ${appPath} with Apple (this takes a few minutes)`);
  await notarize({ appPath, ...found.credentials });
  log('  • notarized');
  return 'notarized';
}
