import type { TFunction } from 'i18next';
import type {
  MappingWarning,
  MerchantCheckResult,
  PaymentStatusChoice,
  SetupFinding,
} from '../../electron/shared/channels/setup';
import type { MerchantEnvironment } from '../../electron/shared/settings';
import uk from '../i18n/locales/uk.json';
import { issueText, type FieldIssue } from './issues';

/**
 * The setup checks answer with a stable `code` (and `params`) beside an English `message`: the
 * words here are the catalogues' for each code, and the core's message for a code they do not know
 * yet, so a newer core never leaves a finding unsaid.
 */
function known<T extends object>(tree: T, code: string): code is Extract<keyof T, string> {
  return Object.hasOwn(tree, code);
}

/** A RetailCRM check's problem or warning (retailCrmChecks.ts). */
export function findingText(t: TFunction, finding: SetupFinding): string {
  if (!known(uk.setup.retailcrm.findings, finding.code)) return finding.message;
  const params = { ...finding.params };
  if ('base' in params && !params.base) params.base = t('setup.retailcrm.noBaseCurrency');
  return t(`setup.retailcrm.findings.${finding.code}`, params);
}

/** An accepted warning, by its code, in a short list of what the manager accepted. */
export function warningName(t: TFunction, code: string): string {
  return known(uk.setup.retailcrm.warningNames, code) ? t(`setup.retailcrm.warningNames.${code}`) : code;
}

export function environmentText(t: TFunction, environment: MerchantEnvironment): string {
  return t(`setup.merchants.environments.${environment}`);
}

/** "Check connection": what it found, worded by `problem` (merchantCheck.ts). */
export function merchantCheckText(t: TFunction, result: MerchantCheckResult): string {
  const params = {
    clientId: result.params.clientId,
    environment: environmentText(t, result.params.environment as MerchantEnvironment),
    answer: result.uapay?.message ?? result.message,
  };
  if (result.ok) return t('setup.merchants.check.ok', params);
  const problem = result.problem ?? 'refused';
  return known(uk.setup.merchants.check, problem)
    ? t(`setup.merchants.check.${problem}`, params)
    : result.message;
}

/**
 * A mapping warning (statusMapping.ts). "Payment complete" is wrong either way round: the status
 * decides which (a state that must count as paid mapped to one that does not, or the reverse).
 */
function mappingWarningText(
  t: TFunction,
  warning: MappingWarning,
  statuses: readonly PaymentStatusChoice[],
): string {
  const status = statuses.find((s) => s.code === warning.statusCode);
  const params = {
    state: t(`lifecycle.${warning.state}`),
    status: status ? status.name : warning.statusCode,
    types: String(warning.params?.types ?? ''),
  };
  if (warning.code === 'payment_complete') {
    return t(
      status?.paymentComplete
        ? 'setup.statuses.warnings.paymentCompleteExtra'
        : 'setup.statuses.warnings.paymentCompleteMissing',
      params,
    );
  }
  return known(uk.setup.statuses.warnings, warning.code)
    ? t(`setup.statuses.warnings.${warning.code}`, params)
    : warning.message;
}

/**
 * The mapping's warnings as the section lists them: a status that the linked payment types may not
 * use is said once per set of types, naming every status concerned (a fresh type has none allowed).
 */
export function mappingWarningTexts(
  t: TFunction,
  warnings: readonly MappingWarning[],
  statuses: readonly PaymentStatusChoice[],
): { key: string; text: string }[] {
  const texts: { key: string; text: string }[] = [];
  const byTypes = new Map<string, MappingWarning[]>();
  for (const warning of warnings) {
    if (warning.code !== 'not_for_type') {
      texts.push({ key: `${warning.state}-${warning.code}`, text: mappingWarningText(t, warning, statuses) });
      continue;
    }
    const types = String(warning.params?.types ?? '');
    byTypes.set(types, [...(byTypes.get(types) ?? []), warning]);
  }
  for (const [types, group] of byTypes) {
    const names = group.map((w) => statuses.find((s) => s.code === w.statusCode)?.name ?? w.statusCode);
    texts.push({
      key: `types-${types}`,
      text:
        group.length === 1
          ? mappingWarningText(t, group[0]!, statuses)
          : t('setup.statuses.warnings.notForTypeGroup', {
              types,
              statuses: [...new Set(names)].map((name) => t('setup.statuses.quoted', { name })).join(', '),
            }),
    });
  }
  return texts;
}

/** Where a refusal's words are: the area's own codes, then the settings schema's, then the message. */
type IssueArea = keyof typeof uk.setup.issues;

function setupIssueText(t: TFunction, area: IssueArea, issue: FieldIssue): string {
  const codes = uk.setup.issues[area];
  // A code can mean different things per field (a duplicate name, a duplicate client id).
  for (const code of [`${issue.path}_${issue.code}`, issue.code]) {
    // `known` checked the key; TypeScript cannot follow it through the template.
    if (known(codes, code)) return t(`setup.issues.${area}.${code}` as never);
  }
  // The only patterns these forms check are RetailCRM's and UAPAY's codes: no spaces in them.
  if (issue.code === 'invalid_format' && issue.format === 'regex') return t('validation.noSpaces');
  return issueText(t, issue);
}

/** Field path → the first issue's words, as `fieldErrors` does, with the area's codes first. */
export function setupFieldErrors(
  t: TFunction,
  area: IssueArea,
  issues: readonly FieldIssue[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path] ??= setupIssueText(t, area, issue);
  return errors;
}
