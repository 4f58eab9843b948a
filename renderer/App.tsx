import { lazy, Suspense, useEffect } from 'react';
import { ActivityScreen } from './activity/ActivityScreen';
import { BulkActions } from './bulk/BulkActions';
import { ErrorMessage } from './components/ErrorMessage';
import { NoticeArea } from './components/NoticeArea';
import { Skeleton } from './components/Skeleton';
import { MailboxScreen } from './demo/MailboxScreen';
import { DemoBanner } from './frame/DemoBanner';
import { FrameSkeleton } from './frame/FrameSkeleton';
import { ProblemBanner } from './frame/ProblemBanner';
import { Sidebar } from './frame/Sidebar';
import { StatusBar } from './frame/StatusBar';
import { TopBar, type TopBarScreen } from './frame/TopBar';
import { UpdateBanner } from './frame/UpdateBanner';
import { useGlobalShortcuts } from './keyboard';
import { FirstRun } from './onboarding/FirstRun';
import { useOpenFromNotifications } from './orders/openFromNotifications';
import { OrderPanel } from './orders/orderPanel/OrderPanel';
import { OrdersScreen } from './orders/OrdersScreen';
import { useAppInfo } from './store/appInfoStore';
import { useCoreNotices } from './store/coreNotices';
import { useRouter } from './store/routerStore';
import { isFirstRun, useSettings } from './store/settingsStore';
import { useUpdatesFeed } from './store/updatesStore';

const loadSettingsScreen = () => import('./settings/SettingsScreen');
const SettingsScreen = lazy(() => loadSettingsScreen().then((m) => ({ default: m.SettingsScreen })));

function SettingsSkeleton() {
  return (
    <div className="settings" aria-busy="true">
      <div className="settings-nav">
        <Skeleton width="80%" />
        <Skeleton width="70%" />
        <Skeleton width="75%" />
      </div>
      <div className="settings-body">
        <Skeleton width="200px" height="20px" />
        <Skeleton shape="block" height="220px" />
      </div>
    </div>
  );
}

export function App() {
  const { view, error, load } = useSettings();
  const { info, load: loadInfo } = useAppInfo();
  const screen = useRouter((s) => s.screen);
  useCoreNotices();
  useUpdatesFeed();
  useGlobalShortcuts();
  useOpenFromNotifications();

  useEffect(() => {
    void load();
    void loadInfo();
    // Fetch the settings chunk while the manager looks at the first screen, so it opens at once.
    void loadSettingsScreen();
  }, [load, loadInfo]);

  if (!view && !error) return <FrameSkeleton />;

  const welcome = view !== undefined && isFirstRun(view) && screen === 'orders';
  const title: TopBarScreen = welcome ? 'welcome' : screen;
  return (
    <div className="app">
      <Sidebar />
      <div className="main">
        <TopBar screen={title} />
        {view?.settings.demoMode && <DemoBanner />}
        <UpdateBanner />
        <main className="content" id="content">
          {view?.problem && <ProblemBanner problem={view.problem} />}
          {error && !view ? (
            <ErrorMessage error={error} onRetry={() => void load()} />
          ) : welcome ? (
            <FirstRun />
          ) : screen === 'orders' ? (
            <OrdersScreen />
          ) : screen === 'activity' ? (
            <ActivityScreen />
          ) : screen === 'mailbox' ? (
            <MailboxScreen />
          ) : (
            <Suspense fallback={<SettingsSkeleton />}>
              <SettingsScreen />
            </Suspense>
          )}
        </main>
      </div>
      <StatusBar view={view} info={info} />
      <OrderPanel />
      <BulkActions />
      <NoticeArea />
    </div>
  );
}
