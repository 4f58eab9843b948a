import { useEffect, useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReadinessGap } from '../../electron/shared/channels/setup';
import type { SettingsView } from '../../electron/shared/settings';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import { useRouter } from '../store/routerStore';
import { useSettings } from '../store/settingsStore';
import { sectionOf, useReadiness } from './readinessStore';
import './checklist.css';

/** One gap in words, by its code; the core's message for a code the catalogues do not know. */
function gapText(t: TFunction, gap: ReadinessGap, view: SettingsView | undefined): string {
  const merchantName = (id: string) => view?.settings.merchants.find((m) => m.id === id)?.name ?? '';
  switch (gap.code) {
    case 'keychain':
      return t('setup.checklist.gaps.keychain');
    case 'retailcrm':
      return t(
        view?.settings.retailCrm ? 'setup.checklist.gaps.retailcrmKey' : 'setup.checklist.gaps.retailcrm',
      );
    case 'currency':
      return t('setup.checklist.gaps.currency', { base: gap.base });
    case 'merchant':
      return t('setup.checklist.gaps.merchant');
    case 'merchant_key':
      return t('setup.checklist.gaps.merchant_key', { name: merchantName(gap.merchantId) });
    case 'merchant_payment_type':
      return t('setup.checklist.gaps.merchant_payment_type', { name: merchantName(gap.merchantId) });
    case 'status_mapping':
      return t('setup.checklist.gaps.status_mapping', { count: gap.states.length });
    default:
      return (gap as { message: string }).message;
  }
}

/**
 * What is still missing before payments can be taken (`setup.readiness`), each gap with the way to
 * its section. On the first-run screen it shows the road ahead; in Settings it stays on top until
 * nothing is missing. Asked again whenever the settings change.
 */
export function ReadinessChecklist({ variant }: { variant: 'firstRun' | 'settings' }) {
  const { t } = useTranslation();
  const titleId = useId();
  const view = useSettings((s) => s.view);
  const { readiness, load } = useReadiness();
  const openSettings = useRouter((s) => s.openSettings);

  useEffect(() => {
    void load();
  }, [view, load]);

  if (!readiness || readiness.ready || view?.settings.demoMode) return null;
  return (
    <section className={`checklist checklist-${variant}`} aria-labelledby={titleId} data-testid="readiness">
      <header className="checklist-head">
        <h3 id={titleId}>{t(`setup.checklist.${variant}Title`)}</h3>
        <p>{t(`setup.checklist.${variant}Lead`)}</p>
      </header>
      <ol className="checklist-items">
        {readiness.missing.map((gap, index) => {
          const section = sectionOf(gap);
          return (
            <li
              key={`${gap.code}-${'merchantId' in gap ? gap.merchantId : index}`}
              className="checklist-item"
            >
              <span className="checklist-number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="checklist-text">{gapText(t, gap, view)}</span>
              <Button size="sm" onClick={() => openSettings(section)}>
                {t(`settings.sections.${section}`)}
                <Icon name="play" size={10} />
              </Button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
