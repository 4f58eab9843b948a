import { describe, expect, it } from 'vitest';
import { kopiyky, MAX_KOPIYKY } from '../../../../electron/shared/money';
import { amountInWords } from '../../../../renderer/orders/orderPanel/amountInWords';

const words = (amount: number, language: 'uk' | 'ru' | 'en') => amountInWords(kopiyky(amount), language);

describe('amountInWords', () => {
  it('writes hryvnias in words and kopiyky in digits, in Ukrainian', () => {
    expect(words(123450, 'uk')).toBe('одна тисяча двісті тридцять чотири гривні 50 копійок');
    expect(words(100, 'uk')).toBe('одна гривня 00 копійок');
    expect(words(201, 'uk')).toBe('дві гривні 01 копійка');
    expect(words(503, 'uk')).toBe("п'ять гривень 03 копійки");
    expect(words(1100, 'uk')).toBe('одинадцять гривень 00 копійок');
    expect(words(2122, 'uk')).toBe('двадцять одна гривня 22 копійки');
    expect(words(200000, 'uk')).toBe('дві тисячі гривень 00 копійок');
    expect(words(500000, 'uk')).toBe("п'ять тисяч гривень 00 копійок");
    expect(words(1100000, 'uk')).toBe('одинадцять тисяч гривень 00 копійок');
    expect(words(200000000, 'uk')).toBe('два мільйони гривень 00 копійок');
    expect(words(100100000, 'uk')).toBe('один мільйон одна тисяча гривень 00 копійок');
    expect(words(11, 'uk')).toBe('нуль гривень 11 копійок');
  });

  it('writes the same in Russian, with its own plural forms', () => {
    expect(words(123450, 'ru')).toBe('одна тысяча двести тридцать четыре гривны 50 копеек');
    expect(words(100, 'ru')).toBe('одна гривна 00 копеек');
    expect(words(221, 'ru')).toBe('две гривны 21 копейка');
    expect(words(1400, 'ru')).toBe('четырнадцать гривен 00 копеек');
    expect(words(400000, 'ru')).toBe('четыре тысячи гривен 00 копеек');
    expect(words(500000000, 'ru')).toBe('пять миллионов гривен 00 копеек');
    expect(words(0, 'ru')).toBe('ноль гривен 00 копеек');
  });

  it('writes British English with "and" after the hundreds', () => {
    expect(words(123450, 'en')).toBe('one thousand two hundred and thirty-four hryvnias 50 kopiyky');
    expect(words(101, 'en')).toBe('one hryvnia 01 kopiyka');
    expect(words(1500000, 'en')).toBe('fifteen thousand hryvnias 00 kopiyky');
    expect(words(90000, 'en')).toBe('nine hundred hryvnias 00 kopiyky');
    expect(words(0, 'en')).toBe('zero hryvnias 00 kopiyky');
  });

  it('reaches the largest exact amount without losing a kopiyka', () => {
    // 90 071 992 547 409,91 ₴
    expect(words(MAX_KOPIYKY, 'uk')).toBe(
      "дев'яносто трильйонів сімдесят один мільярд дев'ятсот дев'яносто два мільйони " +
        "п'ятсот сорок сім тисяч чотириста дев'ять гривень 91 копійка",
    );
    expect(words(MAX_KOPIYKY, 'en')).toBe(
      'ninety trillion seventy-one billion nine hundred and ninety-two million five hundred and ' +
        'forty-seven thousand four hundred and nine hryvnias 91 kopiyky',
    );
  });

  it('refuses what is not an amount', () => {
    expect(() => amountInWords(-1 as never, 'uk')).toThrow(RangeError);
    expect(() => amountInWords(1.5 as never, 'en')).toThrow(RangeError);
  });
});
