import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { BeaconExperience } from '../../config/types.js';
import { axeViolations, createHarness, deepActive, isShown, until, type Harness } from '../../../tests/browser/layouts/harness.js';

const beacon = (overrides: Partial<BeaconExperience> = {}): BeaconExperience => ({
  id: 'new-reports',
  type: 'beacon',
  target: '#reports',
  title: 'New: reports',
  body: 'Reports now update live.',
  ...overrides,
});

describe('<wm-beacon>', () => {
  let harness: Harness;
  afterEach(async () => {
    harness?.dispose();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('puts a labelled dot button on the target corner that opens its hint, with focus moved in and back', async () => {
    await fixture(html`<div style="padding:120px"><button id="reports" style="width:160px;height:40px">Reports</button></div>`);
    harness = createHarness();
    harness.show(beacon());
    const element = await harness.beacon('new-reports');
    const dot = element.button!;
    await until(() => isShown(dot), 'dot shown');
    expect(dot.getAttribute('aria-label')).to.equal('Show tip: New: reports');
    expect(dot.getAttribute('aria-expanded')).to.equal('false');
    const target = document.querySelector('#reports')!.getBoundingClientRect();
    const d = dot.getBoundingClientRect();
    // top-end: the dot's centre is on the target's top-right corner.
    expect(d.x + d.width / 2).to.be.closeTo(target.right, 1.5);
    expect(d.y + d.height / 2).to.be.closeTo(target.top, 1.5);
    expect(await axeViolations(element)).to.deep.equal([]);

    dot.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => isShown(element.panel) && deepActive() === element.panel, 'hint open with focus inside');
    expect(dot.getAttribute('aria-expanded')).to.equal('true');
    expect(await axeViolations(element)).to.deep.equal([]);
    await sendKeys({ press: 'Escape' });
    await until(() => !element.isOpen, 'closed');
    expect(deepActive() === dot, 'focus is on the expected element').to.equal(true);
    expect(harness.actions.map((a) => a.action.type)).to.deep.equal(['shown']);

    await sendKeys({ press: 'Enter' });
    await until(() => isShown(element.panel), 'open again');
    Array.from(element.panel!.querySelectorAll('button')).find((b) => b.textContent === 'Got it')!.click();
    expect(harness.actions.map((a) => a.action.type)).to.deep.equal(['shown', 'complete']);
  });

  it('Escape pressed on a host element closes the open card but never moves focus to the dot', async () => {
    await fixture(html`<div style="padding:120px"><button id="reports" style="width:160px;height:40px">Reports</button> <button id="host">Host</button></div>`);
    harness = createHarness();
    harness.show(beacon());
    const element = await harness.beacon('new-reports');
    await until(() => isShown(element.button), 'dot shown');
    element.button!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => isShown(element.panel) && deepActive() === element.panel, 'open with focus inside');
    const host = document.querySelector<HTMLElement>('#host')!;
    host.focus();
    await sendKeys({ press: 'Escape' });
    expect(deepActive(), 'focus stays on the host element').to.equal(host);
  });

  it('the focused card shows a focus indicator; on a phone the dot and buttons are 44px targets centred on the corner', async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      await fixture(html`<div style="padding:80px 60px"><button id="reports" style="width:160px;height:40px">Reports</button></div>`);
      harness = createHarness();
      harness.show(beacon());
      const element = await harness.beacon('new-reports');
      const dot = element.button!;
      await until(() => isShown(dot), 'dot shown');
      const target = document.querySelector('#reports')!.getBoundingClientRect();
      await until(() => Math.abs(dot.getBoundingClientRect().x + dot.getBoundingClientRect().width / 2 - target.right) < 1.5, 'centred on the corner');
      expect(dot.getBoundingClientRect().width).to.be.at.least(44);
      dot.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => isShown(element.panel) && deepActive() === element.panel, 'open with focus inside');
      const style = getComputedStyle(element.panel!);
      expect(style.outlineStyle).to.not.equal('none');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
      for (const control of element.panel!.querySelectorAll('button')) {
        expect(control.getBoundingClientRect().height, control.textContent!).to.be.at.least(44);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('mirrors its corner in RTL and stops pulsing under reduced motion', async () => {
    await fixture(html`<div style="padding:120px"><button id="reports" style="width:160px;height:40px">Reports</button></div>`);
    harness = createHarness({ locale: 'he' });
    harness.show(beacon());
    const element = await harness.beacon('new-reports');
    await until(() => isShown(element.button), 'dot shown');
    const target = document.querySelector('#reports')!.getBoundingClientRect();
    const d = element.button!.getBoundingClientRect();
    expect(d.x + d.width / 2).to.be.closeTo(target.left, 1.5);
    const pulse = element.shadowRoot!.querySelector('.pulse')!;
    expect(getComputedStyle(pulse).animationName).to.equal('wm-pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(pulse).display).to.equal('none');
  });

  it('moves the dot by its transform while the window scrolls, and writes nothing when its target is in a fixed header', async () => {
    await fixture(html`<div>
      <header style="position:fixed;top:0;left:0;right:0;height:56px;background:#eee">
        <button id="help" style="margin:12px 0 0 300px">Help</button>
      </header>
      <div style="height:200px"></div>
      <button id="reports" style="width:160px;height:40px">Reports</button>
      <div style="height:3000px"></div>
    </div>`);
    harness = createHarness();
    harness.show(beacon());
    harness.show(beacon({ id: 'help-beacon', target: '#help', title: 'Help is here' }));
    const inPage = await harness.beacon('new-reports');
    const inHeader = await harness.beacon('help-beacon');
    await until(() => isShown(inPage.button) && isShown(inHeader.button), 'both dots shown');
    const onCorner = (dot: HTMLElement, target: string) => {
      const box = document.querySelector(target)!.getBoundingClientRect();
      const d = dot.getBoundingClientRect();
      return Math.abs(d.x + d.width / 2 - box.right) < 1.5 && Math.abs(d.y + d.height / 2 - box.top) < 1.5;
    };
    await until(() => onCorner(inPage.button!, '#reports') && onCorner(inHeader.button!, '#help'), 'dots on their corners');
    const writes = new Map<string, string[]>([['page', []], ['header', []]]);
    const watch = (dot: HTMLElement, name: string) => {
      const observer = new MutationObserver((records) => writes.get(name)!.push(...records.map((record) => record.attributeName!)));
      observer.observe(dot, { attributes: true });
      return observer;
    };
    const observers = [watch(inPage.button!, 'page'), watch(inHeader.button!, 'header')];
    try {
      for (let i = 0; i < 5; i++) {
        document.scrollingElement!.scrollTop += 10;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        expect(onCorner(inPage.button!, '#reports'), `page dot on its corner after ${i + 1} scrolls`).to.equal(true);
        expect(onCorner(inHeader.button!, '#help'), `header dot on its corner after ${i + 1} scrolls`).to.equal(true);
      }
    } finally {
      observers.forEach((observer) => observer.disconnect());
      document.scrollingElement!.scrollTop = 0;
    }
    expect(writes.get('header'), 'the header dot, not moved').to.deep.equal([]);
    expect(new Set(writes.get('page')), 'the page dot, by its style').to.deep.equal(new Set(['style']));
    // Only its transform: left/top would lay it out again on every scrolled frame.
    expect(inPage.button!.style.left).to.equal('');
    expect(inPage.button!.style.top).to.equal('');
    expect(inPage.button!.style.transform).to.match(/^translate\(/);
  });

  it('hides the dot when its target scrolls out of its container', async () => {
    await fixture(html`<div id="box" style="height:150px;overflow:auto;margin:100px"><div style="height:60px"></div>
      <button id="reports">Reports</button><div style="height:600px"></div></div>`);
    harness = createHarness();
    harness.show(beacon());
    const element = await harness.beacon('new-reports');
    await until(() => isShown(element.button), 'dot shown');
    document.querySelector('#box')!.scrollTop = 400;
    await until(() => getComputedStyle(element.button!).visibility === 'hidden', 'dot hidden with its target');
  });
});
