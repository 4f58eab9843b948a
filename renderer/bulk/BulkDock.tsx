import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import { currentLanguage } from '../i18n';
import { formatCount } from '../i18n/numbers';
import { isRunning, settledCount } from './batchMerge';
import { useBulk } from './bulkStore';
import { ProgressBar } from './ProgressBar';

/**
 * A batch whose dialog was closed: it goes on, and this small card in the sidebar's empty corner
 * says how far it is and opens the dialog again. Once the batch has ended it says so until read.
 */
export function BulkDock() {
  const { t } = useTranslation();
  const view = useBulk((s) => s.view);
  const open = useBulk((s) => s.open);
  if (open || view?.step !== 'batch') return null;
  const { batch } = view;
  const language = currentLanguage();
  const running = isRunning(batch);
  const { show, close } = useBulk.getState();
  return (
    <section
      className="bulk-dock"
      aria-label={t(`bulk.title.running.${batch.action}`)}
      data-testid="bulk-dock"
    >
      <div className="bulk-dock-head">
        <strong>
          {running ? t(`bulk.title.running.${batch.action}`) : t(`bulk.title.ended.${batch.action}`)}
        </strong>
        {!running && (
          <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={close}>
            <Icon name="close" size={14} />
          </button>
        )}
      </div>
      <ProgressBar batch={batch} compact />
      <p className="bulk-dock-text" role="status">
        {t('bulk.dock.progress', {
          settled: formatCount(settledCount(batch), language),
          total: formatCount(batch.counts.total, language),
        })}
        {batch.counts.failed > 0 &&
          ` · ${t('bulk.dock.failed', { count: formatCount(batch.counts.failed, language) })}`}
      </p>
      <Button size="sm" onClick={show}>
        {t('bulk.dock.open')}
      </Button>
    </section>
  );
}
