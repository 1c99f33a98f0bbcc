/**
 * The script-tag entry begins the instance's first I/O itself: the config request and the IndexedDB open start while
 * the runtime chunk is still downloading, not after it has been evaluated. Here the runtime chunk is held back by the
 * server; both must have begun before it arrives, and the page must still come up (built bundle; npm test builds first).
 */
import { describe, expect, it } from 'vitest';
import { toChecked } from '../../src/config/checked.js';
import type { WaymarkConfig } from '../../src/config/types.js';
import { freshPage, serveRepo } from './harness.js';

const served = serveRepo(['dist/cdn/waymark.js']);
const HOLD_MS = 1500;

/** In the page, before anything runs: when IndexedDB was first opened and when `window.waymark` was installed. */
const recordMoments = () => {
  const moments: Record<string, number> = {};
  (window as unknown as { moments: Record<string, number> }).moments = moments;
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    moments['indexedDB open'] ??= performance.now();
    return open.apply(this, args);
  };
  let global: unknown = (window as unknown as { waymark?: unknown }).waymark;
  Object.defineProperty(window, 'waymark', {
    configurable: true,
    get: () => global,
    set(value: { version?: string }) {
      if (value?.version) moments['global installed'] ??= performance.now();
      global = value;
    },
  });
};

describe('script tag: the first I/O begins in the entry', () => {
  it('requests the config and opens IndexedDB before the runtime chunk is in; the instance then uses both', async () => {
    const page = await freshPage(served);
    await page.setRequestInterception(true);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const requests: string[] = [];
    // Held back: a page that waits for the runtime chunk before any I/O shows it here as a 1.5 s gap.
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      requests.push(path);
      if (/\/chunks\/runtime-[^/]+\.js$/.test(path)) void new Promise((resolve) => setTimeout(resolve, HOLD_MS)).then(() => request.continue());
      else void request.continue();
    });
    await page.evaluateOnNewDocument(recordMoments);
    await page.goto(`${served.origin}/`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as unknown as { waymark?: { instance?: unknown } }).waymark?.instance, { timeout: 15_000 });
    await page.evaluate(() => (window as unknown as { waymark: { instance: { ready: Promise<void> } } }).waymark.instance.ready);

    const at: Record<string, number> = await page.evaluate(() => {
      const resource = (pattern: RegExp) => performance.getEntriesByType('resource').find((entry) => pattern.test(new URL(entry.name).pathname)) as PerformanceResourceTiming | undefined;
      const runtime = resource(/\/chunks\/runtime-[^/]+\.js$/);
      const config = resource(/\/waymark\.config\.json$/);
      return { ...(window as unknown as { moments: Record<string, number> }).moments, 'runtime chunk in': runtime?.responseEnd ?? NaN, 'config requested': config?.startTime ?? NaN };
    });
    expect(at['runtime chunk in'] - at['config requested']).toBeGreaterThan(HOLD_MS / 2);
    expect(at['runtime chunk in'] - at['indexedDB open']).toBeGreaterThan(HOLD_MS / 2);
    expect(at['global installed']).toBeGreaterThan(at['runtime chunk in']);
    // Taken over, not repeated: one config request, one database with Waymark's stores, the user's progress in it.
    expect(requests.filter((path) => path === '/waymark.config.json')).toHaveLength(1);
    const stored = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const request = indexedDB.open('waymark');
          request.onsuccess = () => {
            const db = request.result;
            const names = Array.from(db.objectStoreNames);
            db.close();
            resolve(names);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    expect(stored.sort()).toEqual(['outbox', 'state']);
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('a page that imports the bundle (no stub, no tag) finds window.waymark installed once the import resolves', async () => {
    const page = await freshPage(served);
    await page.goto(`${served.origin}/favicon.svg`);
    // As a string: the test's own transform would rewrite a dynamic import written in a function.
    const url = JSON.stringify(`${served.origin}/dist/cdn/waymark.js`);
    const installed = await page.evaluate(
      `import(${url}).then((bundle) => ({ version: window.waymark?.version, loadWaymark: typeof bundle.loadWaymark }))`,
    );
    expect(installed).toEqual({ version: expect.any(String), loadWaymark: 'function' });
    await page.browserContext().close();
  }, 60_000);
});

/** A page of its own: the stub and the script tag, its config served from `/early/config.json` (checked, so no validator loads). */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>early</title>
<script>window.waymark=window.waymark||function(){(window.waymark.q=window.waymark.q||[]).push(arguments)}</script>
<script type="module" src="/dist/cdn/waymark.js" data-config="/early/config.json" data-help-launcher="false"></script>
</head><body><main><h1 id="title">Projects</h1></main></body></html>`;
const ONE_TOUR: WaymarkConfig = {
  version: '1',
  experiences: [{ id: 'welcome', type: 'tour', when: { event: 'never-sent' }, steps: [{ target: '#title', title: 'Your projects', body: 'They live here.' }] }],
};
const NOTHING_TO_SHOW: WaymarkConfig = { version: '1', experiences: [] };

const isRuntimeChunk = (path: string) => /\/chunks\/runtime-[^/]+\.js$/.test(path);
const isUiChunk = (path: string) => /\/chunks\/ui-[^/]+\.js$/.test(path);

/**
 * Open PAGE with `config`; `hold(path)` returns how long the server keeps that file back (ms), or a promise the file
 * waits for. Resolves once the page's Waymark is ready, with the requests made so far and the errors seen.
 */
async function openOwnPage(config: WaymarkConfig, hold: (path: string) => number | Promise<unknown> = () => 0, checked = true) {
  const page = await freshPage(served);
  await page.setRequestInterception(true);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    requests.push(path);
    if (path === '/early/') return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE });
    if (path === '/early/config.json') return void request.respond({ status: 200, contentType: 'application/json; charset=utf-8', body: checked ? toChecked(config) : JSON.stringify(config) });
    const held = hold(path);
    const release = typeof held === 'number' ? (held > 0 ? new Promise((resolve) => setTimeout(resolve, held)) : null) : held;
    if (release) void release.then(() => request.continue());
    else void request.continue();
  });
  await page.evaluateOnNewDocument(recordMoments);
  await page.goto(`${served.origin}/early/`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => (window as unknown as { waymark?: { instance?: unknown } }).waymark?.instance, { timeout: 15_000 });
  await page.evaluate(() => (window as unknown as { waymark: { instance: { ready: Promise<void> } } }).waymark.instance.ready);
  return { page, errors, requests };
}

/** performance.now() of a resource's request start and response end, by a path pattern's source. */
const resourceTimes = (page: import('puppeteer-core').Page, pattern: RegExp) =>
  page.evaluate((source) => {
    const entry = performance.getEntriesByType('resource').find((each) => new RegExp(source).test(new URL(each.name).pathname)) as PerformanceResourceTiming | undefined;
    return entry ? { requested: entry.startTime, in: entry.responseEnd } : null;
  }, pattern.source);

describe('script tag: the tour UI chunk is off the path to ready', () => {
  it('a one-tour page asks for the UI chunk once the config is in, before the runtime chunk has even arrived', async () => {
    const { page, errors, requests } = await openOwnPage(ONE_TOUR, (path) => (isRuntimeChunk(path) ? HOLD_MS : 0));
    const ui = await resourceTimes(page, /\/chunks\/ui-[^/]+\.js$/);
    const runtime = await resourceTimes(page, /\/chunks\/runtime-[^/]+\.js$/);
    expect(ui).not.toBeNull();
    // Without the entry's hint, the UI chunk is asked for only once the runtime is in and running: after the hold.
    expect(runtime!.in - ui!.requested).toBeGreaterThan(HOLD_MS / 2);
    expect(requests.filter(isUiChunk)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('a config with nothing to show never fetches the UI chunk', async () => {
    const { page, errors, requests } = await openOwnPage(NOTHING_TO_SHOW);
    // A moment more for a late hint or import to show up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests.filter(isRuntimeChunk)).toHaveLength(1);
    expect(requests.filter(isUiChunk)).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('link[rel="modulepreload"]').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('an unchecked config with nothing to show loads the validator, and still never the UI chunk', async () => {
    const { page, errors, requests } = await openOwnPage(NOTHING_TO_SHOW, () => 0, false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests.filter((path) => /\/chunks\/validate-[^/]+\.js$/.test(path)), 'the config was validated in the browser').toHaveLength(1);
    expect(requests.filter(isUiChunk)).toEqual([]);
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('ready resolves while the UI chunk is held back; why() answers at once, and start() shows the tour once the chunk is in', async () => {
    let releaseUi!: () => void;
    const uiHeld = new Promise<void>((resolve) => (releaseUi = resolve));
    const { page, errors } = await openOwnPage(ONE_TOUR, (path) => (isUiChunk(path) ? uiHeld : 0));
    // Ready came while the UI chunk was still held (it is released only now).
    expect(await resourceTimes(page, /\/chunks\/ui-[^/]+\.js$/).then((ui) => ui?.in ?? null)).toBeNull();
    type Instance = { why(id: string): unknown; start(id: string): Promise<{ shown: boolean }> };
    expect(await page.evaluate(() => (window as unknown as { waymark: { instance: Instance } }).waymark.instance.why('welcome'))).not.toBeNull();
    const started = page.evaluate(() => (window as unknown as { waymark: { instance: Instance } }).waymark.instance.start('welcome'));
    releaseUi();
    expect(await started).toMatchObject({ shown: true });
    expect(await page.evaluate(() => document.querySelector('wm-tour') !== null)).toBe(true);
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);
});
