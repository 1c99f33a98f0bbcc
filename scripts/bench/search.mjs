// Knowledge-base search cost (Node, no browser): src/core/help bundled with esbuild, then 1,000 generated
// multilingual articles (English, Russian, Lithuanian titles, tags, summaries and rich-text bodies). Reports the
// index build time and the median / p95 time per query for typed prefixes, whole words, diacritic-free
// Lithuanian, Russian with е for ё, multi-word queries, words with typos, and suggestions.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'waymark-bench-search-'));
const outfile = join(work, 'help.mjs');
await build({ entryPoints: [join(root, 'src/core/help/index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile, logLevel: 'error' });
const { createSearchIndex } = await import(pathToFileURL(outfile).href);
rmSync(work, { recursive: true, force: true });

const ARTICLES = 1000;
const BUILDS = 20;
const ROUNDS = 300;

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  en: ['invoice', 'billing', 'integrations', 'webhooks', 'project', 'team', 'invite', 'export', 'report', 'dashboard', 'settings', 'password', 'security', 'payment', 'subscription', 'workspace', 'permissions', 'import', 'calendar', 'notifications', 'analytics', 'template', 'archive', 'customer', 'account'],
  ru: ['счёт', 'оплата', 'интеграции', 'вебхуки', 'проект', 'команда', 'пригласить', 'экспорт', 'отчёт', 'панель', 'настройки', 'пароль', 'безопасность', 'платёж', 'подписка', 'пространство', 'права', 'импорт', 'календарь', 'уведомления', 'аналитика', 'шаблон', 'архив', 'клиент', 'учётная'],
  lt: ['sąskaita', 'atsiskaitymas', 'integracijos', 'žiniatinklio', 'projektas', 'komanda', 'pakviesti', 'eksportas', 'ataskaita', 'skydelis', 'nustatymai', 'slaptažodis', 'saugumas', 'mokėjimas', 'prenumerata', 'erdvė', 'teisės', 'importas', 'kalendorius', 'pranešimai', 'analitika', 'šablonas', 'archyvas', 'klientas', 'paskyra'],
};
const STAGES = ['signup', 'setup', 'trial', 'active', 'power'];
const SECTIONS = ['projects', 'billing', 'integrations', 'settings', 'reports', 'team'];

function makeArticles(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const phrase = (lang, n) => Array.from({ length: n }, () => pick(WORDS[lang])).join(' ');
  return Array.from({ length: ARTICLES }, (_, i) => {
    const kind = i % 3;
    const lang = ['en', 'ru', 'lt'][Math.floor(i / 3) % 3];
    const localized = (n) => ({ en: phrase('en', n), ru: phrase('ru', n), lt: phrase('lt', n) });
    const article = {
      id: `a${i}`,
      title: kind === 0 ? localized(4) : phrase(lang, 4),
      url: `/help/${i}`,
      summary: kind === 0 ? localized(14) : phrase(lang, 14),
      body: `${phrase('en', 60)}\n\n**${phrase('en', 3)}** ${phrase('en', 40)}\n\n- ${phrase('en', 8)}\n- [${phrase('en', 2)}](https://docs.example/${i})`,
      tags: [pick(WORDS.en), pick(WORDS.en), pick(SECTIONS)],
    };
    if (kind !== 0) article.locale = lang;
    if (random() < 0.6) article.stages = [pick(STAGES), pick(STAGES)];
    if (random() < 0.5) article.pages = [`/${pick(SECTIONS)}/**`];
    return article;
  });
}

const random = prng(42);
const articles = makeArticles(random);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n) => `${n.toFixed(3)} ms`;

console.log(`Knowledge-base search, ${ARTICLES} articles, Node ${process.version}`);
// Per locale (articles of other languages are dropped), then all 1,000 in one index (the `locale` fields removed).
const everyLocale = articles.map(({ locale: _dropped, ...article }) => article);
for (const [locale, set] of [['en', articles], ['ru', articles], ['lt', articles], ['lt', everyLocale]]) {
  const builds = [];
  let index;
  for (let i = 0; i < BUILDS; i++) {
    const start = performance.now();
    index = createSearchIndex(set, { locale });
    builds.push(performance.now() - start);
  }
  builds.sort((a, b) => a - b);
  const queries = {
    en: ['integ', 'invoice', 'billing pay', 'webhooks dashboard settings', 'p', 'nothingmatches'],
    ru: ['интегр', 'счет', 'СЧЁТ', 'оплата платеж', 'п', 'ничего'],
    lt: ['saskaita', 'sąskaitą', 'integ', 'mokejimas prenumerata', 'p', 'niekas'],
  }[locale];
  const times = [];
  let hits = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of queries) {
      const start = performance.now();
      hits += index.search(query, { stage: STAGES[round % 5], page: `/${SECTIONS[round % 6]}/x`, limit: 10 }).length;
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  // Words with a typo (swapped, missing or extra letters): found only through the bounded edit distance.
  const typoQueries = {
    en: ['integratoin', 'webhok', 'permision', 'subscripton pament', 'dashbord'],
    ru: ['интеграцыи', 'подписак', 'уведомленя', 'аналитка отчет'],
    lt: ['integracjos', 'prenumerta', 'saskiata', 'nustatymia'],
  }[locale];
  const typoTimes = [];
  let typoHits = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of typoQueries) {
      const start = performance.now();
      typoHits += index.search(query, { stage: STAGES[round % 5], limit: 10 }).length;
      typoTimes.push(performance.now() - start);
    }
  }
  typoTimes.sort((a, b) => a - b);
  const suggestTimes = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    index.suggest({ stage: STAGES[round % 5], page: `/${SECTIONS[round % 6]}/x`, stepArticles: ['a1', 'a2'], limit: 5 });
    suggestTimes.push(performance.now() - start);
  }
  suggestTimes.sort((a, b) => a - b);
  console.log(
    `${locale}: ${index.size} indexed · build median ${ms(percentile(builds, 50))}, p95 ${ms(percentile(builds, 95))}` +
      ` · query median ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (${times.length} queries, ${hits} hits)` +
      ` · typo query median ${ms(percentile(typoTimes, 50))}, p95 ${ms(percentile(typoTimes, 95))} (${typoHits} hits)` +
      ` · suggest median ${ms(percentile(suggestTimes, 50))}, p95 ${ms(percentile(suggestTimes, 95))}`,
  );
}
