import { create } from 'zustand';
import type { Kopiyky } from '../../electron/shared/money';
import type { OrderRow } from '../../electron/shared/orders';

interface SelectionState {
  /** RetailCRM payment ids: a row keeps its place in the selection when it changes or moves. */
  selected: ReadonlySet<number>;
  /** Where the last plain click or Space was: a shift-click selects from here. */
  anchor?: number;
  toggle(paymentId: number): void;
  /**
   * Shift-click: every row between the anchor and this one (in the order shown) takes the state
   * the clicked row is switched to, as in a mail client.
   */
  toggleRange(ordered: readonly OrderRow[], paymentId: number): void;
  /** "Select all matching": the whole filtered set, not only the rows on screen. */
  selectAll(rows: readonly OrderRow[]): void;
  clear(): void;
  /** Drops what the filter no longer shows, so a bulk action never reaches a row out of sight. */
  keepOnly(rows: readonly OrderRow[]): void;
}

export const useSelection = create<SelectionState>((set, get) => ({
  selected: new Set(),
  toggle: (paymentId) => {
    const selected = new Set(get().selected);
    if (!selected.delete(paymentId)) selected.add(paymentId);
    set({ selected, anchor: paymentId });
  },
  toggleRange: (ordered, paymentId) => {
    const { anchor } = get();
    const to = ordered.findIndex((row) => row.paymentId === paymentId);
    const from = anchor === undefined ? -1 : ordered.findIndex((row) => row.paymentId === anchor);
    if (to < 0 || from < 0) return get().toggle(paymentId);
    const on = !get().selected.has(paymentId);
    const selected = new Set(get().selected);
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
      const id = ordered[i]!.paymentId;
      if (on) selected.add(id);
      else selected.delete(id);
    }
    set({ selected, anchor: paymentId });
  },
  selectAll: (rows) => set({ selected: new Set(rows.map((row) => row.paymentId)) }),
  clear: () => set({ selected: new Set(), anchor: undefined }),
  keepOnly: (rows) => {
    const { selected } = get();
    if (selected.size === 0) return;
    const kept = new Set(rows.filter((row) => selected.has(row.paymentId)).map((row) => row.paymentId));
    if (kept.size !== selected.size) set({ selected: kept });
  },
}));

export interface SelectionSummary {
  rows: OrderRow[];
  held: { count: number; total: Kopiyky };
}

/** The selected rows among `rows` (in their order), and how many of them are held, for how much. */
export function summarizeSelection(
  rows: readonly OrderRow[],
  selected: ReadonlySet<number>,
): SelectionSummary {
  const chosen = selected.size === 0 ? [] : rows.filter((row) => selected.has(row.paymentId));
  let count = 0;
  let total = 0;
  for (const row of chosen) {
    if (row.state !== 'held') continue;
    count++;
    // What UAPAY holds when status sync has asked; else what the link asked for.
    total += row.uapay?.amount ?? row.amount;
  }
  return { rows: chosen, held: { count, total: total as Kopiyky } };
}
