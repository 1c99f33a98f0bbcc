/**
 * The debug overlay and element picker on the demo app, end to end, in real Chromium on the built
 * script-tag bundle (`?waymark-debug`). (npm test builds before it runs.)
 */
import { describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import demoConfig from '../../examples/waymark.config.json' with { type: 'json' };
import { serveRepo, until, visitDemo } from './harness.js';

const served = serveRepo(['dist/cdn/waymark.js']);

async function visit(path: string): Promise<{ page: Page; errors: string[] }> {
  const visited = await visitDemo(served, path, (page) => page.evaluateOnNewDocument(helpers));
  await until(() => visited.page.evaluate(() => Boolean(overlayRoot()?.querySelector('.experiences li'))), 'the overlay');
  return visited;
}

// Page-side helpers (the overlay's shadow root is closed; Lit keeps it as `renderRoot`).
declare global {
  function overlayRoot(): ShadowRoot | null;
}
const helpers = () => {
  (globalThis as unknown as { overlayRoot: () => ShadowRoot | null }).overlayRoot = () =>
    ((document.querySelector('wm-debug') as (HTMLElement & { renderRoot?: ShadowRoot }) | null)?.renderRoot ?? null);
};

/** An element inside the overlay, as a handle puppeteer can click with the real mouse. */
async function inOverlay(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle((s) => overlayRoot()!.querySelector(s), selector);
  const element = handle.asElement();
  if (!element) throw new Error(`no ${selector} in the overlay`);
  return element as ElementHandle<Element>;
}

const rows = (page: Page) =>
  page.evaluate(() =>
    Array.from(overlayRoot()!.querySelectorAll<HTMLElement>('.experiences > li'), (li) => ({
      id: li.dataset.experience!,
      status: li.dataset.status!,
      reason: li.querySelector('.reason')!.textContent!,
      checks: li.querySelectorAll('.checks li').length,
    })),
  );
const status = async (page: Page, id: string) => (await rows(page)).find((r) => r.id === id)?.status;
const reason = async (page: Page, id: string) => (await rows(page)).find((r) => r.id === id)?.reason ?? '';
const logCount = (page: Page) => page.evaluate(() => overlayRoot()!.querySelectorAll('.log li').length);
const shadowText = (page: Page, selector: string) =>
  page.evaluate((s) => (document.querySelector(s)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '), selector);
/** The demo's checklist lives in the resource center's panel. */
const checklistText = (page: Page) =>
  page.evaluate(() => (document.querySelector('wm-resource-center[data-waymark-ui]')?.shadowRoot?.querySelector('wm-checklist')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));

describe('demo app with ?waymark-debug', () => {
  it('lists every experience with eligibility and why, the stage and traits; events grow; start, reset and locale work', async () => {
    const { page, errors } = await visit('/projects?waymark-debug&demo-user=dana');

    // Found by role and accessible name, through the closed shadow root.
    expect(await page.$('aria/Waymark debug[role="region"]')).not.toBeNull();
    expect(await page.$('aria/Pick element[role="button"]')).not.toBeNull();
    expect(await page.$('aria/Filter experiences[role="searchbox"]')).not.toBeNull();
    // It took no focus.
    expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement?.localName !== 'wm-debug')).toBe(true);

    const listed = await rows(page);
    expect(listed.map((r) => r.id)).toEqual(demoConfig.experiences.map((x) => x.id));
    for (const row of listed) {
      expect(['showing', 'eligible', 'blocked']).toContain(row.status);
      expect(row.reason.length).toBeGreaterThan(3);
      expect(row.checks).toBeGreaterThan(0);
    }
    expect(await reason(page, 'welcome-tour')).toContain('/projects');
    expect(await reason(page, 'webhooks-signature-hint')).toMatch(/stage 'setup'/);
    const user = await page.evaluate(() => ({
      stage: overlayRoot()!.querySelector('.stage')!.textContent!.replace(/\s+/g, ' ').trim(),
      traits: overlayRoot()!.querySelector('.traits')!.textContent!.replace(/\s+/g, ''),
      id: overlayRoot()!.querySelector('.user-id')!.textContent,
    }));
    expect(user).toMatchObject({ stage: 'Setting up setup', id: 'u-dana-1029' });
    expect(user.traits).toContain('role"owner"');
    expect(user.traits).toContain('plan"trial"');

    // The user acts (a real click on the sidebar): the page signal and what follows are logged.
    const before = await logCount(page);
    await page.click('[data-waymark="sidebar-integrations"]');
    await until(async () => (await page.evaluate(() => location.pathname)) === '/integrations', 'the integrations route');
    await until(async () => (await logCount(page)) > before, 'more log entries');
    const newest = await page.evaluate(() => Array.from(overlayRoot()!.querySelectorAll('.log li'), (li) => li.textContent!.replace(/\s+/g, ' ')).slice(0, 8).join('\n'));
    expect(newest).toContain('/integrations');

    // Start an experience from the overlay: it shows, and its badge says so.
    await (await inOverlay(page, '[data-experience="nps-after-setup"] button.start')).click();
    await until(async () => page.evaluate(() => Boolean(document.querySelector('wm-survey[data-waymark-ui]'))), 'the survey on screen');
    await until(async () => (await status(page, 'nps-after-setup')) === 'showing', 'the survey badge');

    // Dismiss the banner in the page; reset brings it back.
    const bannerClose = await page.evaluateHandle(() =>
      Array.from(document.querySelector('wm-announcement[data-experience="vilnius-region-banner"]')?.shadowRoot?.querySelectorAll('button') ?? []).find((b) => /close|dismiss/i.test(b.getAttribute('aria-label') ?? '')),
    );
    await (bannerClose.asElement() as ElementHandle<Element>).click();
    await until(async () => /dismissed/.test(await reason(page, 'vilnius-region-banner')), 'the banner dismissed');
    await (await inOverlay(page, 'button.reset')).click();
    await until(async () => (await status(page, 'vilnius-region-banner')) === 'showing', 'the banner back after reset');
    expect(await reason(page, 'vilnius-region-banner')).not.toMatch(/dismissed/);
    await until(async () => page.evaluate(() => Boolean(document.querySelector('wm-announcement[data-experience="vilnius-region-banner"]'))), 'the banner on screen');

    // Switch the locale: what is on screen re-renders in Russian.
    const englishChecklist = await checklistText(page);
    expect(englishChecklist).toContain('Get Acme Cloud running');
    await (await inOverlay(page, 'select.locale')).select('ru');
    await until(async () => (await checklistText(page)).includes('Запустите Acme Cloud'), 'the checklist in Russian');
    await until(async () => (await shadowText(page, 'wm-announcement[data-experience="vilnius-region-banner"]')).includes('Новый регион'), 'the banner in Russian');
    expect(await page.evaluate(() => overlayRoot()!.querySelector<HTMLSelectElement>('select.locale')!.value)).toBe('ru');
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 90_000);

  it('the picker: real hover highlights, a click gives a selector matching exactly that element, the page never sees it; Escape leaves', async () => {
    const { page, errors } = await visit('/projects?waymark-debug&demo-user=dana');
    const isPicking = () => page.evaluate(() => (document.querySelector('wm-debug') as HTMLElement & { isPicking: boolean }).isPicking);
    const picked = () =>
      page.evaluate(() => {
        const p = (document.querySelector('wm-debug') as HTMLElement & { picked: { selector?: string; count: number; element: Element } | null }).picked;
        return p && { selector: p.selector, count: p.count, tag: p.element.localName };
      });
    const center = (selector: string) =>
      page.evaluate((s) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2] as const;
      }, selector);

    // 1. A link with an anchor, pointed at through its icon.
    await (await inOverlay(page, 'button.pick')).click();
    await until(isPicking, 'picking');
    const [ix, iy] = await page.evaluate(() => {
      const icon = document.querySelector('[data-waymark="sidebar-billing"] .slot-icon')!.getBoundingClientRect();
      return [icon.left + icon.width / 2, icon.top + icon.height / 2];
    });
    await page.mouse.move(ix!, iy!, { steps: 4 });
    await until(
      () =>
        page.evaluate(() => {
          const box = overlayRoot()!.querySelector('.box')!.getBoundingClientRect();
          const link = document.querySelector('[data-waymark="sidebar-billing"]')!.getBoundingClientRect();
          return Math.abs(box.left - link.left) < 1 && Math.abs(box.top - link.top) < 1 && Math.abs(box.width - link.width) < 1;
        }),
      'the highlight over the whole link',
    );
    await page.mouse.click(ix!, iy!);
    await until(async () => (await picked()) !== null, 'picked');
    expect(await page.evaluate(() => location.pathname)).toBe('/projects'); // the link was not followed
    const link = await picked();
    expect(link).toEqual({ selector: '[data-waymark="sidebar-billing"]', count: 1, tag: 'a' });
    expect(
      await page.evaluate((s) => {
        const all = document.querySelectorAll(s);
        return all.length === 1 && all[0] === document.querySelector('[data-waymark="sidebar-billing"]');
      }, link!.selector!),
    ).toBe(true);
    expect(await page.evaluate(() => overlayRoot()!.querySelector('.picked .match-count')!.textContent)).toBe('1 match');
    expect(await page.evaluate(() => overlayRoot()!.querySelector('.picked code.target')!.textContent)).toBe('"target": {"anchor":"sidebar-billing"}');

    // 2. An element with no anchor: the page's heading.
    await (await inOverlay(page, 'button.pick')).click();
    await until(isPicking, 'picking again');
    const [hx, hy] = await center('main h1');
    await page.mouse.move(hx, hy, { steps: 3 });
    await page.mouse.click(hx, hy);
    await until(async () => (await picked())?.tag === 'h1', 'the heading picked');
    const heading = await picked();
    expect(heading!.count).toBe(1);
    expect(
      await page.evaluate((s) => {
        const all = document.querySelectorAll(s);
        return all.length === 1 && all[0] === document.querySelector('main h1');
      }, heading!.selector!),
    ).toBe(true);

    // 3. Escape leaves the picker and closes nothing of the page or of Waymark.
    await (await inOverlay(page, 'button.pick')).click();
    await until(isPicking, 'picking a third time');
    await page.keyboard.press('Escape');
    await until(async () => !(await isPicking()), 'the picker closed');
    expect(await page.evaluate(() => Boolean(document.querySelector('wm-resource-center[data-waymark-ui]')?.shadowRoot?.querySelector('wm-checklist')))).toBe(true);
    expect(await status(page, 'vilnius-region-banner')).toBe('showing');
    // With the picker closed, the page takes clicks again.
    await page.click('[data-waymark="sidebar-integrations"]');
    await until(async () => (await page.evaluate(() => location.pathname)) === '/integrations', 'navigation works again');
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 90_000);
});
