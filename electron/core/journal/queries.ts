import type { JournalEntry, JournalFilter } from '../../shared/channels/journal';
import type { Journal } from './journal';
import { entriesToCsv, selectEntries, toEntry } from './view';

/**
 * The journal as the rest of the core and the UI read it: the Activity list and its CSV, the
 * operation holding a payment, a bulk batch's operations. The payment operations write it.
 */
export class JournalQueries {
  constructor(private readonly journal: Promise<Journal>) {}

  async list(filter: JournalFilter): Promise<JournalEntry[]> {
    return selectEntries((await this.journal).list(), filter);
  }

  /** The operation holding a payment's journal lock, if any (the bulk preflight leaves it out). */
  async inFlight(paymentId: number): Promise<JournalEntry | undefined> {
    const operation = (await this.journal).inFlight(paymentId);
    return operation && toEntry(operation);
  }

  /** The operations of one bulk batch (their intents carry its id), oldest first. */
  async batchOperations(batchId: string): Promise<JournalEntry[]> {
    const journal = await this.journal;
    return journal.list((operation) => operation.intent.batchId === batchId).map(toEntry);
  }

  async exportCsv(filter: JournalFilter) {
    const entries = await this.list({ ...filter, limit: filter.limit ?? 100_000 });
    const day = new Date().toISOString().slice(0, 10);
    return { fileName: `uapay-desk-activity-${day}.csv`, text: entriesToCsv(entries), rows: entries.length };
  }
}
