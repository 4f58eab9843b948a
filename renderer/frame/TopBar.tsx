import { useTranslation } from 'react-i18next';

export type TopBarScreen = 'orders' | 'activity' | 'settings' | 'welcome' | 'mailbox';

/** The screen's title (the page's one h1) and what it is for. */
export function TopBar({ screen }: { screen: TopBarScreen }) {
  const { t } = useTranslation();
  return (
    <header className="top-bar">
      <div className="top-bar-titles">
        <h1>{screen === 'mailbox' ? t('mailbox.title') : t(`screens.${screen}.title`)}</h1>
        <p>{screen === 'mailbox' ? t('mailbox.subtitle') : t(`screens.${screen}.subtitle`)}</p>
      </div>
    </header>
  );
}
