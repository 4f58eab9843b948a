import pg from 'pg';
import type { StoreChange } from './types';

/** The notification channel every relay instance LISTENs on; payloads `e:<channel>`, `r:<tokenId>`. */
export const NOTIFY_CHANNEL = 'uapay_relay';
const RECONNECT_MS = [100, 500, 1000, 2000, 5000];

/**
 * One dedicated connection that LISTENs. When it drops, it reconnects with back-off and then
 * reports "unknown" so every stream looks again for what it may have missed meanwhile.
 */
export async function startListening(
  url: string,
  emit: (change: StoreChange) => void,
  onError: (error: Error) => void,
): Promise<{ stop(): Promise<void> }> {
  let stopped = false;
  let client: pg.Client | undefined;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      const payload = message.payload ?? '';
      if (payload.startsWith('e:')) emit({ kind: 'events', channelId: payload.slice(2) });
      else if (payload.startsWith('r:')) emit({ kind: 'revoked', tokenId: payload.slice(2) });
    });
    const lost = (error?: Error) => {
      if (error) onError(error);
      if (client !== next || stopped) return;
      client = undefined;
      next.removeAllListeners('end');
      void next.end().catch(() => {});
      retry();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    await next.connect();
    await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
    client = next;
    attempt = 0;
  };
  const retry = () => {
    if (stopped) return;
    const delay = RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]!;
    timer = setTimeout(() => {
      connect().then(
        () => emit({ kind: 'unknown' }),
        (error: Error) => {
          onError(error);
          retry();
        },
      );
    }, delay);
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    },
  };
}
