import type { AppendOutcome, NewEvent, RelayStore } from './store/types';

/** The most callbacks one commit carries; the rest wait for the next one. */
export const MAX_BATCH = 512;

interface Pending {
  event: NewEvent;
  resolve: (outcome: AppendOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: callbacks that arrive while a commit is being written are stored together in the
 * next one, so the cost of a durable commit (an fsync) is shared by everything waiting for it and
 * throughput grows with load instead of being capped by the disk's flush rate. Each caller's
 * promise settles only after the commit that holds its callback, so it may answer 200 then.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private running: Promise<void> | undefined;

  constructor(private readonly store: RelayStore) {}

  append(event: NewEvent): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when everything accepted so far has been committed (or failed). */
  async drain(): Promise<void> {
    while (this.running || this.scheduled || this.queue.length > 0) {
      await (this.running ?? new Promise((resolve) => setImmediate(resolve)));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    // setImmediate runs after the I/O callbacks of this loop turn: every request that arrived in
    // the same turn joins the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.running = this.flush().finally(() => {
        this.running = undefined;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const outcomes = await this.store.append(batch.map((pending) => pending.event));
        batch.forEach((pending, i) => pending.resolve(outcomes[i]!));
      } catch (error) {
        batch.forEach((pending) => pending.reject(error));
      }
    }
  }
}
