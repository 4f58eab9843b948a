import type { OrdersColumnMeta } from './columns';

/** A cell's classes from its column: alignment, and sticky for the columns that stay in view. */
export function cellClass(meta: OrdersColumnMeta | undefined, base = 'orders-cell'): string {
  return [base, meta?.align && `orders-align-${meta.align}`, meta?.sticky && 'orders-sticky']
    .filter(Boolean)
    .join(' ');
}
