import { describe, expect, it } from 'vitest';
import { languageOf, storeLanguage } from '../../../electron/core/mail/letterLanguage';
import type { RetailCrmApi } from '../../../electron/core/retailcrm/api';

const api = (sites: unknown[] | Error) => async () =>
  ({
    sites: async () => {
      if (sites instanceof Error) throw sites;
      return sites;
    },
  }) as unknown as RetailCrmApi;

describe("a customer's letter language", () => {
  it("reads the store's language when RetailCRM gives one, in the codes it uses", () => {
    expect(languageOf('ru')).toBe('ru');
    expect(languageOf('UA')).toBe('uk');
    expect(languageOf('uk-UA')).toBe('uk');
    expect(languageOf('de')).toBeUndefined();
    expect(languageOf(undefined)).toBeUndefined();
  });

  it('falls back (undefined) when the store has none, is unknown, or RetailCRM is away', async () => {
    const sites = [
      { code: 'shop-ru', name: 'RU', language: 'ru' },
      { code: 'shop', name: 'Shop' },
    ];
    expect(await storeLanguage(api(sites), 'shop-ru')).toBe('ru');
    expect(await storeLanguage(api(sites), 'shop')).toBeUndefined();
    expect(await storeLanguage(api(sites), 'nowhere')).toBeUndefined();
    expect(await storeLanguage(api(new Error('down')), 'shop-ru')).toBeUndefined();
  });
});
