import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AboutPanel } from './components/AboutPanel';
import { ErrorMessage } from './components/ErrorMessage';
import { StatusBar } from './components/StatusBar';
import { useAppInfo } from './store/appInfo';

export function App() {
  const { t } = useTranslation();
  const { info, error, load } = useAppInfo();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="shell">
      <header className="top-bar">
        <span className="brand" aria-hidden="true">
          UA
        </span>
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
      </header>
      <main className="content">
        {error && <ErrorMessage error={error} onRetry={() => void load()} />}
        {info ? <AboutPanel info={info} /> : !error && <div className="card skeleton" aria-busy="true" />}
      </main>
      <StatusBar info={info} />
    </div>
  );
}
