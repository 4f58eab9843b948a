import type { RelayConnection, RelayCounts, RelayStatus } from '../../shared/channels/relay';
import type { EventBus } from '../events';
import { log } from '../log';
import { merchantKeyAccount, RELAY_TOKEN } from '../secrets/accounts';
import type { Secrets } from '../secrets/secrets';
import type { SettingsService } from '../settings/service';
import { CursorFile } from './cursorFile';
import { HintBatcher, type HintHandler, type HintOutcome } from './hints';
import { checkPairing, readPairingCode } from './pairing';
import { Progress } from './progress';
import type { RelayEvent } from './relayApi';
import { RelaySubscriber, type SubscriberState, type SubscriberTiming } from './subscriber';
import { CallbackVerifier, type MerchantKey } from './verify';

export interface RelayServiceOptions {
  settings: SettingsService;
  secrets: Secrets;
  events: EventBus;
  /** The user-data folder; the relay cursor is saved there. */
  userDataDir: string;
  /** Status sync for the invoices verified callbacks named (see HintHandler). */
  onHint: HintHandler;
  /** Tests shorten these. */
  timing?: SubscriberTiming & { hintWindowMs?: number; pairingTimeoutMs?: number };
}

/** Verified callbacks remembered, so a repeat (UAPAY's retry) is not handed on again. */
const RECENT_CALLBACKS = 5_000;
/** A keychain that could not be read is tried again after this long. */
const KEYCHAIN_RETRY_MS = 30_000;
/** Count changes reach the UI at most this often; state changes go at once. */
const COUNTS_EMIT_MS = 250;

interface Current {
  key: string;
  eventsUrl: string;
  subscriber: RelaySubscriber;
  progress: Progress;
}

/**
 * The desktop side of the callback relay: pairing, one subscription while paired, and
 * for each relayed callback: verify it with the merchants' keys (a forged one is dropped and
 * counted), then hand its invoice to `onHint`, batched and without repeats. The relay's state and
 * counts go to the UI as the `relay.status` event.
 */
export class RelayService {
  private current: Current | undefined;
  private paired = false;
  private tokenSaved = false;
  private origin: string | undefined;
  private connection: RelayConnection = { state: 'off' };
  private readonly counts: RelayCounts = { received: 0, forged: 0, duplicates: 0, applied: 0, failed: 0 };
  private lastEventAt: string | undefined;
  private readonly verifier: CallbackVerifier;
  private readonly batcher: HintBatcher;
  private readonly cursorFile: CursorFile;
  private readonly recent = new Map<string, true>();
  private readonly inFlight = new Map<string, Promise<HintOutcome>>();
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;
  private emitTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: RelayServiceOptions) {
    this.verifier = new CallbackVerifier(() => this.merchantKeys());
    this.batcher = new HintBatcher(options.onHint, {
      ...(options.timing?.hintWindowMs !== undefined && { windowMs: options.timing.hintWindowMs }),
    });
    this.cursorFile = new CursorFile(options.userDataDir);
  }

  /** Starts the subscription when a pairing is saved. Never rejects: a problem is logged. */
  start(): Promise<void> {
    return this.refresh().catch(logFailure);
  }

  /**
   * Reads the pairing again and restarts the subscription when it changed (another relay, another
   * token, unpaired). Call it after anything that may change the relay settings (profile import).
   */
  refresh(options: { restart?: boolean } = {}): Promise<void> {
    return this.serialized(async () => {
      if (this.closed) return;
      clearTimeout(this.retryTimer);
      const { relay } = await this.options.settings.get();
      let token: string | null = null;
      let keychainProblem: string | undefined;
      if (relay) {
        try {
          token = await this.options.secrets.read(RELAY_TOKEN);
        } catch (error) {
          keychainProblem = error instanceof Error ? error.message : String(error);
        }
      }
      this.paired = relay !== null;
      this.tokenSaved = token !== null;
      this.origin = relay ? new URL(relay.eventsUrl).origin : undefined;
      const key = relay && token ? `${relay.eventsUrl}\n${token}` : undefined;
      if (key !== undefined && key === this.current?.key && !options.restart) return this.emit();

      await this.stopCurrent();
      if (!relay) return this.setConnection({ state: 'off' });
      if (keychainProblem !== undefined) {
        this.retryTimer = setTimeout(() => void this.refresh().catch(logFailure), KEYCHAIN_RETRY_MS).unref();
        return this.setConnection({
          state: 'retrying',
          attempt: 1,
          nextAttemptAt: new Date(Date.now() + KEYCHAIN_RETRY_MS).toISOString(),
          problem: keychainProblem,
        });
      }
      if (!token || !key) return this.setConnection({ state: 'no_token' });
      this.subscribe(key, relay.eventsUrl, token, await this.cursorFile.read(relay.eventsUrl));
    });
  }

  /** `relay.pair`: decode, ask the relay with the code's token, save, (re)subscribe. */
  async pair(code: string): Promise<RelayStatus> {
    const info = readPairingCode(code);
    await checkPairing(info, this.options.timing?.pairingTimeoutMs);
    await this.options.settings.setRelay(
      { callbackUrl: info.callbackUrl, eventsUrl: info.eventsUrl },
      info.token,
    );
    log.info('relay: paired', { relay: new URL(info.eventsUrl).origin });
    await this.refresh({ restart: true });
    return this.status();
  }

  /** `relay.unpair`: forgets the relay and deletes the token; the subscription stops. */
  async unpair(): Promise<RelayStatus> {
    await this.options.settings.setRelay(null);
    await this.serialized(async () => {
      await this.stopCurrent();
      await this.cursorFile.remove();
    });
    await this.refresh();
    return this.status();
  }

  status(): RelayStatus {
    return {
      paired: this.paired,
      tokenSaved: this.tokenSaved,
      ...(this.origin && { relayOrigin: this.origin }),
      connection: this.connection,
      ...(this.lastEventAt && { lastEventAt: this.lastEventAt }),
      counts: { ...this.counts },
    };
  }

  /** Stops the subscription; hints already running finish, waiting ones are taken again next time. */
  async close(): Promise<void> {
    await this.serialized(async () => {
      this.closed = true;
      clearTimeout(this.retryTimer);
      await this.stopCurrent();
    });
    await this.batcher.close();
    await this.cursorFile.flush();
    clearTimeout(this.emitTimer);
  }

  private subscribe(key: string, eventsUrl: string, token: string, after: number): void {
    const progress = new Progress(after);
    const subscriber = new RelaySubscriber({
      ...this.options.timing,
      eventsUrl,
      token,
      after,
      onEvent: (event) => this.handle(event, eventsUrl, progress),
      onState: (state) => {
        if (this.current?.subscriber === subscriber) this.setConnection(connectionOf(state));
      },
    });
    this.current = { key, eventsUrl, subscriber, progress };
    subscriber.start();
  }

  private async stopCurrent(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    await current?.subscriber.stop();
  }

  private async handle(event: RelayEvent, eventsUrl: string, progress: Progress): Promise<void> {
    this.counts.received += 1;
    this.lastEventAt = new Date().toISOString();
    progress.begin(event.id);
    const finish = () => {
      const cursor = progress.finish(event.id);
      if (cursor !== undefined && this.current?.progress === progress)
        this.cursorFile.save(eventsUrl, cursor);
    };

    let verification;
    try {
      verification = await this.verifier.verify(event.body);
    } catch (error) {
      // The settings could not be read: nothing to check with now; the poller covers this payment.
      log.error('relay: a callback could not be verified', { eventId: event.id, error });
      this.counts.failed += 1;
      finish();
      return this.countsChanged();
    }
    if (!verification.ok) {
      if (verification.reason === 'forged') {
        this.counts.forged += 1;
        log.warn('relay: dropped a callback that no merchant key verifies', { eventId: event.id });
      } else {
        log.warn('relay: a verified callback names no invoice; ignored', { eventId: event.id });
      }
      finish();
      return this.countsChanged();
    }

    const { fingerprint, invoiceId, merchantId, paymentId, externalId, crmPaymentId } = verification.callback;
    const running = this.inFlight.get(fingerprint);
    if (this.recent.has(fingerprint) || running) {
      this.counts.duplicates += 1;
      if (running) void running.then((outcome) => outcome !== 'dropped' && finish());
      else finish();
      return this.countsChanged();
    }

    const outcome = this.batcher.add({
      invoiceId,
      merchantId,
      ...(paymentId && { paymentId }),
      ...(externalId && { externalId }),
      ...(crmPaymentId && { crmPaymentId }),
    });
    this.inFlight.set(fingerprint, outcome);
    void outcome.then((result) => {
      this.inFlight.delete(fingerprint);
      if (result === 'handled') {
        this.counts.applied += 1;
        this.remember(fingerprint);
      } else if (result === 'failed') this.counts.failed += 1;
      if (result !== 'dropped') finish();
      this.countsChanged();
    });
    this.countsChanged();
  }

  private remember(fingerprint: string): void {
    this.recent.set(fingerprint, true);
    if (this.recent.size > RECENT_CALLBACKS) this.recent.delete(this.recent.keys().next().value as string);
  }

  /** Every merchant's key this desktop has; a merchant whose key cannot be read verifies nothing. */
  private async merchantKeys(): Promise<MerchantKey[]> {
    const { merchants } = await this.options.settings.get();
    const keys: MerchantKey[] = [];
    for (const merchant of merchants) {
      try {
        const secretKey = await this.options.secrets.read(merchantKeyAccount(merchant.id));
        if (secretKey) keys.push({ merchantId: merchant.id, secretKey });
      } catch (error) {
        log.warn('relay: a merchant key could not be read to verify callbacks', {
          merchantId: merchant.id,
          error,
        });
      }
    }
    return keys;
  }

  private setConnection(connection: RelayConnection): void {
    this.connection = connection;
    this.emit();
  }

  private countsChanged(): void {
    this.emitTimer ??= setTimeout(() => this.emit(), COUNTS_EMIT_MS).unref();
  }

  private emit(): void {
    clearTimeout(this.emitTimer);
    this.emitTimer = undefined;
    this.options.events.emit('relay.status', this.status());
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

function connectionOf(state: SubscriberState): RelayConnection {
  const now = new Date().toISOString();
  switch (state.state) {
    case 'connecting':
    case 'connected':
      return { state: state.state, since: now };
    case 'retrying':
      return { ...state, nextAttemptAt: state.nextAttemptAt.toISOString() };
    case 'unauthorized':
      return state;
  }
}

function logFailure(error: unknown): void {
  log.warn('relay: could not read the pairing', { error });
}
