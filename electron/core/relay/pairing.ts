import {
  decodePairingCode,
  PAIRING_CODE_PREFIX,
  type PairingCodeProblem,
  type PairingInfo,
} from '../../shared/pairingCode';
import { NetworkError, PairingError } from '../errors';
import { fetchEventsAfter, RelayCallError } from './relayApi';

/** What is wrong with a pasted code, in words a manager can act on. */
const PROBLEMS: Record<PairingCodeProblem, string> = {
  empty: `Paste the pairing code the relay printed (it starts with "${PAIRING_CODE_PREFIX}").`,
  prefix: `This is not a relay pairing code: a pairing code starts with "${PAIRING_CODE_PREFIX}".`,
  encoding: 'This pairing code is damaged and cannot be read: copy it again, all in one piece.',
  version:
    'This pairing code was made by a relay version this app does not know: update UAPAY Desk or the relay, then pair again.',
  callbackUrl:
    'This pairing code has no valid callback address (https, or http only on this computer): ask for a new code ' +
    'from a relay with an HTTPS address (RELAY_PUBLIC_URL).',
  eventsUrl:
    'This pairing code has no valid events address (https, or http only on this computer): ask for a new code ' +
    'from a relay with an HTTPS address (RELAY_PUBLIC_URL).',
  token:
    'This pairing code has no valid desktop token: copy it again, all in one piece, or ask for a new one.',
};

/** Decodes a pasted code, or refuses with what is wrong (a `pairing` error naming the problem). */
export function readPairingCode(code: string): PairingInfo {
  const result = decodePairingCode(code);
  if (result.ok) return result.value;
  throw new PairingError(result.problem, PROBLEMS[result.problem]);
}

/**
 * Asks the relay once, with the code's token, for its catch-up page: it proves the address is a
 * relay and the token is valid before anything is saved. Nothing is taken from the answer.
 */
export async function checkPairing(info: PairingInfo, timeoutMs?: number): Promise<void> {
  const origin = new URL(info.eventsUrl).origin;
  try {
    await fetchEventsAfter(info.eventsUrl, info.token, 0, { limit: 1, ...(timeoutMs && { timeoutMs }) });
  } catch (error) {
    if (!(error instanceof RelayCallError)) throw error;
    switch (error.reason) {
      case 'unauthorized': {
        const message = `The relay at ${origin} refused this pairing code: it was revoked or is wrong. Ask for a new code.`;
        throw new PairingError('refused', message);
      }
      case 'format': {
        const message = `${origin} did not answer like a UAPAY Desk relay: check the code, or ask for a new one.`;
        throw new PairingError('not_a_relay', message);
      }
      case 'status':
        if (error.status !== undefined && error.status < 500) {
          const message = `The relay at ${origin} does not know this code's channel (HTTP ${error.status}): ask for a new code.`;
          throw new PairingError('not_a_relay', message);
        }
        throw new NetworkError('relay', 'server', `${error.message} Try again in a moment.`, {
          ...(error.status !== undefined && { status: error.status }),
          cause: error,
        });
      case 'timeout':
        throw new NetworkError('relay', 'timeout', error.message, { cause: error });
      case 'unreachable':
        throw new NetworkError('relay', 'unreachable', error.message, { cause: error });
    }
  }
}
