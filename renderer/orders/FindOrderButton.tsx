import { lazy, Suspense, useState } from 'react';
import { Button } from '../components/Button';
import { useOrdersQuery } from './queryStore';

const FindOrderDialog = lazy(() => import('./FindOrderDialog').then((m) => ({ default: m.FindOrderDialog })));

/** "Look it up in RetailCRM" where a search finds nothing: any order by number, the search's text to start with. */
export function FindOrderButton({ label }: { label: string }) {
  const [open, setOpen] = useState(false);
  const search = useOrdersQuery((s) => s.query.search);
  return (
    <>
      <Button size="sm" icon="search" onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <FindOrderDialog initial={search.trim()} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
