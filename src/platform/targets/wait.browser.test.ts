import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { nextFrame, waitForTarget } from './index.js';
import { defineShadowButton } from '../../../tests/browser/helpers.js';

/** Two frames (or fallback turns in a background tab): long enough for the wait to have checked. */
const twoFrames = () => new Promise<void>((r) => nextFrame(window, () => nextFrame(window, r)));

/** Counts observers and listeners that are attached and not yet removed while `run` is in flight. */
async function tracked<T>(run: () => Promise<T>): Promise<{ result: T; observers: number; listeners: number }> {
  const live = new Set<object>();
  const listeners = new Set<string>();
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const id = (o: object) => ids.get(o) ?? (ids.set(o, ++nextId), nextId);
  const restore: Array<() => void> = [];
  for (const Ctor of [MutationObserver, IntersectionObserver] as Array<{ prototype: { observe: (...a: unknown[]) => void; disconnect: () => void } }>) {
    const { observe, disconnect } = Ctor.prototype;
    Ctor.prototype.observe = function (this: object, ...args: unknown[]) {
      live.add(this);
      return observe.apply(this, args);
    };
    Ctor.prototype.disconnect = function (this: object) {
      live.delete(this);
      return disconnect.call(this);
    };
    restore.push(() => Object.assign(Ctor.prototype, { observe, disconnect }));
  }
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  const key = (t: object, type: string, fn: unknown, o?: boolean | AddEventListenerOptions) =>
    `${id(t)}:${type}:${id(fn as object)}:${typeof o === 'boolean' ? o : Boolean(o?.capture)}`;
  EventTarget.prototype.addEventListener = function (type, fn, o) {
    if (fn) listeners.add(key(this, type, fn, o));
    return addEventListener.call(this, type, fn, o);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, o) {
    if (fn) listeners.delete(key(this, type, fn, o));
    return removeEventListener.call(this, type, fn, o);
  };
  restore.push(() => Object.assign(EventTarget.prototype, { addEventListener, removeEventListener }));
  try {
    const result = await run();
    return { result, observers: live.size, listeners: listeners.size };
  } finally {
    for (const undo of restore) undo();
  }
}


/** Render static test markup synchronously (no frame wait, so it works in a background tab too). */
const mounted: HTMLElement[] = [];
function mount(template: TemplateResult): HTMLElement {
  const box = document.createElement('div');
  document.body.append(box);
  render(template, box);
  mounted.push(box);
  return box.firstElementChild as HTMLElement;
}
afterEach(() => {
  for (const box of mounted.splice(0)) box.remove();
});

describe('waitForTarget', () => {
  it('resolves at once when the target is already there and visible, without walking the page for shadow roots', async () => {
    const el = mount(html`<div><button id="ready">Ready</button></div>`);
    const realWalker = Document.prototype.createTreeWalker;
    let walks = 0;
    Document.prototype.createTreeWalker = function (this: Document, ...args: Parameters<Document['createTreeWalker']>) {
      walks++;
      return realWalker.apply(this, args);
    };
    try {
      const { result, observers, listeners } = await tracked(() => waitForTarget('#ready', { timeout: 5000 }));
      expect(result).to.equal(el.querySelector('#ready'));
      expect(observers).to.equal(0);
      expect(listeners).to.equal(0);
      expect(walks).to.equal(0);
    } finally {
      Document.prototype.createTreeWalker = realWalker;
    }
  });

  it('resolves when a late target is inserted, and cleans up after itself', async () => {
    const el = mount(html`<div id="late-box"></div>`);
    const { result, observers, listeners } = await tracked(() => {
      const waiting = waitForTarget({ text: 'Late button', role: 'button' }, { timeout: 10_000 });
      setTimeout(() => {
        const button = document.createElement('button');
        button.textContent = 'Late button';
        el.append(button);
      }, 30);
      return waiting;
    });
    expect(result).to.equal(el.querySelector('button'));
    expect(observers, 'observers left').to.equal(0);
    expect(listeners, 'listeners left').to.equal(0);
  });

  it('waits until a present but hidden target becomes visible', async () => {
    const el = mount(html`<div><button id="hidden-first" style="display:none">Later</button></div>`);
    const button = el.querySelector<HTMLElement>('#hidden-first')!;
    let settled = false;
    const waiting = waitForTarget('#hidden-first', { timeout: 10_000 }).then((found) => {
      settled = true;
      return found;
    });
    await twoFrames();
    expect(settled, 'still hidden: not resolved yet').to.equal(false);
    button.style.display = '';
    expect(await waiting).to.equal(button);
  });

  it('finds a target rendered later inside an open shadow root', async () => {
    const el = mount(html`<div></div>`);
    const waiting = waitForTarget({ anchor: 'shadow-late' }, { timeout: 10_000 });
    const host = document.createElement('div');
    el.append(host);
    const root = host.attachShadow({ mode: 'open' });
    // Let the first check observe the new shadow root before its content arrives.
    await twoFrames();
    const inner = document.createElement('span');
    inner.dataset.waymark = 'shadow-late';
    inner.textContent = 'In the shadow';
    root.append(inner);
    expect(await waiting).to.equal(inner);
  });

  it('while the target is missing, walks only what a busy page added, and the whole page at most every 500 ms', async () => {
    const box = mount(html`<div id="busy"></div>`);
    const realWalker = Document.prototype.createTreeWalker;
    let pageWalks = 0;
    let addedWalks = 0;
    Document.prototype.createTreeWalker = function (this: Document, ...args: Parameters<Document['createTreeWalker']>) {
      if (args[0] === document) pageWalks++;
      else addedWalks++;
      return realWalker.apply(this, args);
    };
    const controller = new AbortController();
    const began = performance.now();
    try {
      const waiting = waitForTarget('#not-yet', { timeout: 10_000, signal: controller.signal });
      // A page that changes every frame, as a live dashboard does.
      for (let i = 0; i < 12; i++) {
        box.append(document.createElement('span'));
        await twoFrames();
      }
      const elapsed = performance.now() - began;
      controller.abort();
      expect(await waiting).to.equal(null);
      expect(pageWalks, `whole-page walks in ${Math.round(elapsed)} ms`).to.be.at.most(1 + Math.floor(elapsed / 500));
      expect(addedWalks, 'each check looks into what was added').to.be.at.least(6);
    } finally {
      Document.prototype.createTreeWalker = realWalker;
    }
  });

  it('finds a target in the shadow root of a custom element defined after the wait began', async () => {
    const box = mount(html`<div></div>`);
    box.append(document.createElement('wm-test-defined-late'));
    let settled = false;
    const waiting = waitForTarget('#in-late-shadow', { timeout: 5_000 }).then((found) => ((settled = true), found));
    await twoFrames();
    expect(settled, 'not defined yet: nothing to find').to.equal(false);
    // Its constructor renders into a new shadow root: nothing in the observed page mutates.
    defineShadowButton('wm-test-defined-late', { id: 'in-late-shadow' });
    const found = await waiting;
    expect(found?.id).to.equal('in-late-shadow');
    expect(found?.getRootNode()).to.equal(box.querySelector('wm-test-defined-late')!.shadowRoot);
  });

  it('finds a target in a custom element added undefined while waiting, once it is defined', async () => {
    const box = mount(html`<div></div>`);
    let settled = false;
    const waiting = waitForTarget('#in-added-shadow', { timeout: 5_000 }).then((found) => ((settled = true), found));
    await twoFrames();
    // Added after the first check (seen by the MutationObserver), inside a wrapper, not yet defined.
    const wrapper = document.createElement('section');
    wrapper.append(document.createElement('wm-test-added-late'));
    box.append(wrapper);
    await twoFrames();
    expect(settled, 'not defined yet: nothing to find').to.equal(false);
    defineShadowButton('wm-test-added-late', { id: 'in-added-shadow' });
    const found = await waiting;
    expect(found?.id).to.equal('in-added-shadow');
    expect(found?.getRootNode() === wrapper.firstElementChild!.shadowRoot, 'inside its shadow root').to.equal(true);
  });

  it('resolves null on timeout when the target never appears, leaving nothing behind', async () => {
    mount(html`<div></div>`);
    const { result, observers, listeners } = await tracked(() => waitForTarget('#never-there', { timeout: 60 }));
    expect(result).to.equal(null);
    expect(observers).to.equal(0);
    expect(listeners).to.equal(0);
  });

  it('resolves null when aborted, before or while waiting', async () => {
    mount(html`<div></div>`);
    const before = new AbortController();
    before.abort();
    expect(await waitForTarget('#nothing', { timeout: 10_000, signal: before.signal })).to.equal(null);

    const during = new AbortController();
    const { result, observers, listeners } = await tracked(() => {
      const waiting = waitForTarget('#nothing', { timeout: 10_000, signal: during.signal });
      queueMicrotask(() => during.abort());
      return waiting;
    });
    expect(result).to.equal(null);
    expect(observers).to.equal(0);
    expect(listeners).to.equal(0);
  });

  it('resolves null (and reports) for an invalid selector instead of throwing', async () => {
    const issues: string[] = [];
    const result = await waitForTarget('div[', { timeout: 30, onIssue: (issue) => issues.push(issue.selector) });
    expect(result).to.equal(null);
    expect(issues).to.deep.equal(['div[']);
  });
});
