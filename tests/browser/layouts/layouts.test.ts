/**
 * The layouts users of other tour libraries report broken. In each: the step sits next to its
 * target (geometry), is visible and on top of the page, and is usable by keyboard.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { TourExperience, TourStep } from '../../../src/config/types.js';
import type { WmTargetMissingEvent } from '../../../src/ui/shared/events.js';
import type { WmTour } from '../../../src/ui/tour/tour.js';
import { adjacency, createHarness, deepActive, isOnTop, isShown, until, withinViewport, type Harness } from './harness.js';

const twoSteps = (first: TourStep): TourExperience => ({
  id: 'layout-tour',
  type: 'tour',
  steps: [first, { title: 'Second step', body: 'Centred.' }],
});

async function showTour(harness: Harness, tour: TourExperience): Promise<WmTour> {
  harness.show(tour);
  const element = await harness.tour(tour.id);
  await until(() => isShown(element.panel), 'step visible');
  await until(() => deepActive() === element.panel, 'focus in step');
  return element;
}

/** The step is beside its target, visible, on top, inside the viewport. */
function expectAttached(element: WmTour, target: Element, side?: string): void {
  const card = element.panel!.getBoundingClientRect();
  const a = adjacency(card, target.getBoundingClientRect());
  expect(a.side, 'card is beside the target').to.not.equal(null);
  if (side) expect(a.side).to.equal(side);
  expect(a.gap, 'gap to target').to.be.within(4, 16);
  expect(a.crossOverlap, 'card points at the target').to.be.greaterThan(0);
  expect(withinViewport(card), 'card inside the viewport').to.equal(true);
  expect(isOnTop(element, element.panel!), 'nothing covers the card').to.equal(true);
}

/** Keyboard: focus is in the step and ArrowRight moves on. */
async function expectKeyboardUsable(harness: Harness, element: WmTour): Promise<void> {
  expect(deepActive() === element.panel, 'focus is on the expected element').to.equal(true);
  const before = harness.actions.length;
  await sendKeys({ press: 'ArrowRight' });
  expect(harness.actions.slice(before).map((a) => a.action.type)).to.deep.equal(['next']);
}

describe('layouts', () => {
  let harness: Harness;
  afterEach(async () => {
    harness?.dispose();
    document.documentElement.style.removeProperty('zoom');
    document.documentElement.removeAttribute('dir');
    window.scrollTo(0, 0);
    await setViewport({ width: 800, height: 600 });
  });

  it('nested scroll containers: scrolls the target into view and stays attached while a container scrolls', async () => {
    await fixture(html`<div id="outer" style="height:400px;overflow:auto;border:1px solid #ccc;margin:20px">
      <div style="height:500px"></div>
      <div id="inner" style="height:250px;overflow:auto;border:1px solid #999;margin:0 40px">
        <div style="height:400px"></div>
        <button id="target">Deep target</button>
        <div style="height:600px"></div>
      </div>
      <div style="height:800px"></div>
    </div>`);
    harness = createHarness();
    const target = document.querySelector('#target')!;
    const element = await showTour(harness, twoSteps({ target: '#target', title: 'Nested', spotlight: true }));
    expectAttached(element, target);
    const inner = document.querySelector('#inner')!;
    inner.scrollTop += 40;
    await until(() => Math.abs(adjacency(element.panel!.getBoundingClientRect(), target.getBoundingClientRect()).gap - 12) < 1.5, 're-attached after scroll');
    expectAttached(element, target);
    // The spotlight hole is clipped to the inner container.
    // Scroll so the target's top 8 px are cut off by the inner container's top edge.
    const innerBox = inner.getBoundingClientRect();
    inner.scrollTop += target.getBoundingClientRect().top - innerBox.top + 8;
    await until(() => {
      const y = element.shadowRoot!.querySelector('.spotlight .hole')!.getBoundingClientRect().y;
      return y > target.getBoundingClientRect().top && y <= innerBox.top + 2;
    }, 'hole clipped to the container');
    // Scrolled out of its container: the card hides instead of floating over unrelated content.
    inner.scrollTop = 0;
    await until(() => element.panel!.classList.contains('detached'), 'hidden with its target');
    expect(getComputedStyle(element.panel!).visibility).to.equal('hidden');
    inner.scrollTop = 300;
    await until(() => !element.panel!.classList.contains('detached'), 'shown again');
    await expectKeyboardUsable(harness, element);
  });

  it('fixed header: the target is scrolled clear of the header and the step never hides under it', async () => {
    await fixture(html`<div>
      <header id="header" style="position:fixed;top:0;left:0;right:0;height:80px;background:#123;color:#fff;z-index:2147483647">Header</header>
      <div style="height:1500px"></div>
      <button id="target">Below the fold</button>
      <div style="height:1500px"></div>
    </div>`);
    harness = createHarness();
    const target = document.querySelector('#target')!;
    const element = await showTour(harness, twoSteps({ target: '#target', title: 'Fixed header', placement: 'top' }));
    const rect = target.getBoundingClientRect();
    expect(rect.top).to.be.greaterThan(80);
    expect(document.elementFromPoint(rect.left + 5, rect.top + 5) === target, 'target not covered').to.equal(true);
    expectAttached(element, target);
    // Even with placement "top", the card does not go under the header.
    expect(element.panel!.getBoundingClientRect().top).to.be.at.least(80);
    window.scrollBy(0, target.getBoundingClientRect().top - 100);
    await until(() => element.panel!.getBoundingClientRect().top >= 80 && element.panel!.dataset.placement!.startsWith('bottom'), 'flipped below, clear of the header');
    expectAttached(element, target, 'bottom');
    await expectKeyboardUsable(harness, element);
  });

  it('sticky element: a target in a sticky toolbar stays attached while the page scrolls', async () => {
    await fixture(html`<div id="scroller" style="height:400px;overflow:auto;margin:10px;border:1px solid #ccc">
      <div style="height:120px"></div>
      <div style="position:sticky;top:0;background:#eee;padding:8px;z-index:10"><button id="target">Sticky action</button></div>
      <div style="height:1500px"></div>
    </div>`);
    harness = createHarness();
    const target = document.querySelector('#target')!;
    const element = await showTour(harness, twoSteps({ target: '#target', title: 'Sticky' }));
    expectAttached(element, target, 'bottom');
    const scroller = document.querySelector('#scroller')!;
    scroller.scrollTop = 600;
    await until(() => Math.abs(element.panel!.getBoundingClientRect().top - (target.getBoundingClientRect().bottom + 12)) < 1.5, 'follows the stuck toolbar');
    expectAttached(element, target, 'bottom');
    await expectKeyboardUsable(harness, element);
  });

  it('transformed parent: attached to a target under translate + scale', async () => {
    await fixture(html`<div style="padding:60px">
      <div style="transform:translate(60px,40px) scale(0.85);transform-origin:0 0;will-change:transform">
        <div style="transform:rotate(0deg) translateX(30px)"><button id="target">Transformed</button></div>
      </div>
    </div>`);
    harness = createHarness();
    const target = document.querySelector('#target')!;
    const element = await showTour(harness, twoSteps({ target: '#target', title: 'Transformed', placement: 'right' }));
    expectAttached(element, target, 'right');
    await expectKeyboardUsable(harness, element);
  });

  it('RTL page: right-to-left card, mirrored arrows, attached', async () => {
    document.documentElement.dir = 'rtl';
    await fixture(html`<div style="padding:100px"><button id="target">هدف</button></div>`);
    harness = createHarness({ locale: 'ar' });
    const target = document.querySelector('#target')!;
    const element = await showTour(harness, twoSteps({ target: '#target', title: 'مرحبا', placement: 'bottom-start' }));
    expect(element.panel!.getAttribute('dir')).to.equal('rtl');
    expectAttached(element, target, 'bottom');
    // bottom-start in RTL aligns the card's right edge with the target's right edge.
    expect(element.panel!.getBoundingClientRect().right).to.be.closeTo(target.getBoundingClientRect().right, 1.5);
    const before = harness.actions.length;
    await sendKeys({ press: 'ArrowLeft' });
    expect(harness.actions.slice(before).map((a) => a.action.type)).to.deep.equal(['next']);
  });

  it('320 px viewport: the step becomes a bottom sheet and the target stays visible above it', async () => {
    await setViewport({ width: 320, height: 640 });
    await fixture(html`<div><div style="height:900px"></div><button id="target" style="width:200px">Narrow target</button><div style="height:900px"></div></div>`);
    harness = createHarness();
    const target = document.querySelector('#target')!;
    const element = await showTour(harness, twoSteps({ target: '#target', title: 'On a phone', body: 'A sheet instead of a popover.' }));
    const sheet = element.panel!.getBoundingClientRect();
    expect(element.panel!.classList.contains('sheet')).to.equal(true);
    expect(sheet.bottom).to.be.closeTo(640, 1);
    expect(sheet.width).to.be.closeTo(320, 1);
    const rect = target.getBoundingClientRect();
    expect(rect.top).to.be.at.least(0);
    expect(rect.bottom, 'target above the sheet').to.be.at.most(sheet.top);
    expect(isOnTop(element, element.panel!)).to.equal(true);
    await expectKeyboardUsable(harness, element);
  });

  it('200 % zoom: attached at CSS zoom 2 on the root', async () => {
    document.documentElement.style.zoom = '2';
    await fixture(html`<div style="padding:40px 60px"><button id="target">Zoomed</button></div>`);
    harness = createHarness();
    const target = document.querySelector('#target')!;
    const element = await showTour(harness, twoSteps({ target: '#target', title: 'Zoom', placement: 'bottom' }));
    const a = adjacency(element.panel!.getBoundingClientRect(), target.getBoundingClientRect());
    expect(a.side).to.equal('bottom');
    // The gap is 12 CSS px, i.e. 24 device-independent px at zoom 2.
    expect(a.gap).to.be.within(10, 28);
    expect(a.crossOverlap).to.be.greaterThan(0);
    expect(isOnTop(element, element.panel!)).to.equal(true);
    await expectKeyboardUsable(harness, element);
  });

  it('target inside an open shadow root', async () => {
    await fixture(html`<div style="padding:80px"><div id="host"></div></div>`);
    const root = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    const deep = document.createElement('button');
    deep.id = 'shadow-target';
    deep.textContent = 'In a shadow root';
    root.append(deep);
    harness = createHarness();
    const element = await showTour(harness, twoSteps({ target: '#shadow-target', title: 'Shadow DOM' }));
    expect(element.currentTarget === deep, 'anchored to the shadow target').to.equal(true);
    expectAttached(element, deep, 'bottom');
    await expectKeyboardUsable(harness, element);
  });

  it('target that appears after 2 s: waits (observing the DOM) and then attaches', async () => {
    await fixture(html`<div id="late-root" style="padding:80px"></div>`);
    harness = createHarness();
    const missing: WmTargetMissingEvent[] = [];
    const onMissing = (e: WmTargetMissingEvent) => missing.push(e);
    document.addEventListener('wm-target-missing', onMissing);
    setTimeout(() => {
      const late = document.createElement('button');
      late.id = 'late';
      late.textContent = 'Late target';
      document.querySelector('#late-root')!.append(late);
    }, 2000);
    harness.show(twoSteps({ target: '#late', title: 'Late', waitFor: '5s' }));
    const element = await harness.tour('layout-tour');
    expect(isShown(element.panel)).to.equal(false);
    await until(() => isShown(element.panel), 'shown once the target appeared', 8000);
    await until(() => deepActive() === element.panel, 'focus in step');
    document.removeEventListener('wm-target-missing', onMissing);
    expectAttached(element, document.querySelector('#late')!, 'bottom');
    expect(missing).to.deep.equal([]);
    expect(harness.actions.map((a) => a.action.type)).to.deep.equal(['shown']);
    await expectKeyboardUsable(harness, element);
  });

  it('target that never appears: reports it, emits wm-target-missing and the tour moves on (skip)', async () => {
    await fixture(html`<div style="padding:80px"><button id="present">Present</button></div>`);
    harness = createHarness();
    const missing: WmTargetMissingEvent[] = [];
    const onMissing = (e: WmTargetMissingEvent) => missing.push(e);
    document.addEventListener('wm-target-missing', onMissing);
    const tour: TourExperience = {
      id: 'layout-tour',
      type: 'tour',
      onMissingTarget: 'skip',
      steps: [
        { target: { anchor: 'never' }, title: 'Never', waitFor: '300ms' },
        { target: '#present', title: 'Present' },
        { title: 'End' },
      ],
    };
    const element = await showTour(harness, tour);
    document.removeEventListener('wm-target-missing', onMissing);
    expect(missing.map((e) => [e.experienceId, e.step, e.targetDescription, e.policy])).to.deep.equal([
      ['layout-tour', 0, '[data-waymark="never"]', 'skip'],
    ]);
    expect(harness.actions.map((a) => a.action)).to.deep.equal([
      { type: 'step-missing', step: 0, policy: 'skip' },
      { type: 'shown' },
    ]);
    expect(element.panel!.querySelector('.title')!.textContent).to.equal('Present');
    expectAttached(element, document.querySelector('#present')!, 'bottom');
    await expectKeyboardUsable(harness, element);
  });
});
