import { useTranslation } from 'react-i18next';
import { Skeleton } from '../components/Skeleton';

/** The frame's shape while the first settings arrive (milliseconds): the real frame then fills it in place. */
export function FrameSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="app" aria-busy="true">
      <aside className="sidebar">
        <div className="sidebar-brand">
          <Skeleton shape="block" width="28px" height="28px" />
          <Skeleton width="96px" />
        </div>
        <div className="nav-list">
          <Skeleton width="70%" />
          <Skeleton width="60%" />
          <Skeleton width="65%" />
        </div>
      </aside>
      <div className="main">
        <header className="top-bar">
          <div className="top-bar-titles">
            <Skeleton width="160px" height="18px" />
            <Skeleton width="260px" />
          </div>
        </header>
        <main className="content">
          <p className="visually-hidden">{t('app.loading')}</p>
          <Skeleton shape="block" height="180px" width="min(640px, 100%)" />
        </main>
      </div>
      <footer className="status-bar">
        <Skeleton width="220px" />
      </footer>
    </div>
  );
}
