import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import type { Target } from '../../config/types.js';
import type { Signal } from '../../engine/contract.js';
import { elementSensor, type SensorContext } from './index.js';
import { defineShadowButton } from '../../../tests/browser/helpers.js';

type ElementSignal = Extract<Signal, { type: 'element' }>;

/** Window methods need the real window as `this`; constructors (MutationObserver, ErrorEvent, …) are passed as they are. */
const isConstructorName = (property: string | symbol) => typeof property === 'string' && /^[A-Z]/.test(property);

/**
 * The real window, except that animation frames and timers wait for the test to run them, and
 * MutationObservers are counted: the sensor's frame-by-frame work becomes deterministic.
 */
function manualWindow() {
  const frames = new Map<number, FrameRequestCallback>();
  const timers = new Map<number, () => void>();
  const mutationObservers: MutationObserver[] = [];
  const observed: Node[] = [];
  let ids = 0;
  class CountingMutationObserver extends MutationObserver {
    constructor(callback: MutationCallback) {
      super(callback);
      mutationObservers.push(this);
    }
    override observe(target: Node, options?: MutationObserverInit): void {
      observed.push(target);
      super.observe(target, options);
    }
  }
  const overrides: Record<string, unknown> = {
    requestAnimationFrame: (callback: FrameRequestCallback) => (frames.set(++ids, callback), ids),
    cancelAnimationFrame: (id: number) => frames.delete(id),
    setTimeout: (callback: () => void) => (timers.set(++ids, callback), ids),
    clearTimeout: (id: number) => timers.delete(id),
    MutationObserver: CountingMutationObserver,
  };
  const win = new Proxy(window, {
    get(target, property) {
      if (typeof property === 'string' && property in overrides) return overrides[property];
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' && !isConstructorName(property) ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    win,
    mutationObservers,
    observed,
    pendingFrames: () => frames.size,
    pendingTimers: () => timers.size,
    /** Fire the timers set so far. */
    timers() {
      const due = [...timers.values()];
      timers.clear();
      for (const callback of due) callback();
    },
    /** Run the frame callbacks queued so far (callbacks they queue wait for the next call). */
    frame() {
      const due = [...frames.values()];
      frames.clear();
      for (const callback of due) callback(performance.now());
    },
  };
}

function recorder(win: Window) {
  const signals: ElementSignal[] = [];
  const errors: Array<{ error: unknown; where: string }> = [];
  const ctx: SensorContext = {
    window: win,
    now: () => 99,
    emit: (signal) => signals.push(signal as ElementSignal),
    reportError: (error, where) => errors.push({ error, where }),
  };
  return { ctx, signals, errors };
}

const facts = (signals: ElementSignal[]) => signals.map(({ key, present, visible }) => `${key}:${present ? 'present' : 'absent'}:${visible ? 'visible' : 'hidden'}`);
/** No minimum interval between passes: each test frame may run one. */
const EVERY_FRAME = { elementCheckIntervalMs: 0 };
const targets = (entries: Record<string, Target>) => new Map(Object.entries(entries));
/** Let the MutationObserver callbacks (microtasks) run. */
const mutationsDelivered = () => Promise.resolve();

let sandbox: HTMLElement | null = null;
function mount(template: TemplateResult): HTMLElement {
  sandbox = document.createElement('div');
  document.body.append(sandbox);
  render(template, sandbox);
  return sandbox;
}

describe('elementSensor', () => {
  const disposers: Array<() => void> = [];
  afterEach(() => {
    for (const dispose of disposers.splice(0)) dispose();
    sandbox?.remove();
    sandbox = null;
  });

  it('emits the first facts of every target, then only changes: appear, hide, show, remove', async () => {
    const box = mount(html`<div><button id="existing">Existing</button></div>`);
    const page = manualWindow();
    const { ctx, signals } = recorder(page.win);
    disposers.push(elementSensor(ctx, targets({ existing: '#existing', late: { anchor: 'late-panel' } }), EVERY_FRAME));
    page.frame();
    expect(facts(signals)).to.deep.equal(['existing:present:visible', 'late:absent:hidden']);
    expect(signals[0]!.at).to.equal(99);

    const panel = document.createElement('section');
    panel.dataset.waymark = 'late-panel';
    panel.textContent = 'Arrived';
    box.append(panel);
    await mutationsDelivered();
    page.frame();
    expect(facts(signals.slice(2))).to.deep.equal(['late:present:visible']);

    panel.style.display = 'none';
    await mutationsDelivered();
    page.frame();
    panel.hidden = false; // an attribute change that changes nothing
    panel.style.display = '';
    panel.style.opacity = '0';
    await mutationsDelivered();
    page.frame();
    panel.style.opacity = '';
    await mutationsDelivered();
    page.frame();
    panel.remove();
    await mutationsDelivered();
    page.frame();
    expect(facts(signals.slice(3))).to.deep.equal(['late:present:hidden', 'late:present:visible', 'late:absent:hidden']);

    box.querySelector('#existing')!.setAttribute('data-unrelated', '1');
    document.body.classList.add('wm-unrelated');
    await mutationsDelivered();
    page.frame();
    document.body.classList.remove('wm-unrelated');
    expect(signals, 'nothing changed for any target').to.have.length(6);
  });

  it('uses ONE MutationObserver for all targets, also for those inside open shadow roots', async () => {
    const box = mount(html`<div><div id="host"></div><p class="plain">Plain</p></div>`);
    const root = box.querySelector('#host')!.attachShadow({ mode: 'open' });
    const page = manualWindow();
    const { ctx, signals } = recorder(page.win);
    disposers.push(elementSensor(ctx, targets({ plain: '.plain', deep: '.deep', text: { text: 'Deep button', role: 'button' } }), EVERY_FRAME));
    page.frame();
    expect(facts(signals)).to.deep.equal(['plain:present:visible', 'deep:absent:hidden', 'text:absent:hidden']);

    const inner = document.createElement('button');
    inner.className = 'deep';
    inner.textContent = 'Deep button';
    root.append(inner); // a mutation inside the shadow root, seen because the root is observed
    await mutationsDelivered();
    page.frame();
    expect(facts(signals.slice(3))).to.deep.equal(['deep:present:visible', 'text:present:visible']);
    inner.style.visibility = 'hidden';
    await mutationsDelivered();
    page.frame();
    expect(facts(signals.slice(5))).to.deep.equal(['deep:present:hidden', 'text:present:hidden']);
    expect(page.mutationObservers).to.have.length(1);
    expect(page.observed).to.include(document).and.include(root);
  });

  it('looks into the shadow root of a custom element defined after the sensor started', async () => {
    const host = document.createElement('wm-test-sensor-late');
    mount(html`<div></div>`).append(host);
    const page = manualWindow();
    const { ctx, signals } = recorder(page.win);
    disposers.push(elementSensor(ctx, targets({ inner: '.late-inner' }), EVERY_FRAME));
    page.frame();
    expect(facts(signals)).to.deep.equal(['inner:absent:hidden']);
    // Its constructor renders into a new shadow root: nothing in the observed page mutates.
    defineShadowButton('wm-test-sensor-late', { className: 'late-inner' });
    await customElements.whenDefined('wm-test-sensor-late');
    await mutationsDelivered();
    page.frame();
    expect(facts(signals.slice(1))).to.deep.equal(['inner:present:visible']);
    expect(page.observed.includes(host.shadowRoot!), 'its shadow root is watched from now on').to.equal(true);
  });

  it('re-resolves at most targetsPerFrame targets per frame, the rest in the next frames', async () => {
    mount(html`<div>${[1, 2, 3, 4, 5].map((n) => html`<i class="t${n}">${n}</i>`)}</div>`);
    const page = manualWindow();
    const { ctx, signals } = recorder(page.win);
    const keys = ['t1', 't2', 't3', 't4', 't5'];
    disposers.push(elementSensor(ctx, new Map(keys.map((key) => [key, `.${key}`])), { ...EVERY_FRAME, targetsPerFrame: 2 }));
    const perFrame: number[] = [];
    while (page.pendingFrames() > 0) {
      const before = signals.length;
      page.frame();
      perFrame.push(signals.length - before);
    }
    expect(perFrame).to.deep.equal([2, 2, 1]);
    expect(signals.map((s) => s.key)).to.deep.equal(keys);

    // Many mutations in one task still cost one frame's worth of work at a time.
    for (const key of keys) document.querySelector(`.${key}`)!.remove();
    await mutationsDelivered();
    expect(page.pendingFrames()).to.equal(1);
    page.frame();
    expect(signals.length - 5).to.equal(2);
  });

  it('starts a new pass at most every elementCheckIntervalMs, however often the page mutates', async () => {
    const box = mount(html`<div></div>`);
    const page = manualWindow();
    const { ctx, signals } = recorder(page.win);
    disposers.push(elementSensor(ctx, targets({ late: '.late' }), { elementCheckIntervalMs: 60_000 }));
    page.frame(); // the first pass runs at once
    const late = document.createElement('p');
    late.className = 'late';
    late.textContent = 'Late';
    box.append(late);
    await mutationsDelivered();
    expect(page.pendingFrames(), 'the next pass waits for the interval').to.equal(0);
    box.append(document.createElement('p'));
    await mutationsDelivered();
    expect(page.pendingTimers(), 'one timer, however many mutations').to.equal(1);
    page.timers();
    page.frame();
    expect(facts(signals)).to.deep.equal(['late:absent:hidden', 'late:present:visible']);
  });

  it('reports an invalid selector once, treats it as absent, and keeps watching the rest', async () => {
    mount(html`<div><b id="ok">Ok</b></div>`);
    const page = manualWindow();
    const { ctx, signals, errors } = recorder(page.win);
    disposers.push(elementSensor(ctx, targets({ broken: 'div[', ok: '#ok' }), EVERY_FRAME));
    page.frame();
    document.body.append(document.createElement('span'));
    await mutationsDelivered();
    page.frame();
    document.body.lastElementChild!.remove();
    expect(facts(signals)).to.deep.equal(['broken:absent:hidden', 'ok:present:visible']);
    expect(errors).to.have.length(1);
    expect(errors[0]!.where).to.equal('element');
  });

  it('after dispose nothing is scheduled and nothing is emitted', async () => {
    const box = mount(html`<div></div>`);
    const page = manualWindow();
    const { ctx, signals } = recorder(page.win);
    const dispose = elementSensor(ctx, targets({ late: '.late' }), EVERY_FRAME);
    page.frame();
    dispose();
    const late = document.createElement('p');
    late.className = 'late';
    box.append(late);
    await mutationsDelivered();
    expect(page.pendingFrames()).to.equal(0);
    page.frame();
    expect(facts(signals)).to.deep.equal(['late:absent:hidden']);
  });
});
