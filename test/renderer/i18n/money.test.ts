import { describe, expect, it } from 'vitest';
import { kopiyky } from '../../../electron/shared/money';
import { formatMoney } from '../../../renderer/i18n/money';

// Intl separates groups with no-break spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('writes kopiyky as hryvnias the way each language does', () => {
    expect(plain(formatMoney(kopiyky(123450), 'uk'))).toBe('1 234,50 ₴');
    expect(plain(formatMoney(kopiyky(12345678), 'ru'))).toBe('123 456,78 ₴');
    expect(formatMoney(kopiyky(123450), 'en')).toBe('₴1,234.50');
  });

  it('keeps every kopiyka, even at the largest exact amount', () => {
    expect(plain(formatMoney(kopiyky(Number.MAX_SAFE_INTEGER), 'uk'))).toBe('90 071 992 547 409,91 ₴');
    expect(plain(formatMoney(kopiyky(1), 'uk'))).toBe('0,01 ₴');
    expect(plain(formatMoney(kopiyky(0), 'uk'))).toBe('0,00 ₴');
  });

  it('writes an order in another currency in its own, so it is never read as hryvnias', () => {
    expect(plain(formatMoney(kopiyky(123450), 'uk', 'USD'))).toBe('1 234,50 $');
    expect(formatMoney(kopiyky(123450), 'en', 'EUR')).toBe('€1,234.50');
  });
});
