import type { Handlers } from '../../shared/contract';
import { ensureLogFolder, logFolder } from '../logFile';
import type { SecretStore } from '../secrets/keychain';

export interface AppInfoDeps {
  appName: string;
  appVersion: string;
  shell: 'electron' | 'harness';
  secrets: SecretStore;
  userDataDir: string;
}

export function appHandlers(deps: AppInfoDeps): Pick<Handlers, 'app.info' | 'app.openLogFolder'> {
  return {
    'app.info': async () => ({
      name: deps.appName,
      version: deps.appVersion,
      platform: process.platform,
      arch: process.arch,
      shell: deps.shell,
      keychain: await deps.secrets.status(),
      logFolder: logFolder(deps.userDataDir),
    }),
    // Only main can open a file manager (electron/main/logFolder.ts wraps this); here the folder
    // is made sure of and named, which is all the browser harness can do.
    'app.openLogFolder': async () => ({ folder: await ensureLogFolder(deps.userDataDir), opened: false }),
  };
}
