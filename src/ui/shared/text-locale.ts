/**
 * Language of parts (WCAG 3.1.2): config text that had no variant for the UI locale falls back
 * to another one, and must say so with its own `lang` and `dir`, or a screen reader reads
 * English with an Arabic voice and the browser lays ".Nordics" out right to left.
 */
import { html, type TemplateResult } from 'lit';
import type { Text } from '../../config/types.js';
import type { ComponentContext } from './context.js';
import { isRtlLocale } from './i18n-core.js';

export interface TextLanguage {
  lang: string;
  dir: 'ltr' | 'rtl';
}

const language = (locale: string) => locale.split(/[-_]/)[0]!.toLowerCase();

/**
 * The locale a localized text is shown in when the UI is in `locale`, if it is another language
 * than the UI's; nothing when it matches or the text is a plain string (its language is unknown).
 * Mirrors `localize()`: exact locale, its language, then the fallback (`en`), then the first key.
 */
export function fallbackLanguage(text: Text | undefined, locale: string, fallback = 'en'): TextLanguage | undefined {
  if (text === undefined || typeof text === 'string') return undefined;
  const keys = Object.keys(text);
  const find = (wanted: string) =>
    keys.find((key) => key.toLowerCase() === wanted.toLowerCase()) ??
    keys.find((key) => key.toLowerCase() === language(wanted)) ??
    keys.find((key) => language(key) === language(wanted));
  const key = find(locale) ?? find(fallback) ?? keys[0];
  if (key === undefined || language(key) === language(locale)) return undefined;
  return { lang: key, dir: isRtlLocale(key) ? 'rtl' : 'ltr' };
}

/** Config text for a text binding: wrapped in a `<span lang dir>` only when it fell back to another language. */
export function localizedText(context: ComponentContext, text: Text | undefined): string | TemplateResult {
  const value = context.translator.text(text);
  const part = fallbackLanguage(text, context.translator.locale);
  return part && value ? html`<span lang=${part.lang} dir=${part.dir}>${value}</span>` : value;
}
