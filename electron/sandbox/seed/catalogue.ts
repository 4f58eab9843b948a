/** What the demo shop sells: names in Ukrainian, prices in kopiyky (some with kopiyky, as real prices have). */
import type { SeededRandom } from './random';

const PRODUCTS: readonly (readonly [name: string, priceKopiyky: number])[] = [
  ['Чашка керамічна «Соняшник»', 24_900],
  ['Набір тарілок, 6 шт.', 89_000],
  ['Ковдра вовняна 140×205', 219_950],
  ['Подушка бамбукова', 64_900],
  ['Постільна білизна, полуторна', 149_900],
  ['Рушник махровий 70×140', 39_990],
  ['Скатертина льняна з вишивкою', 124_500],
  ['Свічка ароматична «Лаванда»', 18_900],
  ['Ваза скляна', 56_000],
  ['Килимок для ванної', 32_450],
  ['Кавоварка гейзерна', 112_000],
  ['Чайник емальований 2 л', 78_900],
  ['Сковорода чавунна 26 см', 134_900],
  ['Ніж кухонний', 45_900],
  ['Дошка обробна дубова', 36_500],
  ['Плед флісовий', 52_900],
  ['Горнятко з кришкою', 21_990],
  ['Термос 0,75 л', 69_900],
  ['Кошик плетений', 47_800],
  ['Органайзер для спецій', 29_900],
  ['Настільна лампа', 159_000],
  ['Фоторамка дерев’яна', 17_450],
  ['Годинник настінний', 98_000],
  ['Ліжник гуцульський', 389_000],
  ['Мед гречаний, 0,5 кг', 16_500],
  ['Чай трав’яний «Карпати»', 9_990],
];

export interface DemoItem {
  productName: string;
  quantity: number;
  /** Kopiyky per unit. */
  initialPrice: number;
}

/** One to four different products (mostly one or two), one to three of each. */
export function pickItems(random: SeededRandom): DemoItem[] {
  const roll = random.next();
  const count = roll < 0.45 ? 1 : roll < 0.75 ? 2 : roll < 0.92 ? 3 : 4;
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(random.int(0, PRODUCTS.length - 1));
  return [...chosen].map((index) => {
    const [productName, initialPrice] = PRODUCTS[index]!;
    return { productName, initialPrice, quantity: random.chance(0.75) ? 1 : random.int(2, 3) };
  });
}

export function itemsTotal(items: readonly DemoItem[]): number {
  return items.reduce((sum, item) => sum + item.initialPrice * item.quantity, 0);
}
