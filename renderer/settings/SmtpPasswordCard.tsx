import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { Icon } from '../components/Icon';
import { SecretInput } from './SecretInput';
import { SettingsCard } from './SettingsCard';
import { call } from '../desk';
import { useDeskAction } from '../deskHooks';
import { notify } from '../store/noticesStore';
import { useSettings } from '../store/settingsStore';

/** Saved or not, set / replace / delete. The password itself is never shown and never kept in state. */
export function SmtpPasswordCard({ saved }: { saved: boolean }) {
  const { t } = useTranslation();
  const apply = useSettings((s) => s.apply);
  const [open, setOpen] = useState<'set' | 'delete'>();
  const remove = async () => {
    await apply(await call('settings.smtpPassword.delete', {}));
    notify('success', (tr) => tr('settings.email.passwordDeleted'));
  };
  return (
    <SettingsCard title={t('settings.email.passwordTitle')}>
      <div className="secret-row">
        <div className="secret-state-block">
          <span className="field-label">{t('settings.email.passwordState')}</span>
          <span
            className={saved ? 'secret-state secret-saved' : 'secret-state'}
            data-testid="smtp-password-state"
          >
            <Icon name={saved ? 'check' : 'key'} size={14} />
            {t(saved ? 'settings.email.passwordSaved' : 'settings.email.passwordMissing')}
          </span>
        </div>
        <div className="row-actions">
          {saved && (
            <Button variant="ghost" onClick={() => setOpen('delete')}>
              {t('settings.email.passwordDelete')}
            </Button>
          )}
          <Button icon="key" onClick={() => setOpen('set')}>
            {t(saved ? 'settings.email.passwordReplace' : 'settings.email.passwordSet')}
          </Button>
        </div>
      </div>
      <PasswordDialog open={open === 'set'} onClose={() => setOpen(undefined)} />
      <ConfirmDialog
        open={open === 'delete'}
        title={t('settings.email.deleteTitle')}
        text={t('settings.email.deleteText')}
        confirmLabel={t('settings.email.passwordDelete')}
        danger
        onConfirm={remove}
        onClose={() => setOpen(undefined)}
      />
    </SettingsCard>
  );
}

/** The password goes from the field straight into the call; the field is gone (unmounted) once the dialog closes. */
function PasswordDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const apply = useSettings((s) => s.apply);
  const formId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [empty, setEmpty] = useState(false);
  const { busy, error, run, setError } = useDeskAction();
  const close = () => {
    setEmpty(false);
    setError(undefined);
    onClose();
  };
  const save = async () => {
    const password = input.current?.value ?? '';
    if (password === '') {
      setEmpty(true);
      input.current?.focus();
      return;
    }
    await run(async () => {
      await apply(await call('settings.smtpPassword.set', { password }));
      notify('success', (tr) => tr('settings.email.passwordSavedNotice'));
      close();
    });
  };
  return (
    <Dialog
      open={open}
      title={t('settings.email.passwordDialogTitle')}
      description={t('settings.email.passwordDialogText')}
      onClose={close}
      size="md"
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" busy={busy}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <SecretInput
          label={t('settings.email.passwordField')}
          error={empty ? t('settings.email.passwordEmpty') : undefined}
          inputRef={input}
          onInput={() => setEmpty(false)}
          autoComplete="new-password"
        />
      </form>
      {error && <ErrorMessage error={error} />}
    </Dialog>
  );
}
