/**
 * Demo customers: Ukrainian names (with their Latin spelling for e-mail addresses, written out
 * rather than transliterated by code), unique e-mails on reserved example domains, Ukrainian mobile
 * numbers.
 */
import type { SeededRandom } from './random';

type Name = readonly [cyrillic: string, latin: string];

const WOMEN: readonly Name[] = [
  ['Олена', 'olena'],
  ['Оксана', 'oksana'],
  ['Наталія', 'nataliia'],
  ['Ірина', 'iryna'],
  ['Тетяна', 'tetiana'],
  ['Марія', 'mariia'],
  ['Юлія', 'yuliia'],
  ['Світлана', 'svitlana'],
  ['Анна', 'anna'],
  ['Катерина', 'kateryna'],
  ['Галина', 'halyna'],
  ['Людмила', 'liudmyla'],
  ['Вікторія', 'viktoriia'],
  ['Софія', 'sofiia'],
  ['Дарина', 'daryna'],
  ['Ольга', 'olha'],
  ['Христина', 'khrystyna'],
  ['Зоряна', 'zoriana'],
  ['Леся', 'lesia'],
  ['Богдана', 'bohdana'],
];

const MEN: readonly Name[] = [
  ['Олександр', 'oleksandr'],
  ['Андрій', 'andrii'],
  ['Сергій', 'serhii'],
  ['Володимир', 'volodymyr'],
  ['Дмитро', 'dmytro'],
  ['Іван', 'ivan'],
  ['Микола', 'mykola'],
  ['Василь', 'vasyl'],
  ['Юрій', 'yurii'],
  ['Максим', 'maksym'],
  ['Тарас', 'taras'],
  ['Богдан', 'bohdan'],
  ['Остап', 'ostap'],
  ['Петро', 'petro'],
  ['Євген', 'yevhen'],
  ['Олег', 'oleh'],
  ['Роман', 'roman'],
  ['Віталій', 'vitalii'],
  ['Ярослав', 'yaroslav'],
  ['Степан', 'stepan'],
];

/** Surnames the same for both genders. */
const SURNAMES: readonly Name[] = [
  ['Коваленко', 'kovalenko'],
  ['Бондаренко', 'bondarenko'],
  ['Шевченко', 'shevchenko'],
  ['Ткаченко', 'tkachenko'],
  ['Кравченко', 'kravchenko'],
  ['Олійник', 'oliinyk'],
  ['Шевчук', 'shevchuk'],
  ['Коваль', 'koval'],
  ['Поліщук', 'polishchuk'],
  ['Бойко', 'boiko'],
  ['Ткачук', 'tkachuk'],
  ['Мельник', 'melnyk'],
  ['Марченко', 'marchenko'],
  ['Руденко', 'rudenko'],
  ['Савченко', 'savchenko'],
  ['Петренко', 'petrenko'],
  ['Мороз', 'moroz'],
  ['Лисенко', 'lysenko'],
  ['Гончаренко', 'honcharenko'],
  ['Павленко', 'pavlenko'],
  ['Клименко', 'klymenko'],
  ['Кузьменко', 'kuzmenko'],
  ['Романюк', 'romaniuk'],
  ['Гаврилюк', 'havryliuk'],
  ['Дячук', 'diachuk'],
  ['Левченко', 'levchenko'],
  ['Ярошенко', 'yaroshenko'],
  ['Зінченко', 'zinchenko'],
];

/** Fathers' names → [patronymic for a woman, for a man]. */
const PATRONYMICS: readonly (readonly [string, string])[] = [
  ['Олександрівна', 'Олександрович'],
  ['Іванівна', 'Іванович'],
  ['Петрівна', 'Петрович'],
  ['Миколаївна', 'Миколайович'],
  ['Василівна', 'Васильович'],
  ['Андріївна', 'Андрійович'],
  ['Сергіївна', 'Сергійович'],
  ['Володимирівна', 'Володимирович'],
  ['Юріївна', 'Юрійович'],
  ['Богданівна', 'Богданович'],
];

/** Reserved for examples (RFC 2606): demo mail can never reach a real person. */
const MAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;
const MOBILE_CODES = [
  '050',
  '063',
  '066',
  '067',
  '068',
  '073',
  '093',
  '095',
  '096',
  '097',
  '098',
  '099',
] as const;

export interface Person {
  firstName: string;
  lastName: string;
  patronymic: string;
  email: string;
  phone: string;
}

export class PeopleFactory {
  private readonly usedEmails = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  next(): Person {
    const random = this.random;
    const woman = random.chance(0.55);
    const [firstName, firstLatin] = random.pick(woman ? WOMEN : MEN);
    const [lastName, lastLatin] = random.pick(SURNAMES);
    const patronymic = random.pick(PATRONYMICS)[woman ? 0 : 1];
    const domain = random.pick(MAIL_DOMAINS);
    const style = random.int(0, 2);
    const local =
      style === 0
        ? `${firstLatin}.${lastLatin}`
        : style === 1
          ? `${firstLatin[0]}${lastLatin}`
          : `${lastLatin}.${firstLatin}`;
    let email = `${local}@${domain}`;
    for (let n = random.int(2, 99); this.usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
    this.usedEmails.add(email);
    const phone = `+38${random.pick(MOBILE_CODES)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
    return { firstName, lastName, patronymic, email, phone };
  }
}
