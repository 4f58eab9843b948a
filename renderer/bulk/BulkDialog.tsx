import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { currentLanguage } from '../i18n';
import { formatMoney } from '../i18n/money';
import { formatCount } from '../i18n/numbers';
import { isRunning } from './batchMerge';
import { useBulk, type BulkView } from './bulkStore';
import { PreflightView } from './PreflightView';
import { ProgressView } from './ProgressView';

function title(t: TFunction, view: BulkView): string {
  if (view.step !== 'batch') return t(`bulk.title.${view.action}`);
  const { action } = view.batch;
  return isRunning(view.batch) ? t(`bulk.title.running.${action}`) : t(`bulk.title.ended.${action}`);
}

/** The buttons of each step; the one marked `data-autofocus` takes the focus when the step begins. */
function Footer({ view }: { view: BulkView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { close, start, checkAgain, stop, retryFailed, resume, exportCsv } = useBulk.getState();
  if (view.step === 'checking' || view.step === 'checkFailed')
    return (
      <Button onClick={close} data-autofocus>
        {t('actions.back')}
      </Button>
    );
  if (view.step === 'preflight') {
    const { action, eligible } = view.preflight;
    return (
      <>
        {/* The safe choice has the focus: Enter on opening never starts hundreds of operations. */}
        <Button onClick={close} disabled={view.starting} data-autofocus>
          {t('actions.back')}
        </Button>
        {view.expired ? (
          <Button variant="primary" onClick={checkAgain}>
            {t('bulk.preflight.checkAgain')}
          </Button>
        ) : (
          <Button
            variant={action === 'cancel' ? 'danger' : 'primary'}
            busy={view.starting}
            disabled={eligible.count === 0}
            onClick={() => void start()}
          >
            {eligible.count === 0
              ? t(`bulk.preflight.nothing.${action}`)
              : t(`bulk.preflight.go.${action}`, {
                  count: formatCount(eligible.count, language),
                  amount: formatMoney(eligible.total, language),
                })}
          </Button>
        )}
      </>
    );
  }
  const { batch, busy } = view;
  if (isRunning(batch))
    return (
      <>
        <Button onClick={() => void stop()} busy={busy === 'stop' || batch.state === 'stopping'}>
          {t('bulk.progress.stop')}
        </Button>
        <Button variant="primary" onClick={close} data-autofocus>
          {t('bulk.progress.hide')}
        </Button>
      </>
    );
  const { failed, untouched } = batch.counts;
  return (
    <>
      <Button className="push-left" icon="download" onClick={() => void exportCsv()} busy={busy === 'csv'}>
        {t('bulk.result.exportCsv')}
      </Button>
      {batch.state === 'stopped' && untouched > 0 && (
        <Button onClick={() => void resume()} busy={busy === 'resume'} disabled={!!busy && busy !== 'resume'}>
          {t('bulk.result.resume', { count: formatCount(untouched, language) })}
        </Button>
      )}
      {failed > 0 && (
        <Button
          onClick={() => void retryFailed()}
          busy={busy === 'retry'}
          disabled={!!busy && busy !== 'retry'}
        >
          {t('bulk.result.retryFailed', { count: formatCount(failed, language) })}
        </Button>
      )}
      <Button variant="primary" onClick={close} data-autofocus>
        {t('common.close')}
      </Button>
    </>
  );
}

/**
 * The bulk confirmation (or cancellation) in one dialog of one size: the check, then the batch.
 * Esc and the close button mean "Back" while checking, nothing while the batch is being started
 * (its answer decides what shows), and "hide" while it runs — a batch is stopped only by Stop.
 */
export function BulkDialog() {
  const { t } = useTranslation();
  const view = useBulk((s) => s.view);
  const open = useBulk((s) => s.open);
  const close = useBulk((s) => s.close);
  const bodyRef = useRef<HTMLDivElement>(null);
  // A step's buttons replace the last step's: the focus goes to the new step's own choice.
  const stepKey = view ? `${view.step}:${view.step === 'batch' ? isRunning(view.batch) : ''}` : '';
  useEffect(() => {
    const dialog = bodyRef.current?.closest('dialog');
    if (!dialog) return;
    if (
      document.activeElement &&
      dialog.contains(document.activeElement) &&
      document.activeElement !== dialog
    )
      if (!(document.activeElement as HTMLButtonElement).disabled) return;
    dialog.querySelector<HTMLElement>('[data-autofocus]:not([disabled])')?.focus();
  }, [stepKey]);

  if (!view) return null;
  return (
    <Dialog open={open} size="lg" title={title(t, view)} onClose={close} footer={<Footer view={view} />}>
      <div className="bulk-body" ref={bodyRef} data-testid="bulk-dialog">
        {view.step === 'batch' ? <ProgressView view={view} /> : <PreflightView view={view} />}
      </div>
    </Dialog>
  );
}
