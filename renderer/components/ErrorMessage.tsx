import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../electron/shared/errors';
import type { Kopiyky } from '../../electron/shared/money';
import { currentLanguage } from '../i18n';
import { formatMoney } from '../i18n/money';
import { formatDateTime } from '../i18n/dates';
import { Button } from './Button';
import { Icon } from './Icon';

interface Words {
  title: string;
  next: string;
  /** The provider's own words, kept as they came (UAPAY and RetailCRM errors). */
  answer?: { label: string; text: string; code?: string; details: string[] };
  extra?: string;
}

/** Every core error kind in plain words, with what to do next. */
/** An error in the UI's words: a title, the next step, and the provider's own text when it sent one. */
export function errorWords(t: TFunction, error: DeskError): Words {
  // No default: the compiler (and the lint rule) refuse a new kind until it has words.
  switch (error.kind) {
    case 'validation':
      return {
        title: t('errors.validation.title', { message: error.message }),
        next: t('errors.validation.next'),
      };
    case 'keychain':
      return { title: t(`errors.keychain.${error.reason}`), next: t('errors.keychain.next') };
    case 'uapay': {
      const fields = { ...error.fields?.params, ...error.fields?.data };
      return {
        title: t('errors.uapay.title'),
        next: t('errors.uapay.next'),
        answer: {
          label: t('errors.uapay.answer'),
          text: error.message,
          code: t('errors.uapay.code', { code: error.code }),
          details: Object.entries(fields).map(([field, code]) => `${field}: ${code}`),
        },
      };
    }
    case 'retailcrm': {
      const errors = error.errors ?? [];
      return {
        title: t('errors.retailcrm.title', { status: error.status }),
        next: t('errors.retailcrm.next'),
        answer: {
          label: t('errors.retailcrm.answer'),
          text: error.message,
          details: Array.isArray(errors)
            ? errors
            : Object.entries(errors).map(([field, text]) => `${field}: ${text}`),
        },
      };
    }
    case 'network':
      return {
        title: t(`errors.network.${error.reason}`, { service: t(`errors.services.${error.service}`) }),
        next: t(error.reason === 'rate_limited' ? 'errors.network.nextRateLimited' : 'errors.network.next'),
        ...(error.service === 'uapay' && { extra: t('errors.network.uncertain') }),
      };
    case 'refused': {
      const limit = error.limit === undefined ? '' : formatMoney(error.limit as Kopiyky, currentLanguage());
      return {
        title: t(`errors.refused.${error.reason}`, { limit, currency: error.currency ?? '' }),
        next: t(error.reason === 'currency' ? 'errors.refused.nextCurrency' : 'errors.refused.next'),
      };
    }
    case 'mail':
      return {
        title: t(`errors.mail.${error.reason}`),
        next: t(
          error.reason === 'auth'
            ? 'errors.mail.nextAuth'
            : error.reason === 'tls'
              ? 'errors.mail.nextTls'
              : 'errors.mail.next',
        ),
        ...(error.response && {
          answer: {
            label: t('errors.mail.answer'),
            text: error.response,
            ...(error.responseCode !== undefined && {
              code: t('errors.mail.code', { code: error.responseCode }),
            }),
            details: [],
          },
        }),
      };
    case 'busy':
      if (error.elsewhere) {
        const where = {
          who: error.elsewhere.who ?? error.elsewhere.desktopId,
          since: formatDateTime(error.elsewhere.since, 'short', currentLanguage()),
        };
        return {
          title: t(
            error.elsewhere.attention ? 'errors.busy.elsewhereAttention' : 'errors.busy.elsewhere',
            where,
          ),
          next: t('errors.busy.elsewhereNext'),
        };
      }
      return { title: t('errors.busy.title'), next: t('errors.busy.next') };
    case 'not_found':
      return {
        title: t(`errors.not_found.${error.what}.title`),
        next: t(`errors.not_found.${error.what}.next`),
      };
    case 'not_connected':
      return error.secret
        ? {
            title: t(`errors.not_connected.secret.${error.service}.title`),
            next: t(`errors.not_connected.secret.${error.service}.next`),
          }
        : {
            title: t(`errors.not_connected.${error.service}.title`),
            next: t(`errors.not_connected.${error.service}.next`),
          };
    case 'locked':
      return { title: t(`errors.locked.${error.what}.title`), next: t(`errors.locked.${error.what}.next`) };
    case 'pairing':
      return { title: t(`relay.pairing.${error.problem}`), next: t('errors.pairing.next') };
    case 'forbidden':
    case 'internal':
      return { title: t(`errors.${error.kind}.title`), next: t(`errors.${error.kind}.next`) };
  }
}

export interface ErrorMessageProps {
  error: DeskError;
  onRetry?: () => void;
  /** Busy retrying: the button shows it. */
  retrying?: boolean;
  /**
   * Said as it appears (`role="alert"`), the default for an error in place; false where it sits
   * inside a live region of its own (the notices), which would otherwise say it twice.
   */
  announce?: boolean;
}

export function ErrorMessage({ error, onRetry, retrying, announce = true }: ErrorMessageProps) {
  const { t } = useTranslation();
  const { title, next, answer, extra } = errorWords(t, error);
  return (
    <div className="callout callout-error" role={announce ? 'alert' : undefined}>
      <Icon name="alert" className="callout-icon" />
      <div className="callout-body">
        <p className="callout-title">{title}</p>
        {answer && (
          <figure className="provider-answer">
            <figcaption>
              {answer.label}
              {answer.code && <span className="provider-code">{answer.code}</span>}
            </figcaption>
            <blockquote>{answer.text}</blockquote>
            {answer.details.length > 0 && (
              <ul>
                {answer.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </figure>
        )}
        {extra && <p>{extra}</p>}
        <p className="callout-next">{next}</p>
        {onRetry && (
          <Button size="sm" onClick={onRetry} busy={retrying}>
            {t('common.retry')}
          </Button>
        )}
      </div>
    </div>
  );
}
