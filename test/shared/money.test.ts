import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  kopiyky,
  kopiykySchema,
  parseHryvnias,
  toHryvnias,
} from '../../electron/shared/money';

describe('money', () => {
  it.each([
    [1234.5, 123450],
    ['1234.5', 123450],
    [30770.4, 3077040],
    [0.1 + 0.2, 30], // 0.30000000000000004 on the CRM side is still 30 kopiyky
    [19.99, 1999],
    [1.005, 101], // the float 1.005 prints as "1.005": rounded half away from zero
    ['0.004', 0],
    ['-12.34', -1234],
    [0, 0],
    [1e-7, 0],
  ])('parses %s hryvnias as %i kopiyky without float arithmetic', (input, expected) => {
    expect(parseHryvnias(input)).toBe(expected);
  });

  it.each(['', 'abc', '12,50', '1.2.3', NaN, Infinity])('refuses %s', (input) => {
    expect(() => parseHryvnias(input)).toThrow(RangeError);
  });

  it('writes kopiyky back as the decimal hryvnias RetailCRM expects', () => {
    expect(toHryvnias(kopiyky(123450))).toBe(1234.5);
    expect(JSON.stringify({ amount: toHryvnias(kopiyky(123451)) })).toBe('{"amount":1234.51}');
    expect(formatDecimal(kopiyky(5))).toBe('0.05');
    expect(formatDecimal(kopiyky(-1234))).toBe('-12.34');
  });

  it('round-trips amounts up to 100 000 hryvnias exactly', () => {
    const wrong: number[] = [];
    for (let k = 0; k < 10_000_000; k += 97) if (parseHryvnias(toHryvnias(kopiyky(k))) !== k) wrong.push(k);
    expect(wrong).toEqual([]);
  });

  it('accepts only whole, non-negative kopiyky over IPC', () => {
    expect(kopiykySchema.safeParse(100).success).toBe(true);
    expect(kopiykySchema.safeParse(1.5).success).toBe(false);
    expect(kopiykySchema.safeParse(-1).success).toBe(false);
    expect(() => kopiyky(0.5)).toThrow(RangeError);
  });
});
