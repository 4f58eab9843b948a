import { lazy, Suspense } from 'react';
import { Skeleton } from '../components/Skeleton';

// Only Demo mode has a mailbox: its code is fetched when the screen is first opened.
const MailboxView = lazy(() => import('./MailboxView').then((m) => ({ default: m.MailboxView })));

/** The Demo mailbox screen (renderer/demo/MailboxView.tsx). */
export function MailboxScreen() {
  return (
    <Suspense fallback={<Skeleton shape="block" height="160px" />}>
      <MailboxView />
    </Suspense>
  );
}
