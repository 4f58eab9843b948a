import { describe, expect, it } from 'vitest';
import { kopiyky, MAX_KOPIYKY } from '../../../../electron/shared/money';
import { amountToText, checkAmount, parseAmount } from '../../../../renderer/orders/orderPanel/amountText';

describe('parseAmount', () => {
  it('reads hryvnias as people type them, into whole kopiyky', () => {
    expect(parseAmount('1234,50')).toBe(123450);
    expect(parseAmount('1 234.5')).toBe(123450);
    expect(parseAmount('1\u00a0234,05 ₴')).toBe(123405);
    expect(parseAmount('12 грн')).toBe(1200);
    expect(parseAmount('0,01')).toBe(1);
    // No float in between: 0.29 * 100 would be 28.999…
    expect(parseAmount('0.29')).toBe(29);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '-5', '1,234', '1.2.3', '12,', ',5', '1e3']) {
      expect(parseAmount(text), text).toBeUndefined();
    }
    expect(parseAmount('90071992547409,92')).toBeUndefined();
    expect(parseAmount('90071992547409,91')).toBe(MAX_KOPIYKY);
  });
});

describe('amountToText', () => {
  it('writes the decimal separator of the language, and reads back the same', () => {
    expect(amountToText(kopiyky(123450), 'uk')).toBe('1234,50');
    expect(amountToText(kopiyky(123450), 'en')).toBe('1234.50');
    expect(parseAmount(amountToText(kopiyky(7), 'ru'))).toBe(7);
  });
});

describe('checkAmount', () => {
  it('accepts an amount from one kopiyka up to the limit, and says what is wrong otherwise', () => {
    const limit = kopiyky(10000);
    expect(checkAmount('100', limit)).toEqual({ amount: 10000 });
    expect(checkAmount('0,01', limit)).toEqual({ amount: 1 });
    expect(checkAmount('100,01', limit)).toEqual({ problem: 'above' });
    expect(checkAmount('0', limit)).toEqual({ problem: 'zero' });
    expect(checkAmount('сто', limit)).toEqual({ problem: 'invalid' });
  });
});
