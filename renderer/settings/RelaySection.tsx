import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelayStatus } from '../../electron/shared/channels/relay';
import type { DeskError } from '../../electron/shared/errors';
import type { SettingsView } from '../../electron/shared/settings';
import { Button } from '../components/Button';
import { Callout } from '../components/Callout';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { SettingsCard } from './SettingsCard';
import { Skeleton } from '../components/Skeleton';
import { call, deskError } from '../desk';
import { notify } from '../store/noticesStore';
import { newestStatus } from '../store/liveStatus';
import { useSettings } from '../store/settingsStore';
import { RelayConnectionState } from './RelayConnectionState';
import { RelayPairForm } from './RelayPairForm';
import { SectionFrame } from './SectionFrame';

/**
 * `relay.status` now, then live from the event of the same name. `ask` sends a call that answers
 * with the status (pair, unpair): its answer counts only if no event came meanwhile.
 */
function useRelayStatus() {
  const [status, setStatus] = useState<RelayStatus>();
  const [error, setError] = useState<DeskError>();
  const feed = useMemo(() => newestStatus(setStatus), []);
  useEffect(() => {
    let live = true;
    const off = window.desk.on('relay.status', feed.event);
    feed
      .reply(() => call('relay.status', {}))
      .catch((failure: unknown) => live && setError(deskError(failure)));
    return () => {
      live = false;
      off();
    };
  }, [feed]);
  return { status, error, ask: feed.reply };
}

/** Pairing with the callback relay (README "Callback relay", "On the desktop"). */
export function RelaySection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const reloadSettings = useSettings((s) => s.load);
  const { status, error, ask } = useRelayStatus();
  const [unpairing, setUnpairing] = useState(false);

  const pair = async (code: string) => {
    await ask(() => call('relay.pair', { code }));
    void reloadSettings(); // the relay addresses are in the settings now
  };

  const unpair = async () => {
    await ask(() => call('relay.unpair', {}));
    void reloadSettings();
    notify('success', (tr) => tr('relay.unpaired'));
  };

  const state = status?.connection.state;
  const needsCode = state === 'off' || state === 'no_token' || state === 'unauthorized';
  return (
    <SectionFrame title={t('settings.sections.relay')} description={t('relay.description')}>
      {error && !status && <ErrorMessage error={error} />}
      {!status && !error && (
        <div className="settings-card skeleton-card" aria-busy="true">
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
