import { expect } from '@open-wc/testing';
import type { Article } from '../../config/types.js';
import { createSearchIndex } from './search-index.js';

// The same folding in the browser's ICU as in Node's: titles found with and without diacritics, by prefix.
const articles: Article[] = [
  { id: 'invoice', title: { en: 'Download an invoice', ru: 'Как скачать счёт', lt: 'Kaip atsisiųsti sąskaitą faktūrą' }, url: '/help/invoice', stages: ['active'] },
  { id: 'integrations', title: { en: 'Connect integrations', ru: 'Подключение интеграций', lt: 'Integracijų prijungimas' }, url: '/help/integrations', pages: ['/integrations/**'] },
  { id: 'profile', title: { en: 'Your profile', ru: 'Личный кабинет', lt: 'Jūsų paskyra' }, url: '/help/profile' },
];

describe('search index in Chromium', () => {
  it('finds Lithuanian titles typed with and without diacritics', () => {
    const index = createSearchIndex(articles, { locale: 'lt-LT' });
    expect(index.search('sąskaitą')[0]?.id).to.equal('invoice');
    expect(index.search('saskaita faktura')[0]?.id).to.equal('invoice');
    expect(index.search('JUSU PASK')[0]?.id).to.equal('profile');
    expect(index.search('integraciju')[0]?.id).to.equal('integrations');
  });

  it('finds Russian titles typed with е for ё and by prefix', () => {
    const index = createSearchIndex(articles, { locale: 'ru' });
    expect(index.search('счет')[0]?.id).to.equal('invoice');
    expect(index.search('СКАЧ')[0]?.id).to.equal('invoice');
    expect(index.search('личн каб')[0]?.id).to.equal('profile');
  });

  it('suggests by page and stage', () => {
    const index = createSearchIndex(articles, { locale: 'en' });
    expect(index.suggest({ page: '/integrations/slack', stage: 'trial' }).map((h) => h.id)).to.deep.equal(['integrations']);
    expect(index.suggest({ page: '/billing', stage: 'active' }).map((h) => h.id)).to.deep.equal(['invoice']);
    expect(index.suggest({ page: '/billing', stage: 'active', stepArticles: ['profile'] }).map((h) => h.id)).to.deep.equal(['profile', 'invoice']);
  });
});
