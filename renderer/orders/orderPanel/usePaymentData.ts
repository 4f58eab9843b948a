import { useEffect, useState } from 'react';
import type { OrderView } from '../../../electron/shared/channels/orders';
import type { JournalEntry } from '../../../electron/shared/channels/journal';
import type { DeskError } from '../../../electron/shared/errors';
import { paymentOf } from '../../activity/journalWords';
import { call } from '../../desk';
import { useDeskFeed } from '../../deskHooks';

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

/** The payment's operations, by order, so "add payment" (journaled before the payment had an id) is in it too. */
function readTimeline(orderId: number, paymentId: number): Promise<JournalEntry[]> {
  return call('journal.list', { orderId, limit: TIMELINE_LIMIT }).then((entries) =>
    entries.filter((entry) => paymentOf(entry) === paymentId),
  );
}

/**
 * One payment's order (fresh from RetailCRM through `orders.get`) and its timeline (the journal),
 * kept live: a changed row (status sync, another manager's action) is merged in place, without a
 * reload flicker, and the timeline follows it. The panel mounts one per payment (keyed), so an
 * earlier payment's answers never land in another's panel.
 */
export function usePaymentData(paymentId: number): PaymentData {
  const feed = useDeskFeed(async () => {
    const view = await call('orders.get', { paymentId });
    return { view, timeline: await readTimeline(view.row.orderId, paymentId) };
  }, [paymentId]);
  const [removed, setRemoved] = useState(false);
  const { update } = feed;

  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const off = window.desk.on('orders.changed', (change) => {
      const row = change.changed.find((r) => r.paymentId === paymentId);
      if (row) {
        update((data) => data && { ...data, view: { ...data.view, row } });
        // Several changes in a row (sync, then the CRM write) ask the journal once.
        clearTimeout(pending);
        pending = setTimeout(
          () =>
            void readTimeline(row.orderId, paymentId).then(
              (timeline) => update((data) => data && { ...data, timeline }),
              () => undefined,
            ),
          300,
        );
      }
      if (change.removed.includes(paymentId)) setRemoved(true);
    });
    return () => {
      off();
      clearTimeout(pending);
    };
  }, [paymentId, update]);

  const notFound = feed.error !== undefined && isNotFound(feed.error);
  return {
    view: feed.data?.view,
    timeline: feed.data?.timeline,
    error: notFound ? undefined : feed.error,
    gone: removed || notFound,
    loading: feed.loading,
    reload: async () => {
      setRemoved(false);
      await feed.reload();
    },
  };
}
