import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../electron/shared/settings';
import { Callout } from '../components/Callout';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { call } from '../desk';
import { notify } from '../store/noticesStore';
import { useSettings } from '../store/settingsStore';
import { formatDateTime } from '../i18n/dates';
import { RetailCrmForm } from './RetailCrmForm';
import { warningName } from './setupWords';
import { SectionFrame } from './SectionFrame';

/** Where "Connect my shop" leads: what is connected now, and the form that checks and connects. */
export function RetailCrmSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const apply = useSettings((s) => s.apply);
  const [disconnecting, setDisconnecting] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const { retailCrm } = view.settings;

  const disconnect = async () => {
    await apply(await call('setup.retailCrm.disconnect', {}));
    setFormKey((k) => k + 1); // a fresh form: no check result of the account that was forgotten
    notify('success', (tr) => tr('setup.retailcrm.disconnected'));
  };

  return (
    <SectionFrame title={t('settings.sections.retailcrm')} description={t('settings.retailcrm.description')}>
      {retailCrm && (
        <Callout
          tone={view.secrets.retailCrmApiKey ? 'success' : 'warning'}
          title={t(
            view.secrets.retailCrmApiKey ? 'setup.retailcrm.connectedTitle' : 'setup.retailcrm.noKeyTitle',
            { host: hostOf(retailCrm.url) },
          )}
        >
          <dl className="facts" data-testid="retailcrm-connection">
            <div className="fact">
              <dt>{t('setup.retailcrm.address')}</dt>
              <dd>{retailCrm.url}</dd>
            </div>
            <div className="fact">
              <dt>{t('settings.retailcrm.apiKey')}</dt>
              <dd>
                {t(
                  view.secrets.retailCrmApiKey
                    ? 'settings.retailcrm.keySaved'
                    : 'settings.retailcrm.keyMissing',
                )}
              </dd>
            </div>
            <div className="fact">
              <dt>{t('setup.retailcrm.stores')}</dt>
              <dd>
                {retailCrm.siteCodes.length > 0
                  ? retailCrm.siteCodes.join(', ')
                  : t('setup.retailcrm.allStores')}
              </dd>
            </div>
            {retailCrm.lastCheck && (
              <>
                <div className="fact">
                  <dt>{t('setup.retailcrm.baseCurrency')}</dt>
                  <dd>{retailCrm.lastCheck.baseCurrency}</dd>
                </div>
                <div className="fact">
                  <dt>{t('setup.retailcrm.checkedAt')}</dt>
                  <dd>{formatDateTime(retailCrm.lastCheck.at, 'medium')}</dd>
                </div>
                {retailCrm.lastCheck.acceptedWarnings.length > 0 && (
                  <div className="fact">
                    <dt>{t('setup.retailcrm.acceptedWarnings')}</dt>
                    <dd>
                      {retailCrm.lastCheck.acceptedWarnings.map((code) => warningName(t, code)).join(', ')}
                    </dd>
                  </div>
                )}
              </>
            )}
          </dl>
        </Callout>
      )}
      <RetailCrmForm key={formKey} view={view} onDisconnect={() => setDisconnecting(true)} />
      <ConfirmDialog
        open={disconnecting}
        title={t('setup.retailcrm.disconnectTitle')}
        text={t('setup.retailcrm.disconnectText')}
        confirmLabel={t('setup.retailcrm.disconnect')}
        danger
        onConfirm={disconnect}
        onClose={() => setDisconnecting(false)}
      />
    </SectionFrame>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
