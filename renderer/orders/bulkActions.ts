import { create } from 'zustand';
import type { OrderRow } from '../../electron/shared/orders';

/** The bulk actions the selection bar has a place for, in the order it shows them. */
export const BULK_ACTIONS = ['confirm', 'cancel'] as const;
export type BulkActionId = (typeof BULK_ACTIONS)[number];

export interface BulkAction {
  /**
   * Called with the selected rows, in list order, every one of them (not only the held ones): the
   * action decides what applies and asks for confirmation itself.
   */
  run(rows: readonly OrderRow[]): void;
  /** Whether the button can be pressed for this selection (default: whenever something is selected). */
  enabled?(rows: readonly OrderRow[]): boolean;
}

interface BulkActionsState {
  actions: Partial<Record<BulkActionId, BulkAction>>;
}

/**
 * Where the bulk UI plugs its actions into the list's selection bar. Until an action is registered
 * its button shows, disabled, with a tooltip saying it is not available yet.
 */
export const useBulkActions = create<BulkActionsState>(() => ({ actions: {} }));

/** Registers (or replaces) an action; the function returned takes it away again (for an effect's cleanup). */
export function registerBulkAction(id: BulkActionId, action: BulkAction): () => void {
  useBulkActions.setState((s) => ({ actions: { ...s.actions, [id]: action } }));
  return () =>
    useBulkActions.setState((s) => {
      if (s.actions[id] !== action) return s;
      const rest = { ...s.actions };
      delete rest[id];
      return { actions: rest };
    });
}
