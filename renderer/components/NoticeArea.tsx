import { useTranslation } from 'react-i18next';
import { useNotices, type NoticeLevel } from '../store/noticesStore';
import { ErrorMessage } from './ErrorMessage';
import { Icon, type IconName } from './Icon';

const ICONS: Record<NoticeLevel, IconName> = {
  success: 'check',
  info: 'info',
  warning: 'alert',
  error: 'alert',
};

/**
 * The toasts, bottom right above the status bar; success and info leave by themselves. One live
 * region says each new one once (a toast of its own role, or an error's alert inside it, would
 * make several regions that screen readers announce twice or out of order).
 */
export function NoticeArea() {
  const { t } = useTranslation();
  const { notices, dismiss } = useNotices();
  return (
    <section className="notice-area" aria-label={t('notices.region')}>
      <div className="notice-list" role="status" aria-atomic="false" aria-relevant="additions text">
        {notices.map((notice) => (
          <div key={notice.id} className={`toast toast-${notice.level}`}>
            {notice.error ? (
              <ErrorMessage error={notice.error} announce={false} />
            ) : (
              <>
                <Icon name={ICONS[notice.level]} className="toast-icon" />
                <p>{notice.text?.(t)}</p>
              </>
            )}
            <button
              type="button"
              className="icon-button toast-close"
              aria-label={t('common.dismiss')}
              onClick={() => dismiss(notice.id)}
            >
              <Icon name="close" size={14} />
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
