import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../electron/shared/settings';
import uk from './locales/uk.json';

export type { Language };

type Catalogue = typeof uk;

/**
 * Ukrainian is the default and the fallback, so it is in the first bundle; the others are fetched
 * (their own small chunks) when chosen. `satisfies` makes the compiler refuse a language the
 * settings know and the UI does not, or a catalogue that lacks a key of the Ukrainian one.
 */
const CATALOGUES = {
  uk: () => Promise.resolve(uk),
  ru: () => import('./locales/ru.json').then((m) => m.default),
  en: () => import('./locales/en.json').then((m) => m.default),
} satisfies Record<Language, () => Promise<Catalogue>>;
export const LANGUAGES = Object.keys(CATALOGUES) as Language[];

async function ensureCatalogue(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await CATALOGUES[language]());
  }
}

/** The locale given to Intl for amounts and dates; English with day-first dates, as in Ukraine. */
export const INTL_LOCALES: Record<Language, string> = { uk: 'uk-UA', ru: 'ru-UA', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as string[]).includes(value);
}

/** `?lang=` forces a language for this page load (handy for support and screenshots). */
export function languageOverride(): Language | undefined {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  return isLanguage(fromUrl) ? fromUrl : undefined;
}

/** Until the settings say otherwise: the URL's language, then the OS language, then Ukrainian. */
function initialLanguage(): Language {
  const fromOs = navigator.language.slice(0, 2);
  return languageOverride() ?? (isLanguage(fromOs) ? fromOs : 'uk');
}

export async function setupI18n(): Promise<void> {
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  const lng = initialLanguage();
  await i18n.use(initReactI18next).init({
    resources: { uk: { translation: uk } },
    lng: 'uk',
    fallbackLng: 'uk',
    interpolation: { escapeValue: false },
  });
  await switchLanguage(lng);
}

/** Switches the whole UI at once (components re-render through react-i18next). */
export async function switchLanguage(language: Language): Promise<void> {
  await ensureCatalogue(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'uk';
}
