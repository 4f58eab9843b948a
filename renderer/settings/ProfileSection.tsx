import { useTranslation } from 'react-i18next';
import { SectionFrame } from './SectionFrame';
import { ProfileExportPanel } from './ProfileExportPanel';
import { ProfileImportPanel } from './ProfileImportPanel';

export function ProfileSection() {
  const { t } = useTranslation();
  return (
    <SectionFrame title={t('settings.sections.profile')} description={t('settings.profile.description')}>
      <ProfileExportPanel />
      <ProfileImportPanel />
    </SectionFrame>
  );
}
