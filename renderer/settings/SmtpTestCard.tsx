import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { Callout } from '../components/Callout';
import { ErrorMessage } from '../components/ErrorMessage';
import { SettingsCard } from './SettingsCard';
import { TextField } from '../components/TextField';
import { call } from '../desk';
import { useDeskAction } from '../deskHooks';

/**
 * "Send test e-mail": the saved sender sends one letter now. A refusal shows the mail server's own
 * words (ErrorMessage quotes them), which is what whoever runs the server needs.
 */
export function SmtpTestCard({ defaultTo }: { defaultTo: string }) {
  const { t } = useTranslation();
  const [to, setTo] = useState(defaultTo);
  const [sent, setSent] = useState<string>();
  const { busy, error, run } = useDeskAction();

  const send = () => {
    setSent(undefined);
    return run(async () => {
      await call('mail.sendTest', { to: to.trim() });
      setSent(to.trim());
    });
  };

  return (
    <SettingsCard
      title={t('setup.email.testTitle')}
      description={t('setup.email.testText')}
      onSubmit={() => void send()}
      busy={busy}
      actions={
        <Button type="submit" icon="mail" busy={busy} disabled={to.trim() === ''}>
          {t('setup.email.testSend')}
        </Button>
      }
    >
      <TextField
        label={t('setup.email.testTo')}
        type="email"
        value={to}
        onChange={setTo}
        autoComplete="off"
        spellCheck={false}
      />
      {sent && (
        <div data-testid="smtp-test-sent">
          <Callout tone="success" title={t('setup.email.testSent', { to: sent })}>
            <p>{t('setup.email.testSentText')}</p>
          </Callout>
        </div>
      )}
      {error && <ErrorMessage error={error} onRetry={() => void send()} />}
    </SettingsCard>
  );
}
