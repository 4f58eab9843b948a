import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelayConnection, RelayCounts, RelayStatus } from '../../electron/shared/channels/relay';
import { formatDateTime, formatTime } from '../i18n/dates';

const COUNTS: readonly (keyof RelayCounts)[] = ['received', 'applied', 'duplicates', 'forged', 'failed'];
type Tone = 'ok' | 'warn' | 'bad' | 'off';
const TONES: Record<RelayConnection['state'], Tone> = {
  off: 'off',
  no_token: 'warn',
  connecting: 'warn',
  connected: 'ok',
  retrying: 'warn',
  unauthorized: 'bad',
};

/** Seconds until `iso`, ticking while it is in the future (the next reconnect attempt). */
function useSecondsUntil(iso: string | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [iso]);
  return iso ? Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000)) : undefined;
}

/** The stream's state in words, what it means, and what came through it since the app started. */
export function RelayConnectionState({ status, callbackUrl }: { status: RelayStatus; callbackUrl?: string }) {
  const { t } = useTranslation();
  const connection = status.connection;
  const seconds = useSecondsUntil(connection.state === 'retrying' ? connection.nextAttemptAt : undefined);

  const headline = (): string => {
    switch (connection.state) {
      case 'connected':
        return t('relay.states.connected', { since: formatDateTime(connection.since, 'medium') });
      case 'connecting':
        return t('relay.states.connecting');
      case 'retrying':
        return t('relay.states.retrying', {
          attempt: connection.attempt,
          time: formatTime(connection.nextAttemptAt, 'medium'),
          seconds: seconds ?? 0,
        });
      case 'unauthorized':
        return t('relay.states.unauthorized');
      case 'no_token':
        return t('relay.states.no_token');
      case 'off':
        return t('relay.states.off');
    }
  };
  const detail =
    connection.state === 'retrying'
      ? connection.problem
      : connection.state === 'unauthorized'
        ? connection.message
        : undefined;

  return (
    <div className="relay-state" data-testid="relay-state" data-state={connection.state}>
      <p className={`state-line state-${TONES[connection.state]}`} role="status">
        <span className="dot" aria-hidden="true" />
        {headline()}
      </p>
      {detail && (
        <figure className="provider-answer">
          <figcaption>{t('relay.detail')}</figcaption>
          <blockquote>{detail}</blockquote>
        </figure>
      )}
      <dl className="facts">
        {status.relayOrigin && (
          <div className="fact">
            <dt>{t('relay.origin')}</dt>
            <dd>{status.relayOrigin}</dd>
          </div>
        )}
        {callbackUrl && (
          <div className="fact">
            <dt>{t('relay.callbackUrl')}</dt>
            <dd>
              <code>{callbackUrl}</code>
            </dd>
          </div>
        )}
        <div className="fact">
          <dt>{t('relay.lastEvent')}</dt>
          <dd>{status.lastEventAt ? formatDateTime(status.lastEventAt, 'medium') : t('relay.noEvents')}</dd>
        </div>
      </dl>
      <h4 className="settings-card-subtitle">{t('relay.countsTitle')}</h4>
      <dl className="counts" data-testid="relay-counts">
        {COUNTS.map((count) => (
          <div key={count} className="inset count" data-count={count}>
            <dt>{t(`relay.counts.${count}`)}</dt>
            <dd>{status.counts[count]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
