import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_DISMISS_MS, MAX_NOTICES, notify, useNotices } from '../../../renderer/store/noticesStore';

describe('the notices', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useNotices.setState(useNotices.getInitialState(), true);
  });
  afterEach(() => vi.useRealTimers());

  it('shows at most a few, the oldest making way, each with its own id', () => {
    for (let i = 0; i < MAX_NOTICES + 2; i++) useNotices.getState().push({ level: 'warning' });
    expect(useNotices.getState().notices.map((n) => n.id)).toEqual([3, 4, 5, 6, 7]);
  });

  it('success and info leave by themselves; warnings and errors wait to be read', () => {
    notify('success', () => 'saved');
    useNotices.getState().push({ level: 'error', error: { kind: 'internal', message: 'x' } });
    vi.advanceTimersByTime(AUTO_DISMISS_MS);
    expect(useNotices.getState().notices.map((n) => n.level)).toEqual(['error']);
  });

  it('starts again from the first id once reset', () => {
    notify('info', () => 'one');
    useNotices.setState(useNotices.getInitialState(), true);
    expect(useNotices.getState().push({ level: 'info' })).toBe(1);
  });
});
