import type { DeskError } from '../../../electron/shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';

/**
 * Trying again makes sense when the provider said no for now (UAPAY's refusal, a network hiccup,
 * another operation still running); a refusal by state or a wrong value needs a change first.
 */
function isRetryable(error: DeskError): boolean {
  return error.kind === 'uapay' || error.kind === 'network' || error.kind === 'busy' || error.kind === 'mail';
}

/** Under a panel dialog: a spinner once its call is slow, then the error in words with Retry where it helps. */
export function CallState(props: {
  slow: boolean;
  slowText: string;
  busy: boolean;
  error?: DeskError;
  retry(): void;
}) {
  const { slow, slowText, busy, error, retry } = props;
  return (
    <>
      {slow && (
        <p className="money-progress" role="status">
          <span className="spinner" aria-hidden="true" />
          {slowText}
        </p>
      )}
      {error && (
        <ErrorMessage error={error} retrying={busy} onRetry={isRetryable(error) ? retry : undefined} />
      )}
    </>
  );
}
