import { z } from 'zod';
import type { ValidationIssue } from '../../shared/errors';
import { LIFECYCLE_STATES } from '../../shared/lifecycle';
import {
  PROFILE_FIELDS,
  retailCrmSchema,
  teamSettingsShape,
  type DroppedSecret,
  type ProfileChange,
  type ProfileExport,
  type ProfileField,
  type ProfilePreview,
  type Settings,
} from '../../shared/settings';
import { ValidationError } from '../errors';
import { accountOrigin } from '../retailcrm/address';
import { RELAY_TOKEN, RETAILCRM_API_KEY, SMTP_PASSWORD } from '../secrets/accounts';
import { describeIssues, validationIssues } from '../validation';
import { movedSecrets, type AddressedSecret } from './destinations';
import type { SettingsStore } from './store';

/**
 * The team profile: one JSON file with a shop's shared configuration (RetailCRM address and sites,
 * merchants and their payment-type links, the status mapping, SMTP sender, relay address, hold and
 * link lifetimes, update feed) so staff only enter their own keys. Never in it: secrets (they are
 * in the keychain and are never read for this), per-person fields (manager's name, language, demo
 * mode) and the results of this desktop's RetailCRM checks.
 */
export const PROFILE_KIND = 'uapay-desk.team-profile';
/** Bump when a field changes shape or meaning; older formats then need a step on import. */
const PROFILE_FORMAT = 1;

const profileSettingsSchema = z.strictObject({
  ...teamSettingsShape,
  retailCrm: retailCrmSchema.omit({ lastCheck: true }).nullable(),
});
type ProfileSettings = z.output<typeof profileSettingsSchema>;

const profileSchema = z.strictObject({
  kind: z.literal(PROFILE_KIND),
  format: z.literal(PROFILE_FORMAT),
  exportedAt: z.iso.datetime('"exportedAt" must be an ISO date and time.'),
  /** Which app wrote it: for support, not read on import. */
  exportedBy: z.strictObject({ app: z.string().max(100), version: z.string().max(50) }).optional(),
  settings: profileSettingsSchema,
});

export interface ExportMeta {
  appName: string;
  appVersion: string;
  now?: Date;
}

export function exportProfile(settings: Settings, meta: ExportMeta): ProfileExport {
  const now = meta.now ?? new Date();
  const team: ProfileSettings = {
    retailCrm: settings.retailCrm && { url: settings.retailCrm.url, siteCodes: settings.retailCrm.siteCodes },
    merchants: settings.merchants,
    statusMapping: settings.statusMapping,
    smtp: settings.smtp,
    relay: settings.relay,
    holdLifetimeHours: settings.holdLifetimeHours,
    payLinkLifetimeHours: settings.payLinkLifetimeHours,
    ...(settings.updateFeedUrl && { updateFeedUrl: settings.updateFeedUrl }),
  };
  const profile: z.input<typeof profileSchema> = {
    kind: PROFILE_KIND,
    format: PROFILE_FORMAT,
    exportedAt: now.toISOString(),
    exportedBy: { app: meta.appName, version: meta.appVersion },
    settings: team,
  };
  return {
    // The extension the installers associate with the app: a double-click imports it.
    fileName: `uapay-desk-team-profile-${now.toISOString().slice(0, 10)}.uapaydesk`,
    text: `${JSON.stringify(profile, null, 2)}\n`,
  };
}

/** Checks a profile's text and says exactly what is wrong (path + reason); nothing is applied. */
export function parseProfile(text: string): ProfileSettings {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw refuse(
      'This file is not a team profile: it is not valid JSON.',
      '',
      'invalid_json',
      (error as Error).message,
    );
  }
  const head = (typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {}) as {
    kind?: unknown;
    format?: unknown;
  };
  if (head.kind !== PROFILE_KIND) {
    throw refuse(
      'This file is not a UAPAY Desk team profile.',
      'kind',
      'wrong_kind',
      `A team profile has "kind": "${PROFILE_KIND}".`,
    );
  }
  if (typeof head.format !== 'number' || !Number.isSafeInteger(head.format) || head.format < 1) {
    throw refuse(
      'The team profile has no valid format number.',
      'format',
      'invalid_format',
      '"format" must be a whole number.',
    );
  }
  if (head.format > PROFILE_FORMAT) {
    const message =
      `This team profile was written by a newer UAPAY Desk (profile format ${head.format}; this version ` +
      `reads format ${PROFILE_FORMAT}). Update UAPAY Desk, then import it again.`;
    throw refuse(message, 'format', 'newer_format', message);
  }
  const parsed = profileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = validationIssues(parsed.error);
    const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
    throw new ValidationError(
      `The team profile has ${count}, so nothing was imported: ${describeIssues(issues, 3)}.`,
      issues,
    );
  }
  const settings = parsed.data.settings;
  if (settings.retailCrm) checkAccountAddress(settings.retailCrm.url);
  return settings;
}

/**
 * The profile's RetailCRM address passes the same check as "Connect RetailCRM" (an account on
 * RetailCRM's own domains, HTTPS, or the loopback sandbox), and must already be in the form that
 * check gives: a profile cannot point the API key at any other host.
 */
function checkAccountAddress(url: string): void {
  let origin: string;
  try {
    origin = accountOrigin(url);
  } catch (error) {
    const detail = error instanceof ValidationError ? error.message : String(error);
    throw refuse(
      `The team profile's RetailCRM address is not a RetailCRM account, so nothing was imported: ${detail}`,
      'settings.retailCrm.url',
      'not_an_account',
      detail,
    );
  }
  if (origin !== url) {
    const detail = `The RetailCRM address must be written as ${origin}.`;
    throw refuse(
      `The team profile has a problem, so nothing was imported: ${detail}`,
      'settings.retailCrm.url',
      'not_an_account',
      detail,
    );
  }
}

/** The settings after importing `team` over `current`: the person's own fields stay. */
function profileApplied(current: Settings, team: ProfileSettings): Settings {
  const rest: Settings = { ...current };
  delete rest.updateFeedUrl; // the profile's, or none
  const sameAccount = team.retailCrm && current.retailCrm?.url === team.retailCrm.url;
  const lastCheck = sameAccount ? current.retailCrm?.lastCheck : undefined;
  return {
    ...rest,
    ...team,
    retailCrm: team.retailCrm && { ...team.retailCrm, ...(lastCheck && { lastCheck }) },
  };
}

const DROPPED: Record<AddressedSecret, DroppedSecret> = {
  [RETAILCRM_API_KEY]: 'retailCrmApiKey',
  [SMTP_PASSWORD]: 'smtpPassword',
  [RELAY_TOKEN]: 'relayToken',
};

/**
 * What importing `text` over `current` would change, field by field, and which of the saved
 * secrets it would delete (`saved`: the secrets this desktop has). Refuses a bad profile exactly
 * as the import does.
 */
export function previewProfile(
  current: Settings,
  text: string,
  saved: Readonly<Record<DroppedSecret, boolean>>,
): ProfilePreview {
  const next = profileApplied(current, parseProfile(text));
  const [was, will] = [fieldLines(current), fieldLines(next)];
  const changes: ProfileChange[] = PROFILE_FIELDS.filter(
    (field) => JSON.stringify(was[field]) !== JSON.stringify(will[field]),
  ).map((field) => ({ field, before: was[field], after: will[field] }));
  const droppedSecrets = movedSecrets(current, next)
    .map((account) => DROPPED[account])
    .filter((secret) => saved[secret]);
  return { changes, droppedSecrets };
}

/** Each team field as the lines a person compares (no secret is in the settings). */
function fieldLines(s: Settings): Record<ProfileField, string[]> {
  const smtp = s.smtp;
  return {
    retailCrm: s.retailCrm ? [s.retailCrm.url] : [],
    sites: s.retailCrm ? [...s.retailCrm.siteCodes] : [],
    merchants: s.merchants.map(
      (m) =>
        `${m.name} — ${m.clientId}, ${m.environment}, ${m.confirmManually ? 'HOLD' : 'PAY'}` +
        (m.paymentTypeCode ? `, ${m.paymentTypeCode}` : ''),
    ),
    statusMapping: LIFECYCLE_STATES.filter((state) => s.statusMapping[state]).map(
      (state) => `${state} → ${s.statusMapping[state]}`,
    ),
    smtp: smtp
      ? [
          `${smtp.host}:${smtp.port}${smtp.secure ? ' (TLS)' : ''}`,
          ...(smtp.user ? [smtp.user] : []),
          smtp.fromName ? `${smtp.fromName} <${smtp.fromAddress}>` : smtp.fromAddress,
        ]
      : [],
    relay: s.relay ? [s.relay.callbackUrl, s.relay.eventsUrl] : [],
    holdLifetimeHours: [String(s.holdLifetimeHours)],
    payLinkLifetimeHours: [String(s.payLinkLifetimeHours)],
    updateFeedUrl: s.updateFeedUrl ? [s.updateFeedUrl] : [],
  };
}

/**
 * Replaces the shop's shared settings with the profile's. The person's own fields stay, and the
 * RetailCRM check results stay only if the address did not change. A secret whose destination the
 * profile changes is deleted by the settings service's guard (service.ts), whatever calls this;
 * merchant keys stay (they only ever go to UAPAY), also for a merchant the profile no longer has,
 * until it is removed.
 */
export async function importProfile(store: SettingsStore, text: string): Promise<Settings> {
  const team = parseProfile(text);
  return store.update((current) => profileApplied(current, team));
}

function refuse(message: string, path: string, code: string, detail: string): ValidationError {
  const issue: ValidationIssue = { path, code, message: detail };
  return new ValidationError(message, [issue]);
}
