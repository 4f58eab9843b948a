import type { Channel } from '../../electron/shared/contract';
import type { SettingsView } from '../../electron/shared/settings';
import { call, deskError } from '../desk';
import { notify, notifyError } from './notices';
import { useRouter } from './router';
import { useSettings } from './settings';

/**
 * `demo.start` ({} → SettingsView) is being added to the contract by the lead. Until it is there,
 * the name is cast and the call guarded; when it lands, delete `as Channel`, the `in` guard and the
 * `as SettingsView` below, and this is the plain typed call.
 */
const DEMO_START = 'demo.start' as Channel;

/** "Try Demo mode": starts the sandbox with seeded data; the settings then say `demoMode: true`. */
export async function startDemo(): Promise<void> {
  if (!(DEMO_START in window.desk)) {
    notify('info', (t) => t('demo.unavailable'));
    return;
  }
  try {
    const view = (await call(DEMO_START, {})) as SettingsView;
    await useSettings.getState().apply(view);
    useRouter.getState().go('orders');
    notify('success', (t) => t('demo.started'));
  } catch (error) {
    notifyError(deskError(error));
  }
}
