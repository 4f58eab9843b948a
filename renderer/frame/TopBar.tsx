import { useTranslation } from 'react-i18next';

export type TopBarScreen = 'orders' | 'activity' | 'settings' | 'welcome';

/** The screen's title (the page's one h1) and what it is for. */
export function TopBar({ screen }: { screen: TopBarScreen }) {
  const { t } = useTranslation();
  return (
    <header className="top-bar">
      <div className="top-bar-titles">
        <h1>{t(`screens.${screen}.title`)}</h1>
        <p>{t(`screens.${screen}.subtitle`)}</p>
      </div>
    </header>
  );
}
