import type { Language } from '../shared/settings';

/**
 * The words of the native dialogs around opening a team profile file. They are shown by main
 * (the file may arrive before the page has loaded, or while it shows something else), so they
 * cannot come from the renderer's catalogues; they follow the person's language setting.
 */
export interface ProfileText {
  confirmMessage: (file: string) => string;
  confirmDetail: string;
  importButton: string;
  cancelButton: string;
  importedMessage: (file: string) => string;
  importedDetail: string;
  failedMessage: (file: string) => string;
}

export const PROFILE_TEXT: Record<Language, ProfileText> = {
  uk: {
    confirmMessage: (file) => `Замінити налаштування магазину командним профілем «${file}»?`,
    confirmDetail:
      'Адреса RetailCRM, мерчанти, типи оплат, відповідність статусів, відправник листів, реле й адреса ' +
      'оновлень буде взято з профілю. Ваші власні ключі, імʼя та мова залишаться.',
    importButton: 'Імпортувати',
    cancelButton: 'Скасувати',
    importedMessage: (file) => `Командний профіль «${file}» імпортовано.`,
    importedDetail:
      'Залишилося ввести власні ключі в Налаштуваннях: ключ API RetailCRM і секретний ключ кожного мерчанта.',
    failedMessage: (file) => `Не вдалося імпортувати «${file}».`,
  },
  ru: {
    confirmMessage: (file) => `Заменить настройки магазина командным профилем «${file}»?`,
    confirmDetail:
      'Адрес RetailCRM, мерчанты, типы оплат, соответствие статусов, отправитель писем, реле и адрес ' +
      'обновлений будут взяты из профиля. Ваши собственные ключи, имя и язык останутся.',
    importButton: 'Импортировать',
    cancelButton: 'Отмена',
    importedMessage: (file) => `Командный профиль «${file}» импортирован.`,
    importedDetail:
      'Осталось ввести собственные ключи в Настройках: ключ API RetailCRM и секретный ключ каждого мерчанта.',
    failedMessage: (file) => `Не удалось импортировать «${file}».`,
  },
  en: {
    confirmMessage: (file) => `Replace this shop's settings with the team profile "${file}"?`,
    confirmDetail:
      'The RetailCRM address, merchants, payment types, status mapping, mail sender, relay and update ' +
      'feed come from the profile. Your own keys, name and language stay.',
    importButton: 'Import',
    cancelButton: 'Cancel',
    importedMessage: (file) => `The team profile "${file}" is imported.`,
    importedDetail:
      "Now enter your own keys in Settings: the RetailCRM API key and each merchant's secret key.",
    failedMessage: (file) => `"${file}" could not be imported.`,
  },
};
