import type { EventName, EventPayload } from '../shared/contract';

/** `(event, payload)` as a union of pairs, so checking `event` narrows `payload` in a listener. */
export type EventListener = (
  ...args: { [E in EventName]: [event: E, payload: EventPayload<E>] }[EventName]
) => void;

/** Core → UI events. Main forwards them over IPC; the browser harness over a stream. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const args = [event, payload] as Parameters<EventListener>;
    for (const listener of this.listeners) listener(...args);
  }
}

/**
 * A workspace's own bus: what it emits reaches `target` only while `shown()` says the UI looks at
 * that workspace. App notices (a settings file set aside…) are the person's news either way.
 */
export function scopedEvents(target: EventBus, shown: () => boolean): EventBus {
  const scoped = new EventBus();
  scoped.subscribe((event, payload) => {
    if (event === 'app.notice' || shown()) target.emit(event, payload);
  });
  return scoped;
}
