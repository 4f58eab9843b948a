import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../electron/shared/settings';
import { Button } from '../components/Button';
import { Callout } from '../components/Callout';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { SettingsCard } from './SettingsCard';
import { Skeleton } from '../components/Skeleton';
import { call } from '../desk';
import { notify } from '../store/noticesStore';
import { askRelay, useRelayStatus, useRelayStatusFeed } from '../store/relayStatusStore';
import { useSettings } from '../store/settingsStore';
import { RelayConnectionState } from './RelayConnectionState';
import { RelayPairForm } from './RelayPairForm';
import { SectionFrame } from './SectionFrame';

/** Pairing with the callback relay (README "Callback relay", "On the desktop"). */
export function RelaySection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const reloadSettings = useSettings((s) => s.load);
  useRelayStatusFeed();
  const { status, error } = useRelayStatus();
  const [unpairing, setUnpairing] = useState(false);
  const pair = async (code: string) => {
    await askRelay(() => call('relay.pair', { code }));
    void reloadSettings(); // the relay addresses are in the settings now
  };

  const unpair = async () => {
    await askRelay(() => call('relay.unpair', {}));
    void reloadSettings();
    notify('success', (tr) => tr('relay.unpaired'));
  };

  const state = status?.connection.state;
  const needsCode = state === 'off' || state === 'no_token' || state === 'unauthorized';
  return (
    <SectionFrame title={t('settings.sections.relay')} description={t('relay.description')}>
      {error && !status && <ErrorMessage error={error} />}
      {!status && !error && (
        <div className="card skeleton-card" aria-busy="true">
          <Skeleton width="30%" />
          <Skeleton width="55%" />
          <Skeleton shape="field" />
        </div>
      )}
      {state === 'off' && <Callout>{t('relay.why')}</Callout>}
      {status && state !== 'off' && (
        <SettingsCard
          title={t('relay.statusTitle')}
          actions={
            status.paired && (
              <Button variant="ghost" onClick={() => setUnpairing(true)}>
                {t('relay.unpair')}
              </Button>
            )
          }
        >
          <RelayConnectionState status={status} callbackUrl={view.settings.relay?.callbackUrl} />
        </SettingsCard>
      )}
      {needsCode && (
        <RelayPairForm
          title={t(state === 'off' ? 'relay.pairTitle' : 'relay.repairTitle')}
          text={t(state === 'off' ? 'relay.pairText' : 'relay.repairText')}
          pair={pair}
        />
      )}
      <ConfirmDialog
        open={unpairing}
        title={t('relay.unpairTitle')}
        text={t('relay.unpairText')}
        confirmLabel={t('relay.unpair')}
        danger
        onConfirm={unpair}
        onClose={() => setUnpairing(false)}
      />
    </SectionFrame>
  );
}
