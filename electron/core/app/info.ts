import type { Handlers } from '../../shared/contract';
import type { SecretStore } from '../secrets/keychain';

export interface AppInfoDeps {
  appName: string;
  appVersion: string;
  shell: 'electron' | 'harness';
  secrets: SecretStore;
}

export function appHandlers(deps: AppInfoDeps): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async () => ({
      name: deps.appName,
      version: deps.appVersion,
      platform: process.platform,
      arch: process.arch,
      shell: deps.shell,
      keychain: await deps.secrets.status(),
    }),
  };
}
