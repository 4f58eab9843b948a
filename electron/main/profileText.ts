import type { DroppedSecret, Language, ProfileField, ProfilePreview } from '../shared/settings';

/**
 * The words of the native dialogs around opening a team profile file. They are shown by main
 * (the file may arrive before the page has loaded, or while it shows something else), so they
 * cannot come from the renderer's catalogues; they follow the person's language setting.
 */
export interface ProfileText {
  confirmMessage: (file: string) => string;
  importButton: string;
  cancelButton: string;
  continueButton: string;
  leaveDemoMessage: (file: string) => string;
  importedMessage: (file: string) => string;
  importedDetail: string;
  failedMessage: (file: string) => string;
  /** The side-by-side list: "<field>: <now> → <after the import>". */
  fields: Record<ProfileField, string>;
  secrets: Record<DroppedSecret, string>;
  nothingChanges: string;
  notSet: string;
  allSites: string;
  hours: (hours: string) => string;
  droppedLead: string;
  staysLead: string;
}

export const PROFILE_TEXT: Record<Language, ProfileText> = {
  uk: {
    confirmMessage: (file) => `Імпортувати командний профіль «${file}»? Ось що зміниться:`,
    importButton: 'Імпортувати',
    cancelButton: 'Скасувати',
    continueButton: 'Продовжити',
    leaveDemoMessage: (file) =>
      `Щоб імпортувати «${file}» у ваш власний магазин, демо-режим буде завершено. Продовжити?`,
    importedMessage: (file) => `Командний профіль «${file}» імпортовано.`,
    importedDetail:
      'Залишилося ввести власні ключі в Налаштуваннях: ключ API RetailCRM і секретний ключ кожного мерчанта.',
    failedMessage: (file) => `Не вдалося імпортувати «${file}».`,
    fields: {
      retailCrm: 'Адреса RetailCRM',
      sites: 'Магазини',
      merchants: 'Мерчанти',
      statusMapping: 'Відповідність статусів',
      smtp: 'Відправник листів',
      relay: 'Реле колбеків',
      holdLifetimeHours: 'Строк холду',
      payLinkLifetimeHours: 'Строк дії посилання на оплату',
      updateFeedUrl: 'Джерело оновлень',
    },
    secrets: {
      retailCrmApiKey: 'ключ API RetailCRM',
      smtpPassword: 'пароль SMTP',
      relayToken: 'підключення до реле (токен)',
    },
    nothingChanges: 'Профіль нічого не змінює на цьому компʼютері.',
    notSet: 'не задано',
    allSites: 'усі магазини',
    hours: (hours) => `${hours} год`,
    droppedLead: 'Буде видалено (профіль надсилає це на іншу адресу, введіть знову):',
    staysLead: 'Ваші імʼя, мова та інші ключі залишаться.',
  },
  ru: {
    confirmMessage: (file) => `Импортировать командный профиль «${file}»? Вот что изменится:`,
    importButton: 'Импортировать',
    cancelButton: 'Отмена',
    continueButton: 'Продолжить',
    leaveDemoMessage: (file) =>
      `Чтобы импортировать «${file}» в ваш собственный магазин, демо-режим будет завершён. Продолжить?`,
    importedMessage: (file) => `Командный профиль «${file}» импортирован.`,
    importedDetail:
      'Осталось ввести собственные ключи в Настройках: ключ API RetailCRM и секретный ключ каждого мерчанта.',
    failedMessage: (file) => `Не удалось импортировать «${file}».`,
    fields: {
      retailCrm: 'Адрес RetailCRM',
      sites: 'Магазины',
      merchants: 'Мерчанты',
      statusMapping: 'Соответствие статусов',
      smtp: 'Отправитель писем',
      relay: 'Реле колбэков',
      holdLifetimeHours: 'Срок холда',
      payLinkLifetimeHours: 'Срок действия ссылки на оплату',
      updateFeedUrl: 'Источник обновлений',
    },
    secrets: {
      retailCrmApiKey: 'ключ API RetailCRM',
      smtpPassword: 'пароль SMTP',
      relayToken: 'подключение к реле (токен)',
    },
    nothingChanges: 'Профиль ничего не меняет на этом компьютере.',
    notSet: 'не задано',
    allSites: 'все магазины',
    hours: (hours) => `${hours} ч`,
    droppedLead: 'Будет удалено (профиль отправляет это на другой адрес, введите заново):',
    staysLead: 'Ваши имя, язык и остальные ключи останутся.',
  },
  en: {
    confirmMessage: (file) => `Import the team profile "${file}"? This is what changes:`,
    importButton: 'Import',
    cancelButton: 'Cancel',
    continueButton: 'Continue',
    leaveDemoMessage: (file) => `To import "${file}" into your own shop, Demo mode ends. Continue?`,
    importedMessage: (file) => `The team profile "${file}" is imported.`,
    importedDetail:
      "Now enter your own keys in Settings: the RetailCRM API key and each merchant's secret key.",
    failedMessage: (file) => `"${file}" could not be imported.`,
    fields: {
      retailCrm: 'RetailCRM address',
      sites: 'Stores',
      merchants: 'Merchants',
      statusMapping: 'Status mapping',
      smtp: 'E-mail sender',
      relay: 'Callback relay',
      holdLifetimeHours: 'Hold lifetime',
      payLinkLifetimeHours: 'Payment link lifetime',
      updateFeedUrl: 'Update feed',
    },
    secrets: {
      retailCrmApiKey: 'RetailCRM API key',
      smtpPassword: 'SMTP password',
      relayToken: 'relay pairing (token)',
    },
    nothingChanges: 'The profile changes nothing on this computer.',
    notSet: 'not set',
    allSites: 'all stores',
    hours: (hours) => `${hours} h`,
    droppedLead: 'Deleted (the profile sends it to another address; enter it again):',
    staysLead: 'Your name, language and other keys stay.',
  },
};

/**
 * A native dialog has no table: each changed setting is a line "<field>: <now> → <after>", the
 * values of a field joined with "; ", then the secrets the import deletes.
 */
export function describePreview(preview: ProfilePreview, text: ProfileText): string {
  if (preview.changes.length === 0) return text.nothingChanges;
  const shown = (field: ProfileField, lines: string[]) => {
    if (lines.length === 0) return field === 'sites' ? text.allSites : text.notSet;
    const hours = field === 'holdLifetimeHours' || field === 'payLinkLifetimeHours';
    return lines.map((line) => (hours ? text.hours(line) : line)).join('; ');
  };
  const changes = preview.changes.map(
    ({ field, before, after }) => `• ${text.fields[field]}: ${shown(field, before)} → ${shown(field, after)}`,
  );
  const dropped = preview.droppedSecrets.map((secret) => `• ${text.secrets[secret]}`);
  return [
    ...changes,
    '',
    ...(dropped.length > 0 ? [text.droppedLead, ...dropped, ''] : []),
    text.staysLead,
  ].join('\n');
}
