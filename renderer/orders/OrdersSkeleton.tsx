import { useTranslation } from 'react-i18next';
import { Skeleton } from '../components/Skeleton';

const ROWS = 10;
const WIDTHS = ['60%', '80%', '70%', '90%', '75%'];

/** The list's shape while its first rows load, so nothing jumps when they arrive. */
export function OrdersSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="orders-scroll orders-skeleton" aria-busy="true" aria-label={t('orders.table.loading')}>
      <div className="orders-skeleton-head">
        <Skeleton width="120px" />
      </div>
      {Array.from({ length: ROWS }, (_, row) => (
        <div key={row} className="orders-skeleton-row">
          {WIDTHS.map((width, cell) => (
            <Skeleton key={cell} width={WIDTHS[(row + cell) % WIDTHS.length] ?? width} />
          ))}
        </div>
      ))}
    </div>
  );
}
