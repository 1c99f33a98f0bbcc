/**
 * The script-tag entry begins the instance's first I/O itself: the config request and the IndexedDB open start while
 * the runtime chunk is still downloading, not after it has been evaluated. Here the runtime chunk is held back by the
 * server; both must have begun before it arrives, and the page must still come up (built bundle; npm test builds first).
 */
import { describe, expect, it } from 'vitest';
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
