import { call, deskError } from '../desk';
import { notify, notifyError } from '../store/noticesStore';
import { useRouter } from '../store/routerStore';
import { useSettings } from '../store/settingsStore';

/** "Try Demo mode": starts the sandbox with seeded data; the settings then say `demoMode: true`. */
export async function startDemo(): Promise<void> {
  try {
    const view = await call('demo.start', {});
    await useSettings.getState().apply(view);
    useRouter.getState().go('orders');
    notify('success', (t) => t('demo.started'));
  } catch (error) {
    notifyError(deskError(error));
  }
}

/** Leaves Demo mode: the sandbox stops and the person's own settings come back. */
export async function stopDemo(): Promise<void> {
  try {
    const view = await call('demo.stop', {});
    await useSettings.getState().apply(view);
    useRouter.getState().go('orders');
  } catch (error) {
    notifyError(deskError(error));
  }
}
