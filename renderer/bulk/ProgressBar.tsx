import { useTranslation } from 'react-i18next';
import type { BulkStatus } from '../../electron/shared/channels/bulk';
import { currentLanguage } from '../i18n';
import { formatCount } from '../i18n/numbers';
import { settledCount } from './batchMerge';

/** Done, failed and skipped, side by side in one bar; what is left is the empty rest. */
export function ProgressBar({ batch, compact }: { batch: BulkStatus; compact?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { counts } = batch;
  const total = Math.max(1, counts.total);
  const settled = settledCount(batch);
  const share = (value: number) => `${(value * 100) / total}%`;
  return (
    <div
      className={compact ? 'bulk-bar bulk-bar-compact' : 'bulk-bar'}
      role="progressbar"
      aria-label={t('bulk.progress.barLabel')}
      aria-valuemin={0}
      aria-valuemax={counts.total}
      aria-valuenow={settled}
      aria-valuetext={t('bulk.progress.barText', {
        settled: formatCount(settled, language),
        total: formatCount(counts.total, language),
      })}
    >
      <span className="bulk-bar-done" style={{ width: share(counts.done) }} />
      <span className="bulk-bar-failed" style={{ width: share(counts.failed) }} />
      <span className="bulk-bar-skipped" style={{ width: share(counts.skipped) }} />
    </div>
  );
}
