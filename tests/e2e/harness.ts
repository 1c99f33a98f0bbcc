/**
 * Shared set-up of the end-to-end tests: the repo served as `npm start` serves it (the demo app at
 * `/`, the built SDK at `/dist/`, the examples at `/react/` and `/vue/`) and Debian's chromium.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { serve } from '../../scripts/serve.mjs';
import demoConfig from '../../examples/waymark.config.json' with { type: 'json' };

export const root = new URL('../../', import.meta.url).pathname;
const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Served {
  origin: string;
  browser: Browser;
}

/**
 * Serve the repo and launch chromium for this test file (vitest hooks); `built` are files the tests
 * need from `npm run build` (npm test builds first). Read the returned object inside tests.
 */
export function serveRepo(built: string[]): Served {
  const served = {} as Served;
  let server: Server | undefined;
  beforeAll(async () => {
    for (const file of built) if (!existsSync(root + file)) throw new Error(`${file} is missing: run \`npm run build\` (npm test does)`);
    if (!existsSync(chromium)) throw new Error(`Chromium is missing at ${chromium}: npm test installs it`);
    server = await serve({ root, port: 0 });
    served.origin = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
    served.browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: BROWSER_ARGS });
  }, 60_000);
  afterAll(async () => {
    await served.browser?.close();
    server?.close();
  });
  return served;
}

/** A page in a fresh browser context (its own storage), at a desktop size. */
export async function freshPage(served: Served): Promise<Page> {
  const page = await (await served.browser.createBrowserContext()).newPage();
  await page.setViewport({ width: 1280, height: 860 });
  return page;
}

/**
 * Open a demo-app path in a fresh page, with the config running today, collecting uncaught errors
 * and console errors; resolves when Waymark is ready. `prepare` runs before the page loads.
 */
export async function visitDemo(served: Served, path: string, prepare?: (page: Page) => Promise<unknown>): Promise<{ page: Page; errors: string[] }> {
  const page = await freshPage(served);
  await withDemoConfigRunningToday(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await prepare?.(page);
  await page.goto(served.origin + path, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => (window as unknown as { waymark?: { instance?: unknown } }).waymark?.instance);
  await page.evaluate(() => (window as unknown as { waymark: { instance: { ready: Promise<void> } } }).waymark.instance.ready);
  return { page, errors };
}

/** Poll `fn` until it holds (10 s at most). */
export async function until(fn: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The demo config with every `date` window moved to run from 30 days ago to 30 days ahead. */
export function demoConfigRunningToday(now = Date.now()): unknown {
  return JSON.parse(JSON.stringify(demoConfig), (key, value) =>
    key === 'date' && value && typeof value === 'object' && !Array.isArray(value)
      ? { ...value, from: isoDay(now - 30 * DAY), until: isoDay(now + 30 * DAY) }
      : value,
  );
}

/**
 * Serve `page` the demo config as of today, so the tests of dated announcements (the region banner
 * runs for a few months) do not start failing when the real calendar passes its window.
 */
export async function withDemoConfigRunningToday(page: Page): Promise<void> {
  const body = JSON.stringify(demoConfigRunningToday());
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (new URL(request.url()).pathname === '/waymark.config.json') {
      void request.respond({ status: 200, contentType: 'application/json; charset=utf-8', body });
    } else void request.continue();
  });
}
