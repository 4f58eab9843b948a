import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../electron/shared/settings';
import { Button } from '../components/Button';
import { Callout } from '../components/Callout';
import { Panel } from '../components/Panel';
import { startDemo } from '../store/demo';
import { useRouter } from '../store/router';
import { SectionFrame } from './SectionFrame';

/**
 * Where "Connect my shop" leads. The connect form (address, key, rights and currency checks)
 * arrives with its channel; until then this says so plainly and offers the two ways that work now.
 */
export function RetailCrmSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const openSettings = useRouter((s) => s.openSettings);
  const [starting, setStarting] = useState(false);
  const { retailCrm, demoMode } = view.settings;
  const tryDemo = async () => {
    setStarting(true);
    await startDemo();
    setStarting(false);
  };
  return (
    <SectionFrame title={t('settings.sections.retailcrm')} description={t('settings.retailcrm.description')}>
      <Callout title={t('settings.retailcrm.soonTitle')}>
        <p>{t('settings.retailcrm.soonText')}</p>
        <div className="callout-actions">
          {!demoMode && (
            <Button variant="primary" icon="play" busy={starting} onClick={() => void tryDemo()}>
              {t('firstRun.demoAction')}
            </Button>
          )}
          <Button icon="upload" onClick={() => openSettings('profile')}>
            {t('firstRun.profileAction')}
          </Button>
        </div>
      </Callout>
      {retailCrm && (
        <Panel title={t('settings.retailcrm.fromProfile')}>
          <dl className="facts">
            <div className="fact">
              <dt>{t('settings.profile.summary.retailCrm')}</dt>
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
          </dl>
        </Panel>
      )}
    </SectionFrame>
  );
}
