import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MerchantCheckResult } from '../../electron/shared/channels/setup';
import { ENVIRONMENTS, merchantSchema, type Merchant } from '../../electron/shared/settings';
import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { Select } from '../components/Select';
import { Switch } from '../components/Switch';
import { TextField } from '../components/TextField';
import { call } from '../desk';
import { notify } from '../store/noticesStore';
import { useSettings } from '../store/settingsStore';
import { fromZod, type FieldIssue } from './issues';
import { MerchantCheckOutcome } from './MerchantCheckOutcome';
import { SecretField } from './SecretField';
import { environmentText, setupFieldErrors } from './setupWords';
import { useFieldForm } from './useFieldForm';

const fieldsSchema = merchantSchema.pick({
  name: true,
  clientId: true,
  environment: true,
  confirmManually: true,
  redirectUrl: true,
});
type Fields = ReturnType<typeof fieldsSchema.parse>;

const blank: Fields = {
  name: '',
  clientId: '',
  environment: 'production',
  confirmManually: true,
  redirectUrl: '',
};
const missingKey: FieldIssue = { path: 'secretKey', code: 'too_small', origin: 'string', message: '' };

/**
 * Add or edit one merchant (mounted only while open). "Check connection" works on what the form
 * holds, saved or not: a wrong key is found before anything is saved.
 */
export function MerchantDialog({
  merchant,
  keySaved,
  onClose,
}: {
  merchant?: Merchant;
  keySaved: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const apply = useSettings((s) => s.apply);
  const formId = useId();
  const keyInput = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const [fields, setFields] = useState<Fields>(() =>
    merchant ? { redirectUrl: '', ...fieldsSchema.parse(merchant) } : blank,
  );
  const [replacing, setReplacing] = useState(false);
  const [checked, setChecked] = useState<MerchantCheckResult>();
  const { ref: formRef, ...form } = useFieldForm<'check' | 'save'>();
  const { running: busy, error } = form;
  const errors = setupFieldErrors(t, 'merchant', form.issues);
  const editField =
    <K extends keyof Fields>(field: K) =>
    (value: Fields[K]) => {
      setFields((f) => ({ ...f, [field]: value }));
      setChecked(undefined);
    };
  const typedKey = () => (!keySaved || replacing ? (keyInput.current?.value.trim() ?? '') : '');

  const check = () => {
    const secretKey = typedKey();
    const found: FieldIssue[] = [];
    const clientId = fieldsSchema.shape.clientId.safeParse(fields.clientId);
    if (!clientId.success) found.push(...fromZod(clientId.error.issues, ['clientId']));
    if (!merchant && secretKey === '') found.push(missingKey);
    return form.submit(
      found,
      async () => {
        const request = {
          ...(merchant && { id: merchant.id }),
          clientId: fields.clientId.trim(),
          environment: fields.environment,
          ...(secretKey && { secretKey }),
        };
        setChecked(await call('setup.merchants.check', request));
        // The answer is under the form, maybe below the fold of the dialog.
        requestAnimationFrame(() => outcome.current?.scrollIntoView({ block: 'nearest' }));
      },
      'check',
    );
  };

  const save = () => {
    const secretKey = typedKey();
    const parsed = fieldsSchema.safeParse(fields);
    const found = parsed.success ? [] : fromZod(parsed.error.issues);
    if ((!merchant || replacing || !keySaved) && secretKey === '') found.push(missingKey);
    if (!parsed.success) return form.reject(found);
    return form.submit(
      found,
      async () => {
        const saved = merchant
          ? await call('setup.merchants.update', {
              id: merchant.id,
              ...parsed.data,
              ...(secretKey && { secretKey }),
            })
          : await call('setup.merchants.add', { ...parsed.data, secretKey });
        if (keyInput.current) keyInput.current.value = '';
        await apply(saved.view);
        const name = saved.merchant.name;
        notify('success', (tr) =>
          tr(merchant ? 'setup.merchants.updated' : 'setup.merchants.added', { name }),
        );
        onClose();
      },
      'save',
    );
  };

  return (
    <Dialog
      open
      title={
        merchant ? t('setup.merchants.editTitle', { name: merchant.name }) : t('setup.merchants.addTitle')
      }
      description={t('setup.merchants.dialogText')}
      onClose={onClose}
      size="md"
      footer={
        <>
          <Button className="push-left" icon="check" busy={busy === 'check'} onClick={() => void check()}>
            {t('setup.merchants.checkConnection')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" busy={busy === 'save'}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        ref={formRef}
        className="dialog-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextField
          label={t('setup.merchants.name')}
          hint={t('setup.merchants.nameHint')}
          value={fields.name}
          onChange={editField('name')}
          error={errors.name}
          autoComplete="off"
        />
        <div className="field-row">
          <TextField
            label={t('setup.merchants.clientId')}
            hint={t('setup.merchants.clientIdHint')}
            value={fields.clientId}
            onChange={editField('clientId')}
            error={errors.clientId}
            autoComplete="off"
            spellCheck={false}
          />
          <Select
            label={t('setup.merchants.environment')}
            value={fields.environment}
            options={ENVIRONMENTS.map((value) => ({ value, label: environmentText(t, value) }))}
            onChange={editField('environment')}
          />
        </div>
        <SecretField
          label={t('setup.merchants.secretKey')}
          hint={t('setup.merchants.secretKeyHint')}
          error={errors.secretKey}
          saved={merchant !== undefined && keySaved}
          replacing={replacing}
          onReplace={setReplacing}
          inputRef={keyInput}
          onInput={() => setChecked(undefined)}
        />
        <Switch
          label={t('setup.merchants.confirmManually')}
          hint={t('setup.merchants.confirmManuallyHint')}
          checked={fields.confirmManually}
          onChange={editField('confirmManually')}
        />
        <TextField
          label={t('setup.merchants.redirectUrl')}
          hint={t('setup.merchants.redirectUrlHint')}
          value={fields.redirectUrl ?? ''}
          onChange={editField('redirectUrl')}
          error={errors.redirectUrl}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
        />
      </form>
      {checked && (
        <div ref={outcome}>
          <MerchantCheckOutcome result={checked} />
        </div>
      )}
      {error && <ErrorMessage error={error} />}
    </Dialog>
  );
}
