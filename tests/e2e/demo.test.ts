/**
 * The demo app, end to end, in real Chromium on the built script-tag bundle: what a visitor of
 * `npm start` sees. (npm test builds before it runs.)
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { isOpen } from '../../src/platform/chat/hours.js';
import demoConfig from '../../examples/waymark.config.json' with { type: 'json' };
import { serveRepo, until, visitDemo } from './harness.js';

declare global {
  interface Window {
    waymark: { instance?: import('../../src/index.js').Waymark };
  }
}

const served = serveRepo(['dist/cdn/waymark.js']);

const visit = (path: string) => visitDemo(served, path);

/** The title of the visible tour step (inside its shadow root), or null. */
const tourTitle = (page: Page) =>
  page.evaluate(() => {
    const tour = document.querySelector('wm-tour[data-waymark-ui]') as (HTMLElement & { panel?: HTMLElement }) | null;
    return tour?.panel?.querySelector('.title')?.textContent?.trim() ?? null;
  });


describe('demo app', () => {
  it('the welcome tour spans dashboard → projects and resumes at the same step after a reload', async () => {
    const { page, errors } = await visit('/?demo-user=dana');
    await until(async () => (await tourTitle(page)) === 'Welcome to Acme Cloud', 'the welcome step');
    await page.keyboard.press('ArrowRight');
    await until(async () => (await tourTitle(page)) === 'Your numbers at a glance', 'step 2');
    await page.keyboard.press('ArrowRight');
    await until(async () => (await tourTitle(page)) === 'Everything starts with a project', 'step 3');
    await page.click('[data-waymark="sidebar-projects"]'); // the step advances on this click
    await until(async () => (await page.evaluate(() => location.pathname)) === '/projects', 'the projects route');
    await until(async () => (await tourTitle(page)) === 'Help is one click away', 'step 4 on /projects');
    // Reload at once: the last change may still be in its write debounce or in flight (the unload journal keeps it).
    await page.reload({ waitUntil: 'networkidle0' });
    await until(async () => (await tourTitle(page)) === 'Help is one click away', 'step 4 again after the reload');
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
    await until(async () => (await nudgeText()).includes('Still stuck?'), 'the hint level');
    const clickInNudge = (label: string) =>
      page.evaluate((label) => {
        const buttons = [...(document.querySelector('wm-nudge[data-waymark-ui]')?.shadowRoot?.querySelectorAll('button') ?? [])];
        const button = buttons.find((b) => b.textContent?.trim() === label) as HTMLButtonElement | undefined;
        button?.click();
        return Boolean(button);
      }, label);
    expect(await clickInNudge('Still stuck?')).toBe(true);
    await until(async () => (await nudgeText()).includes('Search help'), 'the articles level');
    expect(await clickInNudge('Still stuck?')).toBe(true);
    await until(async () => (await nudgeText()).includes('Not now'), 'the chat offer');
    const chatLabel = await page.evaluate(() => {
      const buttons = [...(document.querySelector('wm-nudge[data-waymark-ui]')?.shadowRoot?.querySelectorAll('.btn.primary') ?? [])];
      (buttons[0] as HTMLButtonElement | undefined)?.click();
      return buttons[0]?.textContent?.trim();
    });
    expect(chatLabel).toBeTruthy();
    const hours = (demoConfig as { chat: { hours: Parameters<typeof isOpen>[0] } }).chat.hours;
    if (isOpen(hours, Date.now())) {
      // Operators on duty: the demo's chat provider is `callback`, so the app's own support chat opens.
      await until(async () => page.evaluate(() => Boolean(document.querySelector('dialog[data-waymark="support-chat"][open]'))), 'the support chat');
    } else {
      // Outside operator hours: never a dead end — the help panel opens with articles and the message form.
      await until(async () => page.evaluate(() => (document.querySelector('wm-help[data-waymark-ui]') as HTMLElement & { isOpen?: boolean } | null)?.isOpen === true), 'the help panel');
    }
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('announcements: the region banner on top for everyone; an Enterprise user gets the Insights modal with focus inside; Escape closes it', async () => {
    const { page, errors } = await visit('/?demo-user=olga');
    const banner = () =>
      page.evaluate(() => {
        const card = document.querySelector('wm-announcement[data-experience="vilnius-region-banner"]')?.shadowRoot?.querySelector('.card');
        const rect = card?.getBoundingClientRect();
        return card && rect && rect.height > 0 ? { top: Math.round(rect.top), text: card.textContent!.replace(/\s+/g, ' ') } : null;
      });
    await until(async () => (await banner()) !== null, 'the region banner');
    const shown = (await banner())!;
    expect(shown.text).toContain('New region: EU North (Vilnius) is now generally available');
    expect(shown.top).toBeGreaterThan(860 - 120); // along the bottom edge: over neither the app's top bar nor its heading
    // The modal waits 3 s on the dashboard, then takes focus into a named, modal dialog.
    const modal = () =>
      page.evaluate(() => {
        const root = document.querySelector('wm-announcement[data-experience="insights-launch"]')?.shadowRoot;
        const dialog = root?.querySelector('dialog');
        if (!dialog?.matches(':modal')) return null;
        const name = root!.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent?.trim();
        const focused = root!.activeElement;
        return { name, focusInside: Boolean(focused && dialog.contains(focused)) };
      });
    await until(async () => (await modal())?.focusInside === true, 'the Insights modal with focus inside');
    expect((await modal())!.name).toBe('Meet Insights: find slow endpoints before your users do');
    await page.keyboard.press('Escape');
    await until(async () => (await modal()) === null, 'the modal closed by Escape');
    expect(await page.evaluate(() => window.waymark.instance!.why('insights-launch')?.reason)).toMatch(/once|dismiss/i);
    // The banner is still there: one dismissal never takes another experience with it.
    expect(await banner()).not.toBeNull();
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);

  it('NPS answered while the network is down waits; back online it is delivered once and the app confirms', async () => {
    const { page, errors } = await visit('/?demo-user=olga');
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      const answers: unknown[] = [];
      (window as unknown as { answers: unknown[] }).answers = answers;
      window.waymark.instance!.on('survey_answered', (event) => answers.push(event));
      window.waymark.instance!.start('nps-after-setup');
    });
    const survey = 'wm-survey[data-experience="nps-after-setup"]';
    await until(async () => page.evaluate((s) => Boolean(document.querySelector(s)?.shadowRoot?.querySelector('.card:popover-open')), survey), 'the NPS survey');
    await page.setOfflineMode(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // Keyboard only: into the scale, 9, the reason, Send.
    await page.evaluate((s) => (document.querySelector(s)!.shadowRoot!.querySelector('[role="radio"]') as HTMLElement).focus(), survey);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Deploy previews save us hours');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await until(async () => page.evaluate((s) => Boolean(document.querySelector(s)?.shadowRoot?.querySelector('.thanks')), survey), 'the thank-you');
    const answers = () => page.evaluate(() => (window as unknown as { answers: Array<{ props: Record<string, unknown> }> }).answers.map((a) => a.props));
    const toast = () => page.evaluate(() => document.querySelector('[data-slot="announcer"]')?.textContent ?? '');
    // Still offline: nothing delivered, nothing confirmed.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await answers()).toEqual([]);
    expect(await toast()).not.toContain('Your feedback reached');

    await page.setOfflineMode(false);
    await until(async () => (await answers()).length === 1, 'the answer delivered once online');
    const [answer] = await answers();
    expect(answer).toMatchObject({ metric: 'nps', score: 9, comment: 'Deploy previews save us hours', hasComment: true });
    expect(typeof answer!['answerId']).toBe('string');
    await until(async () => (await toast()).includes('Your feedback reached the Acme team'), 'the app confirming it');
    // A reload finds nothing left to send.
    await page.reload({ waitUntil: 'networkidle0' });
    await page.evaluate(() => window.waymark.instance!.ready);
    const pending = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('waymark');
          open.onsuccess = () => {
            const db = open.result;
            const name = Array.from(db.objectStoreNames).find((n) => n.includes('outbox'));
            if (!name) return resolve(0);
            const all = db.transaction(name).objectStore(name).getAll(IDBKeyRange.bound(['survey-answers'], ['survey-answers', []]));
            all.onsuccess = () => resolve(all.result.length);
          };
        }),
    );
    expect(pending).toBe(0);
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 60_000);
});
