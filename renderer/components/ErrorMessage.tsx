import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../electron/shared/errors';

/** Any core error in plain words, with a retry when the caller offers one. */
export function ErrorMessage({ error, onRetry }: { error: DeskError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-message" role="alert">
      <p>{t(`errors.${error.kind}`, { message: error.message })}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
