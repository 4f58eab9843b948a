import { describe, expect, it } from 'vitest';
import {
  dayDate,
  dayPattern,
  formatDateTime,
  formatDay,
  formatRecent,
  formatTime,
  isoDay,
  parseDay,
  wallTime,
} from '../../../renderer/i18n/dates';

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

describe('moments in the UI language', () => {
  // The desktop's time zone decides the wall time: build the moments from local parts.
  const at = new Date(2026, 10, 28, 14, 5, 9);

  it('writes a moment short in the list and medium where it is read once', () => {
    expect(formatDateTime(at.getTime(), 'short', 'uk')).toBe('28.11.26, 14:05');
    expect(formatDateTime(at.toISOString(), 'short', 'en')).toBe('28/11/2026, 14:05');
    expect(formatDateTime(at.toISOString(), 'medium', 'uk')).toBe('28 лист. 2026 р., 14:05');
    expect(formatTime(at.toISOString(), 'short', 'uk')).toBe('14:05');
    expect(formatTime(at.toISOString(), 'medium', 'uk')).toBe('14:05:09');
  });

  it('writes nothing for a value that is not a time, rather than "Invalid Date"', () => {
    expect(formatDateTime('not a time', 'medium', 'uk')).toBe('');
    expect(formatTime('', 'short', 'en')).toBe('');
  });

  it("says only the time of a moment of today, and the date too for an earlier day's", () => {
    const now = new Date(2026, 10, 28, 23, 0);
    expect(formatRecent(at.toISOString(), now, 'uk')).toBe('14:05');
    expect(formatRecent(new Date(2026, 10, 27, 14, 5).toISOString(), now, 'uk')).toBe('27.11.26, 14:05');
  });

  it('gives files the wall time and the calendar day, with no time zone', () => {
    expect(wallTime(at.toISOString())).toBe('2026-11-28T14:05');
    expect(wallTime(undefined)).toBeNull();
    expect(wallTime('later')).toBeNull();
    expect(isoDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(dayDate('2026-01-05')?.getTime()).toBe(new Date(2026, 0, 5).getTime());
    expect(dayDate('5.1.2026')).toBeUndefined();
  });
});
