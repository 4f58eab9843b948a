import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

/** The audit log arrives with the journal's channel; until then, what this screen will hold. */
export function ActivityScreen() {
  const { t } = useTranslation();
  return <EmptyState icon="activity" title={t('activity.emptyTitle')} text={t('activity.emptyText')} />;
}
