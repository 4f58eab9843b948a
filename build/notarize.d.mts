/** Types of notarize.mjs (plain JavaScript, because electron-builder loads the hook itself). */
export type NotarizeCredentials =
  | { appleApiKey: string; appleApiKeyId: string; appleApiIssuer: string }
  | { appleId: string; appleIdPassword: string; teamId: string }
  | { keychainProfile: string; keychain?: string };
export type Notarize = (options: { appPath: string } & NotarizeCredentials) => Promise<void>;
export function notarizeCredentials(
  env: Record<string, string | undefined>,
): { credentials: NotarizeCredentials } | { missing: string };
export default function afterSign(
  context: {
    electronPlatformName: string;
    appOutDir: string;
    packager: { appInfo: { productFilename: string } };
  },
  deps?: {
    env?: Record<string, string | undefined>;
    notarize?: Notarize;
    log?: (line: string) => void;
  },
): Promise<'notarized' | 'skipped'>;
