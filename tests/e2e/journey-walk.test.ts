/**
 * A new user walks the whole demo on the built script-tag bundle, as a person would: on a 390×844
 * phone with touchscreen taps only, and on a 1280×800 desktop with the keyboard only. The welcome
 * tour is finished on every step (on the phone, step 3's link sits behind the menu button), the
 * checklist is completed, a user stuck goes hint → articles → chat (the
 * app's own chat with context in operator hours; the leave-a-message form outside them), the NPS
 * survey is answered, and a tour is replayed from the resource center's "Tours and guides". After
 * every close, focus is somewhere on the page, never on <body>.
 *
 * Nothing is clicked from a script: every press is a touchscreen tap on the point a finger would
 * touch (after checking that the control is the element drawn there) or a key press on the element
 * reached with Tab / Shift+Tab. Text is typed with the keyboard (the phone's on-screen keyboard);
 * the phone's native <select> picker is the one thing stood in for (`pick`).
 */
import { describe, expect, it, type TestContext } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { isOpen } from '../../src/platform/chat/hours.js';
import demoConfig from '../../examples/waymark.config.json' with { type: 'json' };
import { serveRepo, until, visitDemo, withDemoConfigRunningToday } from './harness.js';

const served = serveRepo(['dist/cdn/waymark.js']);

type Mode = 'tap' | 'keys';
const PHONE = { width: 390, height: 844, mode: 'tap' as Mode };
const DESKTOP = { width: 1280, height: 800, mode: 'keys' as Mode };

const HOURS = (demoConfig as { chat: { hours: Parameters<typeof isOpen>[0] } }).chat.hours;
const HOUR = 3_600_000;

/** How far from now the nearest time when the operators are (or are not) on duty is. */
function offsetTo(onDuty: boolean): number {
  const now = Date.now();
  for (let hours = 0; hours < 24 * 14; hours++) {
    // The middle of an hour: well inside a shift, never on its edge while the walk runs.
    const at = now + hours * HOUR + 30 * 60_000;
    if (isOpen(HOURS, at) === onDuty && isOpen(HOURS, at + 10 * 60_000) === onDuty) return at - now;
  }
  throw new Error('no such hour in two weeks');
}

/**
 * Waymark's clock, moved by `offset`: the demo's `init` call gets a `clock` option (as the runtime
 * tests pass one to createWaymark). The stub's queue is wrapped before the app queues its init.
 */
const withClock = (offset: number) => (page: Page) =>
  page.evaluateOnNewDocument((offset: number) => {
    let current: unknown;
    Object.defineProperty(window, 'waymark', {
      configurable: true,
      get: () => current,
      set(value: unknown) {
        if (typeof value === 'function' && !(value as { version?: string }).version) {
          const stub = value as (...args: unknown[]) => unknown;
          current = function (this: unknown, ...args: unknown[]) {
            if (args[0] === 'init') args[1] = { ...(args[1] as object), clock: () => Date.now() + offset };
            return stub.apply(this, args);
          };
        } else current = value;
      },
    });
  }, offset);

/** Where to find a control: inside a Waymark element's shadow tree (`in`) or the page, by CSS and/or its text or label. */
interface Control {
  in?: string;
  css?: string;
  name?: string | RegExp;
}
const CONTROLS = 'button, a[href], input, select, textarea, summary, [role="radio"], [role="button"], [role="tab"]';

async function find(page: Page, control: Control, what = JSON.stringify(control)): Promise<ElementHandle<HTMLElement>> {
  let found: ElementHandle<HTMLElement> | null = null;
  await until(async () => {
    const handle = await page.evaluateHandle(
      (within, css, source, flags) => {
        const name = source === null ? null : new RegExp(source, flags ?? '');
        const roots: Array<Document | ShadowRoot | Element> = [];
        if (within) for (const host of document.querySelectorAll(within)) roots.push(host.shadowRoot ?? host);
        else roots.push(document);
        // Nested shadow trees too (a checklist inside the resource center).
        const all = (root: Document | ShadowRoot | Element): Element[] => {
          const out: Element[] = [];
          for (const element of root.querySelectorAll('*')) {
            out.push(element);
            if (element.shadowRoot) out.push(...all(element.shadowRoot));
          }
          return out;
        };
        // The accessible name, roughly: aria-labelledby, aria-label, else the text.
        const label = (element: Element) => {
          const ids = element.getAttribute('aria-labelledby');
          const root = element.getRootNode() as Document | ShadowRoot;
          const named = ids ? ids.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' ') : null;
          return (named ?? element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
        };
        for (const root of roots) {
          for (const element of all(root)) {
            if (!(element instanceof HTMLElement) || !element.matches(css)) continue;
            if (name && !name.test(label(element))) continue;
            if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
            return element;
          }
        }
        return null;
      },
      control.in ?? null,
      control.css ?? CONTROLS,
      control.name === undefined ? null : typeof control.name === 'string' ? `^${control.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : control.name.source,
      typeof control.name === 'object' ? control.name.flags : null,
    );
    found = handle.asElement() as ElementHandle<HTMLElement> | null;
    return found !== null;
  }, what);
  return found!;
}

/** The element focus is on, through shadow roots. */
const focused = (page: Page) =>
  page.evaluateHandle(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  });

const focusIs = async (page: Page, handle: ElementHandle) => page.evaluate((active, target) => active === target, await focused(page), handle);

const focusDescription = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? `<${active.localName}${active.className ? ` class="${active.className}"` : ''}> ${(active.textContent ?? '').trim().slice(0, 40)}` : 'nothing';
  });

const focusOnBody = (page: Page) => page.evaluate(() => document.activeElement === null || document.activeElement === document.body || document.activeElement === document.documentElement);

/** Tab (then Shift+Tab) until focus is on `handle`: the only way a keyboard user gets to a control. */
async function tabTo(page: Page, handle: ElementHandle, what: string): Promise<void> {
  for (const backwards of [false, true]) {
    for (let presses = 0; presses < 70; presses++) {
      if (await focusIs(page, handle)) return;
      if (backwards) await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      if (backwards) await page.keyboard.up('Shift');
    }
  }
  if (!(await focusIs(page, handle))) throw new Error(`Tab never reaches ${what} (focus: ${await focusDescription(page)})`);
}

/** Touch the middle of `handle`, once it is on screen and is what is drawn there (not covered). */
async function tap(page: Page, handle: ElementHandle, what: string): Promise<void> {
  await handle.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > innerHeight) element.scrollIntoView({ block: 'center' });
  });
  await new Promise((resolve) => setTimeout(resolve, 150));
  const hit = await handle.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    let drawn: Element | null = document.elementFromPoint(x, y);
    while (drawn?.shadowRoot) {
      const inner = drawn.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === drawn) break;
      drawn = inner;
    }
    const describe = (node: Element | null) => (node ? `<${node.localName}${node.className && typeof node.className === 'string' ? ` class="${node.className}"` : ''}>` : 'nothing');
    const inside = (node: Node | null): boolean => {
      for (let current = node; current; current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null)) if (current === element) return true;
      return false;
    };
    return { x, y, takes: inside(drawn), drawn: describe(drawn) };
  });
  if (!hit.takes) throw new Error(`${what} is covered: a tap at its middle lands on ${hit.drawn}`);
  await page.touchscreen.tap(hit.x, hit.y);
}

/** Use a control as this walk's user does: a tap, or Tab to it and a key (Enter, or Space for a radio). */
async function use(page: Page, mode: Mode, control: Control, what: string, key: 'Enter' | ' ' = 'Enter'): Promise<void> {
  const handle = await find(page, control, what);
  if (mode === 'tap') await tap(page, handle, what);
  else {
    await tabTo(page, handle, what);
    await page.keyboard.press(key);
  }
}

/** Get to a text field (tap or Tab) and type into it. */
async function type(page: Page, mode: Mode, control: Control, text: string, what: string): Promise<void> {
  const handle = await find(page, control, what);
  if (mode === 'tap') await tap(page, handle, what);
  else await tabTo(page, handle, what);
  await until(() => focusIs(page, handle), `${what} focused`);
  await page.keyboard.type(text);
}

/** A <select>: the keyboard user moves with the arrow keys; on the phone the OS picker (not a web page) is stood in for. */
async function pick(page: Page, mode: Mode, control: Control, value: string, what: string): Promise<void> {
  const handle = await find(page, control, what);
  if (mode === 'keys') {
    await tabTo(page, handle, what);
    for (let presses = 0; presses < 10 && (await handle.evaluate((select) => (select as unknown as HTMLSelectElement).value)) !== value; presses++) await page.keyboard.press('ArrowDown');
  } else {
    await tap(page, handle, what);
    await page.keyboard.press('Escape'); // the picker's own dismissal; the value comes from the OS
    await handle.select(value);
  }
  expect(await handle.evaluate((select) => (select as unknown as HTMLSelectElement).value), what).toBe(value);
}

/** Go to a page of the app through its navigation: the menu (on the phone, behind the menu button) or Tab to it. */
async function navigate(page: Page, mode: Mode, link: string, path: string): Promise<void> {
  const target = `[data-waymark="${link}"]`;
  if (mode === 'tap' && !(await page.evaluate((target) => document.querySelector(target)!.checkVisibility({ visibilityProperty: true }), target))) {
    await use(page, mode, { css: '.topbar__menu' }, 'the menu button');
  }
  await use(page, mode, { css: target }, `the ${link} link`);
  await until(async () => (await page.evaluate(() => location.pathname)) === path, `the ${path} page`);
}

const shown = (page: Page, host: string) =>
  page.evaluate((host) => [...document.querySelectorAll(host)].some((element) => Boolean(element.shadowRoot?.querySelector(':popover-open, dialog[open]'))), host);

const tourTitle = (page: Page) =>
  page.evaluate(() => {
    const tour = document.querySelector('wm-tour[data-waymark-ui]') as (HTMLElement & { panel?: HTMLElement }) | null;
    return tour?.panel?.isConnected && tour.panel.checkVisibility() ? (tour.panel.querySelector('.title')?.textContent?.trim() ?? null) : null;
  });

const stateOf = (page: Page, id: string) => page.evaluate((id) => window.waymark.instance!.why(id)?.reason ?? '', id);

/** Wait up to 40 s for what a delay or the rate limit holds back; a timeout says what `why(id)` said. */
async function untilLong(page: Page, fn: () => Promise<boolean>, id: string): Promise<void> {
  for (let waited = 0; !(await fn()); waited += 500) {
    if (waited > 40_000) throw new Error(`${id} never came (why: ${await stateOf(page, id)})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Wait until `why(id)` explains the experience as `state`; a timeout says what it said instead. */
async function untilState(page: Page, id: string, state: RegExp): Promise<void> {
  await until(async () => state.test(await stateOf(page, id)), `${id}: ${state}`).catch(async (error: Error) => {
    throw new Error(`${error.message} (why: ${await stateOf(page, id)})`);
  });
}

/** After a close, focus settles somewhere on the page: never on <body>. */
async function expectFocusKept(page: Page, after: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await focusOnBody(page), `focus fell to <body> after ${after}`).toBe(false);
}

const TOUR = 'wm-tour[data-waymark-ui]';
const NUDGE = 'wm-nudge[data-waymark-ui]';
const HELP = 'wm-help[data-waymark-ui]';
const SURVEY = 'wm-survey[data-waymark-ui]';
const CENTER = 'wm-resource-center';

/** Rage-tap the GitHub card's Connect, which needs an API key first: the struggle the nudge listens for. */
async function struggleWithConnect(page: Page, mode: Mode): Promise<void> {
  const connect = await find(page, { css: '[data-waymark="integration-connect-github"]' }, 'GitHub Connect');
  // The first tap checks the button is what is drawn there; the rest follow at once, as an angry finger does.
  await tap(page, connect, 'GitHub Connect');
  const box = (await connect.boundingBox())!;
  for (let press = 0; press < 3; press++) await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * The keyboard user's way from a hint to a human: struggle signals are pointer signals (a key press
 * is no rage click), so the hint that opens on focus of the key's Scope is the start: Tab into it,
 * open its article in the help panel, then "Contact us". Leaves the key form open.
 */
async function hintToContact(page: Page, mode: Mode): Promise<void> {
  if (!(await page.evaluate(() => document.querySelector('[data-waymark="api-key-scope"]')?.checkVisibility()))) {
    await use(page, mode, { css: '[data-waymark="api-key-create-button"]' }, 'Create API key');
  }
  const hint = 'wm-hint[data-experience="api-key-scope-hint"]';
  // It opens on the focus of Scope: it must be listening before focus gets there.
  await until(async () => page.evaluate((hint) => Boolean(document.querySelector(hint)), hint), 'the scope hint ready');
  await tabTo(page, await find(page, { css: '[data-waymark="api-key-scope"]' }, 'the key scope'), 'the key scope');
  await until(async () => shown(page, hint), 'the scope hint');
  await use(page, mode, { in: hint, css: 'a[href], button', name: /scope/i }, 'the article in the hint');
  await until(async () => shown(page, HELP), 'the help panel with the article');
  // The article's view has no contact button of its own: back to the list, where "Contact us" is.
  await use(page, mode, { in: HELP, name: /Back to articles/ }, 'Back to articles');
  await use(page, mode, { in: HELP, css: '[part="contact"]' }, 'Contact us');
}

/** The nudge from its hint level to its chat offer, then "Chat with us". */
async function escalateToChat(page: Page, mode: Mode): Promise<void> {
  const nudgeText = () => page.evaluate((host) => (document.querySelector(host)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '), NUDGE);
  // The global rate limit (`limits.minGap`) may hold it for up to 30 s after the last blocking experience.
  await untilLong(page, async () => (await nudgeText()).includes('Still stuck?'), 'integrations-struggle');
  await use(page, mode, { in: NUDGE, name: 'Still stuck?' }, 'Still stuck? (hint level)');
  await until(async () => (await nudgeText()).includes('Search help'), 'the articles level');
  await expectFocusKept(page, '"Still stuck?" in the nudge');
  await use(page, mode, { in: NUDGE, name: 'Still stuck?' }, 'Still stuck? (articles level)');
  await until(async () => (await nudgeText()).includes('Not now'), 'the chat offer');
  await expectFocusKept(page, 'the second "Still stuck?"');
  await use(page, mode, { in: NUDGE, css: '.btn.primary' }, 'Chat with us');
}

/** With `JOURNEY_SHOTS=<dir>`, a failed walk leaves a screenshot of where it stopped. */
function onFailureShoot(test: TestContext, current: () => Page): void {
  const dir = process.env['JOURNEY_SHOTS'];
  if (!dir) return;
  test.onTestFailed(async () => {
    await current().screenshot({ path: `${dir}/${test.task.name.slice(0, 20).replace(/\W+/g, '-')}-${current().viewport()?.width}.png` });
  });
}

describe.each([PHONE, DESKTOP])('a new user walks the demo at $width×$height ($mode)', ({ width, height, mode }) => {
  const prepare = (offset: number) => async (page: Page) => {
    await page.setViewport({ width, height, hasTouch: mode === 'tap', isMobile: mode === 'tap' });
    await withClock(offset)(page);
  };

  it('tour on every step → struggle → chat in hours → checklist done → NPS → a tour replayed', async (test) => {
    const clockOffset = offsetTo(true);
    const visited = await visitDemo(served, '/?demo-user=dana', prepare(clockOffset));
    let page = visited.page;
    const errors = visited.errors;
    onFailureShoot(test, () => page);
    const chats: unknown[] = [];
    await page.exposeFunction('recordChat', (request: unknown) => chats.push(request));
    await page.evaluate(() => window.waymark.instance!.on('open-chat', (event) => (window as unknown as { recordChat(e: unknown): void }).recordChat(JSON.parse(JSON.stringify(event)))));

    // ---- the welcome tour, every step -------------------------------------------------------
    await until(async () => (await tourTitle(page)) === 'Welcome to Acme Cloud', 'the welcome step');
    await use(page, mode, { in: TOUR, name: 'Show me around' }, 'Show me around');
    await until(async () => (await tourTitle(page)) === 'Your numbers at a glance', 'step 2');
    await use(page, mode, { in: TOUR, name: 'Next' }, 'Next on step 2');
    await until(async () => (await tourTitle(page)) === 'Everything starts with a project', 'step 3');
    if (mode === 'tap') {
      // The step's link is in the sidebar, behind the menu button: the step points there and lets the tap through.
      await use(page, mode, { css: '.topbar__menu' }, 'the menu button the step points at');
      await use(page, mode, { css: '[data-waymark="sidebar-projects"]' }, 'Projects in the opened menu');
    } else {
      // Next (Enter) instead of the link: the tour follows the link, it does not vanish.
      await use(page, mode, { in: TOUR, name: 'Next' }, 'Next on step 3');
    }
    await until(async () => (await page.evaluate(() => location.pathname)) === '/projects', 'the projects page');
    await until(async () => (await tourTitle(page)) === 'Help is one click away', 'step 4 on /projects');
    await use(page, mode, { in: TOUR, name: 'Next' }, 'Next on step 4');
    await until(async () => (await tourTitle(page)) === 'Create your first project', 'step 5');
    // The step asks for New project: the button takes the tap or the key, and that finishes the tour.
    await use(page, mode, { css: '[data-waymark="new-project-button"]' }, 'New project (step 5)');
    await until(async () => !(await shown(page, TOUR)), 'the tour finished');
    expect(await stateOf(page, 'welcome-tour')).toMatch(/completed|once/i);
    await expectFocusKept(page, 'the last tour step');

    // ---- checklist item 2: the first project ----------------------------------------------------
    await type(page, mode, { css: '[data-waymark="project-name-input"]' }, 'checkout-api', 'the project name');
    await pick(page, mode, { css: '[data-waymark="project-region-select"]' }, 'eu-north-1', 'the region');
    await use(page, mode, { css: '[data-waymark="create-project-submit"]' }, 'Create project');
    await until(async () => /^\/projects\/./.test(await page.evaluate(() => location.pathname)), 'the new project');

    // ---- stuck: hint → articles → the app's chat with context ---------------------------------
    if (mode === 'tap') {
      await navigate(page, mode, 'sidebar-integrations', '/integrations');
      await struggleWithConnect(page, mode);
      await escalateToChat(page, mode);
    } else {
      await navigate(page, mode, 'sidebar-api-keys', '/integrations/api-keys');
      await hintToContact(page, mode);
    }
    await until(async () => page.evaluate(() => Boolean(document.querySelector('dialog[data-waymark="support-chat"][open]'))), "the app's chat");
    expect(await shown(page, NUDGE), 'the nudge left with the chat').toBe(false);
    expect(await shown(page, HELP), 'the help panel left with the chat').toBe(false);
    expect(chats.length).toBe(1);
    expect(chats[0]).toMatchObject({ context: { page: mode === 'tap' ? '/integrations' : '/integrations/api-keys', stage: 'integrate' } });
    await page.keyboard.press('Escape'); // the app's dialog closes itself (a phone's back gesture)
    await until(async () => page.evaluate(() => !document.querySelector('dialog[data-waymark="support-chat"][open]')), "the app's chat closed");
    await expectFocusKept(page, "the app's chat");

    // ---- checklist item 3: an API key and an integration ----------------------------------------
    if (mode === 'tap') {
      await navigate(page, mode, 'sidebar-api-keys', '/integrations/api-keys');
      await use(page, mode, { css: '[data-waymark="api-key-create-button"]' }, 'Create API key');
    }
    await type(page, mode, { css: '[data-waymark="api-key-name"]' }, 'GitHub Actions', 'the key name');
    await pick(page, mode, { css: '[data-waymark="api-key-scope"]' }, 'deploy', 'the key scope');
    await use(page, mode, { css: '[data-waymark="api-key-submit"]' }, 'Create key');
    await find(page, { css: '[data-waymark="api-key-copy"]' }, 'the new key');
    // A hint beside Copy (once the key is shown): "Got it" closes it.
    await until(async () => shown(page, 'wm-hint[data-experience="api-key-copy-hint"]'), 'the hint beside Copy');
    await use(page, mode, { in: 'wm-hint[data-experience="api-key-copy-hint"]', name: 'Got it' }, 'Got it');
    await expectFocusKept(page, 'the key hint');
    await use(page, mode, { name: 'I have saved it' }, 'I have saved it');
    await navigate(page, mode, 'sidebar-integrations', '/integrations');
    await use(page, mode, { css: '[data-waymark="integration-connect-github"]', name: 'Connect' }, 'GitHub Connect, now with a key');
    await until(async () => page.evaluate(() => document.querySelector('[data-waymark="integration-connect-github"]')?.textContent === 'Disconnect'), 'GitHub connected');

    // ---- checklist item 4: the team -------------------------------------------------------------
    await navigate(page, mode, 'sidebar-team', '/team');
    if (await shown(page, 'wm-hint[data-experience="invite-form-hint"]')) {
      await use(page, mode, { in: 'wm-hint[data-experience="invite-form-hint"]', name: 'Got it' }, 'Got it on the invite hint');
      await expectFocusKept(page, 'the invite hint');
    }
    await type(page, mode, { css: '[data-waymark="invite-email"]' }, 'ona@northwind.example', 'the invite email');
    await use(page, mode, { css: '[data-waymark="invite-submit"]' }, 'Send invite');
    await untilState(page, 'getting-started', /finished|completed/i);
    expect(errors).toEqual([]);

    // ---- the next visit (a new tab: a new session) -----------------------------------------------
    const next = await page.browserContext().newPage();
    await prepare(clockOffset)(next);
    await withDemoConfigRunningToday(next);
    next.on('pageerror', (e) => errors.push(String(e)));
    next.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.close();
    page = next;
    await page.goto(served.origin + '/', { waitUntil: 'networkidle0' });
    await page.evaluate(() => window.waymark.instance!.ready);

    // ---- the NPS survey, 20 s into a visit once the checklist is done -------------------------------
    await untilLong(page, () => shown(page, SURVEY), 'nps-after-setup');
    if (mode === 'tap') await use(page, mode, { in: SURVEY, css: '[role="radio"]', name: '9' }, 'score 9');
    else {
      // A radio group is one Tab stop: in, then the arrow keys to 9, then Space.
      await tabTo(page, await find(page, { in: SURVEY, css: '[role="radio"][tabindex="0"]' }, 'the score group'), 'the score group');
      const nine = await find(page, { in: SURVEY, css: '[role="radio"]', name: '9' }, 'score 9');
      for (let presses = 0; presses < 10 && !(await focusIs(page, nine)); presses++) await page.keyboard.press('ArrowRight');
      expect(await focusIs(page, nine), 'the arrow keys reach 9').toBe(true);
      await page.keyboard.press(' ');
    }
    await type(page, mode, { in: SURVEY, css: 'textarea' }, 'Deploy previews', 'the reason');
    await use(page, mode, { in: SURVEY, css: 'button[type="submit"], .btn.primary' }, 'Send');
    await until(async () => page.evaluate((host) => Boolean(document.querySelector(host)?.shadowRoot?.querySelector('.thanks')), SURVEY), 'the thank-you');
    await use(page, mode, { in: SURVEY, css: '.close' }, 'close the survey');
    await until(async () => !(await shown(page, SURVEY)), 'the survey closed');
    await expectFocusKept(page, 'the survey');

    // ---- a tour replayed from the resource center ---------------------------------------------
    await use(page, mode, { in: CENTER, css: '.launcher' }, 'the resource center launcher');
    await until(async () => shown(page, CENTER), 'the resource center open');
    await use(page, mode, { in: CENTER, css: '[part="replay"]', name: /Replay.*Welcome/ }, 'Replay the welcome tour');
    await until(async () => (await tourTitle(page)) === 'Welcome to Acme Cloud', 'the welcome tour again');
    await use(page, mode, { in: TOUR, css: '.close' }, 'close the replayed tour');
    await until(async () => !(await shown(page, TOUR)), 'the replay closed');
    await expectFocusKept(page, 'the replayed tour');
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 180_000);

  it('outside operator hours, "Chat with us" opens the leave-a-message form with the email filled in', async (test) => {
    const { page, errors } = await visitDemo(served, mode === 'tap' ? '/integrations?demo-user=dana' : '/integrations/api-keys?demo-user=dana', prepare(offsetTo(false)));
    onFailureShoot(test, () => page);
    if (mode === 'tap') {
      await struggleWithConnect(page, mode);
      await escalateToChat(page, mode);
    } else await hintToContact(page, mode);
    const form = await find(page, { in: HELP, css: 'input[type="email"]' }, 'the message form');
    expect(await form.evaluate((input) => (input as HTMLInputElement).value)).toBe('dana@northwind.example');
    expect(await shown(page, NUDGE), 'the nudge left with the form').toBe(false);
    expect(await page.evaluate(() => Boolean(document.querySelector('dialog[data-waymark="support-chat"][open]'))), 'no chat outside hours').toBe(false);
    await use(page, mode, { in: HELP, css: '.close, [part="close"]' }, 'close the help panel');
    await until(async () => !(await shown(page, HELP)), 'the help panel closed');
    await expectFocusKept(page, 'the help panel');
    expect(errors).toEqual([]);
    await page.browserContext().close();
  }, 90_000);
});

declare global {
  interface Window {
    waymark: { instance?: import('../../src/index.js').Waymark };
  }
}
