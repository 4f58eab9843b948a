import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkResult as Link } from '../../../electron/shared/channels/payments';
import { Button } from '../../components/Button';
import { Callout } from '../../components/Callout';
import { notify } from '../../store/noticesStore';

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    notify('success', (t) => t('actions.copied'));
  } catch {
    notify('warning', (t) => t('actions.copyFailed'));
  }
}

/**
 * The payment link as the customer gets it: the address (selectable), Copy, a QR code to show at
 * the counter, and Open (main opens allowed links in the browser, never in the app's window).
 */
export function LinkResult({ link }: { link: Link }) {
  const { t } = useTranslation();
  const fieldId = useId();
  return (
    <section className="order-panel-section link-result" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`}>{t('actions.linkTitle')}</h3>
      <p className="muted">{link.created ? t('actions.linkCreated') : t('actions.linkExisting')}</p>
      {link.outcome === 'crm_pending' && (
        <Callout tone="warning">
          <p>{t('actions.outcome.linkCrmPending')}</p>
        </Callout>
      )}
      <div className="link-box">
        <label className="visually-hidden" htmlFor={fieldId}>
          {t('actions.linkAddress')}
        </label>
        <input
          id={fieldId}
          className="input link-url"
          readOnly
          value={link.link}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button onClick={() => void copy(link.link)}>{t('actions.copy')}</Button>
        <a className="btn btn-secondary" href={link.link} target="_blank" rel="noopener noreferrer">
          {t('actions.open')}
        </a>
      </div>
      <figure className="link-qr">
        <img src={link.qr} alt={t('actions.qrAlt')} width={160} height={160} />
        <figcaption>{t('actions.qrCaption')}</figcaption>
      </figure>
    </section>
  );
}
