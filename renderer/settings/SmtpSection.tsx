import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { smtpSchema, type SettingsView, type SmtpSettings } from '../../electron/shared/settings';
import { Button } from '../components/Button';
import { Callout } from '../components/Callout';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { NumberField, parseNumber } from '../components/NumberField';
import { SettingsCard } from './SettingsCard';
import { Switch } from '../components/Switch';
import { TextField } from '../components/TextField';
import { call } from '../desk';
import { notify } from '../store/noticesStore';
import { useSettings } from '../store/settingsStore';
import { fieldErrors, fromZod } from './issues';
import { SectionFrame } from './SectionFrame';
import { SmtpPasswordCard } from './SmtpPasswordCard';
import { SmtpTestCard } from './SmtpTestCard';
import { useFieldForm } from './useFieldForm';

interface Draft {
  host: string;
  port: string;
  secure: boolean;
  user: string;
  fromAddress: string;
  fromName: string;
}

/** The usual ports: implicit TLS on 465, STARTTLS on 587. */
const TLS_PORT = '465';
const STARTTLS_PORT = '587';

const draftOf = (smtp: SmtpSettings | null): Draft =>
  smtp
    ? { ...smtp, port: String(smtp.port) }
    : { host: '', port: STARTTLS_PORT, secure: false, user: '', fromAddress: '', fromName: '' };

export function SmtpSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const problem = view.secrets.keychainProblem;
  return (
    <SectionFrame title={t('settings.sections.email')} description={t('settings.email.description')}>
      {!view.settings.smtp && <Callout>{t('settings.email.notSetUp')}</Callout>}
      <SmtpForm smtp={view.settings.smtp} />
      {problem && <Callout tone="warning">{t('settings.email.keychainProblem', { problem })}</Callout>}
      <SmtpPasswordCard saved={view.secrets.smtpPassword} />
      {view.settings.smtp && <SmtpTestCard defaultTo={view.settings.smtp.fromAddress} />}
    </SectionFrame>
  );
}

function SmtpForm({ smtp }: { smtp: SmtpSettings | null }) {
  const { t } = useTranslation();
  const apply = useSettings((s) => s.apply);
  const [draft, setDraft] = useState(() => draftOf(smtp));
  const { ref: formRef, ...form } = useFieldForm();
  const { busy: saving, error } = form;
  const [removing, setRemoving] = useState(false);
  const errors = fieldErrors(t, form.issues);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(smtp));
  const edit = (field: Exclude<keyof Draft, 'secure'>) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));

  // Turning TLS on or off moves the port between the two usual ones, unless a custom one was typed.
  const setSecure = (secure: boolean) =>
    setDraft((d) => {
      const usual = secure ? STARTTLS_PORT : TLS_PORT;
      return { ...d, secure, port: d.port === usual ? (secure ? TLS_PORT : STARTTLS_PORT) : d.port };
    });

  const save = () => {
    const checked = smtpSchema.safeParse({ ...draft, port: parseNumber(draft.port) });
    if (!checked.success) return form.reject(fromZod(checked.error.issues, ['smtp']));
    return form.submit([], async () => {
      const view = await call('settings.update', { smtp: checked.data });
      await apply(view);
      setDraft(draftOf(view.settings.smtp));
      notify('success', (tr) => tr('settings.email.saved'));
    });
  };

  const remove = async () => {
    const view = await call('settings.update', { smtp: null });
    await apply(view);
    setDraft(draftOf(null));
    form.clearIssues();
    notify('success', (tr) => tr('settings.email.removed'));
  };

  return (
    <>
      <SettingsCard
        ref={formRef}
        title={t('settings.email.serverTitle')}
        onSubmit={() => void save()}
        busy={saving}
        actions={
          <>
            {smtp && (
              <Button variant="ghost" className="push-left" onClick={() => setRemoving(true)}>
                {t('settings.email.remove')}
              </Button>
            )}
            <Button type="submit" variant="primary" busy={saving} disabled={!dirty}>
              {t('common.save')}
            </Button>
          </>
        }
      >
        <div className="field-row field-row-wide">
          <TextField
            label={t('settings.email.host')}
            placeholder={t('settings.email.hostPlaceholder')}
            value={draft.host}
            onChange={edit('host')}
            error={errors['smtp.host']}
            autoComplete="off"
            spellCheck={false}
          />
          <NumberField
            label={t('settings.email.port')}
            value={draft.port}
            onChange={edit('port')}
            error={errors['smtp.port']}
          />
        </div>
        <Switch
          label={t('settings.email.secure')}
          hint={t('settings.email.secureHint')}
          checked={draft.secure}
          onChange={setSecure}
        />
        <TextField
          label={t('settings.email.user')}
          hint={t('settings.email.userHint')}
          value={draft.user}
          onChange={edit('user')}
          error={errors['smtp.user']}
          autoComplete="off"
          spellCheck={false}
        />
        <h4 className="settings-card-subtitle">{t('settings.email.senderTitle')}</h4>
        <div className="field-row">
          <TextField
            label={t('settings.email.fromAddress')}
            placeholder={t('settings.email.fromAddressPlaceholder')}
            type="email"
            value={draft.fromAddress}
            onChange={edit('fromAddress')}
            error={errors['smtp.fromAddress']}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label={t('settings.email.fromName')}
            placeholder={t('settings.email.fromNamePlaceholder')}
            value={draft.fromName}
            onChange={edit('fromName')}
            error={errors['smtp.fromName']}
            autoComplete="off"
          />
        </div>
        {error && <ErrorMessage error={error} onRetry={() => void save()} />}
      </SettingsCard>
      <ConfirmDialog
        open={removing}
        title={t('settings.email.removeTitle')}
        text={t('settings.email.removeText')}
        confirmLabel={t('settings.email.remove')}
        danger
        onConfirm={remove}
        onClose={() => setRemoving(false)}
      />
    </>
  );
}
