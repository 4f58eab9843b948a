import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsFileProblem } from '../../electron/shared/settings';
import { Icon } from '../components/Icon';

/** The settings file found at start was set aside: said once, at the top, until dismissed. */
export function ProblemBanner({ problem }: { problem: SettingsFileProblem }) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  const key = problem.reason === 'newer' ? 'notices.settingsNewer' : 'notices.settingsCorrupt';
  return (
    <div className="problem-banner" role="alert">
      <Icon name="alert" />
      <p>{t(key, { file: problem.movedTo })}</p>
      <button
        type="button"
        className="icon-button"
        aria-label={t('common.dismiss')}
        onClick={() => setHidden(true)}
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
