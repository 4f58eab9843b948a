import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../electron/shared/channels/updates';
import { Button } from '../components/Button';
import { SettingsCard } from './SettingsCard';
import { Skeleton } from '../components/Skeleton';
import { useRouter } from '../store/routerStore';
import { mayCheckNow, useUpdates } from '../store/updatesStore';
import { formatDateTime } from '../i18n/dates';

type Tone = 'ok' | 'warn' | 'bad' | 'off';

function toneOf(status: UpdateStatus): Tone {
  switch (status.state) {
    case 'off':
      return 'off';
    case 'idle':
    case 'ready':
      return 'ok';
    case 'checking':
    case 'downloading':
      return 'warn';
    case 'error':
      return 'bad';
  }
}

/** Settings → About: the update state in words, what to do next, and "Check now". */
export function UpdatesCard() {
  const { t } = useTranslation();
  const { status, busy, check, restart } = useUpdates();

  const headline = (s: UpdateStatus): string => {
    switch (s.state) {
      case 'off':
        return t(`updates.off.${s.reason}`);
      case 'idle':
        return s.checkedAt
          ? t('updates.upToDate', { time: formatDateTime(s.checkedAt, 'medium') })
          : t('updates.notCheckedYet');
      case 'checking':
        return t('updates.checking');
      case 'downloading':
        return t('updates.downloading', { version: s.version, percent: s.percent });
      case 'ready':
        return t('updates.ready', { version: s.version });
      case 'error':
        return t(`updates.problems.${s.problem}`);
    }
  };
  const nextStep = (s: UpdateStatus): string | undefined => {
    if (s.state === 'off') return t(`updates.offHelp.${s.reason}`);
    if (s.state === 'error') return t(`updates.problemHelp.${s.problem}`);
    if (s.state === 'ready') return t('updates.readyDetail');
    if (s.state === 'idle') return t('updates.idleHelp');
    return undefined;
  };

  const actions = status && (
    <>
      {status.state === 'off' && status.reason === 'noFeed' && (
        <Button variant="ghost" icon="team" onClick={() => useRouter.getState().openSettings('profile')}>
          {t('updates.openProfile')}
        </Button>
      )}
      {status.state === 'ready' ? (
        <Button variant="primary" icon="refresh" busy={busy} onClick={() => void restart()}>
          {t('updates.restartNow')}
        </Button>
      ) : (
        <Button
          icon="refresh"
          busy={busy || status.state === 'checking'}
          disabled={!mayCheckNow(status)}
          onClick={() => void check()}
        >
          {t('updates.checkNow')}
        </Button>
      )}
    </>
  );

  return (
    <SettingsCard title={t('updates.title')} actions={actions}>
      {status ? (
        <div className="update-state" data-testid="update-state" data-state={status.state}>
          <p className={`state-line state-${toneOf(status)}`} role="status">
            <span className="dot" aria-hidden="true" />
            {headline(status)}
          </p>
          {status.state === 'downloading' && (
            <progress
              className="update-progress"
              max={100}
              value={status.percent}
              aria-label={t('updates.progressLabel')}
            />
          )}
          {nextStep(status) && <p className="field-hint">{nextStep(status)}</p>}
          {status.state === 'error' && (
            <figure className="provider-answer">
              <figcaption>{t('updates.detail', { time: formatDateTime(status.at, 'medium') })}</figcaption>
              <blockquote>{status.detail}</blockquote>
            </figure>
          )}
        </div>
      ) : (
        <Skeleton width="240px" />
      )}
    </SettingsCard>
  );
}
