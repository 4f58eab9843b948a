/**
 * `npm run relay` in development and `node dist/relay/index.js` in production. Configuration comes
 * only from the environment.
 */
import { buildRelay } from './server';

const host = process.env.RELAY_HOST ?? '127.0.0.1';
const port = Number(process.env.RELAY_PORT ?? 4030);

const relay = buildRelay({ logger: true });
await relay.listen({ host, port });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // close() stops accepting connections and waits for in-flight requests.
    void relay.close().then(() => process.exit(0));
  });
}
