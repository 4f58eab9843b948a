import type { Handlers } from '../../shared/contract';
import type { JournalQueries } from './queries';

export function journalHandlers(
  journal: JournalQueries,
): Pick<Handlers, 'journal.list' | 'journal.exportCsv'> {
  return {
    'journal.list': (filter) => journal.list(filter),
    'journal.exportCsv': (filter) => journal.exportCsv(filter),
  };
}
