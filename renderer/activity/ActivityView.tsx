import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { Skeleton } from '../components/Skeleton';
import { call } from '../desk';
import { useDeskAction } from '../deskHooks';
import { notify } from '../store/noticesStore';
import { ActivityFilterBar } from './ActivityFilterBar';
import { ActivityTable } from './ActivityTable';
import { downloadText } from './downloadCsv';
import { isFiltered, NO_FILTERS, toJournalFilter, type ActivityFilters } from './filters';
import { useJournal } from './useJournal';
import './activity.css';

/** Typing in the search box asks the journal once the typing pauses. */
const SEARCH_PAUSE_MS = 250;

function useSettled(filters: ActivityFilters): ActivityFilters {
  const [settled, setSettled] = useState(filters);
  useEffect(() => {
    const timer = setTimeout(
      () => setSettled(filters),
      filters.search === settled.search ? 0 : SEARCH_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [filters, settled.search]);
  return settled;
}

/** The audit log: who did what to which payment, when, and how it ended; filters and CSV export. */
export function ActivityView() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(NO_FILTERS);
  const query = useSettled(filters);
  const { entries, error, loading, more, loadMore, reload } = useJournal(query);
  const exporting = useDeskAction({ toast: true });

  const exportCsv = () =>
    exporting.run(async () => {
      const file = await call('journal.exportCsv', toJournalFilter(query));
      downloadText(file.fileName, file.text);
      notify('success', (tr) => tr('activity.exported', { count: file.rows, file: file.fileName }));
    });

  // Nothing ever happened here: say what this screen will hold, without empty filters.
  if (entries?.length === 0 && !isFiltered(query) && !isFiltered(filters)) {
    return <EmptyState icon="activity" title={t('activity.emptyTitle')} text={t('activity.emptyText')} />;
  }
  return (
    <div className="activity">
      <ActivityFilterBar filters={filters} onChange={setFilters} />
      <div className="activity-toolbar">
        <p className="activity-count" role="status">
          {entries ? t('activity.count', { count: entries.length }) : t('activity.loading')}
        </p>
        <Button
          icon="download"
          busy={exporting.busy}
          disabled={!entries?.length}
          onClick={() => void exportCsv()}
        >
          {t('activity.export')}
        </Button>
      </div>
      {error && <ErrorMessage error={error} onRetry={() => void reload()} retrying={loading} />}
      {!entries && !error && (
        <div className="activity-skeleton" aria-hidden="true">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} width={`${90 - i * 6}%`} />
          ))}
        </div>
      )}
      {entries?.length === 0 && (
        <EmptyState
          icon="activity"
          title={t('activity.noMatchesTitle')}
          text={t('activity.noMatchesText')}
          action={<Button onClick={() => setFilters(NO_FILTERS)}>{t('activity.reset')}</Button>}
        />
      )}
      {entries && entries.length > 0 && <ActivityTable entries={entries} />}
      {more && (
        <div className="activity-more">
          <Button busy={loading} onClick={loadMore}>
            {t('activity.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
