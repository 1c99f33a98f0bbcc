/**
 * Where focus lands after a surface closes, with the whole runtime and the demo's own experiences
 * (examples/waymark.config.json), driven with the real keyboard: the NPS follow-up's "No, thanks",
 * "Next" on the welcome tour's link step ("Click Projects to continue"), and the help panel that
 * `openHelp()` opened at load. Focus goes to the control that opened the surface, else the host's
 * main landmark, else into the next step: never to `<body>`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createWaymark, type Waymark } from '../../../src/index.js';
import type { BeaconExperience, NudgeExperience, SurveyExperience, TourExperience } from '../../../src/config/types.js';
import { mountHelp, type MountedHelp } from '../../../src/ui/help/mount/test-support.js';
import { uniqueDb, until } from '../helpers.js';
import { createHarness, deepActive, isShown, nextFrame, type Harness } from '../layouts/harness.js';
import { demoConfig, demoExperience } from './demo-config.js';

type Shown = HTMLElement & { panel?: HTMLElement | null; isOpen?: boolean; updateComplete: Promise<unknown> };

/** The demo's shell: a header with the help button, a sidebar with the Projects link, the main landmark. */
function shell(): { main: HTMLElement; dispose(): void } {
  const root = document.createElement('div');
  root.innerHTML = `
    <header style="height:56px;display:flex;gap:8px;align-items:center">
      <button type="button" data-waymark="nav-toggle" aria-expanded="false">Menu</button>
      <button type="button" data-waymark="help-button">Help</button>
    </header>
    <div style="display:flex">
      <nav aria-label="Main" style="width:200px"><ul><li><a href="/" >Dashboard</a></li><li><a href="/projects" data-waymark="sidebar-projects">Projects</a></li></ul></nav>
      <main id="main" tabindex="-1" style="flex:1"><h1>Dashboard</h1><div data-waymark="dashboard-stats" style="height:120px">Requests, errors</div></main>
    </div>`;
  document.body.append(root);
  const main = root.querySelector<HTMLElement>('#main')!;
  // The demo's router: a link click is a pushState and a new page in <main> (its old content is gone).
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element).closest?.('a[href]');
    if (!link || !root.contains(link)) return;
    event.preventDefault();
    history.pushState(null, '', link.getAttribute('href')!);
    main.innerHTML = `<h1>Projects</h1><button type="button" data-waymark="new-project-button">New project</button>`;
  };
  document.addEventListener('click', onClick);
  return {
    main,
    dispose() {
      document.removeEventListener('click', onClick);
      root.remove();
    },
  };
}

async function mounted(selector: string): Promise<Shown> {
  let element: Shown | null = null;
  await until(() => (element = document.querySelector<Shown>(selector)) !== null, `${selector} mounted`);
  await element!.updateComplete;
  return element!;
}

const isOpen = (element: Element | null | undefined) => Boolean(element && (element.matches(':popover-open') || element.matches(':modal')));

/** Where focus is once everything has settled (the component's own focus handling and the coordinator's rescue included). */
async function settledFocus(): Promise<Element | null> {
  for (let i = 0; i < 4; i++) await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return deepActive();
}

function describeElement(element: Element | null): string {
  if (!element) return 'nothing';
  return `${element.localName}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''}`;
}

function expectNotOnBody(active: Element | null, what: string): void {
  expect(active, `${what}: focus is somewhere`).to.not.equal(null);
  expect(active === document.body || active === document.documentElement, `${what}: focus fell to <body>`).to.equal(false);
}

describe('focus after a close, with the runtime and the demo config', () => {
  const startUrl = location.href;
  let wm: Waymark | undefined;
  let page: ReturnType<typeof shell> | undefined;
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
    page?.dispose();
    page = undefined;
    history.replaceState(null, '', startUrl);
  });

  it('the NPS follow-up\'s "No, thanks": focus goes to the main landmark, not <body>', async () => {
    page = shell();
    const config = await demoConfig();
    const survey = await demoExperience<SurveyExperience>('nps-after-setup');
    wm = createWaymark({ config: { version: '1', host: config.host, theme: config.theme, experiences: [survey] }, user: { id: 'u-nps' }, storage: { dbName: uniqueDb() }, helpLauncher: false });
    const element = await mounted('wm-survey[data-experience="nps-after-setup"]');
    await until(() => isOpen(element.panel), 'the survey on screen');
    // A detractor, by keyboard: 3, then Send.
    const radios = [...element.panel!.querySelectorAll<HTMLElement>('[role="radio"]')];
    radios[3]!.focus();
    await sendKeys({ press: 'Space' });
    const send = [...element.panel!.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent!.trim() === 'Send')!;
    send.focus();
    await sendKeys({ press: 'Enter' });
    let noThanks: HTMLButtonElement | undefined;
    await until(() => (noThanks = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent!.trim() === 'No, thanks')) !== undefined, 'the follow-up');
    noThanks!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !document.querySelector('wm-survey[data-experience="nps-after-setup"]') || !isOpen(element.panel), 'the survey closed');
    const active = await settledFocus();
    expectNotOnBody(active, '"No, thanks"');
    expect(describeElement(active)).to.equal(describeElement(page.main));
  });

  it('"Next" on the welcome tour\'s link step follows the link; focus moves into the next step, never <body>', async () => {
    // The demo's first three steps live on the dashboard, at "/".
    history.replaceState(null, '', '/');
    page = shell();
    const config = await demoConfig();
    const tour = await demoExperience<TourExperience>('welcome-tour');
    // The demo serves its images from examples/.
    for (const step of tour.steps) if (step.image) step.image = { ...step.image, src: `/examples${step.image.src}` };
    wm = createWaymark({ config: { version: '1', host: config.host, theme: config.theme, experiences: [tour] }, user: { id: 'u-tour' }, storage: { dbName: uniqueDb() }, helpLauncher: false });
    // The runtime may mount a new element when the tour comes back on the next page.
    const tourElement = () => document.querySelector<Shown>('wm-tour[data-experience="welcome-tour"]');
    const card = () => tourElement()?.panel ?? null;
    const title = () => card()?.querySelector('.title')?.textContent?.trim();
    const press = async (name: string) => {
      const button = [...card()!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === name)!;
      button.focus();
      await sendKeys({ press: 'Enter' });
    };
    await until(() => title() === 'Welcome to Acme Cloud' && isOpen(card()), 'step 1');
    await press('Show me around');
    await until(() => title() === 'Your numbers at a glance' && isOpen(card()), 'step 2');
    await press('Next');
    await until(() => title() === 'Everything starts with a project' && isOpen(card()), 'step 3, the link step');
    await press('Next');
    await until(() => location.pathname === '/projects', 'the link followed');
    // The link step leaves with its page (its card and the Next button that held focus are gone).
    await until(() => title() === 'Help is one click away' && isOpen(card()), 'step 4 on the Projects page');
    const active = await settledFocus();
    expectNotOnBody(active, 'after Next on the link step');
    expect(active === card() || card()!.contains(active), `focus in the new step's card, not ${describeElement(active)}`).to.equal(true);
  });

  for (const [resourceCenter, close] of [[false, 'Escape'], [false, '×'], [true, 'Escape'], [true, '×']] as const) {
    it(`the help panel opened by openHelp() at load (${resourceCenter ? "the demo's resource center" : 'its own launcher'}), closed with ${close}: focus goes to the main landmark`, async () => {
      page = shell();
      const config = await demoConfig();
      wm = createWaymark({
        config: { version: '1', host: config.host, theme: config.theme, articles: config.articles, chat: config.chat, resourceCenter: resourceCenter ? config.resourceCenter : { enabled: false }, experiences: [] },
        user: { id: 'u-help' },
        storage: { dbName: uniqueDb() },
      });
      await wm.ready;
      expect(deepActive() === document.body, 'nothing focused at load').to.equal(true);
      wm.openHelp();
      const element = await mounted('wm-help[data-waymark-ui]');
      await until(() => element.isOpen === true && element.shadowRoot!.activeElement !== null, 'the panel open, focus inside');
      if (close === '×') element.shadowRoot!.querySelector<HTMLButtonElement>('[part="close"]')!.focus();
      await sendKeys({ press: close === '×' ? 'Enter' : 'Escape' });
      await until(() => element.isOpen === false, 'the panel closed');
      const active = await settledFocus();
      expectNotOnBody(active, 'help closed');
      expect(describeElement(active)).to.equal(describeElement(page.main));
    });
  }
});

/** Press Enter on a control of a Waymark element, found by its visible text or accessible name, with the real keyboard. */
async function pressNamed(element: Element, name: string): Promise<void> {
  const control = [...element.shadowRoot!.querySelectorAll<HTMLElement>('button, a[href]')].find(
    (candidate) => candidate.textContent!.trim() === name || candidate.getAttribute('aria-label') === name,
  );
  if (!control) throw new Error(`no control named ${name}`);
  control.focus();
  await sendKeys({ press: 'Enter' });
}

/** The rest of issue 19's list (item 1) that had no proof yet, with the renderer and a small page. */
describe('focus after a close: the nudge\'s two escalations and Escape, the beacon card\'s ×', () => {
  let harness: Harness | undefined;
  afterEach(() => {
    harness?.dispose();
    harness = undefined;
  });

  const page = async () => {
    await fixture(html`<div><main id="main"><h1>Integrations</h1><button id="connect" style="margin:80px">Connect</button></main></div>`);
    return document.querySelector<HTMLElement>('#main')!;
  };

  const nudge: NudgeExperience = {
    id: 'stuck',
    type: 'nudge',
    escalation: [
      { kind: 'hint', title: 'Connect not responding?', body: 'Paste the API token.', target: '#connect' },
      { kind: 'articles', title: 'These may help', articles: [] },
      { kind: 'chat', title: 'Talk to us', body: 'An engineer can look at it with you.' },
    ],
  };

  it('nudge: "Still stuck?" at both escalations keeps focus on a real element, and Escape gives it to the main landmark', async () => {
    const main = await page();
    harness = createHarness({ engine: false });
    harness.renderer.show({ experience: nudge, level: 0 });
    const element = await mounted('wm-nudge[data-experience="stuck"]');
    for (const level of [1, 2]) {
      await until(() => isShown(element.panel), `level ${level - 1} shown`);
      await pressNamed(element, 'Still stuck?');
      expect(harness.actions.at(-1)!.action).to.deep.equal({ type: 'nudge-level', level });
      // The engine moves the nudge on: the same element shows the next level in its corner.
      harness.renderer.show({ experience: nudge, level });
      await element.updateComplete;
      await until(() => isShown(element.panel), `level ${level} shown`);
      const active = await settledFocus();
      expectNotOnBody(active, `"Still stuck?" to level ${level + 1}`);
    }
    element.shadowRoot!.querySelector<HTMLElement>('button')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(harness.actions.at(-1)!.action).to.deep.equal({ type: 'dismiss' });
    harness.renderer.hide('stuck', 'dismissed');
    const active = await settledFocus();
    expectNotOnBody(active, 'nudge Escape');
    expect(describeElement(active)).to.equal(describeElement(main));
  });

  it('beacon card ×: focus goes to the main landmark once the beacon is gone', async () => {
    const main = await page();
    harness = createHarness();
    const beacon: BeaconExperience = { id: 'dot', type: 'beacon', target: '#connect', title: 'Connect', body: 'Connect a provider here.' };
    harness.show(beacon);
    const element = await harness.beacon('dot');
    const dot = element.shadowRoot!.querySelector<HTMLElement>('button')!;
    await until(() => dot.checkVisibility(), 'the dot shown');
    dot.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => isShown(element.panel), 'the card open');
    await pressNamed(element, 'Close');
    await until(() => !document.querySelector('[data-waymark-ui][data-experience="dot"]'), 'the beacon gone');
    const active = await settledFocus();
    expectNotOnBody(active, 'beacon ×');
    expect(describeElement(active)).to.equal(describeElement(main));
  });
});

/**
 * Focus given back to a region only a script can focus (the main landmark) draws no focus ring around the whole
 * region; a control gets the browser's ring as always. Keyboard first, so a ring would show wherever the browser draws one.
 */
describe('no focus ring around the main landmark when focus comes back to it', () => {
  let harness: Harness | undefined;
  afterEach(() => {
    harness?.dispose();
    harness = undefined;
  });

  const tour: TourExperience = { id: 'ring', type: 'tour', steps: [{ target: '#connect', title: 'Connect', body: 'Paste the API token here.' }] };

  /** Start the tour with focus on `start`, dismiss it with Escape from inside its card; where focus settles. */
  async function dismissTourFrom(start: HTMLElement): Promise<Element | null> {
    start.focus();
    harness = createHarness();
    harness.show(tour);
    const element = await harness.tour('ring');
    await until(() => isShown(element.panel) && element.shadowRoot!.activeElement !== null, 'the step shown, focus in its card');
    await sendKeys({ press: 'Escape' });
    await until(() => !document.querySelector('wm-tour[data-experience="ring"]') || !isShown(element.panel), 'the tour gone');
    return settledFocus();
  }

  it('a tour started from the landmark gives focus back to it without a ring; started from a button, the button keeps its ring', async () => {
    await fixture(html`<div><main id="main" tabindex="-1"><h1>Integrations</h1><button id="connect" style="margin:80px">Connect</button></main></div>`);
    const main = document.querySelector<HTMLElement>('#main')!;
    const connect = document.querySelector<HTMLElement>('#connect')!;
    expect(describeElement(await dismissTourFrom(main))).to.equal(describeElement(main));
    expect(main.matches(':focus-visible'), 'a ring around the whole landmark').to.equal(false);
    harness!.dispose();
    expect(describeElement(await dismissTourFrom(connect))).to.equal(describeElement(connect));
    expect(connect.matches(':focus-visible'), 'the button\'s ring').to.equal(true);
  });

  it('the fallback to the main landmark (what had focus is gone) draws no ring', async () => {
    await fixture(html`<div><main id="main"><h1>Integrations</h1><button id="connect" style="margin:80px">Connect</button></main></div>`);
    const main = document.querySelector<HTMLElement>('#main')!;
    harness = createHarness();
    const beacon: BeaconExperience = { id: 'dot', type: 'beacon', target: '#connect', title: 'Connect', body: 'Connect a provider here.' };
    harness.show(beacon);
    const element = await harness.beacon('dot');
    const dot = element.shadowRoot!.querySelector<HTMLElement>('button')!;
    await until(() => dot.checkVisibility(), 'the dot shown');
    dot.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => isShown(element.panel), 'the card open');
    await pressNamed(element, 'Close');
    await until(() => !document.querySelector('[data-waymark-ui][data-experience="dot"]'), 'the beacon gone');
    expect(describeElement(await settledFocus())).to.equal(describeElement(main));
    expect(main.matches(':focus-visible'), 'a ring around the whole landmark').to.equal(false);
  });
});

describe('Escape belongs to whatever holds focus: the help panel behind the app\'s own modal', () => {
  let help: MountedHelp | undefined;
  afterEach(() => {
    help?.dispose();
    help = undefined;
  });

  it('focus in the app\'s modal chat: the first Escape closes that dialog and leaves the help panel open; the next, inside the panel, closes it', async () => {
    await fixture(html`<div><main id="main"><h1>Billing</h1></main>
      <dialog id="app-chat"><label>Message <textarea id="app-message"></textarea></label></dialog></div>`);
    help = mountHelp({ articles: [{ id: 'invoice', title: 'Download an invoice', url: 'https://help.example/invoice' }] });
    await help.open();
    await until(() => help!.element.isOpen && help!.element.shadowRoot!.activeElement !== null, 'the panel open, focus inside');
    const chat = document.querySelector<HTMLDialogElement>('#app-chat')!;
    chat.showModal();
    document.querySelector<HTMLTextAreaElement>('#app-message')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(chat.open, 'the app\'s dialog closed on the first Escape').to.equal(false);
    expect(help.element.isOpen, 'the help panel is untouched').to.equal(true);
    help.element.shadowRoot!.querySelector<HTMLElement>('input')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(help.element.isOpen, 'Escape inside the panel closes it').to.equal(false);
  });
});
