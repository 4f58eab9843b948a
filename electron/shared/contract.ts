/**
 * The one IPC contract. Main registers, the preload exposes and the browser test harness serves
 * exactly these channels; `Handlers` makes the compiler refuse a core without a handler for each.
 *
 * A channel: `domain.verb` → a zod schema for the request (checked at run time in main) and the
 * response type (a compile-time phantom). Events flow the other way, from core to the UI: they
 * are declared here, with their payload types.
 */
import type { z } from 'zod';
import type { Notice } from './app';
import { appChannels } from './channels/app';
import { backgroundChannels, backgroundEvents } from './channels/background';
import { bulkChannels, type BulkProgress } from './channels/bulk';
import { demoChannels } from './channels/demo';
import { journalChannels } from './channels/journal';
import { mailChannels } from './channels/mail';
import type { BadgeCount, DeskNotification, OpenPayment } from './channels/notifications';
import { ordersChannels, type OrdersChanged } from './channels/orders';
import { paymentsChannels } from './channels/payments';
import { relayChannels, type RelayStatus } from './channels/relay';
import { settingsChannels } from './channels/settings';
import { setupChannels } from './channels/setup';
import { phantom, type ChannelMap } from './channels/spec';
import { updatesChannels, updatesEvents } from './channels/updates';
import type { Result } from './errors';

/** Each domain declares its channels in electron/shared/channels/<domain>.ts; this is their union. */
export const contract = {
  ...appChannels,
  ...updatesChannels,
  ...demoChannels,
  ...settingsChannels,
  ...setupChannels,
  ...ordersChannels,
  ...paymentsChannels,
  ...journalChannels,
  ...mailChannels,
  ...relayChannels,
  ...bulkChannels,
  ...backgroundChannels,
} satisfies ChannelMap;

export const events = {
  'app.notice': phantom<Notice>(),
  ...updatesEvents,
  'orders.changed': phantom<OrdersChanged>(),
  'relay.status': phantom<RelayStatus>(),
  'bulk.progress': phantom<BulkProgress>(),
  ...backgroundEvents,
  'notify.show': phantom<DeskNotification>(),
  'notify.badge': phantom<BadgeCount>(),
  'notify.open': phantom<OpenPayment>(),
} satisfies Record<`${string}.${string}`, unknown>;

export type Channel = keyof typeof contract;
/** What the renderer sends (before zod defaults and transforms). */
export type Req<C extends Channel> = z.input<(typeof contract)[C]['request']>;
/** What a handler receives (after validation). */
export type ParsedReq<C extends Channel> = z.output<(typeof contract)[C]['request']>;
export type Res<C extends Channel> = (typeof contract)[C]['response'];

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = (typeof events)[E];

/** The core implements this; a missing channel is a compile error. */
export type Handlers = { [C in Channel]: (req: ParsedReq<C>) => Promise<Res<C>> };

/** `window.desk`: one function per channel, plus a subscription to core events. */
export type DeskApi = { readonly [C in Channel]: (req: Req<C>) => Promise<Result<Res<C>>> } & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The single IPC channel on which main forwards core events to the window. */
export const EVENT_CHANNEL = 'desk:event';
