/** The caught messages in memory, newest first, and a way for tests to wait for one. */
import type { CaughtMessage } from './message';

export type MessagePredicate = (message: CaughtMessage) => boolean;

/** No message matched within the wait. */
class MailTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`No matching message arrived within ${timeoutMs} ms.`);
    this.name = 'MailTimeoutError';
  }
}

export const DEFAULT_WAIT_MS = 5_000;

interface Waiter {
  predicate: MessagePredicate;
  resolve: (message: CaughtMessage) => void;
}

export class Mailbox {
  /** Oldest first; readers get a reversed copy. */
  private readonly list: CaughtMessage[] = [];
  private readonly waiters = new Set<Waiter>();
  private lastId = 0;

  nextId(): string {
    return String(++this.lastId);
  }

  add(message: CaughtMessage): void {
    this.list.push(message);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(message)) {
        this.waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
  }

  /** Newest first. */
  messages(): CaughtMessage[] {
    return [...this.list].reverse();
  }

  get(id: string): CaughtMessage | undefined {
    return this.list.find((message) => message.id === id);
  }

  /** Removes every message; ids keep counting up so an old id never names a new message. */
  clear(): number {
    const count = this.list.length;
    this.list.length = 0;
    return count;
  }

  /** The newest message already caught that matches, else the first one to arrive. */
  waitFor(predicate: MessagePredicate = () => true, timeoutMs = DEFAULT_WAIT_MS): Promise<CaughtMessage> {
    const found = this.messages().find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new MailTimeoutError(timeoutMs));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
