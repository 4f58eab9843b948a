import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../../electron/shared/channels/journal';
import { Callout } from '../../components/Callout';
import { kindLabel } from '../../activity/journalWords';

/**
 * An operation on this payment that is not finished: said in plain words at the top of the panel,
 * so nobody repeats a capture or a refund that has in fact happened. (One that waits for a
 * person's decision is AttentionNote's.)
 */
export function PendingNote({ timeline }: { timeline?: JournalEntry[] }) {
  const { t } = useTranslation();
  const open = timeline?.find((entry) => ['crm_pending', 'in_progress'].includes(entry.outcome));
  if (!open) return null;
  const operation = kindLabel(t, open.kind);
  const text =
    open.outcome === 'crm_pending'
      ? t('panel.pending.crmPending', { operation })
      : t('panel.pending.inProgress', { operation });
  return (
    <Callout tone="warning" title={t('panel.pending.title')}>
      <p>{text}</p>
    </Callout>
  );
}
