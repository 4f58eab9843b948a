import type { FastifyBaseLogger } from 'fastify';
import type { RelayStore } from './store/types';

/** How often expired events are looked for (and once at start). */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes events older than RELAY_RETENTION_DAYS. UAPAY's last retry comes about 27 hours after
 * the first attempt (reference §5: 5 s, 5 min, 1 h, 2 h, 24 h), so with the default 7 days a retry
 * still finds its first delivery and is not stored twice. A desktop away for longer than that
 * misses the events, and its poller (invoices/show) catches up instead.
 */
export class Retention {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: RelayStore,
    private readonly days: number,
    private readonly now: () => number,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    const run = () =>
      void this.runOnce().catch((error: unknown) => this.log.error({ err: error }, 'retention failed'));
    run();
    this.timer = setInterval(run, RETENTION_INTERVAL_MS).unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<number> {
    const removed = await this.store.deleteEventsBefore(this.now() - this.days * DAY_MS);
    if (removed > 0) this.log.info({ removed, days: this.days }, 'expired events removed');
    return removed;
  }
}
