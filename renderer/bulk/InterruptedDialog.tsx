import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterruptedBatch } from '../../electron/shared/channels/bulk';
import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { call } from '../desk';
import { useDeskAction, useDeskFeed } from '../deskHooks';
import { currentLanguage } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import { formatCount } from '../i18n/numbers';
import { useBulk } from './bulkStore';

const moved = (row: { outcome: string }) => row.outcome === 'done' || row.outcome === 'crm_pending';

/**
 * At start: a batch the app was running when it ended. The core has already asked UAPAY about
 * each payment that was in flight, so this only tells what happened and offers the rest.
 */
export function InterruptedDialog() {
  const { t } = useTranslation();
  // Reconciliation may take a few seconds; nothing is shown until it has answered. A failed read
  // (no workspace yet, a first run) means nothing was interrupted.
  const found = useDeskFeed(() => call('bulk.interrupted', {}), []);
  // The batches dealt with here, in the order they were shown.
  const [seen, setSeen] = useState(0);
  const { running: busy, error, run, setError } = useDeskAction<'resume' | 'leave'>();

  const batch: InterruptedBatch | undefined = found.data?.[seen];
  if (!batch) return null;
  const language = currentLanguage();
  const n = (value: number) => formatCount(value, language);
  const next = () => {
    setError(undefined);
    setSeen((count) => count + 1);
  };
  const act = (kind: 'resume' | 'leave') =>
    run(async () => {
      if (kind === 'resume')
        useBulk.getState().takeRerun(await call('bulk.resume', { batchId: batch.batchId }));
      else await call('bulk.dismiss', { batchId: batch.batchId });
      next();
    }, kind);
  const settledInFlight = batch.inFlight.filter(moved).length;
  const facts = [
    ['finished', t('bulk.interrupted.finished'), batch.finished.length],
    ['inFlight', t('bulk.interrupted.inFlight'), batch.inFlight.length],
    ['notStarted', t('bulk.interrupted.notStarted'), batch.notStarted.length],
  ] as const;

  return (
    <Dialog
      open
      size="md"
      title={t('bulk.interrupted.title')}
      description={t(`bulk.interrupted.text.${batch.action}`, {
        time: formatDateTime(batch.startedAt, 'short', language),
        total: n(batch.total),
      })}
      onClose={() => !busy && next()}
      footer={
        <>
          <Button
            className="push-left"
            variant="ghost"
            onClick={() => void act('leave')}
            busy={busy === 'leave'}
          >
            {t('bulk.interrupted.leave')}
          </Button>
          <Button onClick={next} disabled={!!busy} data-autofocus>
            {t('bulk.interrupted.notNow')}
          </Button>
          {batch.notStarted.length > 0 && (
            <Button variant="primary" onClick={() => void act('resume')} busy={busy === 'resume'}>
              {t('bulk.interrupted.resume', { count: n(batch.notStarted.length) })}
            </Button>
          )}
        </>
      }
    >
      <dl className="bulk-facts" data-testid="bulk-interrupted-facts">
        {facts.map(([key, label, value]) => (
          <div key={key} className="inset bulk-fact">
            <dt>{label}</dt>
            <dd>{n(value)}</dd>
          </div>
        ))}
      </dl>
      {batch.inFlight.length > 0 && (
        <p>
          {t('bulk.interrupted.reconciled', {
            count: n(batch.inFlight.length),
            done: n(settledInFlight),
            notDone: n(batch.inFlight.length - settledInFlight),
          })}
        </p>
      )}
      <p className="bulk-muted">
        {batch.notStarted.length > 0 ? t('bulk.interrupted.resumeHint') : t('bulk.interrupted.nothingLeft')}
      </p>
      {error && <ErrorMessage error={error} />}
    </Dialog>
  );
}
