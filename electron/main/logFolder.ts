import { shell } from 'electron';
import { log } from '../core/log';
import type { Handlers } from '../shared/contract';

/**
 * "Open log folder" as main answers it: the core makes sure of the folder and names it, and the
 * system's file manager opens it (`shell.openPath`, which only Electron can do).
 */
export function openLogFolderHandler(core: Handlers['app.openLogFolder']): Handlers['app.openLogFolder'] {
  return async (request) => {
    const { folder } = await core(request);
    const problem = await shell.openPath(folder);
    if (problem) log.warn('the log folder could not be opened', { folder, problem });
    return { folder, opened: problem === '' };
  };
}
