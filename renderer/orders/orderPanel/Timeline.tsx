import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../../electron/shared/channels/journal';
import { Skeleton } from '../../components/Skeleton';
import { EntryError } from '../../activity/EntryError';
import { EntryMoney } from '../../activity/EntryMoney';
import { kindLabel } from '../../activity/journalWords';
import { OutcomeBadge } from '../../activity/OutcomeBadge';
import { StateChange } from '../../activity/StateChange';
import { formatDateTime } from '../../i18n/dates';

/** The payment's operations from the journal, newest first: who did what, when, and how it ended. */
export function Timeline({ entries }: { entries?: JournalEntry[] }) {
  const { t } = useTranslation();
  return (
    <section className="order-panel-section" aria-labelledby="panel-timeline-title">
      <h3 id="panel-timeline-title">{t('panel.timelineTitle')}</h3>
      {!entries ? (
        <div className="timeline" aria-busy="true">
          <Skeleton width="70%" />
          <Skeleton width="55%" />
        </div>
      ) : entries.length === 0 ? (
        <p className="muted">{t('panel.timelineEmpty')}</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {entries.map((entry) => (
            <li key={entry.opId} className="timeline-entry">
              <div className="timeline-head">
                <span className="timeline-kind">{kindLabel(t, entry.kind)}</span>
                <EntryMoney entry={entry} />
                <OutcomeBadge outcome={entry.outcome} />
              </div>
              <div className="timeline-meta">
                <time dateTime={entry.at}>{formatDateTime(entry.at, 'medium')}</time>
                <span>{entry.managerName ?? entry.osUser}</span>
                <StateChange before={entry.before} after={entry.after} />
              </div>
              {entry.error && <EntryError error={entry.error} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
