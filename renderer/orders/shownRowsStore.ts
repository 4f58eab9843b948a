import { create } from 'zustand';
import type { OrderRow } from '../../electron/shared/orders';

/**
 * The rows the list shows now, in its order (after the filters and the sort): what a shift-click
 * range, "select all matching" and the bulk actions work on.
 */
export const useShownRows = create<{ rows: readonly OrderRow[] }>(() => ({ rows: [] }));
