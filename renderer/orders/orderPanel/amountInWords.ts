/**
 * An amount written out in words, as a money confirmation and a bank form show it: the hryvnias
 * in words, the kopiyky as two digits ("одна тисяча двісті тридцять чотири гривні 50 копійок").
 * One small function per language; no library knows Ukrainian hryvnias, and the grammar (gender of
 * "гривня" and "тисяча", three plural forms) is a few tables.
 */
import type { Kopiyky } from '../../../electron/shared/money';
import type { Language } from '../../../electron/shared/settings';

/** Singular, few (2–4), many (5–20, 0) — Ukrainian and Russian. */
type Forms = readonly [string, string, string];

interface SlavicWords {
  zero: string;
  /** 1–9, masculine; feminine 1 and 2 replace the first two where the noun is feminine. */
  units: readonly string[];
  feminine: readonly [string, string];
  teens: readonly string[];
  tens: readonly string[];
  hundreds: readonly string[];
  /** Thousand, million, billion, trillion: each with its forms and whether it is feminine. */
  scales: readonly { forms: Forms; feminine: boolean }[];
  hryvnia: Forms;
  kopiyka: Forms;
}

const UK: SlavicWords = {
  zero: 'нуль',
  units: ['', 'один', 'два', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять"],
  feminine: ['одна', 'дві'],
  teens: [
    'десять',
    'одинадцять',
    'дванадцять',
    'тринадцять',
    'чотирнадцять',
    "п'ятнадцять",
    'шістнадцять',
    'сімнадцять',
    'вісімнадцять',
    "дев'ятнадцять",
  ],
  tens: [
    '',
    '',
    'двадцять',
    'тридцять',
    'сорок',
    "п'ятдесят",
    'шістдесят',
    'сімдесят',
    'вісімдесят',
    "дев'яносто",
  ],
  hundreds: [
    '',
    'сто',
    'двісті',
    'триста',
    'чотириста',
    "п'ятсот",
    'шістсот',
    'сімсот',
    'вісімсот',
    "дев'ятсот",
  ],
  scales: [
    { forms: ['тисяча', 'тисячі', 'тисяч'], feminine: true },
    { forms: ['мільйон', 'мільйони', 'мільйонів'], feminine: false },
    { forms: ['мільярд', 'мільярди', 'мільярдів'], feminine: false },
    { forms: ['трильйон', 'трильйони', 'трильйонів'], feminine: false },
  ],
  hryvnia: ['гривня', 'гривні', 'гривень'],
  kopiyka: ['копійка', 'копійки', 'копійок'],
};

const RU: SlavicWords = {
  zero: 'ноль',
  units: ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  feminine: ['одна', 'две'],
  teens: [
    'десять',
    'одиннадцать',
    'двенадцать',
    'тринадцать',
    'четырнадцать',
    'пятнадцать',
    'шестнадцать',
    'семнадцать',
    'восемнадцать',
    'девятнадцать',
  ],
  tens: [
    '',
    '',
    'двадцать',
    'тридцать',
    'сорок',
    'пятьдесят',
    'шестьдесят',
    'семьдесят',
    'восемьдесят',
    'девяносто',
  ],
  hundreds: [
    '',
    'сто',
    'двести',
    'триста',
    'четыреста',
    'пятьсот',
    'шестьсот',
    'семьсот',
    'восемьсот',
    'девятьсот',
  ],
  scales: [
    { forms: ['тысяча', 'тысячи', 'тысяч'], feminine: true },
    { forms: ['миллион', 'миллиона', 'миллионов'], feminine: false },
    { forms: ['миллиард', 'миллиарда', 'миллиардов'], feminine: false },
    { forms: ['триллион', 'триллиона', 'триллионов'], feminine: false },
  ],
  hryvnia: ['гривна', 'гривны', 'гривен'],
  kopiyka: ['копейка', 'копейки', 'копеек'],
};

/** Slavic plural: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 25–30 → many. */
function slavicForm(n: bigint, forms: Forms): string {
  const lastTwo = n % 100n;
  const last = n % 10n;
  if (last === 1n && lastTwo !== 11n) return forms[0];
  if (last >= 2n && last <= 4n && (lastTwo < 12n || lastTwo > 14n)) return forms[1];
  return forms[2];
}

/** 1–999 in words; the noun's gender decides "один/одна", "два/дві". */
function slavicTriple(n: number, words: SlavicWords, feminine: boolean): string[] {
  const out: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds) out.push(words.hundreds[hundreds] ?? '');
  if (rest >= 10 && rest < 20) {
    out.push(words.teens[rest - 10] ?? '');
  } else {
    const tens = Math.floor(rest / 10);
    const unit = rest % 10;
    if (tens) out.push(words.tens[tens] ?? '');
    if (unit) out.push(feminine && unit <= 2 ? words.feminine[unit - 1]! : (words.units[unit] ?? ''));
  }
  return out;
}

/** Groups of three digits, lowest first: 1234567n → [567, 234, 1]. */
function triples(n: bigint): number[] {
  const out: number[] = [];
  for (let rest = n; rest > 0n; rest /= 1000n) out.push(Number(rest % 1000n));
  return out;
}

function slavicWords(hryvnias: bigint, kopiyky: bigint, words: SlavicWords): string {
  const parts: string[] = [];
  if (hryvnias === 0n) parts.push(words.zero);
  const groups = triples(hryvnias);
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) continue;
    const scale = i > 0 ? words.scales[i - 1] : undefined;
    // The hryvnia is feminine in both languages ("одна гривня", "две гривны").
    parts.push(...slavicTriple(group, words, scale ? scale.feminine : true));
    if (scale) parts.push(slavicForm(BigInt(group), scale.forms));
  }
  parts.push(slavicForm(hryvnias, words.hryvnia));
  parts.push(String(kopiyky).padStart(2, '0'), slavicForm(kopiyky, words.kopiyka));
  return parts.join(' ');
}

const EN_UNITS = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES = ['thousand', 'million', 'billion', 'trillion'];

/** 1–999 in British English: "two hundred and thirty-four". */
function englishTriple(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const below =
    rest < 20
      ? EN_UNITS[rest]!
      : `${EN_TENS[Math.floor(rest / 10)]}${rest % 10 ? `-${EN_UNITS[rest % 10]}` : ''}`;
  if (!hundreds) return below;
  return rest ? `${EN_UNITS[hundreds]} hundred and ${below}` : `${EN_UNITS[hundreds]} hundred`;
}

function englishWords(hryvnias: bigint, kopiyky: bigint): string {
  const parts: string[] = [];
  if (hryvnias === 0n) parts.push('zero');
  const groups = triples(hryvnias);
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) continue;
    parts.push(englishTriple(group));
    if (i > 0) parts.push(EN_SCALES[i - 1]!);
  }
  parts.push(hryvnias === 1n ? 'hryvnia' : 'hryvnias');
  parts.push(String(kopiyky).padStart(2, '0'), kopiyky === 1n ? 'kopiyka' : 'kopiyky');
  return parts.join(' ');
}

/** Kopiyky → the amount in words in the UI's language (whole hryvnias in words, kopiyky in digits). */
export function amountInWords(amount: Kopiyky, language: Language): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Not an amount: ${amount}`);
  const total = BigInt(amount);
  const hryvnias = total / 100n;
  const kopiyky = total % 100n;
  switch (language) {
    case 'uk':
      return slavicWords(hryvnias, kopiyky, UK);
    case 'ru':
      return slavicWords(hryvnias, kopiyky, RU);
    case 'en':
      return englishWords(hryvnias, kopiyky);
  }
}
