/**
 * What the browser tests read from the page: the catalogues (so a test says `ui(lang).nav.settings`
 * rather than a copy of the words) and the few moves every test makes.
 */
import type { Page } from '@playwright/test';
import en from '../../renderer/i18n/locales/en.json' with { type: 'json' };
import ru from '../../renderer/i18n/locales/ru.json' with { type: 'json' };
import uk from '../../renderer/i18n/locales/uk.json' with { type: 'json' };
import type { Lang } from './fixtures';

const CATALOGUES = { uk, ru, en } as const;

export function ui(lang: Lang): typeof uk {
  return CATALOGUES[lang];
}

/** The catalogue's text with its {{placeholders}} filled in, as i18next renders it. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name]));
}

export type Section = keyof typeof uk.settings.sections;

export async function openScreen(page: Page, lang: Lang, screen: 'orders' | 'activity' | 'settings') {
  const t = ui(lang);
  await page
    .getByRole('navigation', { name: t.nav.label })
    .getByRole('button', { name: t.nav[screen] })
    .click();
}

export async function openSettings(page: Page, lang: Lang, section: Section) {
  const t = ui(lang);
  await openScreen(page, lang, 'settings');
  await page
    .getByRole('navigation', { name: t.settings.sectionsLabel })
    .getByRole('button', { name: t.settings.sections[section] })
    .click();
  await page.getByRole('heading', { level: 2, name: t.settings.sections[section] }).waitFor();
}

/** Closes every toast, so a screenshot shows the screen itself. */
export async function dismissToasts(page: Page, lang: Lang) {
  const area = page.getByRole('region', { name: ui(lang).notices.region });
  const close = area.getByRole('button', { name: ui(lang).common.dismiss });
  while ((await close.count()) > 0) await close.first().click();
}
