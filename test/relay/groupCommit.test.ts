import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../electron/relay/credentials';
import { GroupCommit, MAX_BATCH } from '../../electron/relay/groupCommit';
import type { RelayStore } from '../../electron/relay/store/types';
import { freshStore, type FreshStore } from './support/stores';

const CHANNEL = 'AAAAAAAAAAAAAAAAAAAAAA';
const event = (body: string, channelId = CHANNEL) => ({ channelId, hash: sha256(body), body, receivedAt: 1 });

describe('group commit', () => {
  let fresh: FreshStore;
  let store: RelayStore;
  beforeEach(async () => {
    fresh = await freshStore('sqlite');
    store = await fresh.open();
    await store.createChannel(CHANNEL, 1);
  });
  afterEach(async () => {
    await fresh.dispose();
  });

  it('stores callbacks that arrive together in shared commits, answering each its own outcome', async () => {
    const append = vi.spyOn(store, 'append');
    const commits = new GroupCommit(store);
    const count = MAX_BATCH + 100;
    const outcomes = await Promise.all([
      ...Array.from({ length: count }, (_, i) => commits.append(event(`body ${i}`))),
      commits.append(event('body 0')),
      commits.append(event('x', 'BBBBBBBBBBBBBBBBBBBBBB')),
    ]);
    expect(append).toHaveBeenCalledTimes(2); // MAX_BATCH, then the rest
    expect(outcomes.slice(0, count).map((o) => o.kind)).toEqual(Array(count).fill('stored'));
    const ids = outcomes.slice(0, count).map((o) => (o.kind === 'stored' ? o.id : 0));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(outcomes.slice(count)).toEqual([{ kind: 'duplicate' }, { kind: 'unknownChannel' }]);
    expect(await fresh.storedBodies()).toHaveLength(count);
  });

  it('fails every callback of a commit that fails, and goes on with the next', async () => {
    const commits = new GroupCommit(store);
    vi.spyOn(store, 'append').mockRejectedValueOnce(new Error('disk full'));
    const failed = await Promise.allSettled([commits.append(event('a')), commits.append(event('b'))]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await commits.append(event('c'))).toMatchObject({ kind: 'stored' });
    await commits.drain();
    expect(await fresh.storedBodies()).toEqual(['c']);
  });
});
