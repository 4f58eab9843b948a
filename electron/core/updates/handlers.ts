import type { Handlers } from '../../shared/contract';
import type { UpdatesCenter } from './center';

export type UpdatesChannels = 'app.update.status' | 'app.update.check' | 'app.update.restart';

export function updatesHandlers(updates: UpdatesCenter): Pick<Handlers, UpdatesChannels> {
  return {
    'app.update.status': async () => updates.status(),
    'app.update.check': () => updates.check(),
    'app.update.restart': async () => updates.restart(),
  };
}
