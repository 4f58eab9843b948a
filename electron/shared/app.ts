/** What `app.info` answers: enough for the status bar and for support requests. */
export interface KeychainStatus {
  available: boolean;
  /** The store in use, e.g. `secret-service`, `macos-keychain`, `windows-credential-manager`. */
  backend: string;
  /** Why it is unavailable, in the store's own words (never contains a secret). */
  problem?: string;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  arch: string;
  /** `electron` in the desktop app, `harness` when the core is served to a browser for tests. */
  shell: 'electron' | 'harness';
  keychain: KeychainStatus;
  /** Where the log files are (the user-data folder's `logs`): what support asks a person to send. */
  logFolder: string;
}

/** A notice from the core that the renderer shows in words from its catalogues. */
export interface Notice {
  level: 'info' | 'warning' | 'error';
  /** An i18n key under `notices.` */
  code: string;
  params?: Record<string, string | number>;
}
