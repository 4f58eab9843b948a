/**
 * The non-secret settings: one zod schema that the settings file, the team profile, the IPC
 * requests and the renderer's forms all validate with, so a rule and its message exist once.
 * Secrets (API keys, the SMTP password, the relay token) are not here: they live in the OS
 * keychain, and the renderer only learns whether each one is saved.
 */
import { z } from 'zod';
import { LIFECYCLE_STATES } from './lifecycle';
import { isLoopbackHost } from './loopback';

export const LANGUAGES = ['uk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ENVIRONMENTS = ['test', 'production'] as const;
export type MerchantEnvironment = (typeof ENVIRONMENTS)[number];

/** No key or password we keep comes near this; a longer paste is a mistake. */
export const MAX_SECRET_LENGTH = 4096;
/** A team profile of 100 merchants is a few tens of kilobytes. */
export const MAX_PROFILE_CHARS = 200_000;

/** UAPAY does not document how long a hold lives (uapay-api.md §4, "Hold lifetime"): a setting. */
export const HOLD_LIFETIME_HOURS = { default: 168, min: 1, max: 30 * 24 } as const;
/** How long a payment link stays payable (`payExpiresAt`, uapay-api.md §3.3). */
export const PAY_LINK_LIFETIME_HOURS = { default: 72, min: 1, max: 30 * 24 } as const;

/** "is required" when the field is missing, "must be …" when it has the wrong type. */
const typeError = (label: string, what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `${label} is required.` : `${label} must be ${what}.`,
});

const text = (label: string, max: number) =>
  z
    .string(typeError(label, 'text'))
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

const optionalText = (label: string, max: number) =>
  z.string(typeError(label, 'text')).trim().max(max, `${label} must be at most ${max} characters.`);

/** RetailCRM's symbolic codes (sites, payment types, payment statuses). */
export const crmCode = (label: string) =>
  text(label, 255).regex(/^\S+$/, `${label} must not contain spaces.`);

function parsesAs(value: string, protocols: readonly string[], originOnly: boolean): boolean {
  try {
    const url = new URL(value);
    if (!protocols.includes(url.protocol) || url.username || url.password) return false;
    return !originOnly || url.origin === value;
  } catch {
    return false;
  }
}

/** The sandbox (Demo mode, tests) runs on this machine over plain HTTP. */
function isLoopbackOrigin(value: string): boolean {
  return parsesAs(value, ['http:'], true) && isLoopbackHost(new URL(value).hostname);
}

/** HTTPS anywhere, plain HTTP only to this machine: the address a secret travels to. */
const secureAddress = (label: string) =>
  text(label, 2048).refine((value) => {
    if (!parsesAs(value, ['https:', 'http:'], false)) return false;
    const url = new URL(value);
    return url.protocol === 'https:' || isLoopbackHost(url.hostname);
  }, `${label} must be a full https address (like https://relay.example.com/…); plain http only on this computer.`);

const webAddress = (label: string, protocols: readonly string[] = ['https:', 'http:']) =>
  text(label, 2048).refine(
    (value) => parsesAs(value, protocols, false),
    `${label} must be a full ${protocols.map((p) => p.slice(0, -1)).join(' or ')} address (like https://example.com/…).`,
  );

const hours = (label: string, limits: { min: number; max: number }) =>
  z
    .number(typeError(label, 'a number of hours'))
    .int(`${label} must be a whole number of hours.`)
    .min(limits.min, `${label} must be at least ${limits.min} hour.`)
    .max(limits.max, `${label} must be at most ${limits.max} hours (${limits.max / 24} days).`);

export const retailCrmSchema = z.strictObject({
  /**
   * The account's address as the RetailCRM client normalized it: `https://<host>`, no path. The
   * client decides which hosts are RetailCRM's (retailcrm-api.md §1.1); this only keeps it an origin.
   */
  url: text('The RetailCRM address', 255).refine(
    (value) => parsesAs(value, ['https:'], true) || isLoopbackOrigin(value),
    'The RetailCRM address must be stored as https://<account host> with no path.',
  ),
  /** The sites (stores) the app works with; empty means every site the key can see. */
  siteCodes: z.array(crmCode('A site code')).max(500, 'At most 500 sites.'),
  /** What the setup checks found when the key was last checked (per desktop, not in the profile). */
  lastCheck: z
    .strictObject({
      at: z.iso.datetime('The check time must be an ISO date and time.'),
      baseCurrency: z.string().regex(/^[A-Z]{3}$/, 'The base currency must be a 3-letter code.'),
      /** Codes of the check warnings the manager accepted when saving. */
      acceptedWarnings: z.array(text('A warning code', 100)).max(50),
    })
    .optional(),
});

export const merchantSchema = z.strictObject({
  /** Our own id (a UUID), also in the keychain account of the merchant's secret key. */
  id: z.uuid('The merchant id must be a UUID.'),
  name: text('The merchant name', 100),
  clientId: text('The UAPAY client id', 64).regex(/^\S+$/, 'The UAPAY client id must not contain spaces.'),
  environment: z.enum(ENVIRONMENTS, typeError('The environment', '"test" or "production"')),
  /** On: links create HOLD invoices a manager confirms; off: PAY invoices (DESIGN.md, workflow 2). */
  confirmManually: z.boolean(typeError('"Confirm manually"', 'on or off')),
  /** The RetailCRM payment type this merchant's payments use: one type per merchant. */
  paymentTypeCode: crmCode('The payment type code').optional(),
  /** Set once payments of that type exist: the link can no longer change (workflow 3). */
  paymentTypeLocked: z.boolean('"Locked" must be true or false.').default(false),
  /**
   * The shop's thank-you page: where UAPAY sends the payer back after paying (`redirectUrl`,
   * uapay-api.md §3.2; without it the payment page shows no "back to the shop" button). Empty: none.
   */
  redirectUrl: z.union([z.literal(''), webAddress('The thank-you page address')]).optional(),
});

export const merchantsSchema = z
  .array(merchantSchema)
  .max(100, 'At most 100 merchants.')
  .superRefine((merchants, ctx) => {
    const seen = new Map<string, number>();
    const unique = (key: string, index: number, field: string, message: string) => {
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index, field],
          message: message.replace('#', String(first + 1)),
        });
    };
    merchants.forEach((merchant, index) => {
      unique(`id:${merchant.id}`, index, 'id', 'The same merchant id is already used by merchant #.');
      unique(`name:${merchant.name.toLowerCase()}`, index, 'name', 'Merchant # already has this name.');
      unique(
        `client:${merchant.environment}:${merchant.clientId}`,
        index,
        'clientId',
        'Merchant # already uses this client id in the same environment.',
      );
      if (merchant.paymentTypeCode !== undefined) {
        unique(
          `type:${merchant.paymentTypeCode}`,
          index,
          'paymentTypeCode',
          'Merchant # is already linked to this payment type: each merchant needs its own.',
        );
      }
    });
  });

/** Lifecycle state → RetailCRM payment-status code; every state must be mapped before operations run. */
export const statusMappingSchema = z.partialRecord(
  z.enum(LIFECYCLE_STATES),
  crmCode('The RetailCRM payment status code'),
);

export const smtpSchema = z.strictObject({
  host: text('The SMTP server', 253).regex(
    /^[^\s/:]+$/,
    'The SMTP server must be a host name, like smtp.example.com.',
  ),
  port: z
    .number(typeError('The SMTP port', 'a number'))
    .int('The SMTP port must be a whole number.')
    .min(1, 'The SMTP port must be between 1 and 65535.')
    .max(65535, 'The SMTP port must be between 1 and 65535.'),
  /** Implicit TLS from the first byte (usually port 465); off means STARTTLS when the server offers it. */
  secure: z.boolean(typeError('"Secure connection"', 'on or off')),
  /** The login; empty when the server needs none. The password is in the keychain. */
  user: optionalText('The SMTP login', 254),
  fromAddress: z
    .string(typeError('The sender address', 'text'))
    .trim()
    .pipe(z.email('The sender address must be an e-mail address, like shop@example.com.')),
  fromName: optionalText('The sender name', 100),
});

/** The relay pairing; its desktop token is in the keychain. */
export const relaySchema = z.strictObject({
  callbackUrl: secureAddress('The relay callback address'),
  eventsUrl: secureAddress('The relay events address'),
});

/** Desktop notifications, one switch per kind, and how early an ending hold is told. */
export const NOTIFY_EXPIRING_HOURS = { default: 24, min: 1, max: 7 * 24 } as const;
const onOff = (label: string) => z.boolean(typeError(label, 'on or off'));
export const notificationsSchema = z.strictObject({
  /** A payment became held: money waits for a manager's decision. */
  held: onOff('"Payment held"'),
  /** A hold ends within `expiringHours` (once per payment). */
  expiring: onOff('"Hold ending"'),
  /** A background write to RetailCRM keeps failing. */
  crmFailing: onOff('"RetailCRM not updated"'),
  /** A payment needs a person (UAPAY's state cannot tell what happened). */
  attention: onOff('"Needs attention"'),
  expiringHours: hours('The warning before a hold ends', NOTIFY_EXPIRING_HOURS),
});
export type NotificationSettings = z.output<typeof notificationsSchema>;
export const DEFAULT_NOTIFICATIONS: NotificationSettings = {
  held: true,
  expiring: true,
  crmFailing: true,
  attention: true,
  expiringHours: NOTIFY_EXPIRING_HOURS.default,
};

const holdLifetimeHours = hours('The hold lifetime', HOLD_LIFETIME_HOURS);
const payLinkLifetimeHours = hours('The payment link lifetime', PAY_LINK_LIFETIME_HOURS);
const managerName = optionalText("The manager's name", 100);
const language = z.enum(LANGUAGES, typeError('The language', 'uk, ru or en'));

/** Fields shared by a whole shop: what a team profile carries (no secrets, nothing personal). */
export const teamSettingsShape = {
  retailCrm: retailCrmSchema.nullable(),
  merchants: merchantsSchema,
  statusMapping: statusMappingSchema,
  smtp: smtpSchema.nullable(),
  relay: relaySchema.nullable(),
  holdLifetimeHours,
  payLinkLifetimeHours,
  updateFeedUrl: webAddress('The update feed address', ['https:']).optional(),
};

/** Fields that belong to one person or one desktop: never exported in a team profile. */
const personalSettingsShape = {
  /** Written into the audit journal as who did an operation. */
  managerName,
  language,
  demoMode: z.boolean(typeError('"Demo mode"', 'on or off')),
  /** A settings file from before notifications existed gets every kind on. */
  notifications: notificationsSchema.default(DEFAULT_NOTIFICATIONS),
};

export const settingsSchema = z.strictObject({ ...teamSettingsShape, ...personalSettingsShape });

export type Settings = z.output<typeof settingsSchema>;
export type RetailCrmSettings = z.output<typeof retailCrmSchema>;
export type Merchant = z.output<typeof merchantSchema>;
export type StatusMapping = z.output<typeof statusMappingSchema>;
export type SmtpSettings = z.output<typeof smtpSchema>;
export type RelaySettings = z.output<typeof relaySchema>;

/** `settings.update`: the general fields a manager edits on the settings screen. */
export const settingsPatchSchema = z.strictObject({
  holdLifetimeHours: holdLifetimeHours.optional(),
  payLinkLifetimeHours: payLinkLifetimeHours.optional(),
  managerName: managerName.optional(),
  language: language.optional(),
  /** Merged into the current notification switches. */
  notifications: notificationsSchema.partial().optional(),
  /** Merged into the current SMTP settings; `null` removes the sender (not its password). */
  smtp: smtpSchema.partial().nullable().optional(),
});
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

/** Per keychain account: saved or missing. Never the value. */
export interface SecretsView {
  retailCrmApiKey: boolean;
  smtpPassword: boolean;
  relayToken: boolean;
  /** Merchant id → its secret key is saved. */
  merchantKeys: Record<string, boolean>;
  /** Set when the keychain could not be asked; the flags above are then all false. */
  keychainProblem?: string;
}

/** The settings file could not be used and was moved aside; the app started from defaults. */
export interface SettingsFileProblem {
  reason: 'corrupt' | 'newer';
  /** The name the file was moved to, in the same folder. */
  movedTo: string;
  /** For `newer`: the version the file declared. */
  version?: number;
  /** What was wrong, in words (never contains a secret: the file has none). */
  detail: string;
}

export interface SettingsView {
  settings: Settings;
  secrets: SecretsView;
  problem?: SettingsFileProblem;
}

/** `profile.export`: the text of the team profile file and a name to suggest when saving it. */
export interface ProfileExport {
  fileName: string;
  text: string;
}

/**
 * What importing a team profile would change, shown side by side before anything changes
 * (`profile.preview`). Values are the settings' own text (addresses, names, codes, numbers), one
 * line each; an empty list is "not set" (for `sites`: every site).
 */
export const PROFILE_FIELDS = [
  'retailCrm',
  'sites',
  'merchants',
  'statusMapping',
  'smtp',
  'relay',
  'holdLifetimeHours',
  'payLinkLifetimeHours',
  'updateFeedUrl',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface ProfileChange {
  field: ProfileField;
  before: string[];
  after: string[];
}

/** A secret of this desktop that the import deletes: the profile sends it somewhere else. */
export type DroppedSecret = 'retailCrmApiKey' | 'smtpPassword' | 'relayToken';

export interface ProfilePreview {
  /** Only the fields that change, in PROFILE_FIELDS order; empty when the profile changes nothing. */
  changes: ProfileChange[];
  /** Saved secrets the import deletes (they must be entered again for the new address). */
  droppedSecrets: DroppedSecret[];
}
