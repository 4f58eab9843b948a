import { z } from 'zod';
import type { ValidationIssue } from '../../shared/errors';
import { retailCrmSchema, teamSettingsShape, type ProfileExport, type Settings } from '../../shared/settings';
import { ValidationError } from '../errors';
import { describeIssues, validationIssues } from '../validation';
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
export const PROFILE_FORMAT = 1;

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
  return parsed.data.settings;
}

/**
 * Replaces the shop's shared settings with the profile's. The person's own fields stay, secrets
 * are not touched (a merchant the profile no longer has keeps its key until it is removed), and
 * the RetailCRM check results stay only if the address did not change.
 */
export async function importProfile(store: SettingsStore, text: string): Promise<Settings> {
  const team = parseProfile(text);
  return store.update(({ updateFeedUrl: _feed, ...current }) => {
    const sameAccount = team.retailCrm && current.retailCrm?.url === team.retailCrm.url;
    const lastCheck = sameAccount ? current.retailCrm?.lastCheck : undefined;
    return {
      ...current,
      ...team,
      retailCrm: team.retailCrm && { ...team.retailCrm, ...(lastCheck && { lastCheck }) },
    };
  });
}

function refuse(message: string, path: string, code: string, detail: string): ValidationError {
  const issue: ValidationIssue = { path, code, message: detail };
  return new ValidationError(message, [issue]);
}
