import { describe, expect, it } from 'vitest';
import { crmTimeMinus, crmTimeToIso, isoToCrmTime } from '../../../electron/core/orders/crmTime';

describe('RetailCRM date-times (account time, Kyiv)', () => {
  it('turns winter and summer times into UTC instants', () => {
    expect(crmTimeToIso('2025-01-15 00:30:00')).toBe('2025-01-14T22:30:00.000Z');
    expect(crmTimeToIso('2025-07-01 10:00:00')).toBe('2025-07-01T07:00:00.000Z');
  });

  it('follows the DST changes of the account zone', () => {
    // Kyiv moves to summer time at 03:00 on the last Sunday of March (2025-03-30).
    expect(crmTimeToIso('2025-03-30 02:59:59')).toBe('2025-03-30T00:59:59.000Z');
    expect(crmTimeToIso('2025-03-30 04:00:00')).toBe('2025-03-30T01:00:00.000Z');
    expect(crmTimeToIso('2025-10-26 05:00:00')).toBe('2025-10-26T03:00:00.000Z');
  });

  it('gives nothing for text that is not a RetailCRM date-time', () => {
    expect(crmTimeToIso(undefined)).toBeUndefined();
    expect(crmTimeToIso('2025-03-01')).toBeUndefined();
    expect(crmTimeToIso('yesterday')).toBeUndefined();
  });

  it('prints instants and lookback windows in the same form', () => {
    expect(isoToCrmTime(Date.parse('2025-07-01T07:00:00Z'))).toBe('2025-07-01 10:00:00');
    expect(crmTimeMinus('2025-03-01 00:30:00', 60)).toBe('2025-02-28 23:30:00');
  });
});
