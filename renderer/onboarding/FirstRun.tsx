import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import { Logo } from '../frame/Logo';
import { startDemo } from '../demo/demoMode';
import { useDeskAction } from '../deskHooks';
import { useRouter } from '../store/routerStore';
import { ReadinessChecklist } from './ReadinessChecklist';

/** No shop and no Demo mode yet: the two ways to start, side by side. */
export function FirstRun() {
  const { t } = useTranslation();
  const openSettings = useRouter((s) => s.openSettings);
  const { busy: starting, run } = useDeskAction({ toast: true });
  const tryDemo = () => run(startDemo);
  return (
    <div className="first-run">
      <div className="first-run-head">
        <Logo size={44} />
        <h2>{t('firstRun.title')}</h2>
        <p className="lead">{t('firstRun.lead')}</p>
      </div>
      <ul className="choices" aria-label={t('firstRun.choices')}>
        <li className="card choice choice-primary">
          <span className="choice-icon">
            <Icon name="store" size={20} />
          </span>
          <h3>{t('firstRun.connectTitle')}</h3>
          <p>{t('firstRun.connectText')}</p>
          <Button variant="primary" onClick={() => openSettings('retailcrm')}>
            {t('firstRun.connectAction')}
          </Button>
        </li>
        <li className="card choice">
          <span className="choice-icon">
            <Icon name="play" size={20} />
          </span>
          <h3>{t('firstRun.demoTitle')}</h3>
          <p>{t('firstRun.demoText')}</p>
          <Button busy={starting} onClick={() => void tryDemo()}>
            {t('firstRun.demoAction')}
          </Button>
        </li>
      </ul>
      <ReadinessChecklist variant="firstRun" />
      <div className="first-run-foot">
        <Icon name="team" size={18} />
        <p>
          {t('firstRun.profileHint')}{' '}
          <button type="button" className="link-button" onClick={() => openSettings('profile')}>
            {t('firstRun.profileAction')}
          </button>
        </p>
      </div>
    </div>
  );
}
