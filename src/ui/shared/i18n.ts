/**
 * Built-in UI strings (English, Russian, Lithuanian, Arabic) with plural forms chosen by
 * `Intl.PluralRules`, config overrides, and a fallback chain: exact locale → language → English.
 */
import type { Text } from '../../config/types.js';
import { localize } from '../../config/rich-text.js';

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
  | 'messageNotSent';

type Catalog = Record<StringKey, Message>;

const en: Catalog = {
  next: 'Next',
  back: 'Back',
  done: 'Done',
  skip: 'Skip tour',
  close: 'Close',
  gotIt: 'Got it',
  progress: '{current} of {total}',
  stepLabel: { one: 'Step {current} of {total}', other: 'Step {current} of {total}' },
  stepAnnouncement: 'Step {current} of {total}: {title}',
  stepsLeft: { one: '{count} step left', other: '{count} steps left' },
  beaconLabel: 'Show tip: {title}',
  hintLabel: 'Tip',
  articles: 'Related articles',
  opensInNewTab: '(opens in a new tab)',
  tourLabel: 'Product tour',
  surveyLabel: 'Feedback survey',
  submit: 'Send',
  whyLabel: 'What is the main reason for your score? (optional)',
  chooseScore: 'Choose a score first.',
  thankYou: 'Thank you for your feedback!',
  scaleEnd: '{score} = {label}',
  stars: { one: '{count} star', other: '{count} stars' },
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  cesLow: 'Very difficult',
  cesHigh: 'Very easy',
  csat1: 'Very unsatisfied',
  csat2: 'Unsatisfied',
  csat3: 'Neutral',
  csat4: 'Satisfied',
  csat5: 'Very satisfied',
  helpLabel: 'Help',
  helpSearch: 'Search help articles',
  helpSuggested: 'Suggested for this page',
  helpGeneral: 'Help articles',
  helpResults: { one: '{count} article found', other: '{count} articles found' },
  helpNoResults: 'No articles found. Try other words or contact us.',
  helpBack: 'Back to articles',
  helpChecklist: '{title}: {done} of {total} done',
  contactUs: 'Contact us',
  chatOpened: 'The chat is open. An operator will answer you there.',
  offlineTitle: 'Leave us a message',
  offlineIntro: 'Our team is offline right now. Leave a message and we will reply by email.',
  offlineBackAt: 'Operators are back: {time}.',
  contactUnavailable: 'Contacting support is not available right now.',
  nameLabel: 'Name (optional)',
  emailLabel: 'Email',
  messageLabel: 'Message',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter an email address like name@example.com.',
  messageRequired: 'Write your message.',
  fieldTooLong: 'Too long: at most {max} characters.',
  formErrors: { one: 'Fix {count} error to send the message.', other: 'Fix {count} errors to send the message.' },
  messageSent: "Thank you! We'll reply by email.",
  nudgeTitle: 'Need a hand?',
  chatOffer: 'Chat with us',
  moreHelp: 'Still stuck?',
  notNow: 'Not now',
  searchHelp: 'Search help',
  checklistProgress: '{done} of {total}',
  checklistMinimize: 'Minimize checklist',
  checklistDismiss: 'Dismiss checklist',
  checklistLocked: 'Complete “{item}” first',
  checklistStart: 'Start',
  checklistTaskDone: 'Task done: {item}. {done} of {total} complete.',
  checklistTaskUndone: 'Task not done: {item}. {done} of {total} complete.',
  checklistCompleteTitle: 'All done!',
  checklistCompleteBody: 'You completed every task in “{title}”.',
  messageNotSent: 'Your message was not sent: our team could not receive it. It is kept on this device; you can copy it or try again later.',
};

const ru: Catalog = {
  next: 'Далее',
  back: 'Назад',
  done: 'Готово',
  skip: 'Пропустить тур',
  close: 'Закрыть',
  gotIt: 'Понятно',
  progress: 'Шаг {current} из {total}',
  stepLabel: 'Шаг {current} из {total}',
  stepAnnouncement: 'Шаг {current} из {total}: {title}',
  stepsLeft: {
    one: 'Остался {count} шаг',
    few: 'Осталось {count} шага',
    many: 'Осталось {count} шагов',
    other: 'Осталось {count} шага',
  },
  beaconLabel: 'Показать подсказку: {title}',
  hintLabel: 'Подсказка',
  articles: 'Статьи по теме',
  opensInNewTab: '(откроется в новой вкладке)',
  tourLabel: 'Обзор продукта',
  surveyLabel: 'Опрос',
  submit: 'Отправить',
  whyLabel: 'Почему вы поставили такую оценку? (необязательно)',
  chooseScore: 'Сначала выберите оценку.',
  thankYou: 'Спасибо за ваш отзыв!',
  scaleEnd: '{score} = {label}',
  stars: { one: '{count} звезда', few: '{count} звезды', many: '{count} звёзд', other: '{count} звезды' },
  npsLow: 'Точно не порекомендую',
  npsHigh: 'Обязательно порекомендую',
  cesLow: 'Очень сложно',
  cesHigh: 'Очень легко',
  csat1: 'Очень плохо',
  csat2: 'Плохо',
  csat3: 'Нормально',
  csat4: 'Хорошо',
  csat5: 'Отлично',
  helpLabel: 'Помощь',
  helpSearch: 'Поиск по статьям помощи',
  helpSuggested: 'Подходит для этой страницы',
  helpGeneral: 'Статьи справки',
  helpResults: { one: 'Найдена {count} статья', few: 'Найдено {count} статьи', many: 'Найдено {count} статей', other: 'Найдено {count} статьи' },
  helpNoResults: 'Ничего не найдено. Попробуйте другие слова или напишите нам.',
  helpBack: 'Назад к статьям',
  helpChecklist: '{title}: выполнено {done} из {total}',
  contactUs: 'Связаться с нами',
  chatOpened: 'Чат открыт. Оператор ответит вам там.',
  offlineTitle: 'Оставьте сообщение',
  offlineIntro: 'Сейчас операторы не в сети. Оставьте сообщение, и мы ответим по электронной почте.',
  offlineBackAt: 'Операторы вернутся: {time}.',
  contactUnavailable: 'Связаться с поддержкой сейчас нельзя.',
  nameLabel: 'Имя (необязательно)',
  emailLabel: 'Электронная почта',
  messageLabel: 'Сообщение',
  emailRequired: 'Укажите адрес электронной почты.',
  emailInvalid: 'Укажите адрес в виде name@example.com.',
  messageRequired: 'Напишите сообщение.',
  fieldTooLong: 'Слишком длинно: не больше {max} символов.',
  formErrors: {
    one: 'Исправьте {count} ошибку, чтобы отправить сообщение.',
    few: 'Исправьте {count} ошибки, чтобы отправить сообщение.',
    many: 'Исправьте {count} ошибок, чтобы отправить сообщение.',
    other: 'Исправьте {count} ошибки, чтобы отправить сообщение.',
  },
  messageSent: 'Спасибо! Мы ответим по электронной почте.',
  nudgeTitle: 'Нужна помощь?',
  chatOffer: 'Написать в чат',
  moreHelp: 'Всё ещё не получается?',
  notNow: 'Не сейчас',
  searchHelp: 'Искать в помощи',
  checklistProgress: '{done} из {total}',
  checklistMinimize: 'Свернуть список задач',
  checklistDismiss: 'Закрыть список задач',
  checklistLocked: 'Сначала выполните «{item}»',
  checklistStart: 'Начать',
  checklistTaskDone: 'Задача выполнена: {item}. Выполнено {done} из {total}.',
  checklistTaskUndone: 'Задача снова не выполнена: {item}. Выполнено {done} из {total}.',
  checklistCompleteTitle: 'Всё готово!',
  checklistCompleteBody: 'Вы выполнили все задачи списка «{title}».',
  messageNotSent: 'Сообщение не отправлено: команда не смогла его принять. Оно сохранено на этом устройстве; его можно скопировать или отправить позже.',
};

const lt: Catalog = {
  next: 'Toliau',
  back: 'Atgal',
  done: 'Baigti',
  skip: 'Praleisti turą',
  close: 'Uždaryti',
  gotIt: 'Supratau',
  progress: '{current} iš {total}',
  stepLabel: '{current} žingsnis iš {total}',
  stepAnnouncement: '{current} žingsnis iš {total}: {title}',
  stepsLeft: {
    one: 'Liko {count} žingsnis',
    few: 'Liko {count} žingsniai',
    many: 'Liko {count} žingsnio',
    other: 'Liko {count} žingsnių',
  },
  beaconLabel: 'Rodyti patarimą: {title}',
  hintLabel: 'Patarimas',
  articles: 'Susiję straipsniai',
  opensInNewTab: '(atsidarys naujame skirtuke)',
  tourLabel: 'Produkto turas',
  surveyLabel: 'Apklausa',
  submit: 'Siųsti',
  whyLabel: 'Kodėl skyrėte tokį įvertinimą? (neprivaloma)',
  chooseScore: 'Pirmiausia pasirinkite įvertinimą.',
  thankYou: 'Ačiū už atsiliepimą!',
  scaleEnd: '{score} = {label}',
  stars: { one: '{count} žvaigždutė', few: '{count} žvaigždutės', many: '{count} žvaigždutės', other: '{count} žvaigždučių' },
  npsLow: 'Visiškai netikėtina',
  npsHigh: 'Labai tikėtina',
  cesLow: 'Labai sunku',
  cesHigh: 'Labai lengva',
  csat1: 'Labai blogai',
  csat2: 'Blogai',
  csat3: 'Vidutiniškai',
  csat4: 'Gerai',
  csat5: 'Puikiai',
  helpLabel: 'Pagalba',
  helpSearch: 'Ieškoti pagalbos straipsnių',
  helpSuggested: 'Tinka šiam puslapiui',
  helpGeneral: 'Pagalbos straipsniai',
  helpResults: { one: 'Rastas {count} straipsnis', few: 'Rasti {count} straipsniai', many: 'Rasta {count} straipsnio', other: 'Rasta {count} straipsnių' },
  helpNoResults: 'Nieko nerasta. Pabandykite kitus žodžius arba parašykite mums.',
  helpBack: 'Atgal į straipsnius',
  helpChecklist: '{title}: atlikta {done} iš {total}',
  contactUs: 'Susisiekti',
  chatOpened: 'Pokalbis atidarytas. Operatorius atsakys ten.',
  offlineTitle: 'Palikite žinutę',
  offlineIntro: 'Šiuo metu komanda neprisijungusi. Palikite žinutę ir atsakysime el. paštu.',
  offlineBackAt: 'Operatoriai grįš: {time}.',
  contactUnavailable: 'Šiuo metu susisiekti su pagalba negalima.',
  nameLabel: 'Vardas (neprivaloma)',
  emailLabel: 'El. paštas',
  messageLabel: 'Žinutė',
  emailRequired: 'Įveskite el. pašto adresą.',
  emailInvalid: 'Įveskite adresą, pvz., vardas@example.com.',
  messageRequired: 'Parašykite žinutę.',
  fieldTooLong: 'Per ilga: ne daugiau kaip {max} simbolių.',
  formErrors: {
    one: 'Ištaisykite {count} klaidą, kad išsiųstumėte žinutę.',
    few: 'Ištaisykite {count} klaidas, kad išsiųstumėte žinutę.',
    many: 'Ištaisykite {count} klaidos, kad išsiųstumėte žinutę.',
    other: 'Ištaisykite {count} klaidų, kad išsiųstumėte žinutę.',
  },
  messageSent: 'Ačiū! Atsakysime el. paštu.',
  nudgeTitle: 'Reikia pagalbos?',
  chatOffer: 'Rašyti į pokalbį',
  moreHelp: 'Vis dar nepavyksta?',
  notNow: 'Ne dabar',
  searchHelp: 'Ieškoti pagalbos',
  checklistProgress: '{done} iš {total}',
  checklistMinimize: 'Sutraukti užduočių sąrašą',
  checklistDismiss: 'Uždaryti užduočių sąrašą',
  checklistLocked: 'Pirmiausia atlikite „{item}“',
  checklistStart: 'Pradėti',
  checklistTaskDone: 'Užduotis atlikta: {item}. Atlikta {done} iš {total}.',
  checklistTaskUndone: 'Užduotis vėl neatlikta: {item}. Atlikta {done} iš {total}.',
  checklistCompleteTitle: 'Viskas atlikta!',
  checklistCompleteBody: 'Atlikote visas sąrašo „{title}“ užduotis.',
  messageNotSent: 'Žinutė neišsiųsta: komanda negalėjo jos priimti. Ji išsaugota šiame įrenginyje; galite ją nukopijuoti arba bandyti vėliau.',
};

const ar: Catalog = {
  next: 'التالي',
  back: 'السابق',
  done: 'تم',
  skip: 'تخطي الجولة',
  close: 'إغلاق',
  gotIt: 'فهمت',
  progress: '{current} من {total}',
  stepLabel: 'الخطوة {current} من {total}',
  stepAnnouncement: 'الخطوة {current} من {total}: {title}',
  stepsLeft: {
    zero: 'لم تتبقَّ خطوات',
    one: 'تتبقى خطوة واحدة',
    two: 'تتبقى خطوتان',
    few: 'تتبقى {count} خطوات',
    many: 'تتبقى {count} خطوة',
    other: 'تتبقى {count} خطوة',
  },
  beaconLabel: 'عرض التلميح: {title}',
  hintLabel: 'تلميح',
  articles: 'مقالات ذات صلة',
  opensInNewTab: '(يفتح في علامة تبويب جديدة)',
  tourLabel: 'جولة في المنتج',
  surveyLabel: 'استبيان الرأي',
  submit: 'إرسال',
  whyLabel: 'ما السبب الرئيسي لتقييمك؟ (اختياري)',
  chooseScore: 'اختر تقييمًا أولًا.',
  thankYou: 'شكرًا على ملاحظاتك!',
  scaleEnd: '{score} = {label}',
  stars: { zero: '{count} نجوم', one: 'نجمة واحدة', two: 'نجمتان', few: '{count} نجوم', many: '{count} نجمة', other: '{count} نجمة' },
  npsLow: 'غير مرجّح على الإطلاق',
  npsHigh: 'مرجّح للغاية',
  cesLow: 'صعب جدًا',
  cesHigh: 'سهل جدًا',
  csat1: 'غير راضٍ جدًا',
  csat2: 'غير راضٍ',
  csat3: 'محايد',
  csat4: 'راضٍ',
  csat5: 'راضٍ جدًا',
  helpLabel: 'المساعدة',
  helpSearch: 'البحث في مقالات المساعدة',
  helpSuggested: 'مقترحات لهذه الصفحة',
  helpGeneral: 'مقالات المساعدة',
  helpResults: { zero: 'لم يُعثر على مقالات', one: 'عُثر على مقالة واحدة', two: 'عُثر على مقالتين', few: 'عُثر على {count} مقالات', many: 'عُثر على {count} مقالة', other: 'عُثر على {count} مقالة' },
  helpNoResults: 'لم يُعثر على مقالات. جرّب كلمات أخرى أو تواصل معنا.',
  helpBack: 'العودة إلى المقالات',
  helpChecklist: '{title}: تم {done} من {total}',
  contactUs: 'تواصل معنا',
  chatOpened: 'المحادثة مفتوحة. سيرد عليك أحد الموظفين هناك.',
  offlineTitle: 'اترك لنا رسالة',
  offlineIntro: 'فريقنا غير متصل الآن. اترك رسالة وسنرد عليك بالبريد الإلكتروني.',
  offlineBackAt: 'يعود الموظفون: {time}.',
  contactUnavailable: 'التواصل مع الدعم غير متاح الآن.',
  nameLabel: 'الاسم (اختياري)',
  emailLabel: 'البريد الإلكتروني',
  messageLabel: 'الرسالة',
  emailRequired: 'أدخل عنوان بريدك الإلكتروني.',
  emailInvalid: 'أدخل عنوان بريد مثل name@example.com.',
  messageRequired: 'اكتب رسالتك.',
  fieldTooLong: 'طويل جدًا: {max} حرفًا على الأكثر.',
  formErrors: { zero: 'صحّح الأخطاء لإرسال الرسالة.', one: 'صحّح خطأً واحدًا لإرسال الرسالة.', two: 'صحّح خطأين لإرسال الرسالة.', few: 'صحّح {count} أخطاء لإرسال الرسالة.', many: 'صحّح {count} خطأً لإرسال الرسالة.', other: 'صحّح {count} خطأ لإرسال الرسالة.' },
  messageSent: 'شكرًا! سنرد عليك بالبريد الإلكتروني.',
  nudgeTitle: 'هل تحتاج إلى مساعدة؟',
  chatOffer: 'تحدّث معنا',
  moreHelp: 'ما زلت تواجه مشكلة؟',
  notNow: 'ليس الآن',
  searchHelp: 'البحث في المساعدة',
  checklistProgress: '{done} من {total}',
  checklistMinimize: 'تصغير قائمة المهام',
  checklistDismiss: 'إغلاق قائمة المهام',
  checklistLocked: 'أكمل «{item}» أولًا',
  checklistStart: 'ابدأ',
  checklistTaskDone: 'تم إنجاز المهمة: {item}. اكتمل {done} من {total}.',
  checklistTaskUndone: 'المهمة غير منجزة: {item}. اكتمل {done} من {total}.',
  checklistCompleteTitle: 'تم كل شيء!',
  checklistCompleteBody: 'أكملت كل المهام في «{title}».',
  messageNotSent: 'لم تُرسل رسالتك: تعذّر على فريقنا استلامها. إنها محفوظة على هذا الجهاز؛ يمكنك نسخها أو المحاولة لاحقًا.',
};

/** Read-only: the built-in catalogs. Frozen so no caller can mutate another instance's strings. */
export const BUILT_IN_STRINGS: Readonly<Record<string, Readonly<Catalog>>> = Object.freeze({
  en: Object.freeze(en),
  ru: Object.freeze(ru),
  lt: Object.freeze(lt),
  ar: Object.freeze(ar),
});

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

/**
 * Create a translator for one locale. `overrides` is `config.strings`: per locale, a key or
 * `key.<plural category>` (e.g. `"stepsLeft.few"`) mapped to a template with `{placeholders}`.
 */
export function createTranslator(
  locale: string,
  overrides: Record<string, Record<string, string>> = {},
): Translator {
  const chain = localeChain(locale);
  const plural = safePluralRules(locale);
  const numberFormat = safeNumberFormat(locale);

  function pick(key: StringKey, category: Intl.LDMLPluralRule): string {
    for (const candidate of chain) {
      const override = lookup(overrides, candidate);
      const specific = own(override, `${key}.${category}`) ?? own(override, key);
      if (specific !== undefined) return specific;
      const builtIn = lookup(BUILT_IN_STRINGS, candidate)?.[key];
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
      return format(pick(key, category), vars, numberFormat);
    },
    text(value) {
      return value === undefined ? '' : localize(value, locale, 'en');
    },
    number(value) {
      return numberFormat.format(value);
    },
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

function format(template: string, vars: Vars, numbers: Intl.NumberFormat): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    // Own properties only: "{constructor}" in a config string must stay text, not show Object's source.
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

function safePluralRules(locale: string): Intl.PluralRules {
  try {
    return new Intl.PluralRules(locale);
  } catch {
    return new Intl.PluralRules('en');
  }
}

function safeNumberFormat(locale: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale);
  } catch {
    return new Intl.NumberFormat('en');
  }
}
