import { useTranslation } from 'react-i18next';
import { SectionFrame } from './SectionFrame';
import { ProfileExportCard } from './ProfileExportCard';
import { ProfileImportCard } from './ProfileImportCard';

export function ProfileSection() {
  const { t } = useTranslation();
  return (
    <SectionFrame title={t('settings.sections.profile')} description={t('settings.profile.description')}>
      <ProfileExportCard />
      <ProfileImportCard />
    </SectionFrame>
  );
}
