/**
 * The workspace's background round (electron/core/background/round.ts): what the journal shows
 * open is finished, payments UAPAY may still move are checked, RetailCRM's changes are read, all
 * without anyone clicking. The status bar shows when it last ran, when it runs next and what
 * went wrong last.
 */
import { z } from 'zod';
import { phantom, type ChannelMap } from './spec';

/**
 * - `off`: this core runs no background round (only a test or a benchmark builds one so).
 * - `not_set_up`: no RetailCRM account yet; the round looks again at each interval.
 * - `ok`: the last round did everything it set out to do.
 * - `failing`: the last round hit a problem (`lastFailure`); the next one runs on time.
 * - `unreachable`: RetailCRM or UAPAY could not be reached; rounds back off until it answers.
 */
export type BackgroundState = 'off' | 'not_set_up' | 'ok' | 'failing' | 'unreachable';

export interface BackgroundFailure {
  /** ISO. */
  at: string;
  /** The step that failed: reading RetailCRM's changes, status sync with UAPAY, or the round itself. */
  step: 'refresh' | 'sync' | 'round';
  service?: 'retailcrm' | 'uapay';
  /** The service gave no usable answer (no connection, a timeout, a 5xx): the rounds back off. */
  unreachable: boolean;
  /** The service's or our own words, for the tooltip and support (never a secret). */
  message: string;
  /** Status sync: the merchants (our ids) UAPAY could not be asked about. */
  merchantIds?: string[];
}

/** `background.status`, and the payload of the `background.status` event (after every round). */
export interface BackgroundStatus {
  state: BackgroundState;
  /** A round runs now. */
  running: boolean;
  /** The timing in force: a round every `roundMs`, RetailCRM's changes read every `refreshMs`. */
  roundMs?: number;
  refreshMs?: number;
  /** ISO: when the last round ended. */
  lastRoundAt?: string;
  /** ISO: when the next round starts (later than `roundMs` while backing off). */
  nextRoundAt?: string;
  /** Operations the journal still shows open after the last round (being finished). */
  openOperations: number;
  /** The latest problem, kept after later rounds succeed (its `at` tells how old it is). */
  lastFailure?: BackgroundFailure;
}

export const backgroundChannels = {
  'background.status': { request: z.strictObject({}), response: phantom<BackgroundStatus>() },
} satisfies ChannelMap;

export const backgroundEvents = {
  'background.status': phantom<BackgroundStatus>(),
};
