import { useTranslation } from 'react-i18next';
import type { DemoLetter } from '../../electron/shared/channels/demo';
import { formatDateTime } from '../i18n/dates';

/** The sandbox's hosted payment page: `<origin>/payment/<invoice id>`. */
const PAYMENT_PAGE = /\/payment\/[^/?#]+$/;

/** One letter the Demo shop sent, as the customer would read it, with its links as buttons. */
export function LetterCard({ letter }: { letter: DemoLetter }) {
  const { t } = useTranslation();
  return (
    <article className="card letter-card" aria-label={letter.subject}>
      <header className="letter-card-head">
        <h2>{letter.subject}</h2>
        <time dateTime={letter.receivedAt}>{formatDateTime(letter.receivedAt, 'medium')}</time>
      </header>
      <dl className="letter-card-meta">
        <div>
          <dt>{t('mailbox.from')}</dt>
          <dd>{letter.from}</dd>
        </div>
        <div>
          <dt>{t('mailbox.to')}</dt>
          <dd>{letter.to.join(', ')}</dd>
        </div>
      </dl>
      <pre className="letter-card-text">{letter.text}</pre>
      {letter.links.length > 0 && (
        <div className="letter-card-links">
          {letter.links.map((link) => (
            <a
              key={link}
              className={PAYMENT_PAGE.test(link) ? 'btn btn-primary' : 'btn btn-secondary'}
              href={link}
              target="_blank"
              rel="noopener noreferrer"
            >
              {PAYMENT_PAGE.test(link) ? t('mailbox.openPayment') : t('mailbox.openLink')}
            </a>
          ))}
        </div>
      )}
    </article>
  );
}
