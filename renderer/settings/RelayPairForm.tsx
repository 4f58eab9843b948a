import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { SettingsCard } from './SettingsCard';
import { useDeskAction } from '../deskHooks';
import { notify } from '../store/noticesStore';
/**
 * Paste the relay's pairing code. The field is uncontrolled and emptied after pairing: the code
 * carries this desktop's token, which lives only in the keychain afterwards.
 */
export function RelayPairForm({
  title,
  text,
  pair: send,
}: {
  title: string;
  text: string;
  /** Pairs with the code (`relay.pair`); rejects with the core's error. */
  pair(code: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLTextAreaElement>(null);
  const [problem, setProblem] = useState<string>();
  const { busy, error, run, setError } = useDeskAction({
    // A refused code is the field's problem (core/relay/pairing.ts names it), said at the field.
    onError: (desk) => {
      const said =
        desk.kind === 'pairing'
          ? t(`relay.pairing.${desk.problem}`)
          : desk.kind === 'validation'
            ? desk.issues[0]?.message
            : undefined;
      if (!said) return false;
      setProblem(said);
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
      await send(code);
      if (input.current) input.current.value = '';
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
