import Fastify, { type FastifyInstance } from 'fastify';

export interface RelayConfig {
  /** Fastify's own logger; off in tests. */
  logger?: boolean;
}

/**
 * The callback relay: receives UAPAY's status callbacks and hands them to paired desktops.
 * It holds no UAPAY or RetailCRM secret.
 */
export function buildRelay(config: RelayConfig = {}): FastifyInstance {
  const relay = Fastify({ logger: config.logger ?? false });
  relay.get('/health', async () => ({ ok: true }));
  return relay;
}
