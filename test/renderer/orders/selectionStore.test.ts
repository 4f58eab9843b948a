import { beforeEach, describe, expect, it } from 'vitest';
import type { Kopiyky } from '../../../electron/shared/money';
import { summarizeSelection, useSelection } from '../../../renderer/orders/selectionStore';
import { orderRow } from '../rows';

const row = orderRow;

const shown = [1, 2, 3, 4, 5, 6].map((id) => row(id));
const selected = () => [...useSelection.getState().selected].sort((a, b) => a - b);

describe('the list selection', () => {
  beforeEach(() => useSelection.setState(useSelection.getInitialState(), true));

  it('a shift-click selects every row shown between the anchor and the clicked one, either way', () => {
    const { toggle, toggleRange } = useSelection.getState();
    toggle(5);
    toggleRange(shown, 2);
    expect(selected()).toEqual([2, 3, 4, 5]);
    expect(useSelection.getState().anchor).toBe(2);
  });

  it('a shift-click on a selected row clears the range, leaving the rows outside it alone', () => {
    const { toggle, toggleRange } = useSelection.getState();
    toggle(1);
    toggleRange(shown, 6);
    toggle(3); // off, and the anchor moves here
    toggleRange(shown, 5); // 5 is selected: the range 3..5 goes off
    expect(selected()).toEqual([1, 2, 6]);
  });

  it('follows the order shown, not the payment ids', () => {
    const reordered = [6, 1, 5, 2, 4, 3].map((id) => row(id));
    const { toggle, toggleRange } = useSelection.getState();
    toggle(1);
    toggleRange(reordered, 2);
    expect(selected()).toEqual([1, 2, 5]);
  });

  it('without an anchor, or when the anchor is no longer shown, a shift-click is a plain click', () => {
    useSelection.getState().toggleRange(shown, 4);
    expect(selected()).toEqual([4]);
    useSelection.getState().toggleRange(
      shown.filter((r) => r.paymentId !== 4),
      6,
    );
    expect(selected()).toEqual([4, 6]);
  });

  it('drops what the filter no longer shows, and clears the anchor with the selection', () => {
    const { selectAll, keepOnly, clear } = useSelection.getState();
    selectAll(shown);
    keepOnly(shown.slice(0, 2));
    expect(selected()).toEqual([1, 2]);
    clear();
    expect(useSelection.getState()).toMatchObject({ anchor: undefined });
    expect(selected()).toEqual([]);
  });

  it('sums what the held rows hold: what UAPAY holds once asked, else what the link asked for', () => {
    const rows = [
      row(1, 'held', 100),
      { ...row(2, 'held', 500), uapay: { amount: 300 as Kopiyky, checkedAt: '2026-11-01T10:00:00.000Z' } },
      row(3, 'paid', 1000),
      row(4, 'held', 7),
    ];
    const summary = summarizeSelection(rows, new Set([3, 2, 1]));
    expect(summary.rows.map((r) => r.paymentId)).toEqual([1, 2, 3]);
    expect(summary.held).toEqual({ count: 2, total: 400 });
  });
});
