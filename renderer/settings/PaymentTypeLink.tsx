import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MerchantLink, PaymentTypeChoice, PaymentTypesView } from '../../electron/shared/channels/setup';
import { Button } from '../components/Button';
import { Callout } from '../components/Callout';
import { ErrorMessage } from '../components/ErrorMessage';
import { Icon } from '../components/Icon';
import { SettingsCard } from './SettingsCard';
import { Select } from '../components/Select';
import { call } from '../desk';
import { notify } from '../store/noticesStore';
import { NewPaymentTypeForm } from './NewPaymentTypeForm';
import { setupFieldErrors } from './setupWords';
import { useFieldForm } from './useFieldForm';

export interface PaymentTypeLinkProps {
  link: MerchantLink;
  types: readonly PaymentTypeChoice[];
  /** The connection's stores (empty: all), the new type's default. */
  siteCodes: readonly string[];
  onChanged(view: PaymentTypesView): Promise<void>;
}

/** A type can be linked when no other module owns it and no other merchant uses it. */
function linkable(type: PaymentTypeChoice, merchantId: string): boolean {
  return !type.integration && (!type.merchantId || type.merchantId === merchantId);
}

const typeLabel = (type: PaymentTypeChoice) => `${type.name} (${type.code})`;

/** One merchant's payment type: locked (and why), or a choice among the CRM's types, or a new one. */
export function PaymentTypeLink({ link, types, siteCodes, onChanged }: PaymentTypeLinkProps) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState(link.paymentTypeCode ?? '');
  const [creating, setCreating] = useState(false);
  const form = useFieldForm();
  const { busy, error } = form;
  const errors = setupFieldErrors(t, 'paymentType', form.issues);
  const current = types.find((type) => type.code === link.paymentTypeCode);

  const linkType = () =>
    form.submit([], async () => {
      await onChanged(await call('setup.paymentTypes.link', { merchantId: link.merchantId, code: choice }));
      const name = link.name;
      notify('success', (tr) => tr('setup.paymentTypes.linked', { name, code: choice }));
    });

  const options = [
    { value: '', label: t('setup.paymentTypes.nothingChosen') },
    ...types
      .filter((type) => linkable(type, link.merchantId))
      .map((type) => ({
        value: type.code,
        label: type.active ? typeLabel(type) : t('setup.paymentTypes.inactive', { type: typeLabel(type) }),
      })),
  ];

  return (
    <SettingsCard title={link.name}>
      <div data-testid="payment-type-link" data-merchant={link.merchantId} className="settings-card-stack">
        {link.locked ? (
          <Callout
            title={t('setup.paymentTypes.lockedTitle', {
              type: current ? typeLabel(current) : link.paymentTypeCode,
            })}
          >
            <p className="inline-icon">
              <Icon name="lock" size={14} />
              {t('setup.paymentTypes.lockedText')}
            </p>
          </Callout>
        ) : (
          <>
            <p className={link.paymentTypeCode ? 'link-state' : 'link-state link-missing'}>
              <Icon name={link.paymentTypeCode ? 'link' : 'alert'} size={14} />
              {link.paymentTypeCode
                ? t('setup.paymentTypes.linkedTo', {
                    type: current ? typeLabel(current) : link.paymentTypeCode,
                  })
                : t('setup.paymentTypes.notLinked')}
            </p>
            <div className="inline-form">
              <Select
                label={t('setup.paymentTypes.choose')}
                hint={t('setup.paymentTypes.chooseHint')}
                value={choice}
                options={options}
                onChange={setChoice}
                error={errors.code}
              />
              <Button
                icon="link"
                busy={busy}
                disabled={choice === '' || choice === link.paymentTypeCode}
                onClick={() => void linkType()}
              >
                {t('setup.paymentTypes.link')}
              </Button>
            </div>
            {creating ? (
              <NewPaymentTypeForm
                link={link}
                siteCodes={siteCodes}
                types={types}
                onCreated={async (view) => {
                  setCreating(false);
                  await onChanged(view);
                }}
                onCancel={() => setCreating(false)}
              />
            ) : (
              <div>
                <button type="button" className="link-button" onClick={() => setCreating(true)}>
                  {t('setup.paymentTypes.createOpen')}
                </button>
              </div>
            )}
          </>
        )}
        {error && <ErrorMessage error={error} onRetry={() => void linkType()} />}
      </div>
    </SettingsCard>
  );
}
