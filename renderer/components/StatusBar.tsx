import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../electron/shared/app';

export function StatusBar({ info }: { info?: AppInfo }) {
  const { t } = useTranslation();
  return (
    <footer className="status-bar" role="status">
      {info ? (
        <>
          <span>
            {t('app.name')} {info.version}
          </span>
          <span className={info.keychain.available ? 'dot ok' : 'dot bad'}>
            {t(info.keychain.available ? 'status.keychainOk' : 'status.keychainMissing')}
          </span>
        </>
      ) : (
        <span>{t('status.loading')}</span>
      )}
    </footer>
  );
}
