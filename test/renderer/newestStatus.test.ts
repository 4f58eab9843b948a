import { describe, expect, it } from 'vitest';
import { newestStatus } from '../../renderer/deskHooks';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('a state heard as events and as replies', () => {
  it('drops a reply that arrives after an event heard since its call was sent', async () => {
    const shown: string[] = [];
    const feed = newestStatus<string>((status) => shown.push(status));
    const answer = deferred<string>();
    const reply = feed.reply(() => answer.promise);
    feed.event('connected');
    answer.resolve('connecting'); // written before the event, delivered after it
    expect(await reply).toBe('connecting');
    expect(shown).toEqual(['connected']);
  });

  it('shows a reply when no event came while it was on its way', async () => {
    const shown: string[] = [];
    const feed = newestStatus<string>((status) => shown.push(status));
    feed.event('connecting');
    await feed.reply(async () => 'connected');
    expect(shown).toEqual(['connecting', 'connected']);
  });
});
