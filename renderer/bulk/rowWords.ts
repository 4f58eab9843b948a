import type { TFunction } from 'i18next';
import type {
  BulkAction,
  BulkRow,
  BulkRowResult,
  SkipDetail,
  SkipReason,
} from '../../electron/shared/channels/bulk';
import type { Kopiyky } from '../../electron/shared/money';
import type { Language } from '../i18n';
import { formatMoney } from '../i18n/money';
import { formatDateTime } from '../i18n/dates';

/** How a row reads: a short verdict, a sentence with its facts, and the colour of its mark. */
export interface RowWords {
  verdict: string;
  detail?: string;
  tone: 'ok' | 'bad' | 'warn' | 'muted' | 'busy';
}

/** Why a payment is left out, with its facts (held vs order total, the hold's end, …). */
function skipWords(
  t: TFunction,
  reason: SkipReason,
  detail: SkipDetail | undefined,
  language: Language,
): string {
  const money = (amount: Kopiyky | undefined) => (amount === undefined ? '' : formatMoney(amount, language));
  switch (reason) {
    case 'not_held':
      return detail?.state
        ? t('bulk.reasons.notHeldNow', { state: t(`lifecycle.${detail.state}`) })
        : t('bulk.reasons.not_held');
    case 'hold_expired':
      return detail?.holdExpiresAt
        ? t('bulk.reasons.holdEndsSoon', { time: formatDateTime(detail.holdExpiresAt, 'short', language) })
        : t('bulk.reasons.hold_expired');
    case 'amount_mismatch':
      if (detail?.held === undefined) return t('bulk.reasons.amount_mismatch');
      if (detail.amount !== undefined && detail.held !== detail.amount)
        return t('bulk.reasons.amountDiffers', { held: money(detail.held), amount: money(detail.amount) });
      return t('bulk.reasons.aboveOwed', {
        held: money(detail.held),
        total: money(detail.orderTotal),
        owed: money(detail.owed),
      });
    case 'other_currency':
      return t('bulk.reasons.other_currency', { currency: detail?.currency ?? '?' });
    case 'not_found':
    case 'in_flight':
    case 'merchant_not_connected':
    case 'no_invoice':
    case 'uapay_unavailable':
    case 'already_done':
      return t(`bulk.reasons.${reason}`);
  }
}

/** A preflight row: goes, or is left out and why. */
export function preflightWords(t: TFunction, row: BulkRow, action: BulkAction, language: Language): RowWords {
  if (row.eligible)
    return {
      verdict: t(`bulk.rows.eligible.${action}`),
      ...(row.part && {
        detail: t('bulk.rows.part', {
          amount: formatMoney(row.amount, language),
          total: formatMoney(row.part.orderTotal, language),
          owed: formatMoney(row.part.owed, language),
        }),
      }),
      tone: 'ok',
    };
  return {
    verdict: t('bulk.rows.skipped'),
    detail: row.reason ? skipWords(t, row.reason, row.detail, language) : undefined,
    tone: 'warn',
  };
}

/** A failure in words; UAPAY's (and RetailCRM's) own text is kept as it came. */
function failureWords(t: TFunction, error: NonNullable<BulkRowResult['error']>): string {
  switch (error.kind) {
    case 'uapay':
      return error.code
        ? t('bulk.failure.uapayCode', { message: error.message, code: error.code })
        : t('bulk.failure.uapay', { message: error.message });
    case 'retailcrm':
      return t('bulk.failure.retailcrm', { message: error.message });
    case 'network':
      return t('bulk.failure.network');
    case 'busy':
      return t('errors.busy.title');
    case 'refused':
      return t('bulk.failure.refused');
    default:
      return t('bulk.failure.other');
  }
}

/** A row of a batch, as far as it has gone. */
export function resultWords(
  t: TFunction,
  row: BulkRowResult,
  action: BulkAction,
  language: Language,
): RowWords {
  switch (row.outcome) {
    case 'pending':
      return { verdict: t('bulk.rows.pending'), tone: 'muted' };
    case 'in_flight':
      return { verdict: t('bulk.rows.inFlight'), tone: 'busy' };
    case 'done':
      return { verdict: t(`bulk.rows.done.${action}`), tone: 'ok' };
    case 'crm_pending':
      return { verdict: t(`bulk.rows.done.${action}`), detail: t('bulk.rows.crmPending'), tone: 'ok' };
    case 'failed':
      return {
        verdict: t('bulk.rows.failed'),
        ...(row.error && { detail: failureWords(t, row.error) }),
        tone: 'bad',
      };
    case 'skipped':
      return {
        verdict: t('bulk.rows.skipped'),
        ...(row.reason && { detail: skipWords(t, row.reason, row.detail, language) }),
        tone: 'warn',
      };
    case 'untouched':
      return { verdict: t('bulk.rows.untouched'), detail: t('bulk.rows.untouchedDetail'), tone: 'muted' };
  }
}
