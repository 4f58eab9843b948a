import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../../electron/shared/channels/journal';
import { kindLabel } from '../../activity/journalWords';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorWords } from '../../components/ErrorMessage';
import { call } from '../../desk';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../../i18n/money';
import { notify } from '../../store/noticesStore';
import { formatDateTime } from '../../i18n/dates';

type Answer = 'happened' | 'notHappened';

/**
 * An operation UAPAY gave no clear answer to, whose outcome its state cannot show: the payment
 * stays locked until a manager who checked the UAPAY cabinet says whether it happened. The facts
 * come first (what was sent, when, what UAPAY shows now), then the two answers, each confirmed.
 */
export function AttentionNote({
  paymentId,
  timeline,
  onDone,
}: {
  paymentId: number;
  timeline?: JournalEntry[];
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Answer>();
  const entry = timeline?.find((candidate) => candidate.outcome === 'needs_attention');
  if (!entry) return null;
  const language = currentLanguage();
  const operation = kindLabel(t, entry.kind);
  const facts = entry.attention;
  const amount = facts?.amount ?? entry.amount;
  const money = amount === undefined ? '' : formatMoney(amount, language);
  const shows = facts?.uapay;
  const answer = async (happened: boolean) => {
    await call('payments.resolve', { paymentId, opId: entry.opId, happened });
    notify('success', (tr) =>
      tr(happened ? 'panel.attention.doneHappened' : 'panel.attention.doneNotHappened'),
    );
    onDone();
  };
  return (
    <div className="callout callout-warning attention-note" role="alert" data-testid="attention-note">
      <div className="callout-body">
        <p className="callout-title">{t('panel.attention.title')}</p>
        <p>
          {t('panel.attention.text', { operation, amount: money, at: formatDateTime(entry.at, 'medium') })}
        </p>
        <dl className="attention-facts">
          <dt>{t('panel.attention.sent')}</dt>
          <dd>
            {operation}
            {money && ` · ${money}`} · {formatDateTime(entry.at, 'medium')}
          </dd>
          <dt>{t('panel.attention.uapayShows')}</dt>
          <dd>
            {shows
              ? [shows.paymentStatus, shows.status].filter(Boolean).join(' / ') +
                (shows.amount !== undefined ? ` · ${formatMoney(shows.amount, language)}` : '') +
                (shows.reversedAt
                  ? ` · ${t('panel.attention.reversedAt', { at: formatDateTime(shows.reversedAt, 'medium') })}`
                  : '')
              : t('panel.attention.noAnswer')}
          </dd>
          {facts?.error && (
            <>
              <dt>{t('panel.attention.why')}</dt>
              <dd>{errorWords(t, facts.error).title}</dd>
            </>
          )}
        </dl>
        <p className="callout-next">{t('panel.attention.next')}</p>
        <div className="attention-actions">
          <Button size="sm" onClick={() => setAsking('happened')}>
            {t('panel.attention.happened')}
          </Button>
          <Button size="sm" onClick={() => setAsking('notHappened')}>
            {t('panel.attention.notHappened')}
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={asking !== undefined}
        title={t(`panel.attention.confirm.${asking ?? 'happened'}.title`, { operation })}
        text={t(`panel.attention.confirm.${asking ?? 'happened'}.text`, { operation, amount: money })}
        confirmLabel={t(`panel.attention.${asking ?? 'happened'}`)}
        onConfirm={() => answer(asking === 'happened')}
        onClose={() => setAsking(undefined)}
      />
    </div>
  );
}
