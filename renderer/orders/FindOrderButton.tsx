import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { useOrdersQuery } from './queryStore';

const FindOrderDialog = lazy(() => import('./FindOrderDialog').then((m) => ({ default: m.FindOrderDialog })));

/**
 * "Find an order": any RetailCRM order by number, the search box's text to start with. In the
 * toolbar an icon (named for screen readers and in its tooltip), with words in the empty list.
 */
export function FindOrderButton({ label }: { label?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const search = useOrdersQuery((s) => s.query.search);
  return (
    <>
      {label ? (
        <Button size="sm" icon="search" onClick={() => setOpen(true)} data-testid="find-order">
          {label}
        </Button>
      ) : (
        <Button
          size="sm"
          icon="orders"
          aria-label={t('orders.find.button')}
          title={t('orders.find.button')}
          onClick={() => setOpen(true)}
          data-testid="find-order"
        />
      )}
      {open && (
        <Suspense fallback={null}>
          <FindOrderDialog initial={search.trim()} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
