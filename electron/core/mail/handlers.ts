import type { Handlers } from '../../shared/contract';
import type { Secrets } from '../secrets/secrets';
import type { SettingsService } from '../settings/service';
import { sendTestLetter } from './testLetter';

export function mailHandlers(deps: {
  settings: Pick<SettingsService, 'get'>;
  secrets: Pick<Secrets, 'read'>;
}): Pick<Handlers, 'mail.sendTest'> {
  return { 'mail.sendTest': ({ to }) => sendTestLetter(deps, to) };
}
