/**
 * The tour while the page scrolls: the hole follows the target by moving one fixed-size shape
 * (a transform), the path is not rewritten, the card moves without left/top, and a tour alone neither
 * hit-tests nor searches the page on every frame something in it changes style.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { TourExperience } from '../../config/types.js';
import { createHarness, deepActive, isShown, nextFrame, until, type Harness } from '../../../tests/browser/layouts/harness.js';
import type { WmTour } from './tour.js';

const tour = (overrides: Partial<TourExperience> = {}): TourExperience => ({
  id: 'scrolled',
  type: 'tour',
  spotlight: { padding: 6, radius: 4 },
  steps: [
    { target: '#target', title: 'Scrolled', placement: 'right' },
    { target: '#other', title: 'Other' },
  ],
  ...overrides,
});

const page = () =>
  fixture(html`<div>
    <div id="inner" style="height:300px;width:400px;overflow:auto;margin:40px">
      <div style="height:400px"></div>
      <button id="target" style="width:120px;height:30px;margin-left:20px">Target</button>
      <button id="other">Other</button>
      <div style="height:600px"></div>
    </div>
    <div style="height:2000px"></div>
  </div>`);

async function shownTour(harness: Harness): Promise<WmTour> {
  // The target in view inside its container (400 px down a 300 px box).
  document.querySelector('#inner')!.scrollTop = 250;
  const element = await harness.tour('scrolled');
  await until(() => isShown(element.panel), 'step shown');
  await until(() => deepActive() === element.panel, 'focus in step');
  return element;
}

/** The hole on screen: the blocker's box in the moved SVG (the blocker itself may be display:none). */
function hole(element: WmTour): DOMRect {
  const root = element.shadowRoot!;
  const svg = root.querySelector<SVGSVGElement>('.spotlight svg')!.getBoundingClientRect();
  const blocker = root.querySelector('.blocker')!;
  const n = (name: string) => Number(blocker.getAttribute(name));
  return new DOMRect(svg.x + n('x'), svg.y + n('y'), n('width'), n('height'));
}

function around(element: WmTour, target: Element, padding = 6): boolean {
  const want = target.getBoundingClientRect();
  const got = hole(element);
  return Math.abs(got.x - (want.x - padding)) < 1 && Math.abs(got.y - (want.y - padding)) < 1 && Math.abs(got.width - (want.width + 2 * padding)) < 1;
}

/** Counts attribute writes in the spotlight layer, by attribute name, and which elements were written. */
function watchSpotlight(element: WmTour): { counts: Map<string, number>; written: Set<Element>; stop(): void } {
  const counts = new Map<string, number>();
  const written = new Set<Element>();
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      counts.set(record.attributeName!, (counts.get(record.attributeName!) ?? 0) + 1);
      written.add(record.target as Element);
    }
  });
  observer.observe(element.shadowRoot!.querySelector('.spotlight')!, { subtree: true, attributes: true });
  return { counts, written, stop: () => observer.disconnect() };
}

async function scrollFrames(scroller: Element, frames: number, by: number): Promise<void> {
  for (let i = 0; i < frames; i++) {
    scroller.scrollTop += by;
    await nextFrame();
  }
  await nextFrame();
}

/** The scrolling page with the tour's step open and its hole around the target; `keep` receives the harness to dispose. */
async function spotlitTarget(keep: (harness: Harness) => void): Promise<{ target: Element; inner: Element; element: WmTour }> {
  await page();
  const target = document.querySelector('#target')!;
  const inner = document.querySelector('#inner')!;
  const harness = createHarness();
  keep(harness);
  harness.show(tour());
  const element = await shownTour(harness);
  await until(() => around(element, target), 'hole around the target');
  return { target, inner, element };
}

describe('<wm-tour> spotlight while scrolling', () => {
  let harness: Harness;
  afterEach(() => {
    harness?.dispose();
    document.scrollingElement!.scrollTop = 0;
  });

  it('moves the hole with the target in a scrolled container and the window without rewriting its path', async () => {
    const { target, inner, element } = await spotlitTarget((made) => (harness = made));
    const card = element.panel!;
    const cardLeft = card.style.left;
    const watch = watchSpotlight(element);
    const mover = element.shadowRoot!.querySelector<HTMLElement>('.spotlight .shape')!;
    const movedFrom = mover.style.transform;
    try {
      await scrollFrames(inner, 10, 3);
      await until(() => around(element, target), 'hole follows the target in the container');
      await scrollFrames(document.scrollingElement!, 10, 3);
      await until(() => around(element, target), 'hole follows the target in the window');
      // Only the transform moved: no path, size or blocker written while the target kept its size.
      expect([...watch.counts.keys()].filter((name) => name !== 'style'), 'attributes written while scrolling').to.deep.equal([]);
      expect(mover.style.transform).to.not.equal(movedFrom);
    } finally {
      watch.stop();
    }
    // The card follows with a transform too: its left/top are never written.
    expect(card.style.left).to.equal(cardLeft);
    expect(card.style.left).to.equal('');
    const cardBox = card.getBoundingClientRect();
    const targetBox = target.getBoundingClientRect();
    expect(Math.abs(cardBox.left - (targetBox.right + 12))).to.be.lessThan(1.5);
  });

  it('moves only HTML boxes by their inline transform: no SVG element restyled, no transition declared on the card', async () => {
    // An SVG element whose style changes is restyled in full, and so is an element with a transition declared
    // (even "none"); an HTML element without gets only its changed inline style applied: a cheap frame.
    const { target, inner, element } = await spotlitTarget((made) => (harness = made));
    const card = element.panel!;
    const cardWrites: string[] = [];
    const cardObserver = new MutationObserver((records) => cardWrites.push(...records.map((r) => r.attributeName!)));
    cardObserver.observe(card, { attributes: true });
    const watch = watchSpotlight(element);
    try {
      await scrollFrames(inner, 10, 3);
      await until(() => around(element, target), 'hole follows the target');
    } finally {
      watch.stop();
      cardObserver.disconnect();
    }
    const written = [...watch.written];
    expect(written.length, 'spotlight elements written').to.equal(1);
    expect(written[0]).to.be.instanceOf(HTMLElement);
    expect(written[0]!.contains(element.shadowRoot!.querySelector('.spotlight svg')), 'the box holding the shape').to.equal(true);
    expect([...watch.counts.keys()]).to.deep.equal(['style']);
    expect(new Set(cardWrites), 'card attributes written').to.deep.equal(new Set(['style']));
    expect(card.style.cssText).to.match(/^transform: translate\([^)]*\);$/);
    // No transition declared: the initial value (all 0s), not an authored one (even "none").
    const style = getComputedStyle(card);
    expect([style.transitionProperty, style.transitionDuration]).to.deep.equal(['all', '0s']);
  });

  it('still blocks clicks outside the hole and (when interactive) lets them through inside it after scrolling', async () => {
    await page();
    const target = document.querySelector('#target')!;
    const inner = document.querySelector('#inner')!;
    let clicks = 0;
    target.addEventListener('click', () => clicks++);
    // Clicks that reach the page beside the target (a click on the shade reaches only Waymark's host).
    let outside = 0;
    const onClick = (event: Event) => {
      if (event.target instanceof Element && !event.target.closest('wm-tour') && event.target !== target) outside++;
    };
    document.addEventListener('click', onClick);
    harness = createHarness();
    harness.show(tour({ spotlight: { padding: 6, radius: 4, interactive: true } }));
    const element = await shownTour(harness);
    await scrollFrames(inner, 8, 4);
    await until(() => around(element, target), 'hole follows the target');
    const box = target.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    expect(clicks, 'inside the hole').to.equal(1);
    // Outside the hole (beside the container, on the page): the shade takes the click.
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.bottom + 40)] });
    await sendMouse({ type: 'click', position: [700, 500] });
    document.removeEventListener('click', onClick);
    expect(outside, 'outside the hole').to.equal(0);
    expect(clicks).to.equal(1);
  });

  it('covers the whole viewport when the target is scrolled out of its container, and cuts the hole again when it is back', async () => {
    await page();
    const target = document.querySelector('#target')!;
    const inner = document.querySelector('#inner')!;
    harness = createHarness();
    harness.show(tour());
    const element = await shownTour(harness);
    inner.scrollTop = 0;
    await until(() => element.panel!.classList.contains('detached'), 'card hidden with its target');
    await until(() => hole(element).width === 0, 'no hole');
    const svg = element.shadowRoot!.querySelector<SVGSVGElement>('.spotlight svg')!.getBoundingClientRect();
    expect(svg.left <= 0 && svg.top <= 0 && svg.right >= innerWidth && svg.bottom >= innerHeight, 'shade covers the viewport').to.equal(true);
    inner.scrollTop = 300;
    await until(() => !element.panel!.classList.contains('detached') && around(element, target), 'hole back around the target');
  });

  it('a tour alone neither hit-tests nor searches the page on every frame the page changes a style', async () => {
    await page();
    harness = createHarness();
    harness.show(tour());
    await shownTour(harness);
    const probe = document.createElement('div');
    probe.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px';
    document.body.append(probe);
    // An element added is looked for once (it may be the page's modal); then only styles change.
    await nextFrame();
    await nextFrame();
    const hitTest = document.elementsFromPoint;
    const search = document.querySelectorAll;
    let hitTests = 0;
    let searches = 0;
    document.elementsFromPoint = function (...args: Parameters<Document['elementsFromPoint']>) {
      hitTests++;
      return hitTest.apply(this, args);
    };
    document.querySelectorAll = function (this: Document, selectors: string) {
      searches++;
      return search.call(this, selectors);
    } as Document['querySelectorAll'];
    try {
      for (let i = 0; i < 10; i++) {
        probe.style.width = `${1 + (i % 2)}px`;
        document.querySelector('#inner')!.scrollTop += 2;
        await nextFrame();
      }
      await nextFrame();
    } finally {
      document.elementsFromPoint = hitTest;
      document.querySelectorAll = search;
      probe.remove();
    }
    expect(hitTests, 'elementsFromPoint calls').to.equal(0);
    expect(searches, 'document.querySelectorAll calls').to.equal(0);
  });
});
