import { useTranslation } from 'react-i18next';
import type { MerchantCheckResult } from '../../electron/shared/channels/setup';
import { Callout } from '../components/Callout';
import { merchantCheckText } from './setupWords';

/** "Check connection": connected, or exactly why not, with UAPAY's own code and text when it answered. */
export function MerchantCheckOutcome({ result }: { result: MerchantCheckResult }) {
  const { t } = useTranslation();
  return (
    <div data-testid="merchant-check" data-outcome={result.ok ? 'ok' : result.problem}>
      <Callout tone={result.ok ? 'success' : 'warning'} title={merchantCheckText(t, result)}>
        {result.uapay && (
          <figure className="provider-answer">
            <figcaption>
              {t('errors.uapay.answer')}
              <span className="provider-code">{t('errors.uapay.code', { code: result.uapay.code })}</span>
            </figcaption>
            <blockquote>{result.uapay.message}</blockquote>
          </figure>
        )}
      </Callout>
    </div>
  );
}
