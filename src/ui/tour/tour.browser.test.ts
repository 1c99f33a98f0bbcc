import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { TourExperience } from '../../config/types.js';
import type { WmStepChangeEvent, WmTargetMissingEvent } from '../shared/events.js';
import {
  adjacency,
  axeViolations,
  createHarness,
  deepActive,
  isOnTop,
  isShown,
  until,
  type Harness,
} from '../../../tests/browser/layouts/harness.js';
import type { WmTour } from './tour.js';

const tour = (overrides: Partial<TourExperience> = {}): TourExperience => ({
  id: 'welcome',
  type: 'tour',
  steps: [
    { target: '#one', title: 'First', body: 'Hello **there**, see [docs](https://example.com/docs)' },
    { target: '#two', title: 'Second', body: 'More', buttons: [{ label: 'Open chat', action: { type: 'open-chat' } }] },
    { target: '#three', title: 'Third' },
  ],
  ...overrides,
});

const page = () =>
  fixture(html`<div style="padding:120px 80px">
    <button id="start">Start</button>
    <p><button id="one">One</button> <button id="two">Two</button> <button id="three">Three</button></p>
    <input id="field" aria-label="Field" />
  </div>`);

async function shownTour(harness: Harness, id = 'welcome'): Promise<WmTour> {
  const element = await harness.tour(id);
  await until(() => isShown(element.panel), 'step shown');
  await until(() => deepActive() === element.panel, 'focus in step');
  return element;
}

const title = (element: WmTour) => element.panel!.querySelector('.title')!.textContent!.trim();
const live = (element: WmTour) => element.panel!.querySelector('[aria-live]')!.textContent!.trim();
const buttons = (element: WmTour) => Array.from(element.panel!.querySelectorAll<HTMLButtonElement>('.footer button'));
const button = (element: WmTour, label: string) => buttons(element).find((b) => b.textContent!.trim() === label)!;

/** The spotlight's hole on screen (its shadow is the shade). */
function spotlightHole(element: Element): DOMRect {
  return element.shadowRoot!.querySelector('.spotlight .hole')!.getBoundingClientRect();
}

describe('<wm-tour>', () => {
  let harness: Harness;
  afterEach(() => harness?.dispose());

  it('a resize into and out of the phone sheet re-lays the step out without reporting, announcing or stealing focus again', async () => {
    await setViewport({ width: 1000, height: 700 });
    try {
      await page();
      harness = createHarness();
      const changes: number[] = [];
      document.addEventListener('wm-step-change', (event) => changes.push((event as WmStepChangeEvent).step));
      harness.show(tour());
      const element = await shownTour(harness);
      expect(changes).to.deep.equal([0]);
      const close = element.panel!.querySelector<HTMLElement>('.close') ?? buttons(element)[0]!;
      close.focus();
      await setViewport({ width: 400, height: 700 });
      await until(() => element.panel!.classList.contains('sheet'), 'the phone sheet');
      // Laid out by its styles, at the bottom edge: nothing of the anchored placement is left on it.
      await until(() => Math.abs(element.panel!.getBoundingClientRect().bottom - innerHeight) < 1, 'the sheet at the bottom');
      expect(element.panel!.getBoundingClientRect().left).to.equal(0);
      await setViewport({ width: 1000, height: 700 });
      await until(() => isShown(element.panel) && !element.panel!.classList.contains('unplaced'), 'anchored again');
      expect(changes, 'one wm-step-change for one step').to.deep.equal([0]);
      expect(title(element)).to.equal('First');
      expect(deepActive(), 'focus stays where the user put it').to.equal(close);
      expect(harness.actions.filter((entry) => entry.action.type === 'shown')).to.have.length(1);
      // Moving on still reports the next step.
      await sendKeys({ press: 'ArrowRight' });
      await until(() => changes.length === 2, 'the next step reported');
      expect(changes).to.deep.equal([0, 1]);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows a labelled, described dialog next to its target, in the top layer, with focus inside', async () => {
    await page();
    harness = createHarness();
    harness.show(tour());
    const element = await shownTour(harness);
    const card = element.panel!;
    expect(card.localName).to.equal('dialog');
    expect(element.shadowRoot!.getElementById(card.getAttribute('aria-labelledby')!)!.textContent).to.equal('First');
    expect(element.shadowRoot!.getElementById(card.getAttribute('aria-describedby')!)!.textContent).to.contain('Hello there');
    expect(card.matches(':popover-open')).to.equal(true);
    const position = adjacency(card.getBoundingClientRect(), document.querySelector('#one')!.getBoundingClientRect());
    expect(position.side).to.equal('bottom');
    expect(position.gap).to.be.within(8, 16);
    expect(position.crossOverlap).to.be.greaterThan(0);
    expect(isOnTop(element, card)).to.equal(true);
    expect(harness.actions.map((a) => a.action.type)).to.deep.equal(['shown']);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('renders rich text as elements and safe links with rel="noopener noreferrer"', async () => {
    await page();
    harness = createHarness();
    harness.show(tour({ steps: [{ target: '#one', title: 'T', body: '**bold** <img src=x onerror=alert(1)> [bad](javascript:alert(1)) [ok](https://example.com/x)' }] }));
    const element = await shownTour(harness);
    const body = element.panel!.querySelector('.body')!;
    expect(body.querySelector('strong')!.textContent).to.equal('bold');
    expect(body.querySelector('img')).to.equal(null);
    expect(body.textContent).to.contain('<img src=x onerror=alert(1)>');
    const links = Array.from(body.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/x']);
    expect(links[0]!.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(links[0]!.getAttribute('target')).to.equal('_blank');
  });

  it('moves with Next/Back buttons and Left/Right keys, shows progress and announces each step', async () => {
    await page();
    harness = createHarness();
    const changes: number[] = [];
    document.addEventListener('wm-step-change', (e: WmStepChangeEvent) => changes.push(e.step));
    harness.show(tour());
    const element = await shownTour(harness);
    expect(element.panel!.querySelector('.progress')!.textContent).to.equal('1 of 3');
    expect(live(element)).to.equal('Step 1 of 3: First');
    button(element, 'Next').click();
    await until(() => title(element) === 'Second' && live(element) === 'Step 2 of 3: Second', 'second step');
    await until(() => deepActive() === element.panel, 'focus on step 2');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => title(element) === 'Third', 'third step by ArrowRight');
    expect(button(element, 'Done')).to.exist;
    await until(() => deepActive() === element.panel, 'focus on step 3');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => title(element) === 'Second', 'back by ArrowLeft');
    await until(() => deepActive() === element.panel, 'focus on step 2 again');
    await sendKeys({ press: 'Enter' });
    await until(() => title(element) === 'Third', 'forward by Enter');
    expect(harness.actions.map((a) => a.action.type)).to.deep.equal(['shown', 'next', 'next', 'back', 'next']);
    expect(changes).to.deep.equal([0, 1, 2, 1, 2]);
    button(element, 'Done').click();
    expect(harness.actions.at(-1)!.action).to.deep.equal({ type: 'complete' });
  });

  it('mirrors arrow keys in RTL locales and renders Arabic strings right-to-left', async () => {
    await page();
    harness = createHarness({ locale: 'ar' });
    harness.show(tour());
    const element = await shownTour(harness);
    expect(element.panel!.getAttribute('dir')).to.equal('rtl');
    expect(button(element, 'التالي')).to.exist;
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => title(element) === 'Second', 'ArrowLeft goes forward in RTL');
    await until(() => deepActive() === element.panel, 'focus');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => title(element) === 'First', 'ArrowRight goes back in RTL');
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('uses localized progress with plural rules and config overrides', async () => {
    await page();
    harness = createHarness({ locale: 'ru', strings: { ru: { next: 'Вперёд' } } });
    const sixSteps = tour({ steps: Array.from({ length: 6 }, (_, i) => ({ title: `S${i}`, target: '#one' })) });
    harness.show(sixSteps, 1);
    const element = await shownTour(harness);
    expect(element.panel!.querySelector('.progress')!.textContent).to.equal('Шаг 2 из 6');
    expect(button(element, 'Вперёд')).to.exist;
    expect(button(element, 'Назад')).to.exist;
    harness.dispose();
    harness = createHarness({ locale: 'lt' });
    harness.show(sixSteps, 1);
    const lt = await shownTour(harness);
    expect(lt.panel!.querySelector('.progress')!.textContent).to.equal('2 iš 6');
  });

  it('dismisses on Escape and gives focus back to where it was', async () => {
    await page();
    const start = document.querySelector<HTMLButtonElement>('#start')!;
    start.focus();
    harness = createHarness();
    harness.show(tour());
    await shownTour(harness);
    await sendKeys({ press: 'Escape' });
    expect(harness.actions.at(-1)!.action).to.deep.equal({ type: 'dismiss' });
    await until(() => document.querySelector('wm-tour') === null, 'tour removed');
    expect(deepActive() === start, 'focus is on the expected element').to.equal(true);
  });

  it('reports custom buttons and article links as button actions', async () => {
    await page();
    harness = createHarness({ articles: [{ id: 'kb-1', title: 'How projects work', url: '/kb/1' }] });
    harness.show(tour({ steps: [{ target: '#one', title: 'T', articles: ['kb-1', 'missing'], buttons: [{ label: 'Open chat', action: { type: 'open-chat' } }] }] }));
    const element = await shownTour(harness);
    button(element, 'Open chat').click();
    const article = element.panel!.querySelector<HTMLButtonElement>('.articles button')!;
    expect(element.panel!.querySelectorAll('.articles li').length).to.equal(1);
    article.click();
    expect(harness.actions.slice(1).map((a) => a.action)).to.deep.equal([
      { type: 'button', action: { type: 'open-chat' } },
      { type: 'button', action: { type: 'open-article', article: 'kb-1' } },
    ]);
  });

  it('lets the host veto an action by cancelling wm-action', async () => {
    await page();
    harness = createHarness();
    harness.show(tour());
    const element = await shownTour(harness);
    const veto = (e: Event) => e.preventDefault();
    document.addEventListener('wm-action', veto);
    try {
      button(element, 'Next').click();
    } finally {
      document.removeEventListener('wm-action', veto);
    }
    expect(harness.actions.map((a) => a.action.type)).to.deep.equal(['shown']);
  });

  it('dims the page with a spotlight cut-out around the target and blocks clicks on it unless interactive', async () => {
    await page();
    harness = createHarness();
    let clicks = 0;
    document.querySelector('#one')!.addEventListener('click', () => clicks++);
    harness.show(tour({ spotlight: { padding: 6, radius: 4 } }));
    const element = await shownTour(harness);
    const layer = element.shadowRoot!.querySelector<HTMLElement>('.spotlight')!;
    expect(layer.matches(':popover-open')).to.equal(true);
    const target = document.querySelector('#one')!.getBoundingClientRect();
    await until(() => Math.abs(spotlightHole(element).x - (target.x - 6)) < 1, 'hole around target');
    expect(spotlightHole(element).width).to.be.closeTo(target.width + 12, 1);
    // The shade: the hole's shadow, in the overlay colour, reaching past every edge of the viewport.
    const shadow = getComputedStyle(element.shadowRoot!.querySelector('.spotlight .hole')!).boxShadow;
    expect(shadow).to.match(/^rgba?\(/);
    expect(Number(/ (\d+(?:\.\d+)?)px$/.exec(shadow)?.[1])).to.be.at.least(Math.max(innerWidth, innerHeight));
    await sendMouse({ type: 'click', position: [Math.round(target.x + target.width / 2), Math.round(target.y + target.height / 2)] });
    expect(clicks).to.equal(0);
    expect(isOnTop(element, element.panel!)).to.equal(true);
  });

  it('on a phone sheet without a spotlight, rings the target (nothing else points at it) and blocks nothing', async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      await page();
      harness = createHarness();
      let clicks = 0;
      document.querySelector('#one')!.addEventListener('click', () => clicks++);
      harness.show(tour());
      const element = await shownTour(harness);
      expect(element.panel!.classList.contains('sheet')).to.equal(true);
      const layer = element.shadowRoot!.querySelector<HTMLElement>('.spotlight')!;
      expect(layer.matches(':popover-open'), 'the ring layer is open').to.equal(true);
      expect(layer.classList.contains('ring')).to.equal(true);
      const target = document.querySelector('#one')!.getBoundingClientRect();
      await until(() => Math.abs(spotlightHole(element).x - (target.x - 4)) < 1, 'ring around the target');
      expect(spotlightHole(element).height).to.be.closeTo(target.height + 8, 1);
      const ring = getComputedStyle(element.shadowRoot!.querySelector('.spotlight .hole')!);
      expect([ring.borderTopStyle, ring.borderTopWidth], 'a visible ring').to.deep.equal(['solid', '3px']);
      expect(ring.filter, 'edged, to show on a page of the accent colour').to.contain('drop-shadow');
      expect(ring.boxShadow, 'no shade').to.equal('none');
      expect(element.panel!.classList.contains('spotlit')).to.equal(false);
      expect(await axeViolations(element)).to.deep.equal([]);
      await sendMouse({ type: 'click', position: [Math.round(target.x + target.width / 2), Math.round(target.y + target.height / 2)] });
      expect(clicks, 'the ring lets the click through').to.equal(1);
      await sendMouse({ type: 'click', position: [5, 5] });
      expect(harness.actions.map((a) => a.action.type), 'the page around it stays usable').to.deep.equal(['shown']);

      // Wider than a phone, the card's arrow points at the target: no ring.
      await setViewport({ width: 1000, height: 700 });
      await until(() => !element.panel!.classList.contains('sheet') && !element.panel!.classList.contains('unplaced'), 'anchored');
      expect(element.shadowRoot!.querySelector('.spotlight')).to.equal(null);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('advances when the target is clicked (advanceOn click lets the click through the spotlight)', async () => {
    await page();
    harness = createHarness();
    let clicks = 0;
    document.querySelector('#one')!.addEventListener('click', () => clicks++);
    harness.show(tour({ spotlight: true, steps: [{ target: '#one', title: 'Click it', advanceOn: { click: true } }, { target: '#two', title: 'Done' }] }));
    const element = await shownTour(harness);
    const target = document.querySelector('#one')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(target.x + target.width / 2), Math.round(target.y + target.height / 2)] });
    expect(clicks).to.equal(1);
    expect(harness.actions.map((a) => a.action)).to.deep.equal([{ type: 'shown' }, { type: 'go-to', step: 1 }]);
    await until(() => title(element) === 'Done', 'advanced');
  });

  it('traps focus only in modal steps', async () => {
    await page();
    harness = createHarness();
    harness.show(tour({ steps: [{ title: 'Centred and modal', body: 'No target' }, { target: '#one', title: 'Anchored' }] }));
    const element = await shownTour(harness);
    expect(element.panel!.matches(':modal')).to.equal(true);
    expect(element.panel!.classList.contains('centered')).to.equal(true);
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.contains(deepActive())).to.equal(true);
    }
    button(element, 'Next').click();
    await until(() => title(element) === 'Anchored' && element.panel!.matches(':popover-open'), 'anchored step');
    expect(element.panel!.matches(':modal')).to.equal(false);
    await until(() => deepActive() === element.panel, 'focus');
    let left = false;
    for (let i = 0; i < 8 && !left; i++) {
      await sendKeys({ press: 'Tab' });
      left = !element.shadowRoot!.contains(deepActive());
    }
    expect(left, 'Tab leaves a non-modal step').to.equal(true);
  });

  it('reports a missing target, dispatches wm-target-missing and centres the step under the center policy', async () => {
    await page();
    harness = createHarness();
    const missing: WmTargetMissingEvent[] = [];
    document.addEventListener('wm-target-missing', (e) => missing.push(e));
    harness.show(tour({ steps: [{ target: '#nowhere', title: 'Lost', waitFor: '200ms', onMissingTarget: 'center' }] }));
    const element = await harness.tour('welcome');
    await until(() => isShown(element.panel), 'centred fallback shown');
    expect(element.panel!.classList.contains('centered')).to.equal(true);
    expect(missing.map((e) => [e.step, e.targetDescription, e.policy])).to.deep.equal([[0, '#nowhere', 'center']]);
    expect(harness.actions.map((a) => a.action)).to.deep.include({ type: 'step-missing', step: 0, policy: 'center' });
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('applies theme tokens through custom properties and ignores invalid values', async () => {
    await page();
    harness = createHarness({ theme: { mode: 'dark', accent: 'rebeccapurple', radius: 4, fontFamily: 'url(x)' } });
    harness.show(tour());
    const element = await shownTour(harness);
    expect(element.dataset.mode).to.equal('dark');
    expect(getComputedStyle(element.panel!).borderTopLeftRadius).to.equal('4px');
    const primary = element.panel!.querySelector<HTMLElement>('.primary')!;
    expect(getComputedStyle(primary).backgroundColor).to.equal('rgb(102, 51, 153)');
    expect(element.style.getPropertyValue('--wm-font')).to.equal('');
    expect(getComputedStyle(element.panel!).backgroundColor).to.equal('rgb(28, 33, 40)');
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('removes everything it added on hide', async () => {
    await page();
    harness = createHarness();
    harness.show(tour({ spotlight: true }));
    await shownTour(harness);
    harness.renderer.hide('welcome', 'dismissed');
    expect(document.querySelector('wm-tour')).to.equal(null);
    // The Escape listener is gone: Escape now reaches the page.
    let reached = false;
    const onKey = (e: KeyboardEvent) => (reached = e.key === 'Escape');
    window.addEventListener('keydown', onKey);
    await sendKeys({ press: 'Escape' });
    window.removeEventListener('keydown', onKey);
    expect(reached).to.equal(true);
  });

  it('a custom button for next or dismiss replaces the built-in one, so no action is offered twice', async () => {
    await page();
    harness = createHarness();
    harness.show(
      tour({
        steps: [
          {
            title: 'Welcome',
            buttons: [
              { label: 'Show me around', action: { type: 'next' }, variant: 'primary' },
              { label: 'Maybe later', action: { type: 'dismiss' }, variant: 'link' },
            ],
          },
          { target: '#two', title: 'Second' },
        ],
      }),
    );
    const element = await shownTour(harness);
    expect(buttons(element).map((b) => b.textContent!.trim())).to.deep.equal(['Show me around', 'Maybe later']);
    button(element, 'Show me around').click();
    await until(() => title(element) === 'Second', 'the custom next button moves on');
    expect(harness.actions.at(-1)).to.deep.equal({ id: 'welcome', action: { type: 'button', action: { type: 'next' } } });
    // Built-in buttons are back on a step without custom ones.
    expect(buttons(element).map((b) => b.textContent!.trim())).to.include.members(['Back', 'Done']);
  });
});
