import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { TourExperience, TourStep } from '../../config/types.js';
import { createHarness, deepActive, isShown, until, withinViewport, type Harness } from '../../../tests/browser/layouts/harness.js';
import type { WmTour } from './tour.js';

/** A page whose "Projects" link sits in a menu that is collapsed until the menu button opens it. */
const menuPage = () =>
  fixture(html`<div style="padding:40px">
    <button id="menu" aria-expanded="false" @click=${(event: Event) => {
      const button = event.currentTarget as HTMLElement;
      const nav = document.querySelector<HTMLElement>('#nav')!;
      nav.hidden = !nav.hidden;
      button.setAttribute('aria-expanded', String(!nav.hidden));
    }}>Menu</button>
    <nav id="nav" hidden><a id="projects" href="#projects">Projects</a></nav>
    <p><button id="other">Other</button></p>
  </div>`);

const tourWith = (step: Partial<TourStep>, more: Partial<TourExperience> = {}): TourExperience => ({
  id: 'journey',
  type: 'tour',
  steps: [{ target: '#projects', title: 'Click Projects', ...step }, { target: '#other', title: 'After' }],
  ...more,
});

const title = (element: WmTour) => element.panel!.querySelector('.title')!.textContent!.trim();
const centre = (element: Element): [number, number] => {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
};

async function shown(harness: Harness): Promise<WmTour> {
  const element = await harness.tour('journey');
  await until(() => isShown(element.panel) && !element.panel!.classList.contains('unplaced'), 'step shown');
  return element;
}

/** The spotlight's hole on screen (its shadow is the shade). */
function spotlightHole(element: Element): DOMRect {
  return element.shadowRoot!.querySelector('.spotlight .hole')!.getBoundingClientRect();
}

describe('<wm-tour> never strands the user', () => {
  let harness: Harness;
  afterEach(async () => {
    harness?.dispose();
    location.hash = '';
    await setViewport({ width: 800, height: 600 });
  });

  it('a target a scroll container clips, though inside the viewport, is scrolled into sight within it before the step points at it', async () => {
    await setViewport({ width: 800, height: 600 });
    await fixture(html`<div style="padding:40px">
      <div id="list" style="height:160px; overflow:auto; border:1px solid">
        <div style="height:300px">Rows</div>
        <button id="projects">Projects</button>
        <div style="height:200px"></div>
      </div>
      <p><button id="other">Other</button></p>
    </div>`);
    const list = document.querySelector<HTMLElement>('#list')!;
    const target = document.querySelector('#projects')!;
    expect(target.getBoundingClientRect().top, 'the target is clipped, not off screen').to.be.lessThan(600);
    expect(target.getBoundingClientRect().top, 'below the container\'s visible part').to.be.greaterThan(list.getBoundingClientRect().bottom);
    harness = createHarness();
    harness.show(tourWith({}));
    const element = await shown(harness);
    expect(element.currentTarget).to.equal(target);
    const box = target.getBoundingClientRect();
    const frame = list.getBoundingClientRect();
    expect(list.scrollTop, 'the container scrolled').to.be.greaterThan(0);
    expect(box.top >= frame.top && box.bottom <= frame.bottom, 'the target shows inside its container').to.equal(true);
    expect(element.panel!.classList.contains('detached'), 'the card stays with its target').to.equal(false);
  });

  it('reveal: clicks the declared menu button, then points at the target once it shows', async () => {
    await setViewport({ width: 390, height: 844 });
    await menuPage();
    harness = createHarness();
    harness.show(tourWith({ onHiddenTarget: { reveal: '#menu' } }));
    const element = await shown(harness);
    await until(() => element.currentTarget === document.querySelector('#projects'), 'anchored to the revealed link');
    expect(document.querySelector('#menu')!.getAttribute('aria-expanded')).to.equal('true');
    expect(title(element)).to.equal('Click Projects');
  });

  it('fallback: points at the menu button, lets a real tap through the spotlight, then follows the target', async () => {
    await setViewport({ width: 390, height: 844 });
    await menuPage();
    harness = createHarness();
    harness.show(tourWith({ onHiddenTarget: { fallback: '#menu' }, spotlight: true }));
    const element = await shown(harness);
    const menu = document.querySelector('#menu')!;
    expect(element.currentTarget).to.equal(menu);
    expect(title(element), 'the step keeps its own text').to.equal('Click Projects');
    await sendMouse({ type: 'click', position: centre(menu) });
    expect(menu.getAttribute('aria-expanded'), 'the overlay did not take the tap').to.equal('true');
    await until(() => element.currentTarget === document.querySelector('#projects'), 'the step moves to the now visible link');
  });

  it('phone default without a declared policy: a non-modal sheet that leaves the menu button usable', async () => {
    await setViewport({ width: 390, height: 844 });
    await menuPage();
    harness = createHarness();
    harness.show(tourWith({}));
    const element = await shown(harness);
    expect(element.panel!.classList.contains('sheet')).to.equal(true);
    expect(element.panel!.matches(':modal'), 'a sheet never blocks the page').to.equal(false);
    const menu = document.querySelector('#menu')!;
    await sendMouse({ type: 'click', position: centre(menu) });
    expect(menu.getAttribute('aria-expanded')).to.equal('true');
    await until(() => element.currentTarget === document.querySelector('#projects'), 'anchored once the user opened the menu');
  });

  it('fallback with a sliding drawer: the spotlight hole lands on the link where the drawer comes to rest', async () => {
    await setViewport({ width: 390, height: 844 });
    await fixture(html`<div style="padding:40px">
      <style>
        #drawer { position: fixed; top: 0; left: 0; width: 240px; bottom: 0; background: #eee; transform: translateX(-100%); visibility: hidden; transition: transform 200ms, visibility 0s 200ms; }
        #drawer.open { transform: none; visibility: visible; transition: transform 200ms; }
      </style>
      <button id="menu" style="margin-left:260px" @click=${() => document.querySelector('#drawer')!.classList.toggle('open')}>Menu</button>
      <nav id="drawer"><a id="projects" href="#projects" style="display:block;margin:80px 20px">Projects</a></nav>
      <p><button id="other">Other</button></p>
    </div>`);
    harness = createHarness();
    harness.show(tourWith({ onHiddenTarget: { fallback: '#menu' }, spotlight: { padding: 4, interactive: true } }));
    const element = await shown(harness);
    await sendMouse({ type: 'click', position: centre(document.querySelector('#menu')!) });
    const link = document.querySelector('#projects')!;
    await until(() => element.currentTarget === link, 'anchored to the link');
    await until(() => Math.abs(spotlightHole(element).x - (link.getBoundingClientRect().x - 4)) < 1.5, 'the hole on the resting link');
    await sendMouse({ type: 'click', position: centre(link) });
    expect(location.hash).to.equal('#projects');
  });

  it('skip: a hidden target under the skip policy moves on at once', async () => {
    await menuPage();
    harness = createHarness();
    harness.show(tourWith({ onHiddenTarget: 'skip' }));
    const element = await shown(harness);
    await until(() => title(element) === 'After', 'skipped to the next step');
    expect(harness.actions.map((entry) => entry.action)).to.deep.include({ type: 'step-missing', step: 0, policy: 'skip' });
  });

  it('Enter on a step that advances by clicking a link follows the link, once, and moves on', async () => {
    await menuPage();
    document.querySelector<HTMLElement>('#nav')!.hidden = false;
    harness = createHarness();
    let clicks = 0;
    document.querySelector('#projects')!.addEventListener('click', () => clicks++);
    harness.show(tourWith({ advanceOn: { click: true }, spotlight: true }));
    const element = await shown(harness);
    await until(() => deepActive() === element.panel, 'focus in the step');
    await sendKeys({ press: 'Enter' });
    expect(clicks, 'the link was followed').to.equal(1);
    expect(location.hash).to.equal('#projects');
    // One move, and one that cannot skip a step when the runtime's click sensor reports the same click.
    expect(harness.actions.filter((entry) => ['next', 'go-to'].includes(entry.action.type)).map((entry) => entry.action)).to.deep.equal([{ type: 'go-to', step: 1 }]);
    await until(() => title(element) === 'After', 'moved on');
  });

  it('Next on a link step whose link is still in the collapsed menu follows it too', async () => {
    await setViewport({ width: 390, height: 844 });
    await menuPage();
    harness = createHarness();
    harness.show(tourWith({ advanceOn: { click: true }, onHiddenTarget: { fallback: '#menu' } }));
    const element = await shown(harness);
    const next = Array.from(element.panel!.querySelectorAll<HTMLButtonElement>('.footer button')).find((b) => b.textContent!.trim() === 'Next')!;
    await sendMouse({ type: 'click', position: centre(next) });
    expect(location.hash).to.equal('#projects');
    await until(() => title(element) === 'After', 'moved on');
  });

  it('at 400 % zoom (320×256) a long centred step scrolls inside its card and its buttons are reachable', async () => {
    await setViewport({ width: 320, height: 256 });
    await menuPage();
    harness = createHarness();
    const body = 'Let us get your first service live. This tour takes about a minute and shows you where everything is. '.repeat(3);
    harness.show({ id: 'journey', type: 'tour', steps: [{ title: 'Welcome to Acme Cloud', body }, { target: '#other', title: 'After' }] });
    const element = await shown(harness);
    const card = element.panel!;
    expect(withinViewport(card.getBoundingClientRect()), 'the card fits the viewport').to.equal(true);
    expect(card.scrollHeight).to.be.greaterThan(card.clientHeight);
    const next = Array.from(card.querySelectorAll<HTMLButtonElement>('.footer button')).at(-1)!;
    next.scrollIntoView({ block: 'nearest' });
    expect(withinViewport(next.getBoundingClientRect()), 'Next can be scrolled to').to.equal(true);
    await sendMouse({ type: 'click', position: centre(next) });
    await until(() => title(element) === 'After', 'Next works at 400 %');
  });

  it('the focused step card shows a focus indicator', async () => {
    await menuPage();
    harness = createHarness();
    harness.show({ id: 'journey', type: 'tour', steps: [{ title: 'Welcome' }, { title: 'Two' }] });
    const element = await shown(harness);
    await until(() => deepActive() === element.panel, 'focus in the step');
    const style = getComputedStyle(element.panel!);
    expect(style.outlineStyle).to.not.equal('none');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('on a phone its close button and footer buttons are 44px touch targets', async () => {
    await setViewport({ width: 390, height: 844 });
    await menuPage();
    harness = createHarness();
    harness.show({ id: 'journey', type: 'tour', steps: [{ title: 'Welcome' }, { title: 'Two' }] });
    const element = await shown(harness);
    for (const control of element.panel!.querySelectorAll<HTMLElement>('.close, .footer button')) {
      const box = control.getBoundingClientRect();
      expect(box.height, control.textContent!).to.be.at.least(44);
      expect(box.width, control.textContent!).to.be.at.least(44);
    }
  });
});
