import type { Notice } from '../../shared/app';
import type { SettingsFileProblem } from '../../shared/settings';

/** The `app.notice` for a settings file moved aside (texts: `notices.settings*` in the catalogues). */
export function settingsNotice(problem: SettingsFileProblem): Notice {
  return {
    level: 'warning',
    code: problem.reason === 'newer' ? 'settingsNewer' : 'settingsCorrupt',
    params: { file: problem.movedTo, ...(problem.version !== undefined && { version: problem.version }) },
  };
}
