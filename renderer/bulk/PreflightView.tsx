import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SKIP_REASONS, type BulkPreflight } from '../../electron/shared/channels/bulk';
import { Callout } from '../components/Callout';
import { ErrorMessage } from '../components/ErrorMessage';
import { Money } from '../components/Money';
import { currentLanguage } from '../i18n';
import { formatCount } from '../i18n/numbers';
import { BulkRowList, type ListItem } from './BulkRowList';
import type { BulkView } from './bulkStore';
import { useBulk } from './bulkStore';
import { preflightWords } from './rowWords';

type CheckView = Exclude<BulkView, { step: 'batch' }>;

/** The check's answer: how many go and for how much, what is left out and why, row by row. */
function PreflightResult({ preflight, rerun }: { preflight: BulkPreflight; rerun?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { action, eligible, skipped } = preflight;
  // Left-out rows first: among hundreds that go, the few that do not are what needs a look.
  const items = useMemo<ListItem[]>(() => {
    const rows = [...preflight.rows.filter((r) => !r.eligible), ...preflight.rows.filter((r) => r.eligible)];
    return rows.map((row) => ({
      paymentId: row.paymentId,
      orderNumber: row.orderNumber || '—',
      customer: row.customerName,
      amount: row.amount,
      words: preflightWords(t, row, action, language),
    }));
  }, [preflight, action, language, t]);
  return (
    <>
      <div className="bulk-summary" data-testid="bulk-preflight-summary">
        <p className="bulk-summary-main">
          {t(`bulk.preflight.eligible.${action}`, { count: formatCount(eligible.count, language) })}
          <span aria-hidden="true"> · </span>
          <Money amount={eligible.total} />
        </p>
        <p className="bulk-summary-skipped">
          {skipped.count === 0
            ? t('bulk.preflight.noneSkipped')
            : t('bulk.preflight.skipped', { count: formatCount(skipped.count, language) })}
          {SKIP_REASONS.filter((reason) => skipped.byReason[reason]).map((reason) => (
            <span key={reason} className="bulk-reason-count">
              {t(`bulk.reasonShort.${reason}`)}: {formatCount(skipped.byReason[reason] ?? 0, language)}
            </span>
          ))}
        </p>
      </div>
      {rerun && eligible.count === 0 && <Callout tone="info">{t('bulk.preflight.nothingToRetry')}</Callout>}
      <BulkRowList items={items} label={t('bulk.preflight.listLabel')} />
    </>
  );
}

/** The dialog's body before a batch: the check running, its failure, or its answer. */
export function PreflightView({ view }: { view: CheckView }) {
  const { t } = useTranslation();
  const checkAgain = useBulk((s) => s.checkAgain);
  const language = currentLanguage();
  if (view.step === 'checking')
    return (
      <div className="bulk-checking" role="status" data-testid="bulk-checking">
        <span className="spinner" aria-hidden="true" />
        <p className="bulk-checking-title">
          {t('bulk.preflight.checking', { count: formatCount(view.paymentIds.length, language) })}
        </p>
        <div className="bulk-bar bulk-bar-indeterminate" aria-hidden="true">
          <span />
        </div>
        <p className="bulk-muted">{t('bulk.preflight.checkingHint')}</p>
      </div>
    );
  if (view.step === 'checkFailed')
    return (
      <div className="bulk-checking">
        <ErrorMessage error={view.error} onRetry={checkAgain} />
      </div>
    );
  return (
    <>
      <PreflightResult preflight={view.preflight} rerun={view.rerun} />
      {view.expired && (
        <Callout tone="warning" title={t('bulk.preflight.expiredTitle')}>
          <p>{t('bulk.preflight.expiredText')}</p>
        </Callout>
      )}
      {view.error && <ErrorMessage error={view.error} />}
    </>
  );
}
