/**
 * The callback relay on the desktop: pairing with a relay by its pairing code, and the
 * state of the one event stream this desktop keeps open to it. The token never crosses: the UI
 * learns only whether one is saved.
 */
import { z } from 'zod';
import { phantom, type ChannelMap } from './spec';

/**
 * The event stream's state.
 * - `off`: not paired.
 * - `no_token`: the relay address is set (e.g. from a team profile) but this desktop has no token
 *   of its own: paste this desktop's pairing code.
 * - `connecting` / `connected`: `since` is when this state began.
 * - `retrying`: the last attempt failed (`problem`); the next one is at `nextAttemptAt`.
 * - `unauthorized`: the relay refused the token (revoked or wrong); nothing is retried until a
 *   new code is pasted.
 */
export type RelayConnection =
  | { state: 'off' }
  | { state: 'no_token' }
  | { state: 'connecting'; since: string }
  | { state: 'connected'; since: string }
  | { state: 'retrying'; attempt: number; nextAttemptAt: string; problem: string }
  | { state: 'unauthorized'; message: string };

export type RelayConnectionState = RelayConnection['state'];

/** Counts since the app started. */
export interface RelayCounts {
  /** Events taken from the relay (each relay event once, however often it was sent). */
  received: number;
  /** Callbacks no merchant key verified: dropped, never acted on. */
  forged: number;
  /** The same callback again (UAPAY's retries): verified, but not handed on a second time. */
  duplicates: number;
  /** Callbacks whose hint (an invoices/show status check) was handled. */
  applied: number;
  /** Hints whose handling failed; the status poller still catches those payments up. */
  failed: number;
}

/** `relay.status`, and the payload of the `relay.status` event. */
export interface RelayStatus {
  paired: boolean;
  tokenSaved: boolean;
  /** The relay's origin (e.g. https://relay.example.com), when paired. */
  relayOrigin?: string;
  connection: RelayConnection;
  /** ISO: when this desktop last took an event from the relay. */
  lastEventAt?: string;
  counts: RelayCounts;
}

/** Far above a real code (~300 characters); the decoder says what is wrong with anything shorter. */
const MAX_CODE_CHARS = 8192;

export const relayChannels = {
  /** Checks the code with the relay (one catch-up call) and saves the pairing; the stream starts. */
  'relay.pair': {
    request: z.strictObject({
      code: z
        .string('The pairing code must be text.')
        .max(MAX_CODE_CHARS, 'This is too long for a pairing code.'),
    }),
    response: phantom<RelayStatus>(),
  },
  /** Forgets the relay and deletes this desktop's token; the stream stops. */
  'relay.unpair': { request: z.strictObject({}), response: phantom<RelayStatus>() },
  'relay.status': { request: z.strictObject({}), response: phantom<RelayStatus>() },
} satisfies ChannelMap;
