import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MerchantCheckResult } from '../../electron/shared/channels/setup';
import type { Merchant } from '../../electron/shared/settings';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { Icon } from '../components/Icon';
import { call } from '../desk';
import { useDeskAction } from '../deskHooks';
import { useRouter } from '../store/routerStore';
import { MerchantCheckOutcome } from './MerchantCheckOutcome';
import { environmentText } from './setupWords';

/** One merchant in the list: what it is, whether its key is here, its payment type, and its actions. */
export function MerchantCard({
  merchant,
  keySaved,
  onEdit,
  onRemove,
}: {
  merchant: Merchant;
  keySaved: boolean;
  onEdit(): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const openSettings = useRouter((s) => s.openSettings);
  const nameId = useId();
  const [checked, setChecked] = useState<MerchantCheckResult>();
  const { busy: checking, error, run } = useDeskAction();

  const check = () => {
    setChecked(undefined);
    return run(async () => setChecked(await call('setup.merchants.check', { id: merchant.id })));
  };

  return (
    <li>
      <article className="inset merchant-card" aria-labelledby={nameId}>
        <header className="merchant-head">
          <h4 id={nameId}>{merchant.name}</h4>
          <span className="tag">{environmentText(t, merchant.environment)}</span>
          <span className={merchant.confirmManually ? 'tag tag-accent' : 'tag'}>
            {t(merchant.confirmManually ? 'setup.merchants.modeManual' : 'setup.merchants.modeAuto')}
          </span>
        </header>
        <dl className="facts">
          <div className="fact">
            <dt>{t('setup.merchants.clientId')}</dt>
            <dd>
              <code>{merchant.clientId}</code>
            </dd>
          </div>
          <div className="fact">
            <dt>{t('setup.merchants.secretKey')}</dt>
            <dd className={keySaved ? 'text-ok' : 'text-bad'}>
              {t(keySaved ? 'setup.secret.saved' : 'setup.secret.missing')}
            </dd>
          </div>
          <div className="fact">
            <dt>{t('setup.merchants.paymentType')}</dt>
            <dd>
              {merchant.paymentTypeCode ? (
                <span className="inline-icon">
                  <code>{merchant.paymentTypeCode}</code>
                  {merchant.paymentTypeLocked && <Icon name="lock" size={13} />}
                </span>
              ) : (
                <button type="button" className="link-button" onClick={() => openSettings('paymentTypes')}>
                  {t('setup.merchants.choosePaymentType')}
                </button>
              )}
            </dd>
          </div>
        </dl>
        <div className="row-actions">
          <Button size="sm" icon="check" busy={checking} disabled={!keySaved} onClick={() => void check()}>
            {t('setup.merchants.checkConnection')}
          </Button>
          <Button size="sm" onClick={onEdit}>
            {t('setup.merchants.edit')}
          </Button>
          <Button size="sm" variant="ghost" onClick={onRemove}>
            {t('setup.merchants.remove')}
          </Button>
        </div>
        {checked && <MerchantCheckOutcome result={checked} />}
        {error && <ErrorMessage error={error} onRetry={() => void check()} />}
      </article>
    </li>
  );
}
