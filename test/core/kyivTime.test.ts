import { describe, expect, it } from 'vitest';
import { kyivDateTime, kyivDateTimeMinus, kyivDateTimeToIso } from '../../electron/core/kyivTime';

describe('Kyiv date-times (RetailCRM account time, UAPAY payExpiresAt)', () => {
  it('turns winter and summer times into UTC instants', () => {
    expect(kyivDateTimeToIso('2025-01-15 00:30:00')).toBe('2025-01-14T22:30:00.000Z');
    expect(kyivDateTimeToIso('2025-07-01 10:00:00')).toBe('2025-07-01T07:00:00.000Z');
  });

  it('follows the DST changes of the zone', () => {
    // Kyiv moves to summer time at 03:00 on the last Sunday of March (2025-03-30).
    expect(kyivDateTimeToIso('2025-03-30 02:59:59')).toBe('2025-03-30T00:59:59.000Z');
    expect(kyivDateTimeToIso('2025-03-30 04:00:00')).toBe('2025-03-30T01:00:00.000Z');
    expect(kyivDateTimeToIso('2025-10-26 05:00:00')).toBe('2025-10-26T03:00:00.000Z');
  });

  it('gives nothing for text that is not a date-time in that form', () => {
    expect(kyivDateTimeToIso(undefined)).toBeUndefined();
    expect(kyivDateTimeToIso('2025-03-01')).toBeUndefined();
    expect(kyivDateTimeToIso('yesterday')).toBeUndefined();
  });

  it('prints instants and lookback windows in the same form', () => {
    expect(kyivDateTime(Date.parse('2025-07-01T07:00:00Z'))).toBe('2025-07-01 10:00:00');
    expect(kyivDateTime(new Date('2025-01-14T22:30:00.999Z'))).toBe('2025-01-15 00:30:00');
    expect(kyivDateTime(new Date('2025-03-30T00:59:59Z'))).toBe('2025-03-30 02:59:59');
    expect(kyivDateTime(new Date('2025-03-30T01:00:00Z'))).toBe('2025-03-30 04:00:00');
    expect(kyivDateTimeMinus('2025-03-01 00:30:00', 60)).toBe('2025-02-28 23:30:00');
  });
});
