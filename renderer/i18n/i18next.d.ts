import 'i18next';
import type uk from './locales/uk.json';

// Keys given to t() are checked against the Ukrainian catalogue (the test checks the others match it).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof uk };
  }
}
