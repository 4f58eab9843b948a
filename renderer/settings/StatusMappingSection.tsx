import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusMappingView } from '../../electron/shared/channels/setup';
import { LIFECYCLE_STATES } from '../../electron/shared/lifecycle';
import type { SettingsView } from '../../electron/shared/settings';
import { Badge } from '../components/Badge';
import { Button } from '../components/Button';
import { Callout } from '../components/Callout';
import { ErrorMessage } from '../components/ErrorMessage';
import { SettingsCard } from './SettingsCard';
import { Skeleton } from '../components/Skeleton';
import { call } from '../desk';
import { useDeskFeed } from '../deskHooks';
import { useSettings } from '../store/settingsStore';
import { NeedsStep } from './NeedsStep';
import { SectionFrame } from './SectionFrame';
import { mappingWarningTexts } from './setupWords';
import { StatusMappingDialog } from './StatusMappingDialog';

/** DESIGN.md workflow 4: the status mapping, shared by every merchant, set in its dialog. */
export function StatusMappingSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const connected = view.settings.retailCrm && view.secrets.retailCrmApiKey;
  return (
    <SectionFrame title={t('settings.sections.statuses')} description={t('setup.statuses.description')}>
      {connected ? <Mapping /> : <NeedsStep step="retailcrm" />}
    </SectionFrame>
  );
}

function Mapping() {
  const { t } = useTranslation();
  const reloadSettings = useSettings((s) => s.load);
  const remote = useDeskFeed(() => call('setup.statusMapping.get', {}), []);
  const [open, setOpen] = useState(false);
  // Creating a status or saving the mapping changes the settings too (and readiness with them).
  const changed = async (next: StatusMappingView) => {
    remote.update(() => next);
    await reloadSettings();
  };

  if (remote.error && !remote.data)
    return <ErrorMessage error={remote.error} onRetry={() => void remote.reload()} />;
  const data = remote.data;
  const statusName = (code: string) => data?.statuses.find((s) => s.code === code)?.name ?? code;
  return (
    <>
      <SettingsCard
        title={t('setup.statuses.tableTitle')}
        description={t('setup.statuses.tableText')}
        actions={
          <Button variant="primary" icon="mapping" disabled={!data} onClick={() => setOpen(true)}>
            {t(
              data && data.unmapped.length === LIFECYCLE_STATES.length
                ? 'setup.statuses.setUp'
                : 'setup.statuses.edit',
            )}
          </Button>
        }
      >
        {data && data.unmapped.length > 0 && (
          <Callout tone="warning" title={t('setup.statuses.unmappedTitle', { count: data.unmapped.length })}>
            <p>{t('setup.statuses.unmappedText')}</p>
          </Callout>
        )}
        <table className="mapping-table" data-testid="status-mapping">
          <thead>
            <tr>
              <th scope="col">{t('setup.statuses.stateColumn')}</th>
              <th scope="col">{t('setup.statuses.statusColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {LIFECYCLE_STATES.map((state) => {
              const code = data?.mapping[state];
              return (
                <tr key={state} data-state={state}>
                  <th scope="row">
                    <Badge state={state} />
                  </th>
                  <td>
                    {!data ? (
                      <Skeleton width="180px" />
                    ) : code ? (
                      <>
                        {statusName(code)} <code>{code}</code>
                      </>
                    ) : (
                      <span className="text-warn">{t('setup.statuses.notMapped')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </SettingsCard>
      {data && data.warnings.length > 0 && (
        <SettingsCard title={t('setup.statuses.warningsTitle')}>
          <ul className="warning-list" data-testid="mapping-warnings">
            {mappingWarningTexts(t, data.warnings, data.statuses).map(({ key, text }) => (
              <li key={key}>
                <Callout tone="warning">
                  <p>{text}</p>
                </Callout>
              </li>
            ))}
          </ul>
        </SettingsCard>
      )}
      {open && data && (
        <StatusMappingDialog
          view={data}
          onChange={(next) => void changed(next)}
          onSaved={changed}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
