import type { Channel, Handlers } from '../../shared/contract';
import { DeskFailure } from '../errors';
import { log } from '../log';
import { assertNoSecrets, redactions, SecretLeakError, type RedactionRegistry } from './redaction';

/**
 * Wraps every handler so that no reply and no typed error leaves the core with a secret in it.
 * A reply that carries one is withheld: the renderer gets an `internal` error, the log names the
 * channel and the keychain account, never the value. This is the last line; the handlers are
 * written never to put a secret in a reply in the first place.
 */
export function withoutSecrets(handlers: Handlers, registry: RedactionRegistry = redactions): Handlers {
  const guarded: Partial<Record<Channel, (req: never) => Promise<unknown>>> = {};
  for (const channel of Object.keys(handlers) as Channel[]) {
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    guarded[channel] = async (req: unknown) => {
      let reply: unknown;
      try {
        reply = await handler(req);
      } catch (error) {
        if (error instanceof DeskFailure) check(error.info, `The error of ${channel}`, registry);
        throw error;
      }
      check(reply, `The reply of ${channel}`, registry);
      return reply;
    };
  }
  return guarded as Handlers;
}

function check(value: unknown, where: string, registry: RedactionRegistry): void {
  try {
    assertNoSecrets(value, where, registry);
  } catch (error) {
    if (error instanceof SecretLeakError)
      log.error('withheld a reply that carried a secret', { where, accounts: error.accounts });
    throw error;
  }
}
