import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon';
import { moveFocusInList } from '../keyboard';
import { SCREENS, useRouter, type Screen } from '../store/router';
import { Logo } from './Logo';

const ICONS: Record<Screen, IconName> = { orders: 'orders', activity: 'activity', settings: 'settings' };

export function Sidebar() {
  const { t } = useTranslation();
  const { screen, go } = useRouter();
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
          {SCREENS.map((item) => (
            <li key={item}>
              <button
                type="button"
                className="nav-item"
                aria-current={screen === item ? 'page' : undefined}
                onClick={() => go(item)}
              >
                <Icon name={ICONS[item]} />
                <span>{t(`nav.${item}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
