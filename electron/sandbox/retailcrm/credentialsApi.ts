/** The unversioned methods (reference §1.1, §2): what a key may do, and which API versions exist. */
import { ok, type Handlers } from './handler';
import { credentialsFor } from './routes';

export const credentialHandlers: Handlers = {
  credentials: (call) => {
    const { apiKey, state } = call;
    const sitesAvailable = apiKey.siteAccess === 'access_full' ? [...state.refs.sites.keys()] : apiKey.sites;
    return ok({
      scopes: apiKey.scopes,
      credentials: credentialsFor(apiKey.scopes),
      siteAccess: apiKey.siteAccess,
      sitesAvailable,
    });
  },

  'api-versions': () => ok({ versions: ['3.0', '4.0', '5.0'] }),
};
