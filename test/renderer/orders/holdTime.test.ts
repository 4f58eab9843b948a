import { describe, expect, it } from 'vitest';
import { EXPIRING_WITHIN_MS } from '../../../electron/shared/orderQuery';
import { isUrgent, timeLeft } from '../../../renderer/orders/holdTime';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("a hold's time left", () => {
  it('splits into days and hours, hours and minutes, or minutes, rounded down', () => {
    expect(timeLeft(2 * 24 * HOUR + 3 * HOUR + 59 * MINUTE)).toEqual({ unit: 'days', days: 2, hours: 3 });
    expect(timeLeft(24 * HOUR - 1)).toEqual({ unit: 'hours', hours: 23, minutes: 59 });
    expect(timeLeft(HOUR)).toEqual({ unit: 'hours', hours: 1, minutes: 0 });
    expect(timeLeft(59 * MINUTE + 59_000)).toEqual({ unit: 'minutes', minutes: 59 });
  });

  it('shows at least a minute while any time remains, and "expired" from its end on', () => {
    expect(timeLeft(1_000)).toEqual({ unit: 'minutes', minutes: 1 });
    expect(timeLeft(0)).toEqual({ unit: 'expired' });
    expect(timeLeft(-HOUR)).toEqual({ unit: 'expired' });
  });

  it('is urgent by the "Expiring" chip\'s rule: a day or less left, or past its end', () => {
    expect(EXPIRING_WITHIN_MS).toBe(24 * HOUR);
    expect(isUrgent(24 * HOUR + 1)).toBe(false);
    expect(isUrgent(24 * HOUR)).toBe(true);
    expect(isUrgent(MINUTE)).toBe(true);
    expect(isUrgent(-HOUR)).toBe(true);
  });
});
