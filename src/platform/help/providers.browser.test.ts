import { expect } from '@open-wc/testing';
import type { Article } from '../../config/types.js';
import { createSearchIndex } from '../../core/help/search-index.js';
import { createJsonProvider, createSearchProvider, createZendeskProvider, htmlToText, mergeResults, searchWithFallback, type RemoteSearchEnv } from './providers.js';

/** Timers that fire only when the test says so. */
function manualTimers() {
  const timers = new Map<number, { ms: number; callback: () => void }>();
  let next = 1;
  return {
    setTimeout: (callback: () => void, ms: number) => {
      timers.set(next, { ms, callback });
      return next++;
    },
    clearTimeout: (id: unknown) => void timers.delete(id as number),
    /** Fire every pending timer; returns the delays they were set with. */
    fireAll() {
      const fired = [...timers.values()];
      timers.clear();
      fired.forEach((t) => t.callback());
      return fired.map((t) => t.ms);
    },
    pending: () => timers.size,
  };
}

interface Call {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that records calls and answers with whatever the test queues (a Response, an error, or never). */
function stubFetch(answer: (call: Call) => Promise<Response>) {
  const calls: Call[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init };
    calls.push(call);
    return answer(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
const never = () => new Promise<Response>(() => undefined);

const zendeskBody = {
  count: 3,
  page: 1,
  results: [
    { id: 360001, html_url: 'https://acme.zendesk.com/hc/lt/articles/360001-Saskaitos', title: 'Sąskaitos &amp; mokėjimai', snippet: 'Kaip atsisiųsti <em>sąskaitą</em>', body: '<p>Long</p>', locale: 'lt' },
    { id: 360002, html_url: 'javascript:alert(1)', title: 'Evil', snippet: '' },
    { id: 360003, html_url: 'https://acme.zendesk.com/hc/lt/articles/360003', title: 'Integracijos', body: '<h1>Slack</h1><p>ir&nbsp;Jira</p>' },
  ],
};

describe('Zendesk Help Center provider', () => {
  it('calls the documented search endpoint and maps results to safe, plain-text articles', async () => {
    const timers = manualTimers();
    const { fetch, calls } = stubFetch(() => json(zendeskBody));
    const provider = createZendeskProvider({ provider: 'zendesk', subdomain: 'acme' }, { fetch, ...timers });
    const result = await provider.search('sąskaita faktūra', { locale: 'lt-LT', limit: 5 });
    expect(calls).to.have.length(1);
    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).to.equal('https://acme.zendesk.com/api/v2/help_center/articles/search.json');
    expect(url.searchParams.get('query')).to.equal('sąskaita faktūra');
    expect(url.searchParams.get('locale')).to.equal('lt-lt');
    expect(url.searchParams.get('per_page')).to.equal('5');
    expect(calls[0]!.init?.credentials).to.equal('omit');
    expect(result).to.deep.equal({
      ok: true,
      hits: [
        { id: 'zendesk:360001', title: 'Sąskaitos & mokėjimai', url: 'https://acme.zendesk.com/hc/lt/articles/360001-Saskaitos', summary: 'Kaip atsisiųsti sąskaitą', source: 'zendesk' },
        { id: 'zendesk:360003', title: 'Integracijos', url: 'https://acme.zendesk.com/hc/lt/articles/360003', summary: 'Slack ir Jira', source: 'zendesk' },
      ],
    });
    expect(timers.pending(), 'timeout cleared').to.equal(0);
  });

  it('uses its own locale setting, the configured timeout and a base URL override', async () => {
    const timers = manualTimers();
    const { fetch, calls } = stubFetch(never);
    const provider = createSearchProvider({ provider: 'zendesk', subdomain: 'acme', locale: 'ru', timeout: '1500ms' }, { fetch, ...timers, zendeskBaseUrl: '/zendesk-proxy/' });
    expect(provider.timeoutMs).to.equal(1500);
    const pending = provider.search('счёт', { locale: 'en' });
    expect(timers.fireAll()).to.deep.equal([1500]);
    expect(await pending).to.deep.equal({ ok: false, error: { code: 'timeout', message: 'Search took longer than 1500 ms' } });
    expect(calls[0]!.url.startsWith('/zendesk-proxy/api/v2/help_center/articles/search.json?')).to.equal(true);
    expect(new URL(calls[0]!.url, location.href).searchParams.get('locale')).to.equal('ru');
    expect(calls[0]!.init?.signal?.aborted, 'the request itself is aborted').to.equal(true);
  });

  it('reports HTTP errors, bad JSON shapes and bad subdomains as data', async () => {
    const env = (answer: () => Promise<Response>): RemoteSearchEnv => ({ fetch: stubFetch(answer).fetch, ...manualTimers() });
    const settings = { provider: 'zendesk', subdomain: 'acme' } as const;
    expect(await createZendeskProvider(settings, env(() => json({ error: 'x' }, 503))).search('q', { locale: 'en' }))
      .to.deep.equal({ ok: false, error: { code: 'http', message: 'Search endpoint answered 503', status: 503 } });
    const notJson = await createZendeskProvider(settings, env(() => Promise.resolve(new Response('<html>')))).search('q', { locale: 'en' });
    expect(notJson.ok ? 'ok' : notJson.error.code).to.equal('invalid-response');
    const noResults = await createZendeskProvider(settings, env(() => json({ articles: [] }))).search('q', { locale: 'en' });
    expect(noResults.ok ? 'ok' : noResults.error.code).to.equal('invalid-response');
    const thrown = await createZendeskProvider(settings, env(() => Promise.reject(new TypeError('Failed to fetch')))).search('q', { locale: 'en' });
    expect(thrown).to.deep.equal({ ok: false, error: { code: 'network', message: 'Search request failed: Failed to fetch' } });
    const bad = stubFetch(never);
    const badSubdomain = await createZendeskProvider({ provider: 'zendesk', subdomain: 'evil.com/x' }, { fetch: bad.fetch }).search('q', { locale: 'en' });
    expect(badSubdomain.ok ? 'ok' : badSubdomain.error.code).to.equal('invalid-settings');
    expect(bad.calls).to.have.length(0);
  });
});

describe('JSON endpoint provider', () => {
  it('fills {query} and {locale}, accepts a bare array or {results}, and keeps only safe links', async () => {
    for (const body of [
      [{ id: 7, title: 'Webhooks', url: 'https://docs.example/webhooks', summary: 'Send events' }, { id: 8, title: 'Bad', url: 'data:text/html,x' }, { title: 'No id', url: '/x' }],
      { results: [{ id: 7, title: 'Webhooks', url: 'https://docs.example/webhooks', summary: 'Send events' }, { id: 9, title: '   ', url: '/y' }] },
    ]) {
      const { fetch, calls } = stubFetch(() => json(body));
      const provider = createJsonProvider({ provider: 'json', url: 'https://kb.example/search?q={query}&lang={locale}' }, { fetch, ...manualTimers() });
      expect(provider.timeoutMs).to.equal(3000);
      const result = await provider.search('web hooks & more', { locale: 'ru-RU' });
      expect(calls[0]!.url).to.equal('https://kb.example/search?q=web%20hooks%20%26%20more&lang=ru-RU');
      expect(result).to.deep.equal({ ok: true, hits: [{ id: 'json:7', title: 'Webhooks', url: 'https://docs.example/webhooks', summary: 'Send events', source: 'json' }] });
    }
  });

  it('is cancelled by the caller, even when fetch ignores its signal', async () => {
    const timers = manualTimers();
    const { fetch } = stubFetch(never);
    const provider = createJsonProvider({ provider: 'json', url: '/search?q={query}' }, { fetch, ...timers });
    const controller = new AbortController();
    const pending = provider.search('x', { locale: 'en', signal: controller.signal });
    controller.abort();
    expect(await pending).to.deep.equal({ ok: false, error: { code: 'aborted', message: 'The search was cancelled' } });
    expect(timers.pending()).to.equal(0);
    const already = await provider.search('x', { locale: 'en', signal: controller.signal });
    expect(already.ok ? 'ok' : already.error.code).to.equal('aborted');
  });

  it('refuses an unsafe endpoint without calling it', async () => {
    const { fetch, calls } = stubFetch(never);
    const result = await createJsonProvider({ provider: 'json', url: 'javascript:{query}' }, { fetch }).search('x', { locale: 'en' });
    expect(result.ok ? 'ok' : result.error.code).to.equal('invalid-settings');
    expect(calls).to.have.length(0);
  });
});

describe('searchWithFallback', () => {
  const articles: Article[] = [
    { id: 'invoice', title: 'Download an invoice', url: 'https://docs.example/invoices/', tags: ['billing'] },
    { id: 'cards', title: 'Payment cards', url: '/help/cards', tags: ['billing'] },
  ];
  const index = createSearchIndex(articles, { locale: 'en' });

  it('merges remote hits after local ones, without the same link or title twice', async () => {
    const { fetch } = stubFetch(() => json([
      { id: 1, title: 'Invoices FAQ', url: 'https://DOCS.example/invoices#top' },
      { id: 2, title: 'payment   CARDS', url: 'https://docs.example/cards' },
      { id: 3, title: 'Refunds', url: 'https://docs.example/refunds' },
    ]));
    const provider = createJsonProvider({ provider: 'json', url: '/kb?q={query}' }, { fetch, ...manualTimers() });
    const result = await searchWithFallback(index, provider, 'billing', { locale: 'en' });
    expect(result.remote).to.equal('ok');
    expect(result.hits.map((h) => [h.id, h.source])).to.deep.equal([['invoice', 'local'], ['cards', 'local'], ['json:3', 'json']]);
  });

  it('falls back to the local hits when the provider fails or times out', async () => {
    const timers = manualTimers();
    const { fetch } = stubFetch(never);
    const provider = createJsonProvider({ provider: 'json', url: '/kb?q={query}', timeout: '2s' }, { fetch, ...timers });
    const pending = searchWithFallback(index, provider, 'invoice', { locale: 'en' });
    timers.fireAll();
    const result = await pending;
    expect(result.remote).to.equal('failed');
    expect(result.error?.code).to.equal('timeout');
    expect(result.hits.map((h) => h.id)).to.deep.equal(['invoice']);

    const down = stubFetch(() => json({}, 500));
    const failed = await searchWithFallback(index, createJsonProvider({ provider: 'json', url: '/kb' }, { fetch: down.fetch, ...manualTimers() }), 'cards', { locale: 'en' });
    expect([failed.remote, failed.error?.status, failed.hits.map((h) => h.id)]).to.deep.equal(['failed', 500, ['cards']]);
  });

  it('skips the remote lookup without a provider or a query', async () => {
    const { fetch, calls } = stubFetch(never);
    const provider = createJsonProvider({ provider: 'json', url: '/kb' }, { fetch });
    expect((await searchWithFallback(index, undefined, 'invoice', { locale: 'en' })).remote).to.equal('none');
    expect(await searchWithFallback(index, provider, '  ', { locale: 'en' })).to.deep.equal({ hits: [], remote: 'none' });
    expect(calls).to.have.length(0);
  });

  it('respects the limit across both sources', () => {
    const local = index.search('billing');
    const merged = mergeResults(local, [{ id: 'r', title: 'Refunds', url: '/r', source: 'json' }], 2);
    expect(merged.map((h) => h.id)).to.deep.equal(['invoice', 'cards']);
  });
});

describe('htmlToText', () => {
  it('drops tags and decodes entities without touching the DOM', () => {
    expect(htmlToText('<img src=x onerror=alert(1)><b>Fish</b> &amp; chips&#33; &#x263A; &bogus;')).to.equal('Fish & chips! ☺ &bogus;');
  });
});
