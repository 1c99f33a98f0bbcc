import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Requirements, Signal } from '../../engine/contract.js';
import { startSensors, type SensorContext, type SensorName, type SensorOptions } from './index.js';

const ALL_SENSORS: SensorName[] = ['route', 'click', 'element', 'idle', 'rage-click', 'dead-click', 'error', 'form-error', 'back-and-forth'];
const FAST: SensorOptions = { idleAfterMs: 80, deadClickWindowMs: 120 };

/** Window methods need the real window as `this`; constructors (MutationObserver, ErrorEvent, …) are passed as they are. */
const isConstructorName = (property: string | symbol) => typeof property === 'string' && /^[A-Z]/.test(property);

/** Every listener added and not removed, and every observer observing, between install and restore. */
function instrumentPage() {
  const listeners = new Set<string>();
  const observers = new Set<object>();
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const id = (o: object) => ids.get(o) ?? (ids.set(o, ++nextId), nextId);
  const capture = (options?: boolean | EventListenerOptions) => (typeof options === 'boolean' ? options : Boolean(options?.capture));
  const describe = (target: object, type: string, listener: object, options?: boolean | EventListenerOptions) =>
    `${(target as { constructor: { name: string } }).constructor.name}#${id(target)} ${type} ${id(listener)} ${capture(options)}`;
  const undo: Array<() => void> = [];
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (listener && !(typeof options === 'object' && options.once)) listeners.add(describe(this, type, listener, options));
    return addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (listener) listeners.delete(describe(this, type, listener, options));
    return removeEventListener.call(this, type, listener, options);
  };
  undo.push(() => Object.assign(EventTarget.prototype, { addEventListener, removeEventListener }));
  for (const Observer of [MutationObserver, IntersectionObserver, ResizeObserver] as Array<{ prototype: { observe: (...args: unknown[]) => void; disconnect: () => void } }>) {
    const { observe, disconnect } = Observer.prototype;
    Observer.prototype.observe = function (this: object, ...args: unknown[]) {
      observers.add(this);
      return observe.apply(this, args);
    };
    Observer.prototype.disconnect = function (this: object) {
      observers.delete(this);
      return disconnect.call(this);
    };
    undo.push(() => Object.assign(Observer.prototype, { observe, disconnect }));
  }
  return { listeners, observers, restore: () => undo.forEach((fn) => fn()) };
}

/** The real window, counting the timers and frames requested through it that are still pending. */
function timerCountingWindow() {
  const live = new Set<string>();
  const overrides: Record<string, unknown> = {
    setTimeout: (callback: () => void, ms?: number) => {
      const handle = window.setTimeout(() => {
        live.delete(`t${handle}`);
        callback();
      }, ms);
      live.add(`t${handle}`);
      return handle;
    },
    clearTimeout: (handle: number) => {
      live.delete(`t${handle}`);
      window.clearTimeout(handle);
    },
    requestAnimationFrame: (callback: FrameRequestCallback) => {
      const handle = window.requestAnimationFrame((time) => {
        live.delete(`f${handle}`);
        callback(time);
      });
      live.add(`f${handle}`);
      return handle;
    },
    cancelAnimationFrame: (handle: number) => {
      live.delete(`f${handle}`);
      window.cancelAnimationFrame(handle);
    },
  };
  const win = new Proxy(window, {
    get(target, property) {
      if (typeof property === 'string' && property in overrides) return overrides[property];
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' && !isConstructorName(property) ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { win, live };
}

function recorder(win: Window = window) {
  const signals: Signal[] = [];
  const errors: Array<{ error: unknown; where: string }> = [];
  const waiting: Array<(signal: Signal) => boolean> = [];
  const ctx: SensorContext = {
    window: win,
    now: () => Date.now(),
    emit(signal) {
      signals.push(signal);
      for (const check of [...waiting]) if (check(signal)) waiting.splice(waiting.indexOf(check), 1);
    },
    reportError: (error, where) => errors.push({ error, where }),
  };
  const next = (match: (signal: Signal) => boolean, what: string): Promise<Signal> =>
    new Promise((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`no ${what} arrived`)), 5000);
      waiting.push((signal) => {
        if (!match(signal)) return false;
        clearTimeout(guard);
        resolve(signal);
        return true;
      });
    });
  return { ctx, signals, errors, next };
}

const kinds = (signals: Signal[]) => [...new Set(signals.map((s) => (s.type === 'struggle' ? `struggle:${s.kind}` : s.type)))].sort();

describe('startSensors', () => {
  const startUrl = location.href;
  let box: HTMLElement;
  const cleanups: Array<() => void> = [];
  beforeEach(() => {
    box = document.createElement('div');
    box.style.cssText = 'position:fixed;inset:0 auto auto 0;width:500px;z-index:10;background:white';
    // Static test markup.
    box.innerHTML = `
      <button id="save" type="button">Save</button>
      <div id="dead" style="width:150px;height:40px;background:#ddd">Dead zone</div>
      <form id="form"><input name="email" type="email" required aria-label="Email"></form>`;
    document.body.append(box);
    const previousOnError = window.onerror;
    window.onerror = () => true; // the error this test throws on purpose is handled, not a test failure
    cleanups.push(() => (window.onerror = previousOnError));
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    box.remove();
    history.replaceState(null, '', startUrl);
    await resetMouse();
  });

  const requirements = (sensors: SensorName[]): Requirements => ({
    sensors: new Set(sensors),
    targets: new Map([['save', '#save'], ['dead', '#dead'], ['form', '#form']]),
  });
  const clickOn = async (selector: string) => {
    const r = box.querySelector(selector)!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
  };

  it('starts only the sensors the requirements list', async () => {
    const probe = instrumentPage();
    const pushState = history.pushState;
    const { ctx, signals } = recorder();
    let dispose: () => void;
    try {
      dispose = startSensors(ctx, requirements(['click']), FAST);
      expect([...probe.listeners]).to.have.length(1);
      expect([...probe.listeners][0]).to.match(/^HTMLDocument#\d+ click \d+ true$/);
      expect(probe.observers.size).to.equal(0);
      expect(history.pushState, 'no route sensor, no history patch').to.equal(pushState);
    } finally {
      probe.restore();
    }
    await clickOn('#save');
    dispose();
    expect(signals.map((s) => s.type)).to.deep.equal(['click']);
  });

  it('reports a sensor that fails to start, removes what it attached, and runs the rest', async () => {
    // A window whose MutationObserver is broken: every sensor that needs one fails to start.
    const broken = new Proxy(window, {
      get(target, property) {
        if (property === 'MutationObserver') throw new Error('MutationObserver unavailable');
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' && !isConstructorName(property) ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const probe = instrumentPage();
    const { ctx, signals, errors } = recorder(broken);
    let dispose: () => void;
    try {
      dispose = startSensors(ctx, requirements(['element', 'form-error', 'dead-click', 'click']), FAST);
      expect(errors.map((e) => e.where).sort()).to.deep.equal(['dead-click', 'element', 'form-error']);
      expect([...probe.listeners], 'only the click sensor listens').to.have.length(1);
    } finally {
      probe.restore();
    }
    await clickOn('#save');
    dispose();
    expect(signals.map((s) => s.type)).to.deep.equal(['click']);
  });

  it('dispose removes every listener, observer, timer and history patch, and nothing fires afterwards', async () => {
    const pushState = history.pushState;
    const replaceState = history.replaceState;
    const counting = timerCountingWindow();
    const probe = instrumentPage();
    const first = recorder(counting.win);
    let dispose: () => void;
    try {
      dispose = startSensors(first.ctx, requirements(ALL_SENSORS), FAST);
      // Exercise every sensor once.
      const idle = first.next((s) => s.type === 'idle' && s.idle, 'idle');
      const dead = first.next((s) => s.type === 'struggle' && s.kind === 'dead-click', 'dead click');
      const form = first.next((s) => s.type === 'struggle' && s.kind === 'form-error', 'form error');
      const error = first.next((s) => s.type === 'struggle' && s.kind === 'error', 'error');
      const element = first.next((s) => s.type === 'element', 'element facts');
      await idle;
      for (const path of ['/wm-life-a', '/wm-life-b', '/wm-life-a', '/wm-life-b']) history.pushState(null, '', path);
      for (let i = 0; i < 3; i++) await clickOn('#save');
      await clickOn('#dead');
      await dead;
      await clickOn('input');
      await sendKeys({ type: 'x' });
      (box.querySelector('#form') as HTMLFormElement).requestSubmit();
      await form;
      setTimeout(() => {
        throw new Error('on purpose');
      });
      await error;
      await element;
      expect(kinds(first.signals)).to.deep.equal([
        'click', 'element', 'idle', 'page',
        'struggle:back-and-forth', 'struggle:dead-click', 'struggle:error', 'struggle:form-error', 'struggle:rage-click',
      ]);
      expect(probe.listeners.size, 'sensors were listening').to.be.greaterThan(10);

      dispose();
      expect([...probe.listeners], 'listeners left').to.deep.equal([]);
      expect(probe.observers.size, 'observers left').to.equal(0);
      expect([...counting.live], 'timers and frames left').to.deep.equal([]);
      expect(history.pushState).to.equal(pushState);
      expect(history.replaceState).to.equal(replaceState);
      dispose(); // idempotent
    } finally {
      probe.restore();
    }

    // After dispose: the same actions reach a fresh set of sensors but not the disposed one.
    const count = first.signals.length;
    const second = recorder();
    const disposeSecond = startSensors(second.ctx, requirements(ALL_SENSORS), FAST);
    try {
      const idle = second.next((s) => s.type === 'idle' && s.idle, 'idle (second)');
      const dead = second.next((s) => s.type === 'struggle' && s.kind === 'dead-click', 'dead click (second)');
      const error = second.next((s) => s.type === 'struggle' && s.kind === 'error', 'error (second)');
      for (const path of ['/wm-life-c', '/wm-life-d', '/wm-life-c', '/wm-life-d']) history.pushState(null, '', path);
      for (let i = 0; i < 3; i++) await clickOn('#save');
      box.querySelector('input')!.setAttribute('aria-invalid', 'true');
      (box.querySelector('#form') as HTMLFormElement).requestSubmit();
      box.querySelector('#save')!.remove();
      setTimeout(() => {
        throw new Error('on purpose, again');
      });
      await error;
      await clickOn('#dead');
      await dead;
      await idle;
      expect(kinds(second.signals)).to.include.members(['click', 'page', 'struggle:rage-click', 'struggle:form-error', 'struggle:back-and-forth']);
    } finally {
      disposeSecond();
    }
    expect(first.signals.length, 'the disposed sensors stayed silent').to.equal(count);
    expect(first.errors).to.deep.equal([]);
  });
});
