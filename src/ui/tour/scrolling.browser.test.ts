/**
 * The tour while the page scrolls: card and hole are placed in the page (in the viewport for a target in a fixed or
 * sticky header), so the window's scroll moves them with no write at all; a scrolled container moves each by its transform (no path rewritten, no left/top); the shade never
 * makes the page longer; and a tour alone neither hit-tests nor searches the page on every frame a style changes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
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

/** The hole on screen (its shadow is the shade). */
function hole(element: WmTour): DOMRect {
  return element.shadowRoot!.querySelector('.spotlight .hole')!.getBoundingClientRect();
}

/** The hole is the target, padded, cut at the viewport's sides (past them it would widen the page). */
function around(element: WmTour, target: Element, padding = 6): boolean {
  const want = target.getBoundingClientRect();
  const got = hole(element);
  const left = Math.max(0, want.left - padding);
  const right = Math.min(document.documentElement.clientWidth, want.right + padding);
  return Math.abs(got.x - left) < 1 && Math.abs(got.y - (want.y - padding)) < 1 && Math.abs(got.width - (right - left)) < 1;
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

/** The attributes written on the card, in order. */
function watchCard(card: HTMLElement): { written: string[]; stop(): void } {
  const written: string[] = [];
  const observer = new MutationObserver((records) => written.push(...records.map((record) => record.attributeName!)));
  observer.observe(card, { attributes: true });
  return { written, stop: () => observer.disconnect() };
}

/**
 * Scrolls the window by `by` px in each of 10 frames; in every frame, not only at the end, the hole is around the target
 * and the card where `cardOffset` (card box, target box → px off) says. Returns what was written meanwhile.
 */
async function scrollWindowWatching(element: WmTour, target: Element, by: number, cardOffset: (card: DOMRect, target: DOMRect) => number): Promise<{ spotlight: number; card: string[] }> {
  const spotlight = watchSpotlight(element);
  const card = watchCard(element.panel!);
  try {
    for (let i = 0; i < 10; i++) {
      document.scrollingElement!.scrollTop += by;
      await nextFrame();
      expect(around(element, target), `hole on the target in frame ${i}`).to.equal(true);
      expect(Math.abs(cardOffset(element.panel!.getBoundingClientRect(), target.getBoundingClientRect())), `card on its place in frame ${i}`).to.be.lessThan(1.5);
    }
    await nextFrame();
    return { spotlight: spotlight.written.size, card: card.written };
  } finally {
    spotlight.stop();
    card.stop();
  }
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

  it('moves the hole with the target in a scrolled container by its transform, and writes nothing when the window scrolls', async () => {
    const { target, inner, element } = await spotlitTarget((made) => (harness = made));
    const card = element.panel!;
    const holeBox = element.shadowRoot!.querySelector<HTMLElement>('.spotlight .hole')!;
    const movedFrom = holeBox.style.transform;
    const watch = watchSpotlight(element);
    try {
      await scrollFrames(inner, 10, 3);
      await until(() => around(element, target), 'hole follows the target in the container');
      // Only the transform moved: nothing else written while the target kept its size.
      expect([...watch.counts.keys()], 'attributes written while the container scrolls').to.deep.equal(['style']);
      expect(holeBox.style.transform).to.not.equal(movedFrom);
    } finally {
      watch.stop();
    }
    await nextFrame();
    // The page carries them with their target: the card beside it, 12 px after its right edge.
    const written = await scrollWindowWatching(element, target, 3, (cardBox, box) => cardBox.left - (box.right + 12));
    expect(document.scrollingElement!.scrollTop, 'the window scrolled').to.equal(30);
    expect(written, 'written while the window scrolls').to.deep.equal({ spotlight: 0, card: [] });
    // The card follows with a transform: its left/top are never written.
    expect(card.style.left).to.equal('');
    expect(card.style.top).to.equal('');
  });

  for (const [name, header] of [
    ['a fixed header', 'position:fixed;top:0;left:0;right:0'],
    ['a sticky header', 'position:sticky;top:0'],
  ] as const) {
    it(`writes nothing while the window scrolls under a target in ${name}: card and hole stay on it in every frame`, async () => {
      await fixture(html`<div>
        <header style="${header};height:48px;background:#eee;z-index:1">
          <button id="target" style="margin:8px 0 0 200px;width:120px;height:30px">Help</button>
        </header>
        <div style="height:3000px"></div>
      </div>`);
      const target = document.querySelector('#target')!;
      harness = createHarness();
      harness.show(tour({ steps: [{ target: '#target', title: 'Help is here', placement: 'bottom' }] }));
      const element = await harness.tour('scrolled');
      await until(() => isShown(element.panel) && around(element, target), 'hole around the target');
      const card = element.panel!;
      // Placed in the viewport, as its target is: the window's scroll moves neither.
      expect(card.style.position).to.equal('fixed');
      expect(getComputedStyle(element.shadowRoot!.querySelector('.spotlight')!).position).to.equal('fixed');
      // Past the body's margin, where a sticky header starts to stick.
      document.scrollingElement!.scrollTop = 20;
      await until(() => around(element, target), 'hole on the stuck target');
      await nextFrame();
      const written = await scrollWindowWatching(element, target, 5, (cardBox, box) => cardBox.top - (box.bottom + 12));
      expect(document.scrollingElement!.scrollTop, 'the window scrolled').to.equal(70);
      expect(target.getBoundingClientRect().top, 'the target stayed at the top').to.equal(8);
      expect(written, 'written while the window scrolls').to.deep.equal({ spotlight: 0, card: [] });
    });
  }

  it('never makes the page longer: the shade is a shadow, and a card hidden with its target stays where it was', async () => {
    await fixture(html`<div>
      <div id="inner" style="height:200px;width:400px;overflow:auto;margin:40px">
        <div style="height:3000px"></div>
        <button id="target" style="width:120px;height:30px;margin-left:20px">Target</button>
        <div style="height:100px"></div>
      </div>
    </div>`);
    const root = document.scrollingElement!;
    const before = [root.scrollWidth, root.scrollHeight];
    harness = createHarness();
    // Below its target: nothing shifts the card back into the viewport along the axis its target leaves by.
    harness.show(tour({ steps: [{ target: '#target', title: 'Scrolled', placement: 'bottom' }] }));
    const element = await harness.tour('scrolled');
    await until(() => isShown(element.panel) && around(element, document.querySelector('#target')!), 'hole around the target');
    expect([root.scrollWidth, root.scrollHeight], 'page size with the step open').to.deep.equal(before);
    // The target scrolled back deep into its container, far below the page's end: the card does not follow it there.
    const inner = document.querySelector('#inner')!;
    inner.scrollTop = 0;
    await until(() => element.panel!.classList.contains('detached'), 'card hidden with its target');
    await nextFrame();
    expect([root.scrollWidth, root.scrollHeight], 'page size with the target scrolled away').to.deep.equal(before);
  });

  for (const [name, viewport, spotlight] of [
    ['a spotlight at 800 px', { width: 800, height: 600 }, { padding: 8 }],
    ['a phone ring at 390 px', { width: 390, height: 844 }, undefined],
  ] as const) {
    it(`never makes the page wider: the hole of a target as wide as the page stays inside the viewport's sides, ${name}`, async () => {
      await setViewport(viewport);
      try {
        // Edge to edge (the body's margin undone), as a full-width row or banner is on a phone.
        await fixture(html`<div>
          <div style="height:200px"></div>
          <div id="target" tabindex="0" style="margin:0 -8px;height:60px;background:#ddd">Edge to edge</div>
          <div style="height:400px"></div>
        </div>`);
        const root = document.scrollingElement!;
        const before = root.scrollWidth;
        expect(before, 'the page fits the viewport').to.equal(root.clientWidth);
        harness = createHarness();
        harness.show(tour({ spotlight, steps: [{ target: '#target', title: 'Your list', placement: 'bottom' }] }));
        const element = await harness.tour('scrolled');
        const hole = element.shadowRoot!.querySelector<HTMLElement>('.spotlight .hole')!;
        await until(() => isShown(element.panel) && hole.getBoundingClientRect().width > 0, 'hole drawn');
        await nextFrame();
        const box = hole.getBoundingClientRect();
        expect([box.left, box.right], 'the hole across the whole width, no further').to.deep.equal([0, root.clientWidth]);
        expect(box.top, 'padded above the target').to.be.below(document.querySelector('#target')!.getBoundingClientRect().top);
        expect(root.scrollWidth, 'page width with the step open').to.equal(before);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('moves only HTML boxes by their inline transform: no SVG element restyled, no transition declared on the card', async () => {
    // An SVG element whose style changes is restyled in full, and so is an element with a transition declared
    // (even "none"); an HTML element without gets only its changed inline style applied: a cheap frame.
    const { target, inner, element } = await spotlitTarget((made) => (harness = made));
    const card = element.panel!;
    const cardWatch = watchCard(card);
    const watch = watchSpotlight(element);
    try {
      await scrollFrames(inner, 10, 3);
      await until(() => around(element, target), 'hole follows the target');
    } finally {
      watch.stop();
      cardWatch.stop();
    }
    const written = [...watch.written];
    expect(written, 'spotlight elements written').to.deep.equal([element.shadowRoot!.querySelector('.spotlight .hole')]);
    expect([...watch.counts.keys()]).to.deep.equal(['style']);
    expect(new Set(cardWatch.written), 'card attributes written').to.deep.equal(new Set(['style']));
    expect(card.style.cssText).to.match(/^position: absolute; transform: translate\([^)]*\);$/);
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
    const layer = element.shadowRoot!.querySelector<HTMLElement>('.spotlight')!;
    await until(() => layer.classList.contains('covered'), 'no hole');
    expect(hole(element).width, 'no hole drawn').to.equal(0);
    const frame = element.shadowRoot!.querySelector<HTMLElement>('.spotlight .frame')!;
    const box = frame.getBoundingClientRect();
    expect(box.left <= 0 && box.top <= 0 && box.right >= innerWidth && box.bottom >= innerHeight, 'shade covers the viewport').to.equal(true);
    expect(getComputedStyle(frame).backgroundColor, 'shaded').to.not.equal('rgba(0, 0, 0, 0)');
    inner.scrollTop = 300;
    await until(() => !element.panel!.classList.contains('detached') && around(element, target), 'hole back around the target');
  });

  for (const [name, setUp] of [
    ['at CSS zoom 2 on the root', () => (document.documentElement.style.zoom = '2')],
    ['in a right-to-left page scrolled sideways', () => (document.documentElement.dir = 'rtl')],
  ] as const) {
    it(`keeps the hole and the card on the target when the window has scrolled, ${name}`, async () => {
      setUp();
      try {
        // A page wider and taller than the viewport, its target well inside it.
        await fixture(html`<div style="width:3000px;height:3000px;position:relative">
          <button id="target" style="position:absolute;inset-inline-start:1400px;top:1300px;width:120px;height:30px">Target</button>
        </div>`);
        const target = document.querySelector('#target')!;
        const root = document.scrollingElement!;
        harness = createHarness();
        harness.show(tour({ steps: [{ target: '#target', title: 'Scrolled', placement: 'bottom' }] }));
        const element = await harness.tour('scrolled');
        await until(() => isShown(element.panel) && around(element, target), 'hole around the target');
        expect(root.scrollTop, 'the step scrolled the window to its target').to.be.greaterThan(0);
        for (const [left, top] of [[-40, 30], [25, -20]]) {
          root.scrollLeft += left;
          root.scrollTop += top;
          await nextFrame();
          await nextFrame();
          expect(around(element, target), `hole on the target after scrolling by ${left}, ${top}`).to.equal(true);
          const card = element.panel!.getBoundingClientRect();
          const box = target.getBoundingClientRect();
          expect(Math.abs(card.top - box.bottom), 'card below the target').to.be.within(10, 28);
          expect(card.left < box.right && card.right > box.left, 'card across the target').to.equal(true);
        }
        expect(root.scrollLeft, 'the window scrolled sideways').to.not.equal(0);
      } finally {
        document.documentElement.style.removeProperty('zoom');
        document.documentElement.removeAttribute('dir');
        document.scrollingElement!.scrollLeft = 0;
      }
    });
  }

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
