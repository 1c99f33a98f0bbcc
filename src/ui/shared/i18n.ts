/**
 * Every built-in UI string at once (English, Russian, Lithuanian, Arabic), for tests that translate
 * synchronously. No shipped module imports it: each loads only its locale's strings (`loadBuiltInStrings`).
 */
import { createTranslatorFrom, type Catalog, type Catalogs, type Translator } from './i18n-core.js';
import { strings as ar } from './i18n-ar.js';
import { strings as enFirst } from './i18n-en.js';
import { strings as enMore } from './i18n-en-more.js';
import { strings as lt } from './i18n-lt.js';
import { strings as ru } from './i18n-ru.js';

export * from './i18n-core.js';

/** Read-only: the built-in catalogs (each frozen in its module). Frozen so no caller can mutate another instance's strings. */
export const BUILT_IN_STRINGS: Catalogs = Object.freeze({ en: Object.freeze<Catalog>({ ...enFirst, ...enMore }), ru, lt, ar });

/** A translator for one locale over every built-in catalog; see `createTranslatorFrom`. */
export function createTranslator(locale: string, overrides: Record<string, Record<string, string>> = {}): Translator {
  return createTranslatorFrom(BUILT_IN_STRINGS, locale, overrides);
}
