/**
 * The demo app, end to end, in real Chromium on the built script-tag bundle: what a visitor of
 * `npm start` sees. (npm test builds before it runs.)
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error: plain ESM helper without types
import { serve } from '../../scripts/serve.mjs';
import { isOpen } from '../../src/platform/chat/hours.js';
import demoConfig from '../../examples/waymark.config.json' with { type: 'json' };

const root = new URL('../../', import.meta.url).pathname;
const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  if (!existsSync(`${root}dist/cdn/waymark.js`)) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  if (!existsSync(chromium)) throw new Error(`Chromium is missing at ${chromium}: npm test installs it`);
  server = await serve({ root, port: 0 });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function visit(path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 860 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(origin + path, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => (window as unknown as { waymark?: { instance?: { ready: Promise<void> } } }).waymark?.instance);
  await page.evaluate(() => (window as unknown as { waymark: { instance: { ready: Promise<void> } } }).waymark.instance.ready);
  return { page, errors };
}

/** The title of the visible tour step (inside its shadow root), or null. */
const tourTitle = (page: Page) =>
  page.evaluate(() => {
    const tour = document.querySelector('wm-tour[data-waymark-ui]') as (HTMLElement & { panel?: HTMLElement }) | null;
    return tour?.panel?.querySelector('.title')?.textContent?.trim() ?? null;
  });

const until = async (page: Page, fn: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 100; i++) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('demo app', () => {
  it('the welcome tour spans dashboard → projects and resumes at the same step after a reload', async () => {
    const { page, errors } = await visit('/?demo-user=dana');
    await until(page, async () => (await tourTitle(page)) === 'Welcome to Acme Cloud', 'the welcome step');
    await page.keyboard.press('ArrowRight');
    await until(page, async () => (await tourTitle(page)) === 'Your numbers at a glance', 'step 2');
    await page.keyboard.press('ArrowRight');
    await until(page, async () => (await tourTitle(page)) === 'Everything starts with a project', 'step 3');
    await page.click('[data-waymark="sidebar-projects"]'); // the step advances on this click
    await until(page, async () => (await page.evaluate(() => location.pathname)) === '/projects', 'the projects route');
    await until(page, async () => (await tourTitle(page)) === 'Help is one click away', 'step 4 on /projects');
    // Reload at once: the last change may still be in its write debounce or in flight (the unload journal keeps it).
    await page.reload({ waitUntil: 'networkidle0' });
    await until(page, async () => (await tourTitle(page)) === 'Help is one click away', 'step 4 again after the reload');
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('a rage-click burst on the integrations page escalates: hint → articles → a chat with context', async () => {
    const { page, errors } = await visit('/integrations?demo-user=dana');
    await page.keyboard.press('Escape'); // a welcome experience may be up
    const at = await page.evaluate(() => {
      const locked = document.querySelector('[data-waymark="integration-connect-github"]')!;
      const r = locked.getBoundingClientRect();
      return [r.x + r.width / 2, r.y + r.height / 2];
    });
    for (let i = 0; i < 4; i++) await page.mouse.click(at[0]!, at[1]!);
    const nudgeText = () =>
      page.evaluate(() => (document.querySelector('wm-nudge[data-waymark-ui]')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
    await until(page, async () => (await nudgeText()).includes('Still stuck?'), 'the hint level');
    const clickInNudge = (label: string) =>
      page.evaluate((label) => {
        const buttons = [...(document.querySelector('wm-nudge[data-waymark-ui]')?.shadowRoot?.querySelectorAll('button') ?? [])];
        const button = buttons.find((b) => b.textContent?.trim() === label) as HTMLButtonElement | undefined;
        button?.click();
        return Boolean(button);
      }, label);
    expect(await clickInNudge('Still stuck?')).toBe(true);
    await until(page, async () => (await nudgeText()).includes('Search help'), 'the articles level');
    expect(await clickInNudge('Still stuck?')).toBe(true);
    await until(page, async () => (await nudgeText()).includes('Not now'), 'the chat offer');
    const chatLabel = await page.evaluate(() => {
      const buttons = [...(document.querySelector('wm-nudge[data-waymark-ui]')?.shadowRoot?.querySelectorAll('.btn.primary') ?? [])];
      (buttons[0] as HTMLButtonElement | undefined)?.click();
      return buttons[0]?.textContent?.trim();
    });
    expect(chatLabel).toBeTruthy();
    const hours = (demoConfig as { chat: { hours: Parameters<typeof isOpen>[0] } }).chat.hours;
    if (isOpen(hours, Date.now())) {
      // Operators on duty: the demo's chat provider is `callback`, so the app's own support chat opens.
      await until(page, async () => page.evaluate(() => Boolean(document.querySelector('dialog[data-waymark="support-chat"][open]'))), 'the support chat');
    } else {
      // Outside operator hours: never a dead end — the help panel opens with articles and the message form.
      await until(page, async () => page.evaluate(() => (document.querySelector('wm-help[data-waymark-ui]') as HTMLElement & { isOpen?: boolean } | null)?.isOpen === true), 'the help panel');
    }
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);
});
