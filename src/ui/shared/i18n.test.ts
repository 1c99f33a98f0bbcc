import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_STRINGS, createTranslator, createTranslatorFrom, isRtlLocale, loadBuiltInStrings, localeChain } from './i18n.js';
import { strings as englishFirst } from './i18n-en.js';
import { numberWriter } from './i18n-core.js';

describe('createTranslator', () => {
  it('formats progress per locale: "2 of 6", "Шаг 2 из 6", "2 iš 6"', () => {
    expect(createTranslator('en').t('progress', { current: 2, total: 6 })).toBe('2 of 6');
    expect(createTranslator('ru').t('progress', { current: 2, total: 6 })).toBe('Шаг 2 из 6');
    expect(createTranslator('lt').t('progress', { current: 2, total: 6 })).toBe('2 iš 6');
  });

  it('chooses plural forms with Intl.PluralRules', () => {
    const ru = createTranslator('ru');
    expect([1, 2, 5, 21, 22, 25].map((count) => ru.t('stepsLeft', { count }))).toEqual([
      'Остался 1 шаг', 'Осталось 2 шага', 'Осталось 5 шагов', 'Остался 21 шаг', 'Осталось 22 шага', 'Осталось 25 шагов',
    ]);
    const lt = createTranslator('lt');
    expect([1, 3, 10].map((count) => lt.t('stepsLeft', { count }))).toEqual(['Liko 1 žingsnis', 'Liko 3 žingsniai', 'Liko 10 žingsnių']);
    const en = createTranslator('en');
    expect([1, 2].map((count) => en.t('stepsLeft', { count }))).toEqual(['1 step left', '2 steps left']);
    expect(createTranslator('ar').t('stepsLeft', { count: 2 })).toBe('تتبقى خطوتان');
  });

  it('falls back from region to language to English, and applies config overrides (plural-specific too)', () => {
    expect(createTranslator('ru-RU').t('next')).toBe('Далее');
    expect(createTranslator('de').t('next')).toBe('Next');
    const t = createTranslator('ru', { ru: { next: 'Вперёд', 'stepsLeft.few': 'Ещё {count} шага' }, en: { done: 'Finish' } });
    expect(t.t('next')).toBe('Вперёд');
    expect(t.t('stepsLeft', { count: 3 })).toBe('Ещё 3 шага');
    expect(t.t('stepsLeft', { count: 5 })).toBe('Осталось 5 шагов');
    expect(t.t('done')).toBe('Готово');
    expect(createTranslator('de', { en: { done: 'Finish' } }).t('done')).toBe('Finish');
  });

  it('knows text direction and picks localized config text', () => {
    expect(createTranslator('ar').dir).toBe('rtl');
    expect(createTranslator('he-IL').dir).toBe('rtl');
    expect(createTranslator('lt').dir).toBe('ltr');
    expect(isRtlLocale('fa')).toBe(true);
    expect(localeChain('lt-LT')).toEqual(['lt-LT', 'lt', 'en']);
    const t = createTranslator('lt-LT');
    expect(t.text({ en: 'Hi', lt: 'Labas' })).toBe('Labas');
    expect(t.text({ en: 'Hi', ru: 'Привет' })).toBe('Hi');
    expect(t.text('Plain')).toBe('Plain');
    expect(t.text(undefined)).toBe('');
  });

  it('leaves unknown placeholders visible instead of dropping them', () => {
    expect(createTranslator('en', { en: { next: 'Go {where}' } }).t('next')).toBe('Go {where}');
  });
});

describe('interpolation', () => {
  it('fills placeholders from own properties only: "{constructor}" stays literal', () => {
    const t = createTranslator('en', { en: { next: 'Next {constructor} {toString} {__proto__}', progress: '{current}/{total} {hasOwnProperty}' } });
    expect(t.t('next')).toBe('Next {constructor} {toString} {__proto__}');
    expect(t.t('progress', { current: 1, total: 3 })).toBe('1/3 {hasOwnProperty}');
  });
});

describe('strings per locale', () => {
  it('loads English plus the locale’s own catalog, and nothing for a language without built-in strings', async () => {
    expect(Object.keys(await loadBuiltInStrings('ru-RU'))).toEqual(['en', 'ru']);
    expect(Object.keys(await loadBuiltInStrings('de'))).toEqual(['en']);
    expect(Object.keys(await loadBuiltInStrings('constructor'))).toEqual(['en']);
    const ru = createTranslatorFrom(await loadBuiltInStrings('ru'), 'ru');
    expect(ru.t('stepsLeft', { count: 5 })).toBe('Осталось 5 шагов');
    expect(ru.t('progress', { current: 2, total: 6 })).toBe(createTranslator('ru').t('progress', { current: 2, total: 6 }));
  });

  it('without the locale’s catalog a translator falls back to English, config overrides still first', () => {
    const englishOnly = createTranslatorFrom({ en: BUILT_IN_STRINGS.en! }, 'lt', { lt: { done: 'Baigta' } });
    expect(englishOnly.t('next')).toBe('Next');
    expect(englishOnly.t('done')).toBe('Baigta');
  });

  it('English comes in two parts: the surfaces that come with the UI, and the rest when a survey, nudge or checklist asks', async () => {
    expect(Object.keys((await loadBuiltInStrings('en')).en!).sort()).toEqual(Object.keys(englishFirst).sort());
    expect(Object.keys((await loadBuiltInStrings('de')).en!)).not.toContain('checklistStart');
    const whole = await loadBuiltInStrings('ru', true);
    expect(Object.keys(whole)).toEqual(['en', 'ru']);
    expect(whole.en).toEqual(BUILT_IN_STRINGS.en);
    expect(createTranslatorFrom(whole, 'de').t('checklistStart')).toBe('Start');
  });

  it('the first part has every string tours, hints, beacons, announcements and their shared pieces use', () => {
    const ui = fileURLToPath(new URL('..', import.meta.url));
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [join(dir, entry.name)] : [],
      );
    const used = ['tour', 'hint', 'beacon', 'announcement', 'shared']
      .flatMap((dir) => sources(join(ui, dir)))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\('(\w+)'/g)].map((match) => match[1]!));
    expect(used).toContain('tourLabel');
    expect([...new Set(used)].filter((key) => !Object.hasOwn(englishFirst, key))).toEqual([]);
  });

  it('every locale module has every key English has', () => {
    const keys = Object.keys(BUILT_IN_STRINGS.en!).sort();
    for (const [locale, catalog] of Object.entries(BUILT_IN_STRINGS)) expect(Object.keys(catalog).sort(), locale).toEqual(keys);
  });
});

describe('numberWriter', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes what Intl.NumberFormat writes, for every language it writes without it', () => {
    const samples = [0, 1, 7, 42, 999, 1000, 12345, 2.5, -3];
    for (const locale of ['en', 'en-GB', 'ru', 'ru-RU', 'lt', 'de-CH', 'fr', 'pl', 'sv', 'he', 'ja', 'zh-TW', 'ar', 'ar-EG', 'fa', 'hi', 'bn', 'mr', 'en-u-nu-arab', 'xx-invalid-!']) {
      const write = numberWriter(locale);
      let intl: Intl.NumberFormat;
      try {
        intl = new Intl.NumberFormat(locale);
      } catch {
        intl = new Intl.NumberFormat('en');
      }
      for (const n of samples) expect(write(n), `${locale} ${n}`).toBe(intl.format(n));
    }
  });

  it('builds no Intl.NumberFormat for a step counter in a language with plain digits (its first one costs a page 12–27 ms)', () => {
    const built = vi.spyOn(Intl, 'NumberFormat');
    expect(createTranslator('ru').t('stepLabel', { current: 2, total: 5 })).toContain('2');
    expect(createTranslator('en').t('progress', { current: 2, total: 5 })).toBe('2 of 5');
    expect(numberWriter('lt')(3)).toBe('3');
    expect(built).not.toHaveBeenCalled();
  });
});
