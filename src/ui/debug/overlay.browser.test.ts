import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { Why } from '../../engine/contract.js';
import { accessibleText, resolveAllTargets, roleOf } from '../../platform/targets/index.js';
import { axeViolations, deepActive, isShown, until } from '../../../tests/browser/layouts/harness.js';
import { createDismissibleStack, type DismissibleStack } from '../shared/dismissible-stack.js';
import { tagName, WmDebug } from './define.js';
import type { DebugSnapshot, DebugSource } from './types.js';

/** The same element with an open shadow root, so axe-core can see inside (production uses a closed one). */
class OpenWmDebug extends WmDebug {
  static override shadowRootOptions: ShadowRootInit = { ...WmDebug.shadowRootOptions, mode: 'open' };
}
customElements.define('wm-debug-open-test', OpenWmDebug);

const why = (experienceId: string, fields: Partial<Why>): Why => ({
  experienceId,
  eligible: false,
  active: false,
  reason: '',
  checks: [],
  ...fields,
});

interface FakeSource extends DebugSource {
  calls: string[];
  data: DebugSnapshot;
  notify(): void;
  listeners: Set<() => void>;
}

function fakeSource(stack?: DismissibleStack): FakeSource {
  const listeners = new Set<() => void>();
  const calls: string[] = [];
  const data: DebugSnapshot = {
    userId: 'u-dana',
    stage: { id: 'setup', name: 'Setting up' },
    traits: { plan: 'pro', projects: 2 },
    locale: 'en',
    locales: ['en', 'ru', 'lt'],
    experiences: [
      { id: 'welcome-tour', name: 'Welcome tour', type: 'tour', why: why('welcome-tour', { active: true, eligible: true, reason: 'showing now', checks: [{ check: 'stage', ok: true, detail: 'setup is in [signup, setup]' }] }) },
      { id: 'api-hint', type: 'hint', why: why('api-hint', { eligible: true, reason: 'eligible, waiting for room' }) },
      {
        id: 'nps',
        type: 'survey',
        why: why('nps', {
          reason: 'trigger not met',
          checks: [{ check: 'trigger', ok: false, detail: 'condition false' }],
          condition: { label: 'all', result: false, children: [{ label: 'event "project_created" ≥ 1', result: false, detail: 'seen 0 times' }] },
        }),
      },
    ],
    log: [
      { seq: 1, at: Date.UTC(2026, 0, 1, 10, 0, 0), kind: 'signal', type: 'page', summary: '/' },
      { seq: 2, at: Date.UTC(2026, 0, 1, 10, 0, 1), kind: 'event', type: 'experience_shown', summary: 'welcome-tour' },
    ],
  };
  const source: FakeSource = {
    window,
    stack,
    calls,
    data,
    listeners,
    snapshot: () => data,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify: () => listeners.forEach((l) => l()),
    start: (id) => calls.push(`start:${id}`),
    reset: () => calls.push('reset'),
    setLocale: (locale) => calls.push(`locale:${locale}`),
    targets: { all: (target) => resolveAllTargets(target, document), roleOf, accessibleText },
  };
  return source;
}

const roots: WmDebug[] = [];
async function mount(source: DebugSource, tag = 'wm-debug-open-test'): Promise<WmDebug> {
  const element = document.createElement(tag) as WmDebug;
  element.source = source;
  document.body.append(element);
  roots.push(element);
  await element.updateComplete;
  return element;
}
const shadow = (element: WmDebug) => element.renderRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(element: WmDebug, selector: string) => shadow(element).querySelector<T>(selector)!;
const buttonNamed = (element: WmDebug, name: string) =>
  Array.from(shadow(element).querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name)!;
const center = (el: Element): [number, number] => {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
};

describe('<wm-debug>', () => {
  beforeEach(() => sessionStorage.removeItem('waymark:debug'));
  afterEach(async () => {
    for (const element of roots.splice(0)) element.remove();
    document.documentElement.removeAttribute('dir');
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('lists experiences with eligibility badges and why, the stage, traits and recent activity, without taking focus', async () => {
    await fixture(html`<div><button id="app-button">App</button></div>`);
    const appButton = document.querySelector<HTMLButtonElement>('#app-button')!;
    appButton.focus();
    const element = await mount(fakeSource());
    expect(deepActive() === appButton, 'focus stays in the app').to.equal(true);
    const layer = $(element, '.layer');
    expect(isShown(layer), 'in the top layer').to.equal(true);
    const panel = $(element, 'section.panel');
    expect(panel.getAttribute('aria-labelledby')).to.equal('wm-debug-title');
    expect($(element, '#wm-debug-title').textContent).to.equal('Waymark debug');

    const rows = Array.from(shadow(element).querySelectorAll<HTMLElement>('.experiences > li'));
    expect(rows.map((r) => [r.dataset.experience, r.dataset.status])).to.deep.equal([
      ['welcome-tour', 'showing'],
      ['api-hint', 'eligible'],
      ['nps', 'blocked'],
    ]);
    expect(rows[0]!.querySelector('.name')!.textContent).to.equal('Welcome tour');
    expect(rows[2]!.querySelector('.reason')!.textContent).to.equal('trigger not met');
    expect(rows[2]!.querySelector('.tree')!.textContent!.replace(/\s+/g, ' ')).to.contain('event "project_created" ≥ 1 (seen 0 times)');
    expect($(element, '.counts').textContent).to.equal('1 showing · 1 eligible · 1 blocked');
    expect($(element, '.stage').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Setting up setup');
    expect($(element, '.traits').textContent!.replace(/\s+/g, '')).to.equal('plan"pro"projects2');
    // Newest first.
    expect(Array.from(shadow(element).querySelectorAll('.log li')).map((li) => li.getAttribute('data-kind'))).to.deep.equal(['event', 'signal']);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('re-renders when its source says something changed, and stops listening when removed', async () => {
    const source = fakeSource();
    const element = await mount(source);
    source.data.log.push({ seq: 3, at: Date.now(), kind: 'signal', type: 'track', summary: 'project_created' });
    source.notify();
    await until(() => shadow(element).querySelectorAll('.log li').length === 3, 'the new entry');
    expect(shadow(element).querySelector('.log li .summary')!.textContent).to.equal('project_created');
    element.remove();
    expect(source.listeners.size).to.equal(0);
  });

  it('filters experiences, starts one, resets the user and switches the locale', async () => {
    const source = fakeSource();
    const element = await mount(source);
    const filter = $<HTMLInputElement>(element, 'input.filter');
    expect(filter.getAttribute('aria-label')).to.equal('Filter experiences');
    filter.focus();
    await sendKeys({ type: 'blocked' });
    await element.updateComplete;
    expect(Array.from(shadow(element).querySelectorAll<HTMLElement>('.experiences > li')).map((r) => r.dataset.experience)).to.deep.equal(['nps']);
    await sendKeys({ press: 'Tab' }); // the only Start button left
    await sendKeys({ press: 'Enter' });
    expect(source.calls).to.deep.equal(['start:nps']);

    buttonNamed(element, 'Reset user progress').click();
    const select = $<HTMLSelectElement>(element, 'select.locale');
    expect(select.labels?.[0]?.textContent).to.contain('Locale');
    select.value = 'ru';
    select.dispatchEvent(new Event('change'));
    expect(source.calls).to.deep.equal(['start:nps', 'reset', 'locale:ru']);
  });

  it('collapses to a pill by keyboard, remembers it and its corner for the session, and expands again', async () => {
    const element = await mount(fakeSource());
    buttonNamed(element, 'Move panel to the next corner').click();
    await element.updateComplete;
    expect($(element, '.layer').className).to.contain('bottom right');
    const collapse = buttonNamed(element, 'Collapse debug panel');
    collapse.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !element.expanded && shadow(element).querySelector('.pill') !== null, 'collapsed');
    const pill = $(element, '.pill');
    expect(deepActive() === pill, 'focus on the pill').to.equal(true);
    expect(pill.getAttribute('aria-expanded')).to.equal('false');
    expect(pill.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Waymark debug 1 showing');
    const pillBox = pill.getBoundingClientRect();
    expect(pillBox.width).to.be.below(220);
    expect(pillBox.height).to.be.below(48);
    expect(await axeViolations(element)).to.deep.equal([]);
    expect(JSON.parse(sessionStorage.getItem('waymark:debug')!)).to.deep.equal({ collapsed: true, corner: 'bottom-end' });

    // A reload in the same tab: collapsed, same corner.
    element.remove();
    const again = await mount(fakeSource());
    expect(again.expanded).to.equal(false);
    expect($(again, '.layer').className).to.contain('bottom right');
    $(again, '.pill').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => again.expanded, 'expanded');
    expect(deepActive() === buttonNamed(again, 'Collapse debug panel'), 'focus on the collapse button').to.equal(true);
  });

  it('starts as the pill on a narrow screen (until the session chooses otherwise)', async () => {
    await setViewport({ width: 375, height: 700 });
    try {
      const element = await mount(fakeSource());
      expect(element.expanded).to.equal(false);
      const pill = $(element, '.pill').getBoundingClientRect();
      expect(pill.right).to.be.below(375);
      expect(pill.bottom).to.be.closeTo(700 - 84, 1); // above Waymark's full-width bottom launchers
      element.remove();
      sessionStorage.setItem('waymark:debug', JSON.stringify({ collapsed: false, corner: 'top-start' }));
      const chosen = await mount(fakeSource());
      expect(chosen.expanded).to.equal(true);
      expect($(chosen, '.panel').getBoundingClientRect().top).to.be.closeTo(12, 1);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('picks an element with the real mouse: highlight on hover, page handlers never run, selector and count shown', async () => {
    await fixture(html`<div style="padding:40px 40px 40px 460px">
      <button data-waymark="save-button" id="save">Save</button>
      <button class="css-1x2y3z">Cancel</button><button class="css-9q8w7e">Cancel</button>
    </div>`);
    const save = document.querySelector<HTMLButtonElement>('#save')!;
    const pageClicks: string[] = [];
    // What the page hears of presses and clicks, except those on the overlay's own buttons (this test
    // element's shadow root is open, so the path shows whether the picker's shield was hit).
    const onPageClick = (event: Event) => {
      const path = event.composedPath() as Element[];
      if (path.some((node) => node.classList?.contains('shield'))) pageClicks.push(`${event.type} on the shield`);
      else if (!(event.target as Element).localName.startsWith('wm-debug')) pageClicks.push(`${event.type} on ${(event.target as Element).localName}`);
    };
    document.addEventListener('click', onPageClick, true);
    document.addEventListener('pointerdown', onPageClick, true);
    save.addEventListener('click', () => pageClicks.push('save handler'));
    const element = await mount(fakeSource());
    const pick = buttonNamed(element, 'Pick element');
    pick.click();
    await until(() => element.isPicking && isShown($(element, '.shield')), 'picking');
    expect(pick.getAttribute('aria-pressed')).to.equal('true');
    expect(await axeViolations(element)).to.deep.equal([]);

    await sendMouse({ type: 'move', position: center(save) });
    const box = $(element, '.box');
    await until(() => isShown(box) && Math.abs(box.getBoundingClientRect().left - save.getBoundingClientRect().left) < 1, 'the box over the button');
    const b = box.getBoundingClientRect();
    const s = save.getBoundingClientRect();
    expect([b.top, b.width, b.height]).to.deep.equal([s.top, s.width, s.height]);
    expect(box.textContent).to.contain('[data-waymark="save-button"]');

    // The panel is never picked: hovering it highlights nothing.
    await sendMouse({ type: 'move', position: center($(element, '#wm-debug-title')) });
    await until(() => getComputedStyle(box).display === 'none', 'no highlight over the overlay');

    await sendMouse({ type: 'move', position: center(save) });
    await sendMouse({ type: 'click', position: center(save) });
    await until(() => element.picked !== null, 'picked');
    expect(pageClicks, 'the page saw no click').to.deep.equal([]);
    expect(deepActive() === save).to.equal(false);
    expect(element.isPicking).to.equal(false);
    expect(element.picked!.selector).to.equal('[data-waymark="save-button"]');
    expect(element.picked!.count).to.equal(1);
    await element.updateComplete;
    expect($(element, '.picked code.selector').textContent).to.equal('[data-waymark="save-button"]');
    expect($(element, '.picked .match-count').textContent).to.equal('1 match');
    expect($(element, '.picked code.target').textContent).to.equal('"target": {"anchor":"save-button"}');
    expect(await axeViolations(element)).to.deep.equal([]);

    // Copy: the config target goes to the clipboard; where copying is refused, the selector is selected instead.
    const copied: string[] = [];
    let refuse = false;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => (refuse ? Promise.reject(new Error('denied')) : void copied.push(text)) },
    });
    try {
      buttonNamed(element, 'Copy target').click();
      await until(() => $(element, '[role="status"]').textContent === 'Copied to the clipboard.', 'copied');
      expect(copied).to.deep.equal(['{"anchor":"save-button"}']);
      refuse = true;
      buttonNamed(element, 'Copy selector').click();
      await until(() => /Ctrl\+C/.test($(element, '[role="status"]').textContent!), 'the fallback');
      expect(getSelection()!.toString()).to.equal('[data-waymark="save-button"]');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard; // the prototype's own again
    }

    // A non-unique pick says so, with its count; the alternatives list its other forms.
    pick.click();
    await until(() => element.isPicking, 'picking again');
    const cancel = document.querySelectorAll('button')[1]!;
    await sendMouse({ type: 'click', position: center(cancel) });
    await until(() => element.picked?.element === cancel, 'picked Cancel');
    expect(document.querySelectorAll(element.picked!.selector!).length).to.equal(1);
    expect(element.picked!.selector).not.to.contain('css-');
    expect(pageClicks).to.deep.equal([]);

    // Parent element climbs up.
    buttonNamed(element, 'Parent element').click();
    await until(() => element.picked?.element === cancel.parentElement, 'the parent');
    buttonNamed(element, 'Clear').click();
    await until(() => element.picked === null && !isShown(box), 'cleared');
    document.removeEventListener('click', onPageClick, true);
    document.removeEventListener('pointerdown', onPageClick, true);
  });

  it('picks by keyboard: arrow keys move the highlight (child, sibling, parent), Enter picks, the page hears no key', async () => {
    await fixture(html`<main style="padding:40px 40px 40px 460px">
      <nav id="menu"><a id="home" href="#home">Home</a> <a id="projects" href="#projects">Projects</a></nav>
    </main>`);
    const pageKeys: string[] = [];
    const onPageKey = (event: KeyboardEvent) => pageKeys.push(event.key);
    document.addEventListener('keydown', onPageKey);
    try {
      const element = await mount(fakeSource());
      const pick = buttonNamed(element, 'Pick element');
      pick.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => element.isPicking, 'picking');
      pageKeys.length = 0; // the Enter that pressed "Pick element" is the page's to hear
      const box = $(element, '.box');
      const highlighted = () => {
        const b = box.getBoundingClientRect();
        return ['main', '#menu', '#home', '#projects'].find((selector) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return isShown(box) && Math.abs(r.left - b.left) < 1 && Math.abs(r.top - b.top) < 1 && Math.abs(r.width - b.width) < 1;
        });
      };
      await sendKeys({ press: 'ArrowDown' });
      await until(() => highlighted() === 'main', 'starts at the main landmark');
      await sendKeys({ press: 'ArrowDown' });
      await until(() => highlighted() === '#menu', 'Down: the first child');
      await sendKeys({ press: 'ArrowDown' });
      await until(() => highlighted() === '#home', 'Down again');
      await sendKeys({ press: 'ArrowRight' });
      await until(() => highlighted() === '#projects', 'Right: the next sibling');
      expect($(element, '[role="status"]').textContent).to.contain('a#projects');
      await sendKeys({ press: 'ArrowLeft' });
      await until(() => highlighted() === '#home', 'Left: the previous sibling');
      await sendKeys({ press: 'ArrowUp' });
      await until(() => highlighted() === '#menu', 'Up: the parent');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await until(() => element.picked !== null, 'picked by Enter');
      expect(element.picked!.element.id).to.equal('projects');
      expect(element.isPicking).to.equal(false);
      expect(location.hash, 'the link was not followed').to.not.equal('#projects');
      expect(pageKeys, 'the page heard none of the picker keys').to.deep.equal([]);
      expect(await axeViolations(element)).to.deep.equal([]);
    } finally {
      document.removeEventListener('keydown', onPageKey);
    }
  });

  it('Escape leaves the picker and nothing else: a Waymark layer underneath stays open', async () => {
    await fixture(html`<p>page</p>`);
    const stack = createDismissibleStack(window);
    let tourDismissed = false;
    const removeTourLayer = stack.push({ dismiss: () => (tourDismissed = true) });
    const element = await mount(fakeSource(stack));
    buttonNamed(element, 'Pick element').click();
    await until(() => element.isPicking, 'picking');
    await sendKeys({ press: 'Escape' });
    await until(() => !element.isPicking, 'picker closed');
    expect(tourDismissed).to.equal(false);
    expect(isShown($(element, '.shield'))).to.equal(false);
    expect($(element, '[role="status"]').textContent).to.equal('Picker closed.');
    await sendKeys({ press: 'Escape' });
    expect(tourDismissed).to.equal(true);
    removeTourLayer();
    stack.dispose();
  });

  it('under RTL: docks at the start corner (right), its own text stays left-to-right, bidi values isolated', async () => {
    document.documentElement.setAttribute('dir', 'rtl');
    const source = fakeSource();
    source.data.traits = { company: 'شركة' };
    const element = await mount(source);
    const layer = $(element, '.layer');
    expect(layer.getAttribute('dir')).to.equal('ltr');
    const rect = $(element, '.panel').getBoundingClientRect();
    expect(rect.right).to.be.closeTo(innerWidth - 12, 1);
    expect(getComputedStyle($(element, '.panel')).direction).to.equal('ltr');
    expect($(element, '.traits bdi').textContent).to.equal('"شركة"');
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('the production element keeps its shadow root closed, so page queries and Waymark targets never reach into it', async () => {
    const element = await mount(fakeSource(), tagName);
    expect(element.shadowRoot).to.equal(null);
    expect(element.getAttribute('data-waymark-ui')).to.equal('debug');
    expect(resolveAllTargets({ text: 'Pick element', role: 'button' }, document)).to.have.length(0);
    expect(resolveAllTargets({ text: 'Start' }, document)).to.have.length(0);
  });

  it('the production element (closed shadow root) picks with the real mouse too, and never itself', async () => {
    await fixture(html`<div style="padding:60px 60px 60px 480px"><a href="#nowhere" data-waymark="docs-link">Docs</a></div>`);
    const link = document.querySelector('a')!;
    let followed = false;
    link.addEventListener('click', () => (followed = true));
    const element = await mount(fakeSource(), tagName);
    buttonNamed(element, 'Pick element').click();
    await until(() => element.isPicking, 'picking');
    await sendMouse({ type: 'move', position: center($(element, '#wm-debug-title')) });
    await sendMouse({ type: 'move', position: center(link) });
    const box = $(element, '.box');
    await until(() => isShown(box) && Math.abs(box.getBoundingClientRect().left - link.getBoundingClientRect().left) < 1, 'the box over the link');
    await sendMouse({ type: 'click', position: center(link) });
    await until(() => element.picked !== null, 'picked');
    expect(element.picked!.selector).to.equal('[data-waymark="docs-link"]');
    expect(followed).to.equal(false);
    expect(location.hash).to.equal('');
  });
});
