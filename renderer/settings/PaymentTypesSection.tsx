import { useTranslation } from 'react-i18next';
import type { PaymentTypesView } from '../../electron/shared/channels/setup';
import type { SettingsView } from '../../electron/shared/settings';
import { Callout } from '../components/Callout';
import { ErrorMessage } from '../components/ErrorMessage';
import { Skeleton } from '../components/Skeleton';
import { call } from '../desk';
import { useDeskFeed } from '../deskHooks';
import { useSettings } from '../store/settingsStore';
import { NeedsStep } from './NeedsStep';
import { PaymentTypeLink } from './PaymentTypeLink';
import { SectionFrame } from './SectionFrame';

/**
 * DESIGN.md workflow 3 (the module guide: "a separate payment type for each connected shop"):
 * each merchant's RetailCRM payment type, chosen or created here.
 */
export function PaymentTypesSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const { retailCrm, merchants } = view.settings;
  return (
    <SectionFrame
      title={t('settings.sections.paymentTypes')}
      description={t('setup.paymentTypes.description')}
    >
      {!retailCrm || !view.secrets.retailCrmApiKey ? (
        <NeedsStep step="retailcrm" />
      ) : merchants.length === 0 ? (
        <NeedsStep step="merchants" />
      ) : (
        <Links view={view} />
      )}
    </SectionFrame>
  );
}

function Links({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const reloadSettings = useSettings((s) => s.load);
  const merchantIds = view.settings.merchants.map((m) => m.id).join();
  const remote = useDeskFeed(() => call('setup.paymentTypes.list', {}), [merchantIds]);
  // A link changes the merchant in the settings too (and readiness with it).
  const changed = async (next: PaymentTypesView) => {
    remote.update(() => next);
    await reloadSettings();
  };

  if (remote.error && !remote.data)
    return <ErrorMessage error={remote.error} onRetry={() => void remote.reload()} />;
  if (!remote.data) {
    return (
      <div className="card skeleton-card" aria-busy="true">
        <Skeleton width="40%" />
        <Skeleton shape="field" />
        <Skeleton width="60%" />
      </div>
    );
  }
  const { types, merchants } = remote.data;
  return (
    <>
      <Callout>
        <p>{t('setup.paymentTypes.rule')}</p>
      </Callout>
      {merchants.map((link) => (
        <PaymentTypeLink
          key={link.merchantId}
          link={link}
          types={types}
          siteCodes={view.settings.retailCrm?.siteCodes ?? []}
          onChanged={changed}
        />
      ))}
    </>
  );
}
