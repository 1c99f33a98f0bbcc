/**
 * When a chunk of built-in strings cannot be downloaded (offline, a blocked path), surfaces still come up in English,
 * never as raw keys, and the host hears of it on `on('error')`. The built script-tag bundle, with the locale's chunk
 * (and, for a checklist, English's second part) refused by the server.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { freshPage, serveRepo, until, type Served } from './harness.js';

const served = serveRepo(['dist/cdn/waymark.js']);

const tour = { id: 'intro', type: 'tour', when: { page: '/strings.html' }, steps: [{ title: 'Hello', body: 'First step' }, { title: 'Two', body: 'Second step' }] };
const checklist = { id: 'setup', type: 'checklist', title: 'Set up', when: { page: '/strings.html' }, items: [{ id: 'a', title: 'Do a thing', doneWhen: { event: 'a-done' } }] };

const article = { id: 'start', title: { en: 'Getting started', ru: 'Начало работы' }, summary: { en: 'The first steps', ru: 'Первые шаги' }, url: 'https://docs.example/start' };

/** A blank page that loads the bundle by script tag with `config`, refusing chunk requests whose path matches `refuse`. */
async function open(config: unknown, locale: string, refuse: RegExp): Promise<{ page: Page; errors: string[]; refused: string[] }> {
  const page = await freshPage(served);
  await page.setRequestInterception(true);
  const refused: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === '/strings.html')
      return void request.respond({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>t</title><main><h1>App</h1></main><script>window.reported=[];window.waymark=window.waymark||function(){(window.waymark.q=window.waymark.q||[]).push(arguments)};waymark('on','error',function(e){window.reported.push(e.where)});</script>
<script type="module" src="/dist/cdn/waymark.js" data-config="/strings.json" data-locale="${locale}" data-user-id="u1"></script>`,
      });
    if (path === '/strings.json') return void request.respond({ contentType: 'application/json', body: JSON.stringify(config) });
    if (refuse.test(path)) {
      refused.push(path);
      return void request.abort('internetdisconnected');
    }
    void request.continue();
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${served.origin}/strings.html`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => (window as unknown as { waymark?: { instance?: unknown } }).waymark?.instance, { timeout: 15_000 });
  return { page, errors, refused };
}

/** The text of a Waymark element's shadow tree, through the shadow trees nested in it. */
const textOf = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const text = (node: Node): string =>
      node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : [...((node as Element).shadowRoot ?? node).childNodes].map(text).join(' ') + ((node as Element).shadowRoot ? [...node.childNodes].map(text).join(' ') : '');
    const host = document.querySelector(selector);
    return host ? text(host).replace(/\s+/g, ' ') : '';
  }, selector);
const shown = (page: Page, selector: string) => () => page.evaluate((selector) => Boolean(document.querySelector(selector)?.shadowRoot?.querySelector(':popover-open, dialog[open], [role=dialog], section, article')), selector);

describe('built-in strings: a chunk that fails to load', () => {
  it("a tour in Russian whose strings cannot load is shown in English, and on('error') reports it", async () => {
    const { page, errors, refused } = await open({ version: '1', experiences: [tour] }, 'ru', /\/chunks\/i18n-ru-[^/]+\.js$/);
    await until(shown(page, 'wm-tour'), 'the tour');
    await until(async () => /Next/.test(await textOf(page, 'wm-tour')), 'English button text');
    const text = await textOf(page, 'wm-tour');
    expect(text).toContain('Hello');
    expect(text).toMatch(/\b1 of 2\b/);
    // Never a raw key (keys are camelCase words with no spaces, like `stepOf`).
    expect(text).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]+\b/);
    expect(refused.length).toBeGreaterThan(0);
    await until(() => page.evaluate(() => (window as unknown as { reported: string[] }).reported.includes('ui:strings:ru')), "the error on on('error')");
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('a checklist in Russian whose strings cannot load still comes up in English, with the strings of English\'s second part', async () => {
    // The checklist lives in the resource center's panel, whose chunk must not depend on every language's strings.
    const { page, errors } = await open({ version: '1', experiences: [checklist] }, 'ru', /\/chunks\/i18n-ru-[^/]+\.js$/);
    await until(() => page.evaluate(() => Boolean(document.querySelector('wm-resource-center')?.shadowRoot?.querySelector('button'))), 'the resource center launcher');
    await page.evaluate(() => (document.querySelector('wm-resource-center') as unknown as { show(): Promise<void> }).show());
    await until(async () => /Do a thing/.test(await textOf(page, 'wm-resource-center')), 'the checklist in the panel');
    const text = await textOf(page, 'wm-resource-center');
    expect(text).toContain('Do a thing');
    expect(text).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]+\b/);
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('the help panel in Russian loads the Russian strings only, and in English when they cannot load', async () => {
    const config = { version: '1', experiences: [], articles: [article], resourceCenter: { enabled: false } };
    const loaded = await open(config, 'ru', /^$/);
    const requested: string[] = [];
    loaded.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await until(async () => /Помощь|Справка/.test(await textOf(loaded.page, 'wm-help')), 'the Russian help launcher');
    const chunks = await loaded.page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    expect(chunks.filter((path) => /\/i18n-ru-/.test(path))).toHaveLength(1);
    expect(chunks.filter((path) => /\/i18n-(lt|ar)-/.test(path))).toEqual([]);
    expect(loaded.errors).toEqual([]);
    await loaded.page.browserContext().close();

    const refused = await open(config, 'ru', /\/chunks\/i18n-ru-[^/]+\.js$/);
    await until(async () => /Help/.test(await textOf(refused.page, 'wm-help')), 'the English help launcher');
    await refused.page.evaluate(() => (document.querySelector('wm-help') as unknown as { show(): Promise<void> }).show());
    await until(async () => /Search help articles/.test(await textOf(refused.page, 'wm-help')), 'the English panel');
    expect(await textOf(refused.page, 'wm-help')).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]+\b/);
    expect(refused.errors).toEqual([]);
    await refused.page.browserContext().close();
  }, 60_000);
});
