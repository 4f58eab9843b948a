import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkStatus } from '../../electron/shared/channels/bulk';
import { Callout } from '../components/Callout';
import { ErrorMessage } from '../components/ErrorMessage';
import { Money } from '../components/Money';
import { currentLanguage } from '../i18n';
import { formatCount } from '../i18n/numbers';
import { isRunning } from './batchMerge';
import { BulkRowList, type ListItem } from './BulkRowList';
import { useBulk, type BulkView } from './bulkStore';
import { ProgressBar } from './ProgressBar';
import { etaWords, rateWords } from './pace';
import { resultWords } from './rowWords';

const PROBLEMS = new Set(['failed', 'skipped', 'untouched']);

/** How the batch ended, in one sentence with its figures. */
function Outcome({ batch }: { batch: BulkStatus }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { counts, action } = batch;
  const n = (value: number) => formatCount(value, language);
  if (batch.state === 'stopped' || batch.state === 'interrupted')
    return (
      <Callout tone="info" title={t('bulk.result.stoppedTitle')}>
        <p>{t('bulk.result.stoppedText', { count: n(counts.untouched) })}</p>
      </Callout>
    );
  if (counts.failed > 0)
    return (
      <Callout tone="warning" title={t('bulk.result.failedTitle', { count: n(counts.failed) })}>
        <p>{t('bulk.result.failedText')}</p>
      </Callout>
    );
  return (
    <Callout tone="success" title={t(`bulk.result.doneTitle.${action}`, { count: n(counts.done) })}>
      {counts.skipped > 0 && <p>{t('bulk.result.skippedText', { count: n(counts.skipped) })}</p>}
    </Callout>
  );
}

/** The batch: counters, the bar, pace and time left while it runs, then how it ended; row by row below. */
export function ProgressView({ view }: { view: Extract<BulkView, { step: 'batch' }> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const names = useBulk((s) => s.names);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const { batch } = view;
  const { counts, action } = batch;
  const running = isRunning(batch);
  const n = (value: number) => formatCount(value, language);

  // The React compiler memoizes this; a batch of thousands re-renders a few times a second.
  const items: ListItem[] = batch.rows
    .filter((row) => !problemsOnly || PROBLEMS.has(row.outcome))
    .map((row) => ({
      paymentId: row.paymentId,
      orderNumber: row.orderNumber || '—',
      customer: names.get(row.paymentId),
      amount: row.amount,
      words: resultWords(t, row, action, language),
    }));

  const tiles = [
    ['done', t(`bulk.progress.done.${action}`), counts.done],
    ['failed', t('bulk.progress.failed'), counts.failed],
    ['skipped', t('bulk.progress.skipped'), counts.skipped],
    [
      'remaining',
      running ? t('bulk.progress.remaining') : t('bulk.progress.untouched'),
      counts.remaining + counts.inFlight + counts.untouched,
    ],
  ] as const;

  return (
    <>
      <div className="bulk-tiles" data-testid="bulk-counts">
        {tiles.map(([key, label, value]) => (
          <div key={key} className={`inset bulk-tile bulk-tile-${key}`} data-testid={`bulk-count-${key}`}>
            <span className="bulk-tile-label">{label}</span>
            <strong className="bulk-tile-value">{n(value)}</strong>
          </div>
        ))}
      </div>
      <ProgressBar batch={batch} />
      <p className="bulk-pace" data-testid="bulk-pace">
        <span>
          {t(`bulk.progress.moved.${action}`)} <Money amount={batch.moved} />
          <span aria-hidden="true"> / </span>
          <Money amount={batch.total} />
        </span>
        {running ? (
          <span>
            {batch.state === 'stopping'
              ? t('bulk.progress.stopping')
              : `${t('bulk.progress.rate', { rate: rateWords(t, batch.ratePerSecond, language) })} · ${etaWords(t, batch.etaSeconds, language)}`}
          </span>
        ) : (
          <span />
        )}
      </p>
      {running ? (
        <p className="bulk-muted bulk-stop-hint">{t('bulk.progress.stopHint')}</p>
      ) : (
        <Outcome batch={batch} />
      )}
      {view.error && <ErrorMessage error={view.error} />}
      <label className="bulk-filter">
        <input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} />
        {t('bulk.progress.problemsOnly')}
      </label>
      <BulkRowList items={items} label={t('bulk.progress.listLabel')} />
    </>
  );
}
