import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import { useUpdates } from '../store/updatesStore';
import './frame.css';

/**
 * A downloaded update asks, once, under the top bar: restart now, or later (it is then installed
 * when the app quits, and Settings → About keeps the button). Nothing restarts without a click.
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  const { status, busy, laterFor, restart, later } = useUpdates();
  if (status?.state !== 'ready' || laterFor === status.version) return null;
  const { version } = status;
  return (
    <section className="update-banner" aria-label={t('updates.bannerLabel')} data-testid="update-banner">
      <Icon name="download" />
      <p>
        <strong>{t('updates.ready', { version })}</strong> <span>{t('updates.readyDetail')}</span>
      </p>
      <div className="update-banner-actions">
        <Button size="sm" variant="primary" icon="refresh" busy={busy} onClick={() => void restart()}>
          {t('updates.restartNow')}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => later(version)}>
          {t('updates.later')}
        </Button>
      </div>
    </section>
  );
}
