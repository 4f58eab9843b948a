import { useTranslation } from 'react-i18next';
import type { DemoLetter } from '../../electron/shared/channels/demo';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { Skeleton } from '../components/Skeleton';
import { call } from '../desk';
import { useDeskFeed } from '../deskHooks';
import { LeaveDemoButton } from './LeaveDemoButton';
import { LetterCard } from './LetterCard';
import './mailbox.css';

/** Letters arrive through the sandbox's SMTP catcher a moment after "Send": look again this often. */
const POLL_MS = 3000;

function newestFirst(letters: DemoLetter[]): DemoLetter[] {
  return [...letters].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

/** The Demo mailbox: every letter the Demo shop sent, newest first; a payment link opens the practice payment page. */
export function MailboxView() {
  const { t } = useTranslation();
  const {
    data: letters,
    error,
    reloading,
    reload,
  } = useDeskFeed(() => call('demo.mailbox', {}).then(newestFirst), [], { every: POLL_MS });

  return (
    <div className="mailbox">
      <div className="mailbox-toolbar">
        <p className="mailbox-lead">{t('mailbox.lead')}</p>
        <Button size="sm" busy={reloading && !letters} onClick={() => void reload()}>
          {t('mailbox.refresh')}
        </Button>
        <LeaveDemoButton size="sm" />
      </div>
      {error && <ErrorMessage error={error} onRetry={() => void reload()} />}
      {!letters && !error && (
        <div className="mailbox-list" aria-hidden="true">
          <Skeleton shape="block" height="160px" />
          <Skeleton shape="block" height="160px" />
        </div>
      )}
      {letters?.length === 0 && (
        <EmptyState icon="mail" title={t('mailbox.emptyTitle')} text={t('mailbox.emptyText')} />
      )}
      {letters && letters.length > 0 && (
        <div className="mailbox-list" role="feed" aria-label={t('mailbox.listLabel')} aria-busy={reloading}>
          {letters.map((letter) => (
            <LetterCard key={letter.id} letter={letter} />
          ))}
        </div>
      )}
    </div>
  );
}
