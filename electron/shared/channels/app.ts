import { z } from 'zod';
import type { AppInfo } from '../app';
import { phantom, type ChannelMap } from './spec';

export const appChannels = {
  'app.info': { request: z.strictObject({}), response: phantom<AppInfo>() },
} satisfies ChannelMap;
