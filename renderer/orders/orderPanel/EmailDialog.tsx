import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Skeleton } from '../../components/Skeleton';
import { TextField } from '../../components/TextField';
import { call } from '../../desk';
import { useDeskAction, useDeskFeed } from '../../deskHooks';
import { notify } from '../../store/noticesStore';
import { LANGUAGES, type Language } from '../../../electron/shared/settings';
import { CallState } from './CallState';
import { ChoiceGroup } from './ChoiceGroup';
import { useSlow } from './useSlow';

/** Enough to catch a typo; the core checks the address again before sending. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const OTHER = '';

/**
 * "Send to e-mail": the addresses of the order and its customer to choose from (or another one,
 * typed), the letter's language (the store's when RetailCRM says it, else the UI's; the manager may
 * pick uk, ru or en), a preview of the letter exactly as it goes out in it, then Send. The preview shows the letter's
 * text version: its HTML is not the page's to render (the CSP allows no frames either).
 */
export function EmailDialog({
  paymentId,
  addresses,
  onDone,
  onClose,
}: {
  paymentId: number;
  /** The order's and the customer's addresses, the order's first. */
  addresses: string[];
  onDone(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(addresses[0] ?? OTHER);
  const [typed, setTyped] = useState('');
  const [touched, setTouched] = useState(false);
  const sending = useDeskAction();
  const { busy, error } = sending;
  // Undefined until the manager picks one: the core then starts from the store's language.
  const [language, setLanguage] = useState<Language>();
  const slow = useSlow(busy);
  const { data: preview, error: previewError } = useDeskFeed(
    () => call('payments.previewLetter', { paymentId, ...(language && { language }) }),
    [paymentId, language],
  );
  const letterLanguage = language ?? preview?.language;

  const choices = [...new Set([...addresses, ...(preview?.to ?? [])])];
  const to = (chosen === OTHER ? typed : chosen).trim();
  const invalid = !EMAIL.test(to);

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    setTouched(true);
    if (invalid) return;
    await sending.run(async () => {
      await call('payments.sendLink', { paymentId, to, ...(letterLanguage && { language: letterLanguage }) });
      notify('success', (tr) => tr('actions.emailSent', { to }));
      onDone();
      onClose();
    });
  };

  return (
    <Dialog
      open
      size="md"
      title={t('actions.emailTitle')}
      onClose={() => !busy && onClose()}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('actions.back')}
          </Button>
          <Button variant="primary" icon="mail" busy={busy} onClick={() => void send()}>
            {t('actions.emailSend')}
          </Button>
        </>
      }
    >
      <form className="money-form" onSubmit={(event) => void send(event)} noValidate>
        <ChoiceGroup<Language>
          legend={t('actions.emailLanguage')}
          name="letter-language"
          row
          testId="letter-language"
          choices={LANGUAGES.map((code) => ({ value: code, label: t(`actions.emailLanguages.${code}`) }))}
          value={letterLanguage}
          disabled={!preview && !previewError}
          onChange={setLanguage}
        />
        <ChoiceGroup
          legend={t('actions.emailTo')}
          name="letter-to"
          choices={[
            ...choices.map((address) => ({ value: address, label: address })),
            { value: OTHER, label: choices.length ? t('actions.emailOther') : t('actions.emailNoAddress') },
          ]}
          value={chosen}
          onChange={setChosen}
        />
        {chosen === OTHER && (
          <TextField
            label={t('actions.emailOtherLabel')}
            type="email"
            value={typed}
            onChange={setTyped}
            placeholder={t('actions.emailPlaceholder')}
            error={touched && invalid ? t('validation.email') : undefined}
            autoComplete="email"
          />
        )}
        <button type="submit" hidden />
      </form>
      <section className="letter-preview" aria-label={t('actions.emailPreview')}>
        <h3 className="field-label">{t('actions.emailPreview')}</h3>
        {previewError ? (
          <ErrorMessage error={previewError} />
        ) : preview ? (
          <div className="inset letter">
            <p className="letter-subject">
              <span className="letter-label">{t('actions.emailSubject')}</span> {preview.subject}
            </p>
            <pre className="letter-text">{preview.text}</pre>
          </div>
        ) : (
          <div className="inset letter" aria-busy="true">
            <Skeleton width="60%" />
            <Skeleton shape="block" height="120px" />
          </div>
        )}
      </section>
      <CallState
        slow={slow}
        slowText={t('actions.emailSending')}
        busy={busy}
        error={error}
        retry={() => void send()}
      />
    </Dialog>
  );
}
