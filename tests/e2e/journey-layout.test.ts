/**
 * The demo with several Waymark surfaces up at once, at 1280×800 and 390×844, on the built
 * script-tag bundle: no two visible Waymark surfaces intersect, none covers the app's open drawer
 * or modal, and focus is never on <body> after a close.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serveRepo, until, visitDemo } from './harness.js';

const served = serveRepo(['dist/cdn/waymark.js']);
const SIZES = [
  [1280, 800],
  [390, 844],
] as const;

interface Box {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every Waymark box a user can see now (open popovers and dialogs in open shadow roots). */
const visibleSurfaces = (page: Page): Promise<Box[]> =>
  page.evaluate(() => {
    const boxes: Box[] = [];
    for (const host of document.querySelectorAll<HTMLElement>('[data-waymark-ui]')) {
      for (const element of host.shadowRoot?.querySelectorAll<HTMLElement>(':popover-open, dialog[open]') ?? []) {
        const rect = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        if (rect.width < 1 || rect.height < 1 || style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
        // The part inside the viewport is what covers anything.
        const x = Math.max(0, rect.x);
        const y = Math.max(0, rect.y);
        const width = Math.min(innerWidth, rect.right) - x;
        const height = Math.min(innerHeight, rect.bottom) - y;
        if (width > 0 && height > 0) boxes.push({ what: `${host.dataset.waymarkUi}:${element.className.split(' ')[0]}`, x, y, width, height });
      }
    }
    return boxes;
  });

const intersects = (a: Box, b: Box) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;

/** Pairs of visible Waymark surfaces that overlap (a panel and its own launcher are one surface). */
function overlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.what.split(':')[0] === b.what.split(':')[0] && a.what !== b.what && a.what.startsWith('checklist')) continue;
      if (intersects(a, b)) found.push(`${a.what} × ${b.what}`);
    }
  }
  return found;
}

const hostLayer = (page: Page, selector: string): Promise<Box | null> =>
  page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element || !element.checkVisibility({ visibilityProperty: true })) return null;
    const r = element.getBoundingClientRect();
    return { what: selector, x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);

const focusOnBody = (page: Page) => page.evaluate(() => document.activeElement === null || document.activeElement === document.body);

/** Focus a control inside a Waymark surface and press a key with the real keyboard. */
async function pressIn(page: Page, host: string, selector: string, key: 'Enter' | 'Escape'): Promise<void> {
  await page.evaluate(
    (host, selector) => document.querySelector(host)?.shadowRoot?.querySelector<HTMLElement>(selector)?.focus(),
    host,
    selector,
  );
  await page.keyboard.press(key);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe.each(SIZES)('the demo at %i×%i', (width, height) => {
  const visit = async (path: string) => {
    const visited = await visitDemo(served, path, (page) => page.setViewport({ width, height }));
    return visited;
  };

  it('tour + checklist launcher + banner: nothing overlaps; closing the banner and the tour leaves focus on the page', async () => {
    const { page, errors } = await visit('/?demo-user=dana');
    await until(async () => (await visibleSurfaces(page)).some((box) => box.what.startsWith('tour')), 'the welcome step');
    await until(async () => (await visibleSurfaces(page)).some((box) => box.what.startsWith('announcement')), 'the banner');
    await settle();
    expect(overlaps(await visibleSurfaces(page))).toEqual([]);
    await page.keyboard.press('Escape'); // focus is in the step
    await until(async () => !(await visibleSurfaces(page)).some((box) => box.what.startsWith('tour')), 'the tour closed');
    await settle();
    expect(await focusOnBody(page), 'focus after the tour closed').toBe(false);
    await pressIn(page, 'wm-announcement[data-waymark-ui]', '.close', 'Enter');
    await until(async () => !(await visibleSurfaces(page)).some((box) => box.what.startsWith('announcement')), 'the banner closed');
    await settle();
    expect(await focusOnBody(page), 'focus after the banner closed').toBe(false);
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('the banner covers none of the app\'s header, navigation and heading, and no two surfaces overlap', async () => {
    const { page, errors } = await visit('/projects?demo-user=dana');
    await until(async () => (await visibleSurfaces(page)).some((box) => box.what.startsWith('announcement')), 'the banner');
    await settle();
    const banner = (await visibleSurfaces(page)).find((box) => box.what.startsWith('announcement'))!;
    for (const selector of ['.topbar', '#sidebar', '#sidebar .nav__link', 'h1']) {
      const host = await hostLayer(page, selector);
      if (host) expect(intersects(banner, host), `the banner over ${selector}`).toBe(false);
    }
    expect(overlaps(await visibleSurfaces(page))).toEqual([]);
    // The resource center's launcher shares the bottom edge with it: stacked above, both take taps.
    const launcher = await page.evaluate(() => {
      const button = document.querySelector('wm-resource-center')?.shadowRoot?.querySelector('.launcher');
      const r = button?.getBoundingClientRect();
      return r && r.height > 0 ? { what: 'launcher', x: r.x, y: r.y, width: r.width, height: r.height } : null;
    });
    if (launcher) expect(intersects(banner, launcher), 'the banner over the launcher').toBe(false);
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('help + NPS survey + checklist: nothing overlaps; Escape in the help panel closes it and focus stays on the page', async () => {
    const { page, errors } = await visit('/?demo-user=dana');
    await until(async () => (await visibleSurfaces(page)).some((box) => box.what.startsWith('tour')), 'the welcome step');
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.waymark.instance!.start('nps-after-setup'));
    await until(async () => (await visibleSurfaces(page)).some((box) => box.what.startsWith('survey')), 'the survey');
    await page.evaluate(() => window.waymark.instance!.openHelp());
    await until(async () => (await visibleSurfaces(page)).some((box) => box.what.startsWith('help')), 'the help panel');
    await settle();
    expect(overlaps(await visibleSurfaces(page))).toEqual([]);
    await pressIn(page, 'wm-help', 'input', 'Escape');
    await until(async () => !(await visibleSurfaces(page)).some((box) => box.what.startsWith('help')), 'help closed');
    await settle();
    expect(await focusOnBody(page), 'focus after help closed').toBe(false);
    expect(overlaps(await visibleSurfaces(page))).toEqual([]);
    await pressIn(page, 'wm-survey[data-waymark-ui]', '.close', 'Enter');
    await until(async () => !(await visibleSurfaces(page)).some((box) => box.what.startsWith('survey')), 'survey closed');
    await settle();
    expect(await focusOnBody(page), 'focus after the survey closed').toBe(false);
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('the app\'s own modal dialog: no Waymark surface stays over it, and they come back when it closes', async () => {
    const { page, errors } = await visit('/integrations?demo-user=dana');
    await page.evaluate(() => window.waymark.instance!.start('integrations-struggle'));
    await until(async () => (await visibleSurfaces(page)).some((box) => box.what.startsWith('nudge')), 'the nudge');
    const before = (await visibleSurfaces(page)).length;
    await page.evaluate(() => {
      const dialog = document.createElement('dialog');
      dialog.id = 'app-dialog';
      // The demo enforces Trusted Types: built with the DOM, not markup.
      const close = document.createElement('button');
      close.textContent = 'Close';
      dialog.append(document.createTextNode('Connect GitHub'), close);
      document.body.append(dialog);
      dialog.showModal();
    });
    await settle();
    const dialog = (await hostLayer(page, '#app-dialog'))!;
    const over = (await visibleSurfaces(page)).filter((box) => intersects(box, dialog) || box.what.startsWith('nudge'));
    expect(over.map((box) => box.what)).toEqual([]);
    await page.evaluate(() => (document.querySelector('#app-dialog') as HTMLDialogElement).close());
    await until(async () => (await visibleSurfaces(page)).length === before, 'surfaces back');
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

});

describe('the demo on a 390×844 phone', () => {
  it('no Waymark surface covers the navigation drawer while it is open; its first item takes the tap', async () => {
    const { page, errors } = await visitDemo(served, '/projects?demo-user=dana', (page) => page.setViewport({ width: 390, height: 844 }));
    await until(async () => (await visibleSurfaces(page)).some((box) => box.what.startsWith('announcement')), 'the banner');
    await page.click('.topbar__menu');
    await until(async () => (await hostLayer(page, '#sidebar')) !== null, 'the drawer open');
    await settle();
    const drawer = (await hostLayer(page, '#sidebar'))!;
    expect((await visibleSurfaces(page)).filter((box) => intersects(box, drawer)).map((box) => box.what)).toEqual([]);
    // Its first item takes the tap.
    const first = await page.evaluate(() => {
      const link = document.querySelector('#sidebar a')!.getBoundingClientRect();
      const hit = document.elementFromPoint(link.x + link.width / 2, link.y + link.height / 2);
      return Boolean(hit?.closest('#sidebar'));
    });
    expect(first).toBe(true);
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);
});

declare global {
  interface Window {
    waymark: { instance?: import('../../src/index.js').Waymark };
  }
}
