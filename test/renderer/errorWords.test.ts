import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { DeskError, ErrorKinds } from '../../electron/shared/errors';
import en from '../../renderer/i18n/locales/en.json';
import ru from '../../renderer/i18n/locales/ru.json';
import uk from '../../renderer/i18n/locales/uk.json';
import { errorWords } from '../../renderer/components/ErrorMessage';

const CATALOGUES = { uk, ru, en };

/** The core's own (English) text: the words must never be it, nor a key left unworded. */
const CORE_TEXT = 'core text that must not reach the screen';

type PairingProblem = ErrorKinds['pairing']['problem'];
/** Every problem a pairing code can have (a Record: the compiler asks for a new one here). */
const PAIRING: Record<PairingProblem, true> = {
  empty: true,
  prefix: true,
  encoding: true,
  version: true,
  callbackUrl: true,
  eventsUrl: true,
  token: true,
  refused: true,
  not_a_relay: true,
};
const PAIRING_PROBLEMS = Object.keys(PAIRING) as PairingProblem[];

/** One error of each kind that replaced a `validation` carrier, in each of its variants. */
const ERRORS: DeskError[] = [
  ...(['payment', 'order', 'merchant', 'batch'] as const).map((what): DeskError => ({
    kind: 'not_found',
    what,
    message: CORE_TEXT,
  })),
  { kind: 'not_connected', service: 'retailcrm', message: CORE_TEXT },
  ...(['retailcrm', 'uapay', 'smtp', 'relay'] as const).map((service): DeskError => ({
    kind: 'not_connected',
    service,
    secret: true,
    message: CORE_TEXT,
  })),
  { kind: 'locked', what: 'paymentType', message: CORE_TEXT },
  ...PAIRING_PROBLEMS.map((problem): DeskError => ({ kind: 'pairing', problem, message: CORE_TEXT })),
];

describe('errorWords', () => {
  it.each(Object.entries(CATALOGUES))(
    'words not-found, not-connected (a service or only its secret), locked and pairing errors in %s, with the next step',
    async (language, catalogue) => {
      const i18n = i18next.createInstance();
      await i18n.init({ lng: language, resources: { [language]: { translation: catalogue } } });
      for (const error of ERRORS) {
        const { title, next } = errorWords(i18n.t, error);
        for (const text of [title, next]) {
          expect(text, `${error.kind} ${JSON.stringify(error)}`).not.toMatch(/^(errors|relay)\./);
          expect(text).not.toContain(CORE_TEXT);
          expect(text.length).toBeGreaterThan(10);
        }
      }
    },
  );

  it('gives each variant its own words', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'uk', resources: { uk: { translation: uk } } });
    const titles = ERRORS.map((error) => errorWords(i18n.t, error).title);
    expect(new Set(titles).size).toBe(ERRORS.length);
  });
});
