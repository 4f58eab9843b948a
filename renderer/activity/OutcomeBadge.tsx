import { useTranslation } from 'react-i18next';
import { OUTCOME_TONE, type Outcome } from './journalWords';
import './journal.css';

/** How an operation ended, coloured: green done, red failed, amber still open, blue settled later. */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return (
    <span className={`outcome outcome-${OUTCOME_TONE[outcome]}`} title={t(`activity.outcomeHelp.${outcome}`)}>
      {t(`activity.outcomes.${outcome}`)}
    </span>
  );
}
