import { describe, expect, it } from 'vitest';
import { dayPattern, formatDay, parseDay } from '../../../renderer/components/dates';

describe('days in the UI language, not the system’s', () => {
  it('writes a day the way each language does, day first', () => {
    expect(formatDay('2026-11-28', 'uk')).toBe('28.11.2026');
    expect(formatDay('2026-11-28', 'ru')).toBe('28.11.2026');
    expect(formatDay('2026-11-28', 'en')).toBe('28/11/2026');
    expect(formatDay('', 'uk')).toBe('');
    expect(dayPattern('uk', { day: 'дд', month: 'мм', year: 'рррр' })).toBe('дд.мм.рррр');
    expect(dayPattern('en', { day: 'dd', month: 'mm', year: 'yyyy' })).toBe('dd/mm/yyyy');
  });

  it('reads typed days in the same order, an ISO day too, and refuses what is not a real day', () => {
    expect(parseDay('28.11.2026', 'uk')).toBe('2026-11-28');
    expect(parseDay('1/2/2026', 'en')).toBe('2026-02-01');
    expect(parseDay('2026-11-28', 'en')).toBe('2026-11-28');
    expect(parseDay('  ', 'uk')).toBe('');
    expect(parseDay('31.02.2026', 'uk')).toBeUndefined();
    expect(parseDay('28.11.26', 'uk')).toBeUndefined();
    expect(parseDay('28.11', 'uk')).toBeUndefined();
  });
});
