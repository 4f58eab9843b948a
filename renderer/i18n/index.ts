import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ru from './locales/ru.json';
import uk from './locales/uk.json';

export const LANGUAGES = ['uk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** `?lang=` (used by the screenshot tests), then the OS language, then Ukrainian. */
function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  const fromOs = navigator.language.slice(0, 2);
  return isLanguage(fromOs) ? fromOs : 'uk';
}

export async function setupI18n(): Promise<void> {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  await i18n.use(initReactI18next).init({
    resources: { uk: { translation: uk }, ru: { translation: ru }, en: { translation: en } },
    lng,
    fallbackLng: 'uk',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
