import { useCallback, useEffect, useState } from 'react';
import type { OrderView } from '../../../electron/shared/channels/orders';
import type { JournalEntry } from '../../../electron/shared/channels/journal';
import type { DeskError } from '../../../electron/shared/errors';
import { paymentOf } from '../../activity/journalWords';
import { call, deskError } from '../../desk';

/** An order's operations are few; this is far more than any has. */
const TIMELINE_LIMIT = 500;

export interface PaymentData {
  view?: OrderView;
  /** The payment's operations, newest first. */
  timeline?: JournalEntry[];
  /** Why the order could not be read (what was shown before stays on screen). */
  error?: DeskError;
  /** The payment is no longer in the list (deleted or unlinked in RetailCRM). */
  gone: boolean;
  loading: boolean;
  /** Reads the order fresh from RetailCRM and the timeline from the journal. */
  reload(): Promise<void>;
}

const isNotFound = (error: DeskError) => error.kind === 'not_found';

/**
 * One payment's order (fresh from RetailCRM through `orders.get`) and its timeline (the journal),
 * kept live: a changed row (status sync, another manager's action) is merged in place, without a
 * reload flicker, and the timeline follows it. The panel mounts one per payment (keyed), so an
 * earlier payment's answers never land in another's panel.
 */
export function usePaymentData(paymentId: number): PaymentData {
  const [view, setView] = useState<OrderView>();
  const [timeline, setTimeline] = useState<JournalEntry[]>();
  const [error, setError] = useState<DeskError>();
  const [gone, setGone] = useState(false);
  const [loading, setLoading] = useState(true);
  // By order, so "add payment" (journaled before the payment had an id) is in the timeline too.
  const loadTimeline = useCallback(
    (orderId: number) =>
      call('journal.list', { orderId, limit: TIMELINE_LIMIT }).then((entries) =>
        setTimeline(entries.filter((entry) => paymentOf(entry) === paymentId)),
      ),
    [paymentId],
  );

  // Sets state only in the answers' callbacks, so the effect below may start it.
  const fetchAll = useCallback(
    () =>
      call('orders.get', { paymentId })
        .then((fresh) => loadTimeline(fresh.row.orderId).then(() => fresh))
        .then(
          (fresh) => {
            setView(fresh);
            setError(undefined);
            setGone(false);
          },
          (failure: unknown) => {
            const info = deskError(failure);
            if (isNotFound(info)) setGone(true);
            else setError(info);
          },
        )
        .finally(() => setLoading(false)),
    [paymentId, loadTimeline],
  );

  useEffect(() => {
    void fetchAll();
  }, [fetchAll]);

  const reload = useCallback(async () => {
    setLoading(true);
    await fetchAll();
  }, [fetchAll]);

  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const off = window.desk.on('orders.changed', (change) => {
      const row = change.changed.find((r) => r.paymentId === paymentId);
      if (row) {
        setView((before) => (before ? { ...before, row } : before));
        // Several changes in a row (sync, then the CRM write) ask the journal once.
        clearTimeout(pending);
        pending = setTimeout(() => void loadTimeline(row.orderId).catch(() => undefined), 300);
      }
      if (change.removed.includes(paymentId)) setGone(true);
    });
    return () => {
      off();
      clearTimeout(pending);
    };
  }, [paymentId, loadTimeline]);

  return { view, timeline, error, gone, loading, reload };
}
