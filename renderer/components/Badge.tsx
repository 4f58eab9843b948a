import { useTranslation } from 'react-i18next';
import type { LifecycleState } from '../../electron/shared/lifecycle';

/**
 * A payment's lifecycle state, colour-coded: blue while it waits for the customer, amber while
 * money is held and needs a decision, green when paid, violet once refunded, red when it failed,
 * grey when nothing moves any more. The colours are in app.css (`.badge-<state>`).
 */
export function Badge({ state }: { state: LifecycleState }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${state}`}>{t(`lifecycle.${state}`)}</span>;
}
