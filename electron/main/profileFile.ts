/**
 * Opening a team profile file (`.uapaydesk`, registered by the installers in electron-builder.yml):
 * the file arrives as an argument (Windows, Linux; a second start hands its arguments over in
 * 'second-instance') or as macOS's 'open-file' event, possibly before the app is ready. Its text
 * is previewed and imported through the core's ordinary `profile.preview` and `profile.import`:
 * the person always sees every change side by side first, and the outcome after.
 */
import { once } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, type BrowserWindow } from 'electron';
import type { Desk } from '../core/desk';
import { dispatch } from '../core/ipc';
import { log } from '../core/log';
import type { DeskError, Result } from '../shared/errors';
import { MAX_PROFILE_CHARS, type ProfilePreview, type SettingsView } from '../shared/settings';
import { describePreview, PROFILE_TEXT } from './profileText';

const PROFILE_EXTENSION = '.uapaydesk';

/**
 * The team profile named on a command line (the last one, as a shell passes a double-click). The
 * Linux .desktop entry passes `%U`, so a file manager may hand over a `file://` URL instead of a path.
 */
export function profileFileIn(argv: readonly string[]): string | undefined {
  const arg = argv.findLast((a) => !a.startsWith('-') && a.toLowerCase().endsWith(PROFILE_EXTENSION));
  if (!arg?.startsWith('file://')) return arg;
  try {
    return fileURLToPath(arg);
  } catch {
    return undefined;
  }
}

/** Reads a profile file's text, or says why it cannot be a profile. */
async function readProfileFile(file: string): Promise<Result<string>> {
  try {
    // A character is at most 4 bytes of UTF-8: anything larger cannot be a profile, so it is not read.
    if ((await stat(file)).size > MAX_PROFILE_CHARS * 4)
      return refused('The file is too large for a team profile.');
    // Editors on Windows may start the file with a byte-order mark, which JSON does not allow.
    return { ok: true, value: (await readFile(file, 'utf8')).replace(/^\uFEFF/, '') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return refused(`The file could not be read (${reason}).`);
  }
}

function refused(message: string): Result<never> {
  return { ok: false, error: { kind: 'validation', message, issues: [] } };
}

export type ProfileOutcome = 'imported' | 'cancelled' | 'failed';

export interface ProfileTarget {
  desk: Pick<Desk, 'handlers' | 'updates'>;
  window: () => BrowserWindow;
}

/**
 * Collects profile files from the moment the app starts, and handles them one at a time once
 * `attach` gives it the core and the window.
 */
export class ProfileFiles {
  private readonly waiting: string[] = [];
  private target: ProfileTarget | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /** Must run before the app is ready: macOS sends 'open-file' for the file that started it. */
  static watch(argv: readonly string[] = process.argv.slice(1)): ProfileFiles {
    const files = new ProfileFiles();
    app.on('open-file', (event, file) => {
      event.preventDefault();
      void files.open(file);
    });
    app.on('second-instance', (_event, secondArgv) => {
      const file = profileFileIn(secondArgv);
      if (file) void files.open(file);
    });
    const file = profileFileIn(argv);
    if (file) void files.open(file);
    return files;
  }

  attach(target: ProfileTarget): Promise<unknown> {
    this.target = target;
    for (const file of this.waiting.splice(0)) void this.open(file);
    return this.queue;
  }

  /** Resolves when this file was handled; `undefined` while the app is not attached yet. */
  open(file: string): Promise<ProfileOutcome | undefined> {
    const target = this.target;
    if (!target) {
      this.waiting.push(file);
      return Promise.resolve(undefined);
    }
    const handled = this.queue.then(() => handle(target, file));
    this.queue = handled.catch((error: unknown) => log.error('profile file: failed', { error }));
    return handled;
  }
}

async function handle({ desk, window: getWindow }: ProfileTarget, file: string): Promise<ProfileOutcome> {
  const before = (await dispatch(desk.handlers, 'settings.get', {})) as Result<SettingsView>;
  const text = PROFILE_TEXT[before.ok ? before.value.settings.language : 'uk'];
  const name = path.basename(file);
  const window = getWindow();
  if (!window.isVisible()) await once(window, 'show');
  const fail = async (error: DeskError): Promise<ProfileOutcome> => {
    log.warn('profile file: not imported', { file: name, kind: error.kind });
    await dialog.showMessageBox(window, {
      type: 'error',
      message: text.failedMessage(name),
      detail: error.message,
    });
    return 'failed';
  };
  // The profile is the person's own shop: Demo mode ends first (when they agree), so that what is
  // compared and replaced below is their own setup, not the Demo one.
  /** Yes (the first button) or no; `detail` questions default to no, so Enter is never a slip. */
  const ask = async (yes: string, message: string, detail?: string) =>
    (
      await dialog.showMessageBox(window, {
        type: 'question',
        buttons: [yes, text.cancelButton],
        defaultId: detail === undefined ? 0 : 1,
        cancelId: 1,
        message,
        ...(detail !== undefined && { detail }),
      })
    ).response === 0;
  if (before.ok && before.value.settings.demoMode) {
    if (!(await ask(text.continueButton, text.leaveDemoMessage(name)))) return 'cancelled';
    await dispatch(desk.handlers, 'demo.stop', {});
  }
  const read = await readProfileFile(file);
  if (!read.ok) return fail(read.error);
  // Always asked, with every change side by side, before anything changes (also on a fresh install).
  const preview = (await dispatch(desk.handlers, 'profile.preview', {
    text: read.value,
  })) as Result<ProfilePreview>;
  if (!preview.ok) return fail(preview.error);
  if (!(await ask(text.importButton, text.confirmMessage(name), describePreview(preview.value, text))))
    return 'cancelled';
  const result = (await dispatch(desk.handlers, 'profile.import', {
    text: read.value,
  })) as Result<SettingsView>;
  if (!result.ok) return fail(result.error);
  log.info('profile file: imported', { file: name });
  // The page shows the settings it loaded; it loads them again, now with the profile's.
  window.webContents.reload();
  // The profile may have set the update feed.
  void desk.updates.check();
  await dialog.showMessageBox(window, {
    type: 'info',
    message: text.importedMessage(name),
    detail: text.importedDetail,
  });
  return 'imported';
}
