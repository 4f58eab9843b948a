import { z } from 'zod';
import type { AppInfo } from '../app';
import { phantom, type ChannelMap } from './spec';

/** `app.openLogFolder`: the folder, and whether a file manager was opened on it (only main can). */
export interface LogFolderResult {
  folder: string;
  opened: boolean;
}

export const appChannels = {
  'app.info': { request: z.strictObject({}), response: phantom<AppInfo>() },
  /** "Open log folder" (Settings → About): main opens it with the system's file manager. */
  'app.openLogFolder': { request: z.strictObject({}), response: phantom<LogFolderResult>() },
} satisfies ChannelMap;
