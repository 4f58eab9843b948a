import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelayStatus } from '../../electron/shared/channels/relay';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { SettingsCard } from './SettingsCard';
import { call } from '../desk';
import { useDeskAction } from '../deskHooks';
import { notify } from '../store/noticesStore';
import uk from '../i18n/locales/uk.json';

type PairingProblem = keyof typeof uk.relay.pairing;

/** The core refuses a code with `pairing_<problem>` (callbacks/pairing.ts). */
function pairingProblem(code: string): PairingProblem | undefined {
  const problem = code.replace(/^pairing_/, '');
  return code.startsWith('pairing_') && Object.hasOwn(uk.relay.pairing, problem)
    ? (problem as PairingProblem)
    : undefined;
}

/**
 * Paste the relay's pairing code. The field is uncontrolled and emptied after pairing: the code
 * carries this desktop's token, which lives only in the keychain afterwards.
 */
export function RelayPairForm({
  title,
  text,
  onPaired,
}: {
  title: string;
  text: string;
  onPaired(status: RelayStatus): void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLTextAreaElement>(null);
  const [problem, setProblem] = useState<string>();
  const { busy, error, run, setError } = useDeskAction({
    // A refused code is said under the field, in the words of its problem.
    onError: (desk) => {
      const issue = desk.kind === 'validation' ? desk.issues[0] : undefined;
      if (!issue) return false;
      const known = pairingProblem(issue.code);
      setProblem(known ? t(`relay.pairing.${known}`) : issue.message);
      input.current?.focus();
      return true;
    },
  });

  const pair = async () => {
    setError(undefined);
    setProblem(undefined);
    const code = input.current?.value.trim() ?? '';
    if (code === '') {
      setProblem(t('relay.pairing.empty'));
      input.current?.focus();
      return;
    }
    await run(async () => {
      const status = await call('relay.pair', { code });
      if (input.current) input.current.value = '';
      onPaired(status);
      notify('success', (tr) => tr('relay.paired'));
    });
  };

  return (
    <SettingsCard
      title={title}
      description={text}
      onSubmit={() => void pair()}
      busy={busy}
      actions={
        <Button type="submit" variant="primary" icon="link" busy={busy}>
          {t('relay.pair')}
        </Button>
      }
    >
      <Field label={t('relay.code')} hint={t('relay.codeHint')} error={problem}>
        {(control) => (
          <textarea
            {...control}
            ref={input}
            className="input input-code"
            rows={3}
            spellCheck={false}
            autoComplete="off"
            placeholder={t('relay.codePlaceholder')}
            onInput={() => setProblem(undefined)}
          />
        )}
      </Field>
      {error && <ErrorMessage error={error} onRetry={() => void pair()} />}
    </SettingsCard>
  );
}
