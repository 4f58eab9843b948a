import { useTranslation } from 'react-i18next';
import type { IconName } from '../components/Icon';
import { Icon } from '../components/Icon';
import { moveFocusInList } from '../keyboard';
import { SETTINGS_SECTIONS, useRouter, type SettingsSection } from '../store/routerStore';
import { useSettings } from '../store/settingsStore';
import { ReadinessChecklist } from '../onboarding/ReadinessChecklist';
import { AboutSection } from './AboutSection';
import { GeneralSection } from './GeneralSection';
import { MerchantsSection } from './MerchantsSection';
import { PaymentTypesSection } from './PaymentTypesSection';
import { ProfileSection } from './ProfileSection';
import { RelaySection } from './RelaySection';
import { RetailCrmSection } from './RetailCrmSection';
import { SmtpSection } from './SmtpSection';
import { StatusMappingSection } from './StatusMappingSection';
import './setup.css';

const ICONS: Record<SettingsSection, IconName> = {
  retailcrm: 'database',
  merchants: 'store',
  paymentTypes: 'link',
  statuses: 'mapping',
  relay: 'relay',
  general: 'settings',
  email: 'mail',
  profile: 'team',
  about: 'info',
};

/** Loaded on first use (its own chunk, with the schemas that check the forms). */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { section, openSettings } = useRouter();
  const view = useSettings((s) => s.view);
  if (!view) return null; // the frame shows its skeleton until the settings are there

  return (
    <div className="settings">
      <nav className="settings-nav" aria-label={t('settings.sectionsLabel')}>
        <ul className="nav-list" onKeyDown={moveFocusInList}>
          {SETTINGS_SECTIONS.map((item) => (
            <li key={item}>
              <button
                type="button"
                className="nav-item"
                aria-current={section === item ? 'page' : undefined}
                onClick={() => openSettings(item)}
              >
                <Icon name={ICONS[item]} />
                <span>{t(`settings.sections.${item}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings-body">
        <ReadinessChecklist variant="settings" />
        {section === 'retailcrm' && <RetailCrmSection view={view} />}
        {section === 'merchants' && <MerchantsSection view={view} />}
        {section === 'paymentTypes' && <PaymentTypesSection view={view} />}
        {section === 'statuses' && <StatusMappingSection view={view} />}
        {section === 'relay' && <RelaySection view={view} />}
        {section === 'general' && <GeneralSection key="general" settings={view.settings} />}
        {section === 'email' && <SmtpSection key="email" view={view} />}
        {section === 'profile' && <ProfileSection />}
        {section === 'about' && <AboutSection />}
      </div>
    </div>
  );
}
