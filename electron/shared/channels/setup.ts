/**
 * The setup of DESIGN.md "The workflow" steps 1–4: connect RetailCRM, the UAPAY merchants, each
 * merchant's payment type, the status mapping, and `setup.readiness`, which says what is still
 * missing before operations are enabled. Every answer a check gives is in words a manager can act
 * on (`message`), with a stable `code` for the UI; nothing here ever carries a key.
 */
import { z } from 'zod';
import { LIFECYCLE_STATES, type LifecycleState } from '../lifecycle';
import {
  crmCode,
  ENVIRONMENTS,
  MAX_SECRET_LENGTH,
  merchantSchema,
  statusMappingSchema,
  type Merchant,
  type SettingsView,
  type StatusMapping,
} from '../settings';
import { phantom, type ChannelMap } from './spec';

/** One thing a check found, in words (`message`) and as a code the UI can key on. */
export interface SetupFinding {
  code: string;
  message: string;
  /** The provider's own text, when it gave one (e.g. RetailCRM's `errorMsg`). */
  detail?: string;
  /** The values in `message`, for the renderer's own wording by `code`. */
  params?: Record<string, string | number>;
}

export interface CrmSite {
  code: string;
  name: string;
  /** The store's own currency; orders of the store are in it (absent: the base currency). */
  currency?: string;
}

/** What the RetailCRM checks found for an address and key. */
export interface RetailCrmCheck {
  /** The address as the app will use it, e.g. https://myshop.retailcrm.ru */
  url: string;
  /** Never saved with any of these: a wrong key, missing API methods, no usable store, … */
  problems: SetupFinding[];
  /** Saved only when the manager accepts each of them (`acceptWarnings` with their codes). */
  warnings: SetupFinding[];
  /** API methods the key lacks, e.g. `POST /api/orders/payments/create`. */
  missingMethods: string[];
  baseCurrency?: string;
  siteAccess?: string;
  /** The stores the key can see. */
  sites: CrmSite[];
}

export interface RetailCrmConnectResult {
  saved: boolean;
  check: RetailCrmCheck;
  view: SettingsView;
}

/** `setup.merchants.check`: a session could be opened, or exactly why not. */
export interface MerchantCheckResult {
  ok: boolean;
  /**
   * `clock`: the computer's clock is off (TIMELIMIT_ERROR); `client_id`: UAPAY does not know the
   * client id; `key`: the key is wrong; `signature`: a reply was not signed with the key;
   * `unreachable`, `timeout`, `server`: UAPAY could not be asked; `refused`: anything else UAPAY said.
   */
  problem?: 'clock' | 'client_id' | 'key' | 'signature' | 'unreachable' | 'timeout' | 'server' | 'refused';
  message: string;
  /** UAPAY's own code and text, when it answered. */
  uapay?: { code: string; message: string };
  /** The values in `message`, for the renderer's own wording by `problem`. */
  params: { clientId: string; environment: string };
}

export interface MerchantSaved {
  merchant: Merchant;
  view: SettingsView;
}

export interface PaymentTypeChoice {
  code: string;
  name: string;
  active: boolean;
  /** Store codes; empty: every store. */
  sites: string[];
  /** Another integration module owns this type: it cannot be linked. */
  integration?: string;
  /** The merchant linked to it, if any. */
  merchantId?: string;
}

export interface MerchantLink {
  merchantId: string;
  name: string;
  paymentTypeCode?: string;
  /** Payments of the type exist: the link can no longer change. */
  locked: boolean;
}

export interface PaymentTypesView {
  types: PaymentTypeChoice[];
  merchants: MerchantLink[];
}

export interface PaymentStatusChoice {
  code: string;
  name: string;
  active: boolean;
  paymentComplete: boolean;
  /** Payment types that may use it. */
  paymentTypes: string[];
}

/** A status the app offers to create for a state nothing suggests. */
export interface StatusProposal {
  state: LifecycleState;
  code: string;
  name: string;
  paymentComplete: boolean;
}

export interface MappingWarning extends SetupFinding {
  state: LifecycleState;
  statusCode: string;
}

export interface StatusMappingView {
  statuses: PaymentStatusChoice[];
  mapping: StatusMapping;
  /** For unmapped states: an existing status whose name fits. */
  suggestions: Partial<Record<LifecycleState, string>>;
  /** For unmapped states without a suggestion: a status to create. */
  proposals: StatusProposal[];
  warnings: MappingWarning[];
  unmapped: LifecycleState[];
}

export type ReadinessGap =
  | { code: 'keychain'; message: string }
  | { code: 'retailcrm'; message: string }
  | { code: 'currency'; base: string; message: string }
  | { code: 'merchant'; message: string }
  | { code: 'merchant_key'; merchantId: string; message: string }
  | { code: 'merchant_payment_type'; merchantId: string; message: string }
  | { code: 'status_mapping'; states: LifecycleState[]; message: string };

/** `setup.readiness`: operations are enabled when `missing` is empty. */
export interface Readiness {
  ready: boolean;
  missing: ReadinessGap[];
}

const secret = (label: string) =>
  z
    .string(`${label} must be text.`)
    .trim()
    .min(1, `${label} is required.`)
    .max(MAX_SECRET_LENGTH, `${label} is too long.`);

const merchantFields = merchantSchema.pick({
  name: true,
  clientId: true,
  environment: true,
  confirmManually: true,
  redirectUrl: true,
});
const merchantId = z.uuid('The merchant id must be a UUID.');
const siteCodes = z.array(crmCode('A site code')).max(500, 'At most 500 sites.');

export const setupChannels = {
  /**
   * Runs the checks; saves (address, sites, key in the keychain) only when nothing blocks and every
   * warning is in `acceptWarnings`. Without `apiKey` the saved key is checked again.
   */
  'setup.retailCrm.connect': {
    request: z.strictObject({
      url: z.string('The RetailCRM address must be text.').max(2048, 'The address is too long.'),
      apiKey: secret('The API key').optional(),
      siteCodes: siteCodes.optional(),
      acceptWarnings: z.array(z.string().max(100)).max(20).optional(),
    }),
    response: phantom<RetailCrmConnectResult>(),
  },
  /** Forgets the account and deletes its key. */
  'setup.retailCrm.disconnect': { request: z.strictObject({}), response: phantom<SettingsView>() },

  'setup.merchants.add': {
    request: z.strictObject({ ...merchantFields.shape, secretKey: secret('The secret key') }),
    response: phantom<MerchantSaved>(),
  },
  /** Changes the given fields; `secretKey` replaces the key. The payment type: `setup.paymentTypes.*`. */
  'setup.merchants.update': {
    request: z.strictObject({
      id: merchantId,
      ...merchantFields.partial().shape,
      secretKey: secret('The secret key').optional(),
    }),
    response: phantom<MerchantSaved>(),
  },
  /** Removes the merchant and deletes its key. */
  'setup.merchants.remove': {
    request: z.strictObject({ id: merchantId }),
    response: phantom<SettingsView>(),
  },
  /**
   * "Check connection": a saved merchant (`id`), the form's unsaved values, or a saved merchant with
   * some fields changed in the form (the saved key is used when `secretKey` is left out).
   */
  'setup.merchants.check': {
    request: z
      .strictObject({
        id: merchantId.optional(),
        clientId: merchantFields.shape.clientId.optional(),
        environment: z.enum(ENVIRONMENTS, 'The environment must be "test" or "production".').optional(),
        secretKey: secret('The secret key').optional(),
      })
      .refine((r) => r.id !== undefined || (r.clientId && r.environment && r.secretKey), {
        message: 'Give a saved merchant, or the client id, secret key and environment to check.',
      }),
    response: phantom<MerchantCheckResult>(),
  },

  'setup.paymentTypes.list': { request: z.strictObject({}), response: phantom<PaymentTypesView>() },
  /** Links a merchant to an existing payment type (refused once payments of its type exist). */
  'setup.paymentTypes.link': {
    request: z.strictObject({ merchantId, code: crmCode('The payment type code') }),
    response: phantom<PaymentTypesView>(),
  },
  /** Creates a payment type in RetailCRM (active, on the given or the connection's stores) and links it. */
  'setup.paymentTypes.create': {
    request: z.strictObject({
      merchantId,
      code: crmCode('The payment type code').max(60, 'The payment type code must be at most 60 characters.'),
      name: z.string().trim().min(1, 'The payment type name is required.').max(255),
      siteCodes: siteCodes.optional(),
    }),
    response: phantom<PaymentTypesView>(),
  },

  'setup.statusMapping.get': { request: z.strictObject({}), response: phantom<StatusMappingView>() },
  /** Replaces the mapping; every code must be a RetailCRM payment status. */
  'setup.statusMapping.set': {
    request: z.strictObject({ mapping: statusMappingSchema }),
    response: phantom<StatusMappingView>(),
  },
  /**
   * Creates a RetailCRM payment status for a state (paymentComplete set by the state, available to
   * the merchants' payment types) and maps the state to it.
   */
  'setup.statusMapping.createStatus': {
    request: z.strictObject({
      state: z.enum(LIFECYCLE_STATES, 'Not a payment state of the app.'),
      code: crmCode('The status code').max(60, 'The status code must be at most 60 characters.'),
      name: z.string().trim().min(1, 'The status name is required.').max(255),
    }),
    response: phantom<StatusMappingView>(),
  },

  'setup.readiness': { request: z.strictObject({}), response: phantom<Readiness>() },
} satisfies ChannelMap;
