/**
 * Demo mode: the sandbox (faithful fakes of RetailCRM and UAPAY, and a mail catcher) runs inside
 * the app with seeded orders, in a workspace of its own. Nothing real is charged, and the person's
 * own settings and keys stay as they were.
 */
import { z } from 'zod';
import type { SettingsView } from '../settings';
import { phantom, type ChannelMap } from './spec';

/** A letter the Demo shop "sent", as the Demo mailbox lists it. */
export interface DemoLetter {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The links in the letter (the payment link opens the sandbox's payment page). */
  links: string[];
}

export const demoChannels = {
  'demo.start': { request: z.strictObject({}), response: phantom<SettingsView>() },
  'demo.stop': { request: z.strictObject({}), response: phantom<SettingsView>() },
  'demo.mailbox': { request: z.strictObject({}), response: phantom<DemoLetter[]>() },
} satisfies ChannelMap;
