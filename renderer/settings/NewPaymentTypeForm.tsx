import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  setupChannels,
  type MerchantLink,
  type PaymentTypeChoice,
  type PaymentTypesView,
} from '../../electron/shared/channels/setup';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/TextField';
import { call } from '../desk';
import { notify } from '../store/noticesStore';
import { siteChoices, useCrmSites } from './crmSitesStore';
import { fromZod } from './issues';
import { setupFieldErrors } from './setupWords';
import { SiteChecklist } from './SiteChecklist';
import { useFieldForm } from './useFieldForm';

const requestSchema = setupChannels['setup.paymentTypes.create'].request;

/**
 * "Create a payment type" (reference §5.1): RetailCRM gets an active type on the chosen stores,
 * and the merchant is linked to it at once.
 */
export function NewPaymentTypeForm({
  link,
  siteCodes,
  types,
  onCreated,
  onCancel,
}: {
  link: MerchantLink;
  siteCodes: readonly string[];
  types: readonly PaymentTypeChoice[];
  onCreated(view: PaymentTypesView): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const known = useCrmSites((s) => s.sites);
  const sites = siteChoices(known, [...siteCodes, ...types.flatMap((type) => type.sites)]);
  const [name, setName] = useState(() => t('setup.paymentTypes.newNameDefault', { name: link.name }));
  const [code, setCode] = useState('');
  const [chosen, setChosen] = useState<string[]>(() =>
    siteCodes.length > 0 ? [...siteCodes] : sites.map((site) => site.code),
  );
  const form = useFieldForm();
  const { busy, error } = form;
  const errors = setupFieldErrors(t, 'paymentType', form.issues);

  const create = () => {
    const request = {
      merchantId: link.merchantId,
      name,
      code: code.trim(),
      ...(sites.length > 0 && { siteCodes: chosen }),
    };
    const checked = requestSchema.safeParse(request);
    const found = checked.success ? [] : fromZod(checked.error.issues);
    if (sites.length > 0 && chosen.length === 0)
      found.push({ path: 'siteCodes', code: 'no_sites', message: '' });
    return form.submit(found, async () => {
      const view = await call('setup.paymentTypes.create', request);
      const typeCode = request.code;
      notify('success', (tr) => tr('setup.paymentTypes.created', { name: link.name, code: typeCode }));
      await onCreated(view);
    });
  };

  return (
    <div className="subform" role="group" aria-label={t('setup.paymentTypes.createTitle')}>
      <h4 className="subform-title">{t('setup.paymentTypes.createTitle')}</h4>
      <div className="field-row">
        <TextField
          label={t('setup.paymentTypes.newName')}
          value={name}
          onChange={setName}
          error={errors.name}
          autoComplete="off"
        />
        <TextField
          label={t('setup.paymentTypes.newCode')}
          hint={t('setup.paymentTypes.newCodeHint')}
          placeholder={t('setup.paymentTypes.newCodePlaceholder')}
          value={code}
          onChange={setCode}
          error={errors.code}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      {sites.length > 0 && (
        <SiteChecklist
          legend={t('setup.paymentTypes.newSites')}
          error={errors.siteCodes}
          sites={sites}
          chosen={chosen}
          onToggle={(code, on) =>
            setChosen((current) => (on ? [...current, code] : current.filter((c) => c !== code)))
          }
        />
      )}
      <div className="row-actions">
        <Button variant="primary" icon="check" busy={busy} onClick={() => void create()}>
          {t('setup.paymentTypes.create')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
      {error && <ErrorMessage error={error} onRetry={() => void create()} />}
    </div>
  );
}
