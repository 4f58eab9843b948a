import { Skeleton } from '../../components/Skeleton';

/**
 * The panel's shape while it has nothing to show: its code arriving (the first time), then the
 * order read from RetailCRM. One shape for both, so nothing jumps between the two.
 */
export function OrderPanelSkeleton() {
  return (
    <div className="order-panel-skeleton" aria-hidden="true">
      <Skeleton shape="field" width="60%" />
      <Skeleton shape="block" height="120px" />
      <Skeleton shape="block" height="90px" />
      <Skeleton shape="block" height="140px" />
    </div>
  );
}
