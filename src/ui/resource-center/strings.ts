/**
 * The resource center's built-in strings in English, Russian, Lithuanian and Arabic, kept beside
 * the component so the shared catalog stays per locale. Config overrides (`config.strings`) use the
 * same keys, e.g. `{ "ru": { "rcGuides": "Обучение" } }`; the fallback chain is the shared one.
 */
import type { Text } from '../../config/types.js';
import { localize } from '../../config/rich-text.js';
import { isRtlLocale, localeChain, numberWriter, safePluralRules, type Message, type Vars } from '../shared/i18n-core.js';

export type CenterStringKey =
  | 'rcLabel' | 'rcClose' | 'rcTasksLeft' | 'rcChecklist'
  | 'rcHelp' | 'rcSearchLabel' | 'rcSearchButton' | 'rcBrowse' | 'rcContact'
  | 'rcGuides' | 'rcGuidesEmpty' | 'rcReplay' | 'rcSteps'
  | 'rcStatusInProgress' | 'rcStatusSnoozed' | 'rcStatusCompleted' | 'rcStatusDismissed' | 'rcStatusSeen'
  | 'rcAnnouncements' | 'rcOpen';

type Catalog = Record<CenterStringKey, Message>;

const en: Catalog = {
  rcLabel: 'Help',
  rcClose: 'Close',
  rcTasksLeft: { one: '{count} task left', other: '{count} tasks left' },
  rcChecklist: 'Getting started',
  rcHelp: 'Find an answer',
  rcSearchLabel: 'Search help articles',
  rcSearchButton: 'Search',
  rcBrowse: 'Suggested articles',
  rcContact: 'Contact us',
  rcGuides: 'Tours and guides',
  rcGuidesEmpty: 'Tours you finish or skip appear here, to replay any time.',
  rcReplay: 'Replay',
  rcSteps: { one: '{count} step', other: '{count} steps' },
  rcStatusInProgress: 'In progress',
  rcStatusSnoozed: 'Paused for later',
  rcStatusCompleted: 'Finished',
  rcStatusDismissed: 'Skipped',
  rcStatusSeen: 'Seen',
  rcAnnouncements: 'What’s new',
  rcOpen: 'Open',
};

const ru: Catalog = {
  rcLabel: 'Помощь',
  rcClose: 'Закрыть',
  rcTasksLeft: { one: 'Осталась {count} задача', few: 'Осталось {count} задачи', many: 'Осталось {count} задач', other: 'Осталось {count} задачи' },
  rcChecklist: 'С чего начать',
  rcHelp: 'Найти ответ',
  rcSearchLabel: 'Поиск по статьям',
  rcSearchButton: 'Найти',
  rcBrowse: 'Рекомендуемые статьи',
  rcContact: 'Связаться с нами',
  rcGuides: 'Туры и руководства',
  rcGuidesEmpty: 'Здесь появятся туры, которые вы прошли или пропустили: их можно пройти заново.',
  rcReplay: 'Пройти заново',
  rcSteps: { one: '{count} шаг', few: '{count} шага', many: '{count} шагов', other: '{count} шага' },
  rcStatusInProgress: 'В процессе',
  rcStatusSnoozed: 'Отложен на потом',
  rcStatusCompleted: 'Пройден',
  rcStatusDismissed: 'Пропущен',
  rcStatusSeen: 'Просмотрен',
  rcAnnouncements: 'Что нового',
  rcOpen: 'Открыть',
};

const lt: Catalog = {
  rcLabel: 'Pagalba',
  rcClose: 'Uždaryti',
  rcTasksLeft: { one: 'Liko {count} užduotis', few: 'Liko {count} užduotys', many: 'Liko {count} užduoties', other: 'Liko {count} užduočių' },
  rcChecklist: 'Pradžia',
  rcHelp: 'Rasti atsakymą',
  rcSearchLabel: 'Ieškoti pagalbos straipsnių',
  rcSearchButton: 'Ieškoti',
  rcBrowse: 'Siūlomi straipsniai',
  rcContact: 'Susisiekti',
  rcGuides: 'Turai ir gidai',
  rcGuidesEmpty: 'Čia atsiras turai, kuriuos baigėte ar praleidote: juos galite pakartoti bet kada.',
  rcReplay: 'Kartoti',
  rcSteps: { one: '{count} žingsnis', few: '{count} žingsniai', many: '{count} žingsnio', other: '{count} žingsnių' },
  rcStatusInProgress: 'Vyksta',
  rcStatusSnoozed: 'Atidėtas vėlesniam laikui',
  rcStatusCompleted: 'Baigtas',
  rcStatusDismissed: 'Praleistas',
  rcStatusSeen: 'Peržiūrėtas',
  rcAnnouncements: 'Naujienos',
  rcOpen: 'Atidaryti',
};

const ar: Catalog = {
  rcLabel: 'المساعدة',
  rcClose: 'إغلاق',
  rcTasksLeft: {
    zero: 'لا مهام متبقية',
    one: 'تبقّت مهمة واحدة',
    two: 'تبقّت مهمتان',
    few: 'تبقّت {count} مهام',
    many: 'تبقّت {count} مهمة',
    other: 'تبقّت {count} مهمة',
  },
  rcChecklist: 'البداية',
  rcHelp: 'ابحث عن إجابة',
  rcSearchLabel: 'ابحث في مقالات المساعدة',
  rcSearchButton: 'بحث',
  rcBrowse: 'مقالات مقترحة',
  rcContact: 'تواصل معنا',
  rcGuides: 'الجولات والأدلة',
  rcGuidesEmpty: 'تظهر هنا الجولات التي أنهيتها أو تخطيتها، لتعيدها متى شئت.',
  rcReplay: 'إعادة',
  rcSteps: { zero: '{count} خطوة', one: 'خطوة واحدة', two: 'خطوتان', few: '{count} خطوات', many: '{count} خطوة', other: '{count} خطوة' },
  rcStatusInProgress: 'قيد التقدم',
  rcStatusSnoozed: 'مؤجلة لوقت لاحق',
  rcStatusCompleted: 'مكتملة',
  rcStatusDismissed: 'تم تخطيها',
  rcStatusSeen: 'تمت مشاهدتها',
  rcAnnouncements: 'الجديد',
  rcOpen: 'فتح',
};

const CATALOGS: Readonly<Record<string, Catalog>> = Object.freeze({ en, ru, lt, ar });

export interface CenterStrings {
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  t(key: CenterStringKey, vars?: Vars): string;
  /** A config text in this locale. */
  text(value: Text | undefined): string;
}

/** The resource center's translator: config overrides first, then these catalogs, along the shared locale chain. */
export function createCenterStrings(locale: string, overrides: Record<string, Record<string, string>> = {}): CenterStrings {
  const chain = localeChain(locale);
  const plural = safePluralRules(locale);
  const numbers = numberWriter(locale);
  const pick = (key: CenterStringKey, category: Intl.LDMLPluralRule): string => {
    for (const candidate of chain) {
      const override = ownEntry(overrides, candidate);
      const specific = override?.[`${key}.${category}`] ?? override?.[key];
      if (specific !== undefined) return specific;
      const builtIn = ownEntry(CATALOGS, candidate)?.[key];
      if (builtIn !== undefined) return typeof builtIn === 'string' ? builtIn : (builtIn[category] ?? builtIn.other);
    }
    return key;
  };
  return {
    locale,
    dir: isRtlLocale(locale) ? 'rtl' : 'ltr',
    t(key, vars = {}) {
      const count = vars.count;
      const category = typeof count === 'number' ? plural.select(count) : 'other';
      return pick(key, category).replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = vars[name];
        return value === undefined ? whole : typeof value === 'number' ? numbers(value) : value;
      });
    },
    text: (value) => (value === undefined ? '' : localize(value, locale, 'en')),
  };
}

function ownEntry<T>(table: Readonly<Record<string, T>>, locale: string): T | undefined {
  if (Object.prototype.hasOwnProperty.call(table, locale)) return table[locale];
  const lower = locale.toLowerCase();
  for (const key of Object.keys(table)) if (key.toLowerCase() === lower) return table[key];
  return undefined;
}
