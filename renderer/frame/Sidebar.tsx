import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon';
import { moveFocusInList } from '../keyboard';
import { SCREENS, useRouter, type Screen } from '../store/routerStore';
import { useSettings } from '../store/settingsStore';
import { Logo } from './Logo';

const ICONS: Record<Screen, IconName> = {
  orders: 'orders',
  activity: 'activity',
  mailbox: 'mail',
  settings: 'settings',
};

export function Sidebar() {
  const { t } = useTranslation();
  const { screen, go } = useRouter();
  const demo = useSettings((s) => s.view?.settings.demoMode === true);
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <Logo />
        <div className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list" onKeyDown={moveFocusInList}>
          {SCREENS.filter((item) => item !== 'mailbox' || demo).map((item) => (
            <li key={item}>
              <button
                type="button"
                className="nav-item"
                aria-current={screen === item ? 'page' : undefined}
                onClick={() => go(item)}
              >
                <Icon name={ICONS[item]} />
                <span>{item === 'mailbox' ? t('mailbox.nav') : t(`nav.${item}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
