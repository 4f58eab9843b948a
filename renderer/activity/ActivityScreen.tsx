import { lazy, Suspense } from 'react';
import { Skeleton } from '../components/Skeleton';

// The audit log is its own chunk, fetched when the screen is first opened.
const ActivityView = lazy(() => import('./ActivityView').then((m) => ({ default: m.ActivityView })));

function Loading() {
  return (
    <div className="activity-skeleton" aria-busy="true">
      <Skeleton shape="field" width="min(640px, 100%)" />
      <Skeleton width="90%" />
      <Skeleton width="84%" />
      <Skeleton width="78%" />
    </div>
  );
}

/** The Activity screen: the journal of every payment operation (renderer/activity/ActivityView.tsx). */
export function ActivityScreen() {
  return (
    <Suspense fallback={<Loading />}>
      <ActivityView />
    </Suspense>
  );
}
