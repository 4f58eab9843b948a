import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';

/** Always on screen in Demo mode, so nobody mistakes the practice shop for the real one. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <div className="demo-banner" role="note">
      <Icon name="sparkle" />
      <strong>{t('demo.banner')}</strong>
      <span>{t('demo.bannerDetail')}</span>
    </div>
  );
}
