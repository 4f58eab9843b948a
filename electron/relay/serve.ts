import { readConfig } from './config';
import { buildRelay } from './server';
import { openStore } from './store/open';

/** After this, a shutdown that still waits (a stuck request) gives up and exits non-zero. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

/** Runs the relay until SIGTERM or SIGINT, then shuts down gracefully. */
export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = readConfig(env);
  // Until the relay (and its logger) exists, store trouble goes to stderr.
  let onStoreError = (error: Error) => console.error(error);
  const store = await openStore(config, { watch: true, onError: (error) => onStoreError(error) });
  const relay = buildRelay({ store, config, logger: true });
  onStoreError = (error) => relay.log.warn({ err: error }, 'database connection trouble');
  await relay.listen({ host: config.host, port: config.port });
  relay.log.info(
    { store: store.kind, publicUrl: config.publicUrl, retentionDays: config.retentionDays },
    'relay ready',
  );

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      relay.log.info({ signal }, 'shutting down');
      setTimeout(() => {
        relay.log.error('shutdown timed out');
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
      // close() ends the event streams, stops accepting connections and waits for in-flight
      // requests, whose callbacks are then committed; only then is the store closed.
      relay
        .close()
        .then(() => store.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            relay.log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
    });
  }
}
