import type { Channel, Handlers } from '../../shared/contract';
import { DeskFailure } from '../errors';
import { log } from '../log';
import { assertNoSecrets, redactions, SecretLeakError, type RedactionRegistry } from './redaction';

/**
 * Channels whose replies are only shown or saved as an export, never edited and sent back: orders
 * and customers' own text, the journal, batch results, letters, the relay's state. A secret found
 * there is almost always a coincidence (a short password inside an order number or a comment), so
 * it is masked and the rest of the reply still arrives. Anywhere else (settings, setup, profiles,
 * the app) a masked value could be saved back over the real one, so the reply is withheld.
 */
const MASKED_CHANNELS: readonly (Channel | `${string}.`)[] = [
  'orders.',
  'journal.',
  'bulk.',
  'demo.mailbox',
  'payments.previewLetter',
  'relay.status',
];

function masksSecrets(channel: Channel): boolean {
  return MASKED_CHANNELS.some((entry) =>
    entry.endsWith('.') ? channel.startsWith(entry) : channel === entry,
  );
}

/**
 * Wraps every handler so that no reply and no typed error leaves the core with a secret in it.
 * On the channels of MASKED_CHANNELS the secret is masked; elsewhere the reply is withheld: the
 * renderer gets an `internal` error. Either way the log names the channel and the keychain
 * account, never the value. This is the last line; the handlers are written never to put a secret
 * in a reply in the first place.
 */
export function withoutSecrets(handlers: Handlers, registry: RedactionRegistry = redactions): Handlers {
  const guarded: Partial<Record<Channel, (req: never) => Promise<unknown>>> = {};
  for (const channel of Object.keys(handlers) as Channel[]) {
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    const mask = masksSecrets(channel);
    guarded[channel] = async (req: unknown) => {
      let reply: unknown;
      try {
        reply = await handler(req);
      } catch (error) {
        if (error instanceof DeskFailure) {
          if (mask && registry.find(error.info).length > 0) {
            log.warn('masked a secret in an error', { channel, accounts: registry.find(error.info) });
            throw Object.assign(error, { info: registry.maskDeep(error.info) });
          }
          check(error.info, `The error of ${channel}`, registry);
        }
        throw error;
      }
      if (mask) {
        const accounts = registry.find(reply);
        if (accounts.length > 0) {
          log.warn('masked a secret in a reply', { channel, accounts });
          reply = registry.maskDeep(reply);
        }
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
