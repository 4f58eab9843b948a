/** The shop's e-mail sender (Settings → E-mail sender): a test letter proves it works. */
import { z } from 'zod';
import { phantom, type ChannelMap } from './spec';

export const mailChannels = {
  'mail.sendTest': {
    request: z.strictObject({ to: z.string('The address must be text.').max(320) }),
    response: phantom<{ messageId: string }>(),
  },
} satisfies ChannelMap;
