/**
 * The translator over built-in UI strings, with plural forms chosen by `Intl.PluralRules`, config
 * overrides, and a fallback chain: exact locale → language → English. The strings themselves are one
 * module per locale (`i18n-en.ts`, `i18n-ru.ts`, …): a page loads English and its own locale's only, and of English
 * only the surfaces that come with the UI until a survey, nudge or checklist is shown (`i18n-en-more.ts`).
 */
import type { Text } from '../../config/types.js';
import { localize } from '../../config/rich-text.js';
import { strings as en } from './i18n-en.js';

/** A message: one string, or one per plural category (`one`, `few`, `many`, `other`, …). */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export type StringKey =
  | 'next' | 'back' | 'done' | 'skip' | 'close' | 'gotIt'
  | 'progress' | 'stepLabel' | 'stepAnnouncement' | 'stepsLeft'
  | 'beaconLabel' | 'hintLabel' | 'articles' | 'opensInNewTab' | 'tourLabel'
  | 'surveyLabel' | 'submit' | 'whyLabel' | 'chooseScore' | 'thankYou' | 'scaleEnd' | 'stars'
  | 'npsLow' | 'npsHigh' | 'cesLow' | 'cesHigh' | 'csat1' | 'csat2' | 'csat3' | 'csat4' | 'csat5'
  | 'helpLabel' | 'helpSearch' | 'helpSuggested' | 'helpGeneral' | 'helpResults' | 'helpNoResults' | 'helpBack' | 'helpChecklist'
  | 'contactUs' | 'chatOpened' | 'offlineTitle' | 'offlineIntro' | 'offlineBackAt' | 'contactUnavailable'
  | 'nameLabel' | 'emailLabel' | 'messageLabel' | 'emailRequired' | 'emailInvalid' | 'messageRequired' | 'fieldTooLong'
  | 'formErrors' | 'messageSent' | 'nudgeTitle' | 'chatOffer' | 'moreHelp' | 'notNow' | 'searchHelp'
  | 'checklistProgress' | 'checklistMinimize' | 'checklistDismiss' | 'checklistLocked' | 'checklistStart'
  | 'checklistTaskDone' | 'checklistTaskUndone' | 'checklistCompleteTitle' | 'checklistCompleteBody'
  | 'messageNotSent' | 'helpNotAnswered';

/** The keys of the surfaces that come with the UI (tours, hints, beacons, announcements): their English is always in. */
export type FirstStringKey =
  | 'next' | 'back' | 'done' | 'skip' | 'close' | 'gotIt'
  | 'progress' | 'stepLabel' | 'stepAnnouncement' | 'stepsLeft'
  | 'beaconLabel' | 'hintLabel' | 'articles' | 'opensInNewTab' | 'tourLabel';

export type Catalog = Record<StringKey, Message>;
/** Built-in catalogs by language code (`en`, `ru`, …); English may be its first part only (see `loadBuiltInStrings`). */
export type Catalogs = Readonly<Record<string, Readonly<Partial<Catalog>>>>;

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** `'ar-EG'` → `'ar'`. */
export function languageOf(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] ?? locale;
}

export function isRtlLocale(locale: string): boolean {
  return RTL_LANGUAGES.has(languageOf(locale));
}

/** The locales to try, most specific first, always ending in English. */
export function localeChain(locale: string): string[] {
  const chain = [locale];
  const language = languageOf(locale);
  if (language !== locale) chain.push(language);
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

export type Vars = Record<string, string | number>;

export interface Translator {
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  /** A built-in string, after config overrides. `vars.count` (or `vars.total`) picks the plural form. */
  t(key: StringKey, vars?: Vars): string;
  /** Pick the best variant of a config `Text` for this locale. */
  text(value: Text | undefined): string;
  /** Locale-aware number formatting ("2", "٢"). */
  number(value: number): string;
}

/** The locales with built-in strings besides English, each a chunk of its own. */
const LOCALE_LOADERS: Readonly<Record<string, () => Promise<{ strings: Readonly<Catalog> }>>> = {
  ru: () => import('./i18n-ru.js'),
  lt: () => import('./i18n-lt.js'),
  ar: () => import('./i18n-ar.js'),
};

/**
 * English plus the built-in strings of `locale`'s language, if there are any. English is the surfaces that come with
 * the UI only, unless `allEnglish` (a survey, nudge or checklist is shown): then its other strings load too, a chunk
 * of their own. Rejects only when a chunk fails to load.
 */
export async function loadBuiltInStrings(locale: string, allEnglish = false): Promise<Catalogs> {
  const language = languageOf(locale);
  const load = Object.hasOwn(LOCALE_LOADERS, language) ? LOCALE_LOADERS[language] : undefined;
  const [own, more] = await Promise.all([load?.(), allEnglish ? import('./i18n-en-more.js') : undefined]);
  const english = more ? Object.freeze({ ...en, ...more.strings }) : en;
  return own ? { en: english, [language]: own.strings } : { en: english };
}

/**
 * Create a translator for one locale over the given built-in catalogs (English alone by default;
 * `loadBuiltInStrings(locale)` adds the locale's own). `overrides` is `config.strings`: per locale, a key
 * or `key.<plural category>` (e.g. `"stepsLeft.few"`) mapped to a template with `{placeholders}`.
 */
export function createTranslatorFrom(
  catalogs: Catalogs,
  locale: string,
  overrides: Record<string, Record<string, string>> = {},
): Translator {
  const chain = localeChain(locale);
  const plural = safePluralRules(locale);
  const numbers = numberWriter(locale);

  function pick(key: StringKey, category: Intl.LDMLPluralRule): string {
    for (const candidate of chain) {
      const override = lookup(overrides, candidate);
      const specific = own(override, `${key}.${category}`) ?? own(override, key);
      if (specific !== undefined) return specific;
      const builtIn = lookup(catalogs, candidate)?.[key];
      if (builtIn !== undefined) return typeof builtIn === 'string' ? builtIn : (builtIn[category] ?? builtIn.other);
    }
    return key;
  }

  return {
    locale,
    dir: isRtlLocale(locale) ? 'rtl' : 'ltr',
    t(key, vars = {}) {
      const count = vars.count ?? vars.total;
      const category = typeof count === 'number' ? plural.select(count) : 'other';
      return format(pick(key, category), vars, numbers);
    },
    text(value) {
      return value === undefined ? '' : localize(value, locale, 'en');
    },
    number: numbers,
  };
}

function own(table: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return table !== undefined && Object.hasOwn(table, key) && typeof table[key] === 'string' ? table[key] : undefined;
}

function lookup<T>(table: Readonly<Record<string, T>>, locale: string): T | undefined {
  if (Object.prototype.hasOwnProperty.call(table, locale)) return table[locale];
  const lower = locale.toLowerCase();
  for (const key of Object.keys(table)) if (key.toLowerCase() === lower) return table[key];
  return undefined;
}

function format(template: string, vars: Vars, numbers: (value: number) => string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    // Own properties only: "{constructor}" in a config string must stay text, not show Object's source.
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers(value) : value;
  });
}

export function safePluralRules(locale: string): Intl.PluralRules {
  try {
    return new Intl.PluralRules(locale);
  } catch {
    return new Intl.PluralRules('en');
  }
}

/**
 * Languages whose small whole numbers `Intl.NumberFormat` writes as plain ASCII digits (no grouping below 1,000) in
 * every engine; i18n-core.test.ts holds each against Intl. Not Arabic, Persian, Hindi-script languages and the like.
 */
const PLAIN_DIGITS = new Set(['en', 'ru', 'lt', 'lv', 'et', 'uk', 'be', 'pl', 'cs', 'sk', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'fi', 'tr', 'el', 'hu', 'ro', 'he', 'ja', 'zh', 'ko', 'id', 'vi']);

/**
 * Writes numbers the locale's way. The first `Intl.NumberFormat` a page builds loads the engine's number data
 * (12–27 ms in Chromium on a fresh page), so a step counter ("2 of 5") in a language with plain digits is written
 * without it; anything else (fractions, grouping, a `-u-nu-` numbering system, other scripts) builds it on first use.
 */
export function numberWriter(locale: string): (value: number) => string {
  const plain = PLAIN_DIGITS.has(locale.toLowerCase().split('-')[0]!) && !/-u-/i.test(locale);
  let format: Intl.NumberFormat | undefined;
  return (value) => {
    if (plain && Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
    format ??= safeNumberFormat(locale);
    return format.format(value);
  };
}

function safeNumberFormat(locale: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale);
  } catch {
    return new Intl.NumberFormat('en');
  }
}
