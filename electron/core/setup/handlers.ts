import type { Handlers } from '../../shared/contract';
import type { Connections } from '../connections';
import type { SettingsService } from '../settings/service';
import { addMerchant, checkMerchantConnection, removeMerchant, updateMerchant } from './merchants';
import { createPaymentType, linkPaymentType, listPaymentTypes } from './paymentTypes';
import { readiness } from './readiness';
import { connectRetailCrm, disconnectRetailCrm } from './retailCrmConnect';
import { createStatus, setStatusMapping, statusMappingView } from './statusMapping';

export type SetupChannel = Extract<keyof Handlers, `setup.${string}`>;

export interface SetupDeps {
  settings: SettingsService;
  connections: Connections;
}

/** The setup screens' calls (DESIGN.md workflow 1–4). */
export function setupHandlers(deps: SetupDeps): Pick<Handlers, SetupChannel> {
  return {
    'setup.retailCrm.connect': (request) => connectRetailCrm(deps, request),
    'setup.retailCrm.disconnect': () => disconnectRetailCrm(deps),
    'setup.merchants.add': (request) => addMerchant(deps, request),
    'setup.merchants.update': (request) => updateMerchant(deps, request),
    'setup.merchants.remove': ({ id }) => removeMerchant(deps, id),
    'setup.merchants.check': (request) => checkMerchantConnection(deps, request),
    'setup.paymentTypes.list': () => listPaymentTypes(deps),
    'setup.paymentTypes.link': ({ merchantId, code }) => linkPaymentType(deps, merchantId, code),
    'setup.paymentTypes.create': (request) => createPaymentType(deps, request),
    'setup.statusMapping.get': () => statusMappingView(deps),
    'setup.statusMapping.set': ({ mapping }) => setStatusMapping(deps, mapping),
    'setup.statusMapping.createStatus': (request) => createStatus(deps, request),
    'setup.readiness': () => readiness(deps.settings),
  };
}
