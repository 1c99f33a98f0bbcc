/**
 * Waymark's surfaces together on one page, driven with the real keyboard and pointer: Escape
 * belongs to whatever holds focus, focus never falls to <body> when a surface closes, surfaces
 * step aside for the host's own modal, share a corner without overlapping, and config text that
 * fell back to another language says so.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { AnnouncementExperience, BeaconExperience, ChecklistExperience, HintExperience, NudgeExperience, SurveyExperience, TourExperience } from '../../../src/config/types.js';
import { createHarness, deepActive, isShown, nextFrame, until, type Harness } from '../layouts/harness.js';

type Shown = HTMLElement & { panel?: HTMLElement | null; updateComplete: Promise<unknown> };

const checklist: ChecklistExperience = {
  id: 'setup',
  type: 'checklist',
  title: 'Get set up',
  items: [
    { id: 'a', title: 'Create a project', manual: true },
    { id: 'b', title: 'Invite a teammate', manual: true },
  ],
};
const banner: AnnouncementExperience = { id: 'news', type: 'announcement', display: 'banner', title: 'New: regions', body: 'Deploy closer to users. [Read more](/regions)' };
const modal: AnnouncementExperience = { id: 'modal-news', type: 'announcement', display: 'modal', title: 'What is new', body: 'A modal announcement.' };
const survey: SurveyExperience = { id: 'nps', type: 'survey', kind: 'nps', question: 'How likely are you to recommend us?' };
const nudge: NudgeExperience = {
  id: 'stuck',
  type: 'nudge',
  escalation: [
    { kind: 'hint', title: 'Trouble connecting?', body: 'Paste the token.', target: '#connect' },
    { kind: 'articles', title: 'These may help', articles: [] },
    { kind: 'chat', title: 'Talk to us', body: 'We can look at it with you.' },
  ],
};
const beacon: BeaconExperience = { id: 'dot', type: 'beacon', target: '#connect', title: 'Connect', body: 'Connect a provider here.' };
const hint: HintExperience = { id: 'tip', type: 'hint', target: '#plain', openOn: 'trigger', title: 'Invite', body: 'Invite your team.' };

/** A small app: a main landmark, a menu button with its own Escape, a modal dialog, a drawer. */
async function page(): Promise<{ main: HTMLElement; menu: HTMLButtonElement; dialog: HTMLDialogElement }> {
  await fixture(html`<div>
    <header style="height:56px"><button id="menu" aria-expanded="false">Demo</button></header>
    <main id="main">
      <h1>Dashboard</h1>
      <button id="connect" style="margin:120px">Connect</button>
      <div id="plain" style="margin:40px;width:200px">Invite people</div>
    </main>
    <dialog id="app-modal"><p>The app's own dialog</p><input id="app-field" /><button id="app-close">Close</button></dialog>
  </div>`);
  const menu = document.querySelector<HTMLButtonElement>('#menu')!;
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') menu.setAttribute('aria-expanded', 'false');
  });
  return { main: document.querySelector<HTMLElement>('#main')!, menu, dialog: document.querySelector<HTMLDialogElement>('#app-modal')! };
}

/** A stand-in surface: a host whose shadow root holds one focusable popover box, styled by `css`, not yet shown. */
function fakeSurface(name: string, css: string): { host: HTMLElement; box: HTMLElement } {
  const host = document.createElement(name);
  const box = document.createElement('div');
  box.setAttribute('popover', 'manual');
  box.tabIndex = -1;
  const style = document.createElement('style');
  style.textContent = `[popover] { position: fixed; inset: auto; margin: 0; box-sizing: border-box; ${css} }`;
  host.attachShadow({ mode: 'open' }).append(style, box);
  document.body.append(host);
  return { host, box };
}

async function mounted(id: string): Promise<Shown> {
  let element: Shown | null = null;
  await until(() => (element = document.querySelector<Shown>(`[data-waymark-ui][data-experience="${id}"]`)) !== null, `${id} mounted`);
  await element!.updateComplete;
  return element!;
}

const gone = (id: string) => until(() => !document.querySelector(`[data-waymark-ui][data-experience="${id}"]`), `${id} closed`);
const shadowButton = (element: Element, selector: string) => element.shadowRoot!.querySelector<HTMLButtonElement>(selector)!;
const buttonNamed = (element: Element, name: string) =>
  [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent!.trim() === name)!;

/** Focus lands on a real element once the close has settled (the component's own focus handling included). */
async function expectFocusNotOnBody(what: string): Promise<Element> {
  await nextFrame();
  await nextFrame();
  const active = deepActive();
  expect(active, `${what}: focus is somewhere`).to.not.equal(null);
  expect(active === document.body || active === document.documentElement, `${what}: focus fell to <body>`).to.equal(false);
  return active!;
}

/** Press Enter on a control with the real keyboard. */
async function activate(button: HTMLElement): Promise<void> {
  button.focus();
  await sendKeys({ press: 'Enter' });
}

describe('surfaces together', () => {
  let harness: Harness;
  afterEach(async () => {
    harness?.dispose();
    await setViewport({ width: 800, height: 600 });
  });

  describe('Escape belongs to whatever holds focus', () => {
    it('with the checklist panel open, Escape in the app\'s own menu is the app\'s: the menu closes, the checklist stays open', async () => {
      const { menu } = await page();
      harness = createHarness({ engine: false });
      harness.show(checklist);
      const element = (await mounted('setup')) as Shown & { expanded: boolean };
      await activate(shadowButton(element, '.launcher'));
      await until(() => element.expanded, 'panel open');
      menu.focus();
      menu.setAttribute('aria-expanded', 'true');
      await sendKeys({ press: 'Escape' });
      expect(menu.getAttribute('aria-expanded'), 'the menu heard its Escape').to.equal('false');
      expect(element.expanded, 'the checklist is still open').to.equal(true);
    });

    it('focus inside the checklist panel: Escape minimizes it and focus goes to its launcher', async () => {
      await page();
      harness = createHarness({ engine: false });
      harness.show(checklist);
      const element = (await mounted('setup')) as Shown & { expanded: boolean };
      await activate(shadowButton(element, '.launcher'));
      await until(() => element.expanded, 'panel open');
      shadowButton(element, '[part="minimize"]').focus();
      await sendKeys({ press: 'Escape' });
      await until(() => !element.expanded, 'minimized');
      expect(deepActive()).to.equal(shadowButton(element, '.launcher'));
    });

    it('focus in the app\'s own modal dialog: Escape closes that dialog, not the Waymark panel behind it', async () => {
      const { dialog } = await page();
      harness = createHarness({ engine: false });
      harness.show(checklist);
      const element = (await mounted('setup')) as Shown & { expanded: boolean };
      await activate(shadowButton(element, '.launcher'));
      await until(() => element.expanded, 'panel open');
      dialog.showModal();
      document.querySelector<HTMLInputElement>('#app-field')!.focus();
      await sendKeys({ press: 'Escape' });
      expect(dialog.open, 'the app dialog closed on the first Escape').to.equal(false);
      expect(element.expanded, 'the checklist panel is untouched').to.equal(true);
    });
  });

  describe('focus never falls to <body> after a close', () => {
    it('banner ×', async () => {
      const { main } = await page();
      harness = createHarness();
      harness.show(banner);
      const element = await mounted('news');
      await activate(shadowButton(element, '.close'));
      await gone('news');
      expect(await expectFocusNotOnBody('banner ×')).to.equal(main);
    });

    it('banner: Escape on "Read more"', async () => {
      const { main } = await page();
      harness = createHarness();
      harness.show(banner);
      const element = await mounted('news');
      element.shadowRoot!.querySelector<HTMLAnchorElement>('a')!.focus();
      await sendKeys({ press: 'Escape' });
      await gone('news');
      expect(await expectFocusNotOnBody('banner Escape')).to.equal(main);
    });

    it('modal announcement closed with Escape', async () => {
      const { main } = await page();
      harness = createHarness();
      harness.show(modal);
      const element = await mounted('modal-news');
      await until(() => isShown(element.panel), 'modal shown');
      await sendKeys({ press: 'Escape' });
      await gone('modal-news');
      expect(await expectFocusNotOnBody('modal Escape')).to.equal(main);
    });

    it('NPS survey × and Escape', async () => {
      const { main } = await page();
      harness = createHarness();
      harness.show(survey);
      let element = await mounted('nps');
      await activate(shadowButton(element, '.close'));
      await gone('nps');
      expect(await expectFocusNotOnBody('survey ×')).to.equal(main);
      harness.show({ ...survey, id: 'nps-2' });
      element = await mounted('nps-2');
      element.shadowRoot!.querySelector<HTMLElement>('button')!.focus();
      await sendKeys({ press: 'Escape' });
      await gone('nps-2');
      expect(await expectFocusNotOnBody('survey Escape')).to.equal(main);
    });

    it('nudge "Still stuck?" moves up a level and × closes it, focus stays on the page', async () => {
      const { main } = await page();
      harness = createHarness({ engine: false });
      harness.renderer.show({ experience: nudge, level: 1 });
      const element = await mounted('stuck');
      await until(() => isShown(element.panel), 'level 1 shown');
      const stillStuck = buttonNamed(element, 'Still stuck?');
      await activate(stillStuck);
      expect(harness.actions.at(-1)!.action).to.deep.equal({ type: 'nudge-level', level: 2 });
      harness.renderer.show({ experience: nudge, level: 2 });
      await element.updateComplete;
      await expectFocusNotOnBody('"Still stuck?"');
      await activate(shadowButton(element, '.close'));
      harness.renderer.hide('stuck', 'dismissed');
      expect(await expectFocusNotOnBody('nudge ×')).to.equal(main);
    });

    it('beacon "Got it"', async () => {
      await page();
      harness = createHarness();
      harness.show(beacon);
      const element = await harness.beacon('dot');
      const dot = element.shadowRoot!.querySelector<HTMLElement>('.dot, button')!;
      await activate(dot);
      await until(() => isShown(element.panel), 'beacon card open');
      await activate(buttonNamed(element, 'Got it'));
      await gone('dot');
      await expectFocusNotOnBody('beacon "Got it"');
    });

    it('checklist "Dismiss checklist"', async () => {
      const { main } = await page();
      harness = createHarness();
      harness.show(checklist);
      const element = (await mounted('setup')) as Shown & { expanded: boolean };
      await activate(shadowButton(element, '.launcher'));
      await until(() => element.expanded, 'panel open');
      await activate(shadowButton(element, '[part="dismiss"]'));
      await gone('setup');
      expect(await expectFocusNotOnBody('checklist dismiss')).to.equal(main);
    });

    it('a trigger hint on a target that cannot take focus: ×', async () => {
      const { main } = await page();
      harness = createHarness();
      harness.show(hint);
      const element = await harness.hint('tip');
      await until(() => isShown(element.panel), 'hint open');
      await activate(shadowButton(element, '.close'));
      await gone('tip');
      expect(await expectFocusNotOnBody('hint ×')).to.equal(main);
    });

    it('a tour started at load, closed with Escape', async () => {
      const { main } = await page();
      harness = createHarness();
      const tour: TourExperience = { id: 'welcome', type: 'tour', steps: [{ title: 'Welcome', body: 'Centred.' }] };
      harness.show(tour);
      const element = await harness.tour('welcome');
      await until(() => isShown(element.panel), 'tour shown');
      await until(() => deepActive() !== document.body, 'focus in the step');
      await sendKeys({ press: 'Escape' });
      await gone('welcome');
      expect(await expectFocusNotOnBody('tour Escape')).to.equal(main);
    });

    it('goes back to the control that opened the surface while it is still there', async () => {
      const { menu } = await page();
      harness = createHarness();
      menu.focus();
      harness.show(modal);
      const element = await mounted('modal-news');
      await until(() => isShown(element.panel), 'modal shown');
      await sendKeys({ press: 'Escape' });
      await gone('modal-news');
      expect(await expectFocusNotOnBody('modal Escape')).to.equal(menu);
    });
  });

  describe('the host page and the corners', () => {
    it('while the app shows its own modal dialog, the nudge and the checklist step aside (hidden, inert), and come back after', async () => {
      const { dialog } = await page();
      harness = createHarness({ engine: false });
      harness.renderer.show({ experience: nudge, level: 2 });
      harness.show(checklist);
      const card = await mounted('stuck');
      const list = await mounted('setup');
      await until(() => isShown(card.panel), 'nudge shown');
      dialog.showModal();
      await until(() => !isShown(card.panel), 'nudge hidden while the app dialog is open');
      expect(card.inert, 'nudge inert').to.equal(true);
      expect(list.inert, 'checklist inert').to.equal(true);
      const launcher = shadowButton(list, '.launcher');
      expect(getComputedStyle(launcher).visibility).to.equal('hidden');
      dialog.close();
      await until(() => isShown(card.panel), 'nudge back');
      expect(card.inert).to.equal(false);
      expect(getComputedStyle(launcher).visibility).to.equal('visible');
    });

    it('a declared drawer counts as the host\'s own layer', async () => {
      await page();
      const drawer = document.createElement('nav');
      drawer.className = 'drawer';
      drawer.hidden = true;
      drawer.textContent = 'Projects';
      document.body.append(drawer);
      harness = createHarness({ engine: false, host: { overlays: ['.drawer'] } });
      harness.renderer.show({ experience: nudge, level: 2 });
      const card = await mounted('stuck');
      await until(() => isShown(card.panel), 'nudge shown');
      drawer.hidden = false;
      await until(() => !isShown(card.panel), 'nudge hidden while the drawer is open');
      drawer.hidden = true;
      await until(() => isShown(card.panel), 'nudge back');
      drawer.remove();
    });

    it('the survey and the checklist launcher share the bottom-end corner without overlapping', async () => {
      await page();
      harness = createHarness({ engine: false });
      harness.show(checklist);
      const list = await mounted('setup');
      harness.show(survey);
      const card = await mounted('nps');
      await until(() => isShown(card.panel), 'survey shown');
      const launcher = shadowButton(list, '.launcher');
      await until(() => !intersects(launcher.getBoundingClientRect(), card.panel!.getBoundingClientRect()), 'no overlap');
      const clicked = card.panel!.getBoundingClientRect();
      expect(clicked.top, 'survey inside the viewport').to.be.greaterThan(0);
      // A tap on the launcher reaches the launcher, not the card above it.
      const at = launcher.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(at.x + at.width / 2), Math.round(at.y + at.height / 2)] });
      await until(() => (list as Shown & { expanded: boolean }).expanded, 'the launcher opened the panel');
    });
  });

  describe('no layout shift from Waymark', () => {
    it('a centred card shows with its image already fetched: it never grows and moves after it appeared', async () => {
      await page();
      harness = createHarness();
      const src = `/src/ui/announcement/test-chart.svg?fresh=${Math.random()}`;
      const url = new URL(src, location.href).href;
      let fetchedBeforeMount: boolean | null = null;
      const watch = new MutationObserver(() => {
        if (fetchedBeforeMount === null && document.querySelector('[data-experience="with-image"]')) {
          fetchedBeforeMount = performance.getEntriesByName(url).length > 0;
        }
      });
      watch.observe(document.body, { childList: true });
      harness.show({ ...modal, id: 'with-image', image: { src, alt: 'A chart' } });
      const element = await mounted('with-image');
      watch.disconnect();
      expect(fetchedBeforeMount, 'the image was fetched before the card was put on the page').to.equal(true);
      await until(() => isShown(element.panel), 'modal shown');
      const image = element.shadowRoot!.querySelector<HTMLImageElement>('img')!;
      expect(image.complete && image.naturalWidth > 0, 'the image was ready when the card appeared').to.equal(true);
      const first = element.panel!.getBoundingClientRect().top;
      await nextFrame();
      await nextFrame();
      expect(element.panel!.getBoundingClientRect().top).to.equal(first);
    });
  });

  describe('corners and anchored cards', () => {
    it('a corner card makes room around a centred step instead of being drawn over or under it', async () => {
      await page();
      await setViewport({ width: 390, height: 844 });
      harness = createHarness({ engine: false });
      harness.show(checklist);
      const list = await mounted('setup');
      const tour: TourExperience = { id: 'welcome', type: 'tour', steps: [{ title: 'Welcome', body: 'A long centred step that fills the phone screen. '.repeat(40) }] };
      harness.show(tour);
      const step = await harness.tour('welcome');
      await until(() => isShown(step.panel), 'tour shown');
      const launcher = shadowButton(list, '.launcher');
      await until(
        () => getComputedStyle(launcher).visibility === 'hidden' || !intersects(launcher.getBoundingClientRect(), step.panel!.getBoundingClientRect()),
        'the launcher is clear of the step',
      );
    });
  });

  describe('the element a step asks the user to use is never covered', () => {
    /** A control pinned where Waymark's corner and bottom edge are, and a step pointing at it (no spotlight, not modal). */
    async function stepOnPinnedControl(): Promise<{ control: HTMLButtonElement; tour: TourExperience }> {
      await page();
      const control = document.createElement('button');
      control.id = 'pinned';
      control.textContent = 'Deploy';
      // Wider than the launcher: the step's card (to its left) leaves the launcher's column free.
      control.style.cssText = 'position:fixed;right:16px;bottom:12px;width:280px;height:44px';
      document.body.append(control);
      const tour: TourExperience = { id: 'deploy-tour', type: 'tour', steps: [{ title: 'Ship it', body: 'Press Deploy.', target: '#pinned', placement: 'left', advanceOn: { click: true } }] };
      return { control, tour };
    }

    /** Whatever is drawn at the middle of `element` (through shadow roots) is `element` itself. */
    const takesTheTap = (element: Element) => {
      const rect = element.getBoundingClientRect();
      const hit = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
      return hit === element;
    };

    it('the checklist launcher in that corner moves off the step\'s target, which takes the click', async () => {
      const { control, tour } = await stepOnPinnedControl();
      harness = createHarness({ engine: false });
      harness.show(checklist);
      const list = await mounted('setup');
      const launcher = shadowButton(list, '.launcher');
      const onScreen = () => launcher.checkVisibility({ visibilityProperty: true }) && launcher.getBoundingClientRect().height > 0;
      await until(onScreen, 'launcher shown');
      expect(intersects(launcher.getBoundingClientRect(), control.getBoundingClientRect()), 'the launcher starts over the control').to.equal(true);
      harness.show(tour);
      const step = await harness.tour('deploy-tour');
      await until(() => isShown(step.panel), 'step shown');
      await until(
        () => getComputedStyle(launcher).visibility === 'hidden' || !intersects(launcher.getBoundingClientRect(), control.getBoundingClientRect()),
        'the launcher off the target',
      );
      expect(takesTheTap(control), 'the target takes the click').to.equal(true);
      expect(onScreen(), 'the launcher stays on screen, above the target').to.equal(true);
      control.remove();
    });

    it('a bottom banner steps aside while the step points at something under it, and comes back after', async () => {
      const { control, tour } = await stepOnPinnedControl();
      harness = createHarness({ engine: false });
      harness.show({ ...banner, position: 'bottom' });
      const strip = await mounted('news');
      await until(() => isShown(strip.panel), 'banner shown');
      expect(takesTheTap(control), 'the banner starts over the control').to.equal(false);
      harness.show(tour);
      const step = await harness.tour('deploy-tour');
      await until(() => isShown(step.panel), 'step shown');
      await until(() => takesTheTap(control), 'the target uncovered');
      expect(getComputedStyle(strip.panel!).visibility, 'the banner stepped aside').to.equal('hidden');
      harness.renderer.hide('deploy-tour', 'completed');
      await until(() => getComputedStyle(strip.panel!).visibility === 'visible', 'the banner back');
      control.remove();
    });
  });

  describe('a launcher and a phone sheet', () => {
    /** A host with one fixed box in its shadow root, drawn in the top layer. */
    const surface = (name: string, css: string) => {
      const host = document.createElement(name);
      const box = document.createElement('div');
      box.setAttribute('popover', 'manual');
      const style = document.createElement('style');
      style.textContent = `[popover] { position: fixed; inset: auto; margin: 0; ${css} }`;
      host.attachShadow({ mode: 'open' }).append(style, box);
      document.body.append(host);
      box.showPopover();
      return { host, box };
    };

    it('the launcher steps aside while a phone sheet or a tall panel takes its corner, instead of floating mid-page; above a small desktop panel it stacks', async () => {
      await setViewport({ width: 390, height: 844 });
      await fixture(html`<header style="position:fixed;top:0;left:0;right:0;height:56px"></header><main><h1>Projects</h1></main>`);
      const { createDismissibleStack } = await import('../../../src/ui/shared/dismissible-stack.js');
      const { surfacesOf } = await import('../../../src/ui/shared/coordinator/coordinator.js');
      const stack = createDismissibleStack(window);
      const launcher = surface('wm-test-launcher', 'bottom: 20px; right: 20px; width: 120px; height: 48px;');
      const launcherSlot = surfacesOf(stack).register(launcher.host, { kind: 'launcher', boxes: () => [launcher.box] });
      const sheet = surface('wm-test-sheet', 'bottom: 0; left: 0; width: 100vw; height: 60vh; box-sizing: border-box;');
      const sheetSlot = surfacesOf(stack).register(sheet.host, { kind: 'corner', boxes: () => [sheet.box] });
      await until(() => getComputedStyle(launcher.box).visibility === 'hidden', 'the launcher steps aside on a phone');
      sheetSlot.dispose();
      sheet.host.remove();
      await until(() => getComputedStyle(launcher.box).visibility === 'visible', 'back when the sheet closes');
      expect(Math.round(launcher.box.getBoundingClientRect().bottom), 'in its corner').to.equal(844 - 20);
      // A desktop panel beside it: the launcher stays on screen, above the panel.
      await setViewport({ width: 1280, height: 800 });
      const panel = surface('wm-test-panel', 'bottom: 20px; right: 20px; width: 320px; height: 300px;');
      const panelSlot = surfacesOf(stack).register(panel.host, { kind: 'corner', boxes: () => [panel.box] });
      await until(() => launcher.box.getBoundingClientRect().bottom <= panel.box.getBoundingClientRect().top, 'stacked above the panel');
      expect(getComputedStyle(launcher.box).visibility).to.equal('visible');
      panelSlot.dispose();
      panel.host.remove();
      // A tall panel takes the corner on a desktop too: the launcher steps aside instead of floating mid-page.
      const tall = surface('wm-test-tall', 'bottom: 20px; right: 20px; width: 380px; height: 500px;');
      const tallSlot = surfacesOf(stack).register(tall.host, { kind: 'corner', boxes: () => [tall.box] });
      await until(() => getComputedStyle(launcher.box).visibility === 'hidden', 'the launcher steps aside for a tall panel');
      tallSlot.dispose();
      await until(() => getComputedStyle(launcher.box).visibility === 'visible', 'back when it closes');
      launcherSlot.dispose();
      stack.dispose();
    });
  });

  describe('scrolling with a step target kept clear', () => {
    it('a tour alone costs no layout pass of the coordinator per scroll; a corner surface on screen brings it back', async () => {
      await setViewport({ width: 1280, height: 800 });
      await fixture(html`<div style="height:3000px"><button id="target" style="margin-top:400px">Target</button></div>`);
      const { createDismissibleStack } = await import('../../../src/ui/shared/dismissible-stack.js');
      const { surfacesOf } = await import('../../../src/ui/shared/coordinator/coordinator.js');
      const stack = createDismissibleStack(window);
      const card = document.createElement('wm-test-step');
      document.body.append(card);
      const stepSlot = surfacesOf(stack).register(card, { kind: 'popover', boxes: () => [] });
      const release = surfacesOf(stack).keepClear(document.querySelector('#target')!);
      await nextFrame();
      await nextFrame();
      // Each layout pass measures the host's header with elementsFromPoint.
      let passes = 0;
      const original = document.elementsFromPoint.bind(document);
      document.elementsFromPoint = (x: number, y: number) => (passes++, original(x, y));
      try {
        // Registration settles in a few frames (the first resize observations); then only scrolling.
        for (let i = 0; i < 5; i++) await nextFrame();
        passes = 0;
        for (const y of [100, 200, 300]) {
          window.scrollTo(0, y);
          await nextFrame();
        }
        expect(passes, 'no pass while only the step is on screen').to.equal(0);
        const corner = document.createElement('wm-test-corner');
        document.body.append(corner);
        const cornerSlot = surfacesOf(stack).register(corner, { kind: 'corner', boxes: () => [] });
        passes = 0;
        window.scrollTo(0, 400);
        await nextFrame();
        await nextFrame();
        expect(passes, 'a corner surface is kept off the scrolled target').to.be.greaterThan(0);
        cornerSlot.dispose();
        corner.remove();
      } finally {
        document.elementsFromPoint = original;
        window.scrollTo(0, 0);
        release();
        stepSlot.dispose();
        card.remove();
        stack.dispose();
      }
    });
  });

  describe('a corner panel the user is in and a bottom banner', () => {
    it('the banner steps aside while the panel reaching over it holds focus, and comes back when focus leaves', async () => {
      await setViewport({ width: 1280, height: 800 });
      await fixture(html`<header style="position:fixed;top:0;left:0;right:0;height:56px"></header><main><button id="page-button">Page</button></main>`);
      const { createDismissibleStack } = await import('../../../src/ui/shared/dismissible-stack.js');
      const { surfacesOf } = await import('../../../src/ui/shared/coordinator/coordinator.js');
      const stack = createDismissibleStack(window);
      const make = (name: string, css: string) => {
        const surface = fakeSurface(name, css);
        surface.box.showPopover();
        return surface;
      };
      const strip = make('wm-test-banner', 'bottom: 0; left: 0; width: 100vw; height: 60px;');
      const bannerSlot = surfacesOf(stack).register(strip.host, { kind: 'banner', boxes: () => [strip.box] });
      // As tall as the room below the header: it cannot move up off the banner.
      const panel = make('wm-test-panel', 'bottom: 20px; right: 20px; width: 380px; height: 700px;');
      const panelSlot = surfacesOf(stack).register(panel.host, { kind: 'launcher', boxes: () => [panel.box] });
      panel.box.focus();
      await until(() => getComputedStyle(strip.box).visibility === 'hidden', 'the banner steps aside for the panel the user is in');
      expect(intersects(panel.box.getBoundingClientRect(), strip.box.getBoundingClientRect()), 'they overlap where they stand').to.equal(true);
      document.querySelector<HTMLButtonElement>('#page-button')!.focus();
      panelSlot.dispose();
      panel.host.remove();
      await until(() => getComputedStyle(strip.box).visibility === 'visible', 'the banner is back');
      bannerSlot.dispose();
      stack.dispose();
    });
  });

  describe('a panel opens next to the control that opened it', () => {
    it('below the header button on a desktop, in its corner (a bottom sheet) on a phone', async () => {
      await setViewport({ width: 1280, height: 800 });
      await fixture(html`<header style="position:fixed;top:0;left:0;right:0;height:56px;display:flex;justify-content:flex-end;align-items:center">
        <button id="help-button" style="margin-right:120px">Help</button>
      </header>`);
      const { createDismissibleStack } = await import('../../../src/ui/shared/dismissible-stack.js');
      const { surfacesOf } = await import('../../../src/ui/shared/coordinator/coordinator.js');
      const stack = createDismissibleStack(window);
      const host = document.createElement('wm-test-panel');
      const root = host.attachShadow({ mode: 'open' });
      const panel = document.createElement('div');
      panel.setAttribute('popover', 'manual');
      const style = document.createElement('style');
      style.textContent = '[popover] { position: fixed; inset: auto; bottom: 20px; right: 20px; width: 300px; height: 200px; margin: 0; }';
      root.append(style, panel);
      document.body.append(host);
      const button = document.querySelector<HTMLButtonElement>('#help-button')!;
      // What places floating surfaces is a chunk of its own: the runtime has it in before help can open (support-loading.ts).
      await surfacesOf(stack).prepare({ kind: 'corner', besideOpener: true });
      button.focus();
      panel.showPopover();
      const slot = surfacesOf(stack).register(host, { kind: 'corner', boxes: () => [panel], besideOpener: true });
      const opener = button.getBoundingClientRect();
      let box = panel.getBoundingClientRect();
      expect(Math.round(box.top), 'just below the button').to.equal(Math.round(opener.bottom + 8));
      expect(Math.round(box.right), 'right edges aligned').to.equal(Math.round(opener.right));
      // A Waymark banner under the header: the panel opens below it, not over it.
      const strip = document.createElement('div');
      strip.style.cssText = 'position:fixed;top:56px;left:0;right:0;height:60px';
      const bannerHost = document.createElement('wm-test-banner');
      bannerHost.attachShadow({ mode: 'open' }).append(strip);
      document.body.append(bannerHost);
      const bannerSlot = surfacesOf(stack).register(bannerHost, { kind: 'banner', boxes: () => [strip] });
      slot.update();
      expect(Math.round(panel.getBoundingClientRect().top), 'below the banner').to.equal(56 + 60 + 8);
      bannerSlot.dispose();
      bannerHost.remove();
      // A bottom banner, and the panel grown (search results) to reach over it: it stays below its opener, on screen.
      strip.style.cssText = 'position:fixed;bottom:0;left:0;right:0;height:60px';
      document.body.append(bannerHost);
      const bottomSlot = surfacesOf(stack).register(bannerHost, { kind: 'banner', boxes: () => [strip] });
      panel.style.height = '700px';
      slot.update();
      box = panel.getBoundingClientRect();
      expect(Math.round(box.top), 'still just below the button').to.equal(Math.round(opener.bottom + 8));
      expect(box.bottom, 'on screen').to.be.at.most(800);
      bottomSlot.dispose();
      bannerHost.remove();
      panel.style.height = '';
      await setViewport({ width: 390, height: 844 });
      await until(() => Math.round(panel.getBoundingClientRect().bottom) === 844 - 20, 'back in its corner on a phone');
      slot.dispose();
      box = panel.getBoundingClientRect();
      expect(Math.round(box.bottom)).to.equal(844 - 20);
      // Opened while focus was on a landmark (not a control): it stays in its corner.
      await setViewport({ width: 1280, height: 800 });
      const landmark = document.createElement('main');
      landmark.tabIndex = -1;
      landmark.textContent = 'Main';
      document.body.append(landmark);
      landmark.focus();
      const again = surfacesOf(stack).register(host, { kind: 'corner', boxes: () => [panel], besideOpener: true });
      expect(Math.round(panel.getBoundingClientRect().bottom), 'in its corner').to.equal(800 - 20);
      again.dispose();
      landmark.remove();
      stack.dispose();
      host.remove();
    });
  });

  describe('a panel beside its opener and a corner panel', () => {
    it('where they meet, the one the user is in stays and the other steps aside until they no longer meet', async () => {
      await setViewport({ width: 1280, height: 800 });
      await fixture(html`<header style="position:fixed;top:0;left:0;right:0;height:56px;display:flex;justify-content:flex-end;align-items:center">
          <button id="help-button" style="margin-right:120px">Help</button>
        </header>
        <main><button id="page-button">Page</button></main>`);
      const { createDismissibleStack } = await import('../../../src/ui/shared/dismissible-stack.js');
      const { surfacesOf } = await import('../../../src/ui/shared/coordinator/coordinator.js');
      const stack = createDismissibleStack(window);
      const make = fakeSurface;
      const hidden = (host: HTMLElement) => host.inert && getComputedStyle(host).visibility === 'hidden';
      await surfacesOf(stack).prepare({ kind: 'corner', besideOpener: true });
      // The header's Help: opened from its button, below it.
      const button = document.querySelector<HTMLButtonElement>('#help-button')!;
      const help = make('wm-test-help', 'bottom: 20px; right: 20px; width: 380px; height: 460px;');
      button.focus();
      help.box.showPopover();
      const helpSlot = surfacesOf(stack).register(help.host, { kind: 'corner', boxes: () => [help.box], besideOpener: true });
      help.box.focus();
      expect(Math.round(help.box.getBoundingClientRect().top), 'below its button').to.equal(Math.round(button.getBoundingClientRect().bottom + 8));
      // The resource center's launcher in the bottom corner: it meets nothing.
      const center = make('wm-test-center', 'bottom: 20px; right: 20px; width: 120px; height: 48px;');
      center.box.showPopover();
      const centerSlot = surfacesOf(stack).register(center.host, { kind: 'launcher', boxes: () => [center.box] });
      await nextFrame();
      expect(hidden(help.host) || hidden(center.host), 'nothing meets: both shown').to.equal(false);
      // The user opens it: focus in it, its panel reaching up over Help.
      center.box.focus();
      center.box.style.cssText = 'width: 380px; height: 660px;';
      centerSlot.update();
      await until(() => hidden(help.host), 'the panel the user is in stays, Help steps aside');
      expect(hidden(center.host)).to.equal(false);
      // Focus back on the page: Help stays aside while the corner panel is there (no flicker back over it).
      document.querySelector<HTMLButtonElement>('#page-button')!.focus();
      centerSlot.update();
      await nextFrame();
      await nextFrame();
      expect(hidden(help.host), 'still aside').to.equal(true);
      // The corner panel closes to its launcher: Help comes back where it was.
      center.box.style.cssText = '';
      centerSlot.update();
      await until(() => !hidden(help.host), 'Help is back');
      // Focus on the launcher alone, which Help (grown tall) reaches over: a button sends no panel aside.
      help.box.style.height = '760px';
      helpSlot.update();
      center.box.focus();
      centerSlot.update();
      await nextFrame();
      await nextFrame();
      expect(hidden(help.host), 'a launcher alone does not hide Help').to.equal(false);
      help.box.style.height = '';
      helpSlot.update();
      // The other way round: the user is in Help when the corner panel opens (from code): the corner steps aside.
      help.box.focus();
      center.box.style.cssText = 'width: 380px; height: 660px;';
      centerSlot.update();
      await until(() => hidden(center.host), 'the corner panel steps aside for the Help the user is in');
      expect(hidden(help.host)).to.equal(false);
      centerSlot.dispose();
      center.host.remove();
      helpSlot.dispose();
      help.host.remove();
      stack.dispose();
    });
  });

  describe('language of parts', () => {
    it('with an Arabic UI, English fallback text carries lang="en" dir="ltr"; translated text inherits', async () => {
      await page();
      harness = createHarness({ locale: 'ar' });
      harness.show({ ...banner, title: { en: 'Now in the Nordics.' }, body: { en: 'Deploy closer to users.', ar: 'انشر بالقرب من المستخدمين.' } });
      const element = await mounted('news');
      const title = element.shadowRoot!.querySelector('.title')!;
      const span = title.querySelector('[lang]')!;
      expect(span.getAttribute('lang')).to.equal('en');
      expect(span.getAttribute('dir')).to.equal('ltr');
      expect(getComputedStyle(span).direction).to.equal('ltr');
      const body = element.shadowRoot!.querySelector('.body')!;
      expect(body.hasAttribute('lang'), 'Arabic body inherits the UI language').to.equal(false);
    });

    it('every card title (tour, survey, nudge, hint, beacon) that fell back to English says so, so its "?" ends the line', async () => {
      await page();
      harness = createHarness({ locale: 'ar' });
      const english = { en: 'Connect not responding?' };
      const titled: Array<[string, () => void, string]> = [
        ['walk', () => harness.show({ id: 'walk', type: 'tour', steps: [{ title: english, body: 'x' }] } as TourExperience), '.title'],
        ['nps', () => harness.show({ ...survey, question: english }), '.question'],
        ['nps', () => harness.show({ ...survey, askWhy: english }), '.why'],
        ['stuck', () => harness.show({ ...nudge, escalation: [{ ...nudge.escalation[0]!, title: english }] } as NudgeExperience), '.title'],
        ['tip', () => harness.show({ ...hint, title: english }), '.title'],
      ];
      for (const [id, show, selector] of titled) {
        show();
        const element = await mounted(id);
        await until(() => element.shadowRoot!.querySelector(`${selector} [lang]`) !== null, `${id}: its title marks its language`);
        const span = element.shadowRoot!.querySelector(`${selector} [lang]`)!;
        expect(span.getAttribute('lang'), id).to.equal('en');
        expect(getComputedStyle(span).direction, id).to.equal('ltr');
        expect(span.textContent, id).to.equal('Connect not responding?');
        harness.renderer.hide(id, 'dismissed');
        await gone(id);
      }
    });
  });
});

function intersects(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
