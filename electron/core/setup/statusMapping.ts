/**
 * The status mapping of DESIGN.md workflow 4: each lifecycle state → a RetailCRM payment status,
 * shared by all merchants. A fresh account gets suggestions by name, and a missing status can be
 * created from here (`reference/payment-statuses/{code}/edit`, reference §5.2).
 */
import type {
  MappingWarning,
  PaymentStatusChoice,
  StatusMappingView,
  StatusProposal,
} from '../../shared/channels/setup';
import { LIFECYCLE_STATES, type LifecycleState } from '../../shared/lifecycle';
import type { Settings, StatusMapping } from '../../shared/settings';
import type { Connections } from '../connections';
import { ValidationError } from '../errors';
import type { PaymentStatus, PaymentType } from '../retailcrm/types';
import { unmappedStates, type SettingsService } from '../settings/service';
import { proposedCode, proposedName, stateForName } from './statusNames';

export interface StatusMappingDeps {
  settings: SettingsService;
  connections: Connections;
}

/**
 * The states whose RetailCRM status must count the payment toward the order's paid amount
 * (`paymentComplete`): money is with the shop. After a partial refund some still is; after a
 * full refund, a cancel or a failure none.
 */
const PAYMENT_COMPLETE_STATES: ReadonlySet<LifecycleState> = new Set(['paid', 'partially_refunded']);

const STATUS_PLACE = 'Administration > Reference books > Payment statuses';

export async function statusMappingView(deps: StatusMappingDeps): Promise<StatusMappingView> {
  const api = await deps.connections.retailCrm();
  const [statuses, types] = await Promise.all([api.paymentStatuses(), api.paymentTypes()]);
  return buildView(statuses, types, await deps.settings.get());
}

export async function setStatusMapping(
  deps: StatusMappingDeps,
  mapping: StatusMapping,
): Promise<StatusMappingView> {
  const api = await deps.connections.retailCrm();
  const [statuses, types] = await Promise.all([api.paymentStatuses(), api.paymentTypes()]);
  const known = new Set(statuses.map((s) => s.code));
  const issues = Object.entries(mapping)
    .filter(([, code]) => !known.has(code))
    .map(([state, code]) => {
      const message = `RetailCRM has no payment status "${code}".`;
      return { path: `mapping.${state}`, code: 'not_found', message };
    });
  if (issues.length > 0)
    throw new ValidationError(
      `The mapping names statuses RetailCRM does not have: ${issues.map((i) => i.message).join(' ')}`,
      issues,
    );
  return buildView(statuses, types, await deps.settings.setStatusMapping(mapping));
}

export interface NewStatus {
  state: LifecycleState;
  code: string;
  name: string;
}

/** Creates the status (paymentComplete by the state, usable by every linked payment type) and maps the state to it. */
export async function createStatus(deps: StatusMappingDeps, input: NewStatus): Promise<StatusMappingView> {
  const api = await deps.connections.retailCrm();
  const [statuses, types] = await Promise.all([api.paymentStatuses(), api.paymentTypes()]);
  if (statuses.some((s) => s.code === input.code)) {
    const message = `RetailCRM already has a payment status with the code "${input.code}": map it, or use another code.`;
    throw new ValidationError(message, [{ path: 'code', code: 'exists', message }]);
  }
  const settings = await deps.settings.get();
  const typeCodes = new Set(types.map((t) => t.code));
  const paymentTypes = settings.merchants.flatMap((m) =>
    m.paymentTypeCode && typeCodes.has(m.paymentTypeCode) ? [m.paymentTypeCode] : [],
  );
  await api.editPaymentStatus(input.code, {
    name: input.name,
    active: true,
    paymentComplete: PAYMENT_COMPLETE_STATES.has(input.state),
    paymentTypes,
  });
  const saved = await deps.settings.setStatusMapping({
    ...settings.statusMapping,
    [input.state]: input.code,
  });
  // The types are as they were; the statuses are read back to show the new one as RetailCRM has it.
  return buildView(await api.paymentStatuses(), types, saved);
}

function buildView(statuses: PaymentStatus[], types: PaymentType[], settings: Settings): StatusMappingView {
  const ordered = [...statuses].sort((a, b) => (a.ordering ?? 0) - (b.ordering ?? 0));
  const unmapped = unmappedStates(settings);
  const suggestions: Partial<Record<LifecycleState, string>> = {};
  for (const status of ordered) {
    if (status.active === false) continue;
    const state = stateForName(status.name, status.code);
    if (state && unmapped.includes(state) && !suggestions[state]) suggestions[state] = status.code;
  }
  const taken = new Set(statuses.map((s) => s.code));
  const proposals = unmapped
    .filter((state) => !suggestions[state])
    .map((state): StatusProposal => ({
      state,
      code: freeCode(proposedCode(state), taken),
      name: proposedName(state, settings.language),
      paymentComplete: PAYMENT_COMPLETE_STATES.has(state),
    }));
  return {
    statuses: ordered.map((s): PaymentStatusChoice => ({
      code: s.code,
      name: s.name,
      active: s.active ?? true,
      paymentComplete: s.paymentComplete ?? false,
      paymentTypes: s.paymentTypes ?? [],
    })),
    mapping: settings.statusMapping,
    suggestions,
    proposals,
    warnings: mappingWarnings(statuses, types, settings),
    unmapped,
  };
}

function mappingWarnings(
  statuses: PaymentStatus[],
  types: PaymentType[],
  settings: Settings,
): MappingWarning[] {
  const warnings: MappingWarning[] = [];
  const linkedTypes = settings.merchants.flatMap((m) => (m.paymentTypeCode ? [m.paymentTypeCode] : []));
  for (const state of LIFECYCLE_STATES) {
    const statusCode = settings.statusMapping[state];
    if (!statusCode) continue;
    const at = (code: string, message: string, types?: string[]) =>
      warnings.push({
        state,
        statusCode,
        code,
        message,
        params: { state, status: statusCode, ...(types && { types: types.join(', ') }) },
      });
    const label = `"${proposedName(state, 'en')}"`;
    const status = statuses.find((s) => s.code === statusCode);
    if (!status) {
      at('missing', `${label} is mapped to "${statusCode}", which RetailCRM no longer has: map it again.`);
      continue;
    }
    if (status.active === false)
      at(
        'inactive',
        `${label} is mapped to "${status.name}", which is switched off in RetailCRM (${STATUS_PLACE}).`,
      );
    const complete = status.paymentComplete ?? false;
    const wanted = PAYMENT_COMPLETE_STATES.has(state);
    if (complete !== wanted) {
      at(
        'payment_complete',
        wanted
          ? `${label} is mapped to "${status.name}", which does not count as paid in RetailCRM: paid orders ` +
              `would not show the paid amount. Tick "Payment complete" for it in ${STATUS_PLACE}, or map another status.`
          : `${label} is mapped to "${status.name}", which counts as paid in RetailCRM: the order would still ` +
              `show the money as paid. Untick "Payment complete" for it in ${STATUS_PLACE}, or map another status.`,
      );
    }
    const usable = new Set(status.paymentTypes ?? []);
    const missing = linkedTypes.filter((code) => types.some((t) => t.code === code) && !usable.has(code));
    if (missing.length > 0) {
      at(
        'not_for_type',
        `${label} is mapped to "${status.name}", which the payment type${missing.length > 1 ? 's' : ''} ` +
          `${missing.map((c) => `"${c}"`).join(', ')} cannot use: allow it for ${missing.length > 1 ? 'those types' : 'that type'} ` +
          `in ${STATUS_PLACE}.`,
        missing,
      );
    }
  }
  return warnings;
}

function freeCode(code: string, taken: ReadonlySet<string>): string {
  let candidate = code;
  for (let n = 2; taken.has(candidate); n++) candidate = `${code}-${n}`;
  return candidate;
}
