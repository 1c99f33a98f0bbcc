import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../config/types.js';
import { normalizeText, tokenize } from './normalize.js';
import { createSearchIndex } from './search-index.js';

describe('normalizeText', () => {
  it.each([
    ['Sąskaita', 'saskaita'],
    ['ĄČĘĖĮŠŲŪŽ ąčęėįšųūž', 'aceeisuuz aceeisuuz'],
    ['Счёт', 'счет'],
    ['ЁЛКА', 'елка'],
    ['Йогурт', 'иогурт'],
    ['Straße', 'strasse'],
    ['Łódź', 'lodz'],
    ['ﬁle', 'file'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('transliterates Cyrillic only when asked', () => {
    expect(normalizeText('Счёт и оплата')).toBe('счет и оплата');
    expect(normalizeText('Счёт и оплата', { transliterate: true })).toBe('schet i oplata');
    expect(normalizeText('Щука, жёлтый', { transliterate: true })).toBe('schuka, zheltyi');
  });

  it('tokenizes on anything that is not a letter or digit, in any script', () => {
    expect(tokenize('Connect Slack/Jira — 2 integrations; «Интеграции»!')).toEqual([
      'connect', 'slack', 'jira', '2', 'integrations', 'интеграции',
    ]);
    expect(tokenize('  ')).toEqual([]);
  });
});

const articles: Article[] = [
  { id: 'integrations', title: { en: 'Connect integrations', ru: 'Подключение интеграций', lt: 'Integracijų prijungimas' }, url: '/help/integrations', summary: 'Slack, Jira and webhooks', tags: ['slack', 'jira'], pages: ['/integrations/**'] },
  { id: 'invoice', title: { en: 'Download an invoice', ru: 'Скачать счёт', lt: 'Atsisiųsti sąskaitą faktūrą' }, url: '/help/invoice', tags: ['billing'], stages: ['active'] },
  { id: 'billing-faq', title: 'Billing questions', url: '/help/billing', summary: 'Invoices, cards and refunds', stages: ['trial', 'active'] },
  { id: 'team', title: 'Invite your team', url: '/help/team', body: 'Open **Settings** and send invitations. Integrations are covered elsewhere.', stages: ['setup'] },
  { id: 'ru-only', title: 'Личный кабинет', url: '/help/ru/cabinet', locale: 'ru' },
  { id: 'lt-only', title: 'Paskyros nustatymai', url: '/help/lt/paskyra', locale: 'lt-LT' },
  { id: 'unsafe', title: 'Evil integrations', url: 'javascript:alert(1)' },
  { id: 'projects', title: 'Create a project', url: '/help/projects', pages: ['/projects'], stages: ['setup'] },
  { id: 'generic', title: 'Keyboard shortcuts', url: '/help/keys' },
];

describe('createSearchIndex', () => {
  it('keeps articles of the locale (or of every locale) with safe links', () => {
    expect(createSearchIndex(articles, { locale: 'en' }).size).toBe(6);
    const ru = createSearchIndex(articles, { locale: 'ru-RU' });
    expect(ru.size).toBe(7);
    expect(ru.get('ru-only')?.title).toBe('Личный кабинет');
    expect(ru.get('lt-only')).toBeUndefined();
    expect(ru.get('unsafe')).toBeUndefined();
  });

  it('finds a word by its prefix ("integ" → "integrations")', () => {
    const index = createSearchIndex(articles, { locale: 'en' });
    expect(index.search('integ').map((h) => h.id)).toEqual(['integrations', 'team']);
    expect(index.search('INTEGRATIONS')[0]!.id).toBe('integrations');
  });

  it('ranks by field: title over tags over summary over body', () => {
    const fields: Article[] = [
      { id: 'body', title: 'One', url: '/1', body: 'about webhooks' },
      { id: 'summary', title: 'Two', url: '/2', summary: 'about webhooks' },
      { id: 'tags', title: 'Three', url: '/3', tags: ['webhooks'] },
      { id: 'title', title: 'Webhooks', url: '/4' },
    ];
    const index = createSearchIndex(fields, { locale: 'en' });
    expect(index.search('webhooks').map((h) => h.id)).toEqual(['title', 'tags', 'summary', 'body']);
  });

  it('requires every word, and falls back to partial matches only when none has them all', () => {
    const index = createSearchIndex(articles, { locale: 'en' });
    expect(index.search('billing invoice').map((h) => h.id)).toEqual(['invoice', 'billing-faq']);
    expect(index.search('invoice unicorns').map((h) => h.id)).toEqual(['invoice', 'billing-faq']);
    expect(index.search('unicorns')).toEqual([]);
    expect(index.search(' ,. ')).toEqual([]);
  });

  it('finds Lithuanian titles typed with and without diacritics', () => {
    const index = createSearchIndex(articles, { locale: 'lt' });
    for (const query of ['sąskaitą', 'saskaita', 'SASK', 'faktura', 'integraciju', 'Integracijų']) {
      expect(index.search(query).map((h) => h.id), query).toContain(query.toLowerCase().startsWith('integr') ? 'integrations' : 'invoice');
    }
    expect(index.search('paskyros').map((h) => h.id)).toEqual(['lt-only']);
  });

  it('finds Russian titles typed with е for ё, in any case, by prefix', () => {
    const index = createSearchIndex(articles, { locale: 'ru' });
    expect(index.search('счет')[0]!.id).toBe('invoice');
    expect(index.search('СЧЁТ')[0]!.id).toBe('invoice');
    expect(index.search('интегр')[0]!.id).toBe('integrations');
    expect(index.search('schet')).toEqual([]);
  });

  it('optionally matches Cyrillic typed in Latin letters', () => {
    const index = createSearchIndex(articles, { locale: 'ru', transliterate: true });
    expect(index.search('schet')[0]!.id).toBe('invoice');
    expect(index.search('lichny kab')[0]!.id).toBe('ru-only');
    expect(index.search('счёт')[0]!.id).toBe('invoice');
  });

  it('boosts articles scoped to the current stage and page', () => {
    const pair: Article[] = [
      { id: 'plain', title: 'Export data', url: '/a' },
      { id: 'staged', title: 'Export data', url: '/b', stages: ['active'] },
      { id: 'paged', title: 'Export data', url: '/c', pages: ['/reports/*'] },
    ];
    const index = createSearchIndex(pair, { locale: 'en' });
    const scores = (options: { stage?: string; page?: string }) =>
      Object.fromEntries(index.search('export', options).map((h) => [h.id, h.score]));
    const none = scores({});
    expect(none.staged).toBe(none.plain);
    const staged = scores({ stage: 'active' });
    expect(staged.staged).toBeCloseTo(none.plain! * 1.25);
    expect(index.search('export', { stage: 'active' })[0]!.id).toBe('staged');
    expect(index.search('export', { page: 'https://app.example/reports/monthly?x=1' })[0]!.id).toBe('paged');
    expect(index.search('export', { page: '/settings' })[0]!.score).toBe(none.plain);
  });

  it('returns localized, link-checked hits with the config article for in-panel bodies', () => {
    const index = createSearchIndex(articles, { locale: 'ru' });
    const [top] = index.search('подключение');
    expect(top).toMatchObject({ id: 'integrations', title: 'Подключение интеграций', url: '/help/integrations', summary: 'Slack, Jira and webhooks', source: 'local' });
    expect(top!.article).toBe(articles[0]);
    expect(index.body('team')).toContain('**Settings**');
    expect(index.body('integrations')).toBeUndefined();
  });
});

describe('suggest', () => {
  const index = createSearchIndex(articles, { locale: 'en' });
  const ids = (options: Parameters<typeof index.suggest>[0]) => index.suggest(options).map((h) => h.id);

  it('changes with the page', () => {
    expect(ids({ page: '/integrations/slack', stage: 'trial' })).toEqual(['integrations', 'billing-faq']);
    expect(ids({ page: '/dashboard', stage: 'trial' })).toEqual(['billing-faq']);
  });

  it('changes with the stage, and drops articles scoped to other stages', () => {
    expect(ids({ page: '/dashboard', stage: 'active' })).toEqual(['billing-faq', 'invoice']);
    expect(ids({ page: '/dashboard', stage: 'setup' })).toEqual(['team']);
    expect(ids({ page: '/projects', stage: 'setup' })).toEqual(['projects', 'team']);
    expect(ids({ page: '/projects', stage: 'active' })).toEqual(['billing-faq', 'invoice']);
  });

  it("puts the step's articles first, in their order, and never repeats one", () => {
    expect(ids({ page: '/integrations', stage: 'trial', stepArticles: ['generic', 'team', 'nope', 'generic'] }))
      .toEqual(['generic', 'team', 'integrations', 'billing-faq']);
  });

  it('never suggests generic articles without a step, and respects the limit', () => {
    expect(ids({})).toEqual([]);
    expect(ids({ page: '/integrations/x', stage: 'active', limit: 2 })).toEqual(['integrations', 'billing-faq']);
  });

  it("where nothing fits, lists the stage's articles (and generic ones) whatever their page, in config order", () => {
    const forStage = (stage: string | null, limit?: number) => index.forStage(stage, limit).map((h) => h.id);
    expect(forStage('setup')).toEqual(['integrations', 'team', 'projects', 'generic']);
    expect(forStage('trial')).toEqual(['integrations', 'billing-faq', 'generic']);
    expect(forStage(null)).toEqual(['integrations', 'generic']);
    expect(forStage('trial', 2)).toEqual(['integrations', 'billing-faq']);
  });
});

describe('search through a typo', () => {
  const demo = JSON.parse(readFileSync(new URL('../../../examples/waymark.config.json', import.meta.url), 'utf8')) as { articles: Article[] };
  const top = (index: ReturnType<typeof createSearchIndex>, query: string) => index.search(query)[0]?.id;

  it('finds the demo articles through the typos people make', () => {
    const index = createSearchIndex(demo.articles, { locale: 'en' });
    const ids = (query: string, count: number) => index.search(query).slice(0, count).map((h) => h.id);
    // The same articles, in the same order, as the word spelled right.
    expect(ids('integratoin', 5)).toEqual(ids('integration', 5));
    expect(ids('integratoin', 5)).toEqual(expect.arrayContaining(['slack-integration', 'github-integration', 'webhooks']));
    expect(top(index, 'webhok')).toBe('webhooks');
    expect(top(index, 'permision')).toBe('roles-permissions');
    expect(top(index, 'slak')).toBe('slack-integration');
    expect(top(index, 'conect slak')).toBe('slack-integration');
  });

  it('forgives 1 typo up to 7 letters, 2 from 8, none below 4', () => {
    const index = createSearchIndex(articles, { locale: 'en' });
    expect(top(index, 'invoce')).toBe('invoice');
    expect(index.search('invxce')).toEqual([]); // 2 typos in 6 letters
    expect(top(index, 'integartoins')).toBe('integrations'); // 2 typos in 12 letters
    expect(index.search('iuvxce')).toEqual([]);
    expect(index.search('jrx')).toEqual([]); // 3 letters: "jira" is not forgiven
  });

  it('ranks what was found as typed above what was found through a typo, whatever the field', () => {
    const pair: Article[] = [
      { id: 'typo-in-title', title: 'Stack overflow', url: '/a' },
      { id: 'exact-in-body', title: 'Something else', url: '/b', body: 'all about slack' },
    ];
    const index = createSearchIndex(pair, { locale: 'en' });
    expect(index.search('slack').map((h) => h.id)).toEqual(['exact-in-body', 'typo-in-title']);
    // A prefix as typed is still not a typo.
    expect(index.search('sla').map((h) => h.id)).toEqual(['exact-in-body']);
  });

  it('stays diacritic- and Cyrillic-aware', () => {
    const lt = createSearchIndex(articles, { locale: 'lt' });
    expect(top(lt, 'prijungimsa')).toBe('integrations'); // "prijungimas", no diacritics typed, letters swapped
    expect(top(lt, 'sąskiata')).toBe('invoice');
    const ru = createSearchIndex(articles, { locale: 'ru' });
    expect(top(ru, 'подключенеи')).toBe('integrations');
    expect(top(ru, 'интеграцый')).toBe('integrations');
    const latin = createSearchIndex(articles, { locale: 'ru', transliterate: true });
    expect(top(latin, 'podklyuchenie')).toBe('integrations');
    expect(top(latin, 'podkluchenie')).toBe('integrations');
  });
});
