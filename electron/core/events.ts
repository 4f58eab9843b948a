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
