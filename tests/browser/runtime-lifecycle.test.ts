import { expect } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import { createWaymark, type Waymark, type WaymarkConfig } from '../../src/index.js';
import { frame, nextEvent, uniqueDb, until } from './helpers.js';

/** Count what is attached to the page between install() and the check: listeners, observers, elements. */
function instrumentPage() {
  const listeners = new Set<string>();
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const id = (o: object) => ids.get(o) ?? (ids.set(o, ++nextId), nextId);
  const keyOf = (target: EventTarget, type: string, listener: unknown, capture: boolean) =>
    `${id(target)}:${type}:${id(listener as object)}:${capture}`;
  const capture = (options: unknown) => (typeof options === 'boolean' ? options : Boolean((options as AddEventListenerOptions | undefined)?.capture));
  const originalAdd = EventTarget.prototype.addEventListener;
  const originalRemove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (listener && !(typeof options === 'object' && options?.once)) listeners.add(keyOf(this, type, listener, capture(options)));
    return originalAdd.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    if (listener) listeners.delete(keyOf(this, type, listener, capture(options)));
    return originalRemove.call(this, type, listener, options);
  };
  const observers = new Set<object>();
  const restoreObservers: Array<() => void> = [];
  for (const name of ['MutationObserver', 'IntersectionObserver', 'ResizeObserver'] as const) {
    const Original = window[name] as unknown as { prototype: { observe: (...a: unknown[]) => void; disconnect: () => void } };
    const observe = Original.prototype.observe;
    const disconnect = Original.prototype.disconnect;
    Original.prototype.observe = function (...args: unknown[]) {
      observers.add(this);
      return observe.apply(this, args);
    };
    Original.prototype.disconnect = function () {
      observers.delete(this);
      return disconnect.call(this);
    };
    restoreObservers.push(() => {
      Original.prototype.observe = observe;
      Original.prototype.disconnect = disconnect;
    });
  }
  const nodesBefore = document.querySelectorAll('*').length;
  const headBefore = document.head.innerHTML;
  return {
    listeners,
    observers,
    addedNodes: () => document.querySelectorAll('*').length - nodesBefore,
    headChanged: () => document.head.innerHTML !== headBefore,
    restore() {
      EventTarget.prototype.addEventListener = originalAdd;
      EventTarget.prototype.removeEventListener = originalRemove;
      for (const restore of restoreObservers) restore();
    },
  };
}

const sensorsConfig: WaymarkConfig = {
  version: '1',
  experiences: [
    { id: 'spa', type: 'announcement', display: 'banner', title: 'On the target route', when: { page: '/wm-spa-target' } },
    { id: 'spa-other', type: 'announcement', display: 'banner', title: 'On the other route', when: { page: '/wm-spa-other' } },
    { id: 'rage', type: 'nudge', when: { struggle: 'rage-click' }, escalation: [{ kind: 'hint', body: 'Having trouble?' }] },
    { id: 'clicked', type: 'hint', target: '#wm-target', body: 'x', when: { element: '#wm-target', state: 'clicked' } },
    { id: 'form', type: 'announcement', display: 'banner', title: 'Form trouble', when: { struggle: 'form-error' } },
    { id: 'dead', type: 'announcement', display: 'banner', title: 'Dead', when: { struggle: 'dead-click' } },
    { id: 'idle', type: 'announcement', display: 'banner', title: 'Idle', when: { idle: '1s' } },
    { id: 'back', type: 'announcement', display: 'banner', title: 'Back', when: { struggle: 'back-and-forth' } },
  ],
};

describe('runtime sensors and lifecycle', () => {
  const startUrl = location.href;
  let wm: Waymark | undefined;
  afterEach(async () => {
    wm?.destroy();
    wm = undefined;
    history.replaceState(null, '', startUrl);
    document.getElementById('wm-sandbox')?.remove();
    await resetMouse();
  });

  function sandbox(html: string): HTMLElement {
    const box = document.createElement('div');
    box.id = 'wm-sandbox';
    // Test fixture markup is static and written by the test, not config or user text.
    box.innerHTML = html;
    document.body.append(box);
    return box;
  }
  async function clickAt(el: Element, times = 1) {
    const r = el.getBoundingClientRect();
    for (let i = 0; i < times; i++) {
      await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    }
  }

  it('detects SPA route changes', async () => {
    wm = createWaymark({ config: sensorsConfig, user: { id: 'u-spa' }, storage: { kind: 'memory' } });
    await wm.ready;
    const shown = nextEvent(wm, 'show', (e) => e.experience.id === 'spa');
    history.pushState(null, '', '/wm-spa-target');
    expect((await shown).experience.id).to.equal('spa');
  });

  it('detects rage clicks from real pointer input, and clicks on configured targets', async () => {
    const box = sandbox('<button id="wm-target" type="button">Save</button>');
    wm = createWaymark({ config: sensorsConfig, user: { id: 'u-rage' }, storage: { kind: 'memory' } });
    await wm.ready;
    const struggle = nextEvent(wm, 'struggle_detected', (e) => e.props?.kind === 'rage-click');
    const clicked = nextEvent(wm, 'show', (e) => e.experience.id === 'clicked');
    await clickAt(box.querySelector('#wm-target')!, 4);
    await struggle;
    await clicked;
  });

  it('detects a dead click and form errors', async () => {
    const box = sandbox(`
      <div id="wm-dead" style="width:120px;height:40px;background:#ddd">Looks clickable</div>
      <form id="wm-form"><label>Email <input name="email" type="email" required></label><button>Send</button></form>`);
    wm = createWaymark({ config: sensorsConfig, user: { id: 'u-dead' }, storage: { kind: 'memory' } });
    await wm.ready;
    const dead = nextEvent(wm, 'struggle_detected', (e) => e.props?.kind === 'dead-click');
    await clickAt(box.querySelector('#wm-dead')!);
    await dead;
    const formError = nextEvent(wm, 'struggle_detected', (e) => e.props?.kind === 'form-error');
    (box.querySelector('#wm-form') as HTMLFormElement).checkValidity();
    await formError;
  });

  it('destroy() leaves no listener, observer, element, style or history patch behind', async () => {
    sandbox('<button id="wm-target" type="button">Save</button>');
    await new Promise((r) => setTimeout(r, 50));
    const pushState = history.pushState;
    const replaceState = history.replaceState;
    const probe = instrumentPage();
    try {
      const instances = [0, 1, 2].map((i) =>
        createWaymark({ config: sensorsConfig, user: { id: `u-destroy-${i}` }, storage: { dbName: uniqueDb() } }),
      );
      await Promise.all(instances.map((i) => i.ready));
      history.pushState(null, '', '/wm-spa-target');
      expect(probe.listeners.size, 'sensors were listening').to.be.greaterThan(0);
      for (const instance of instances) instance.destroy();
      await new Promise((r) => setTimeout(r, 300)); // stores flush and close asynchronously
      expect([...probe.listeners], 'listeners left').to.deep.equal([]);
      expect(probe.observers.size, 'observers left').to.equal(0);
      expect(probe.addedNodes(), 'elements left').to.equal(0);
      expect(probe.headChanged(), 'styles left in <head>').to.equal(false);
      expect(history.pushState).to.equal(pushState);
      expect(history.replaceState).to.equal(replaceState);
    } finally {
      probe.restore();
    }
  });

  it('two instances on one page do not interfere', async () => {
    const a = createWaymark({ config: sensorsConfig, user: { id: 'u-a' }, storage: { kind: 'memory' } });
    const b = createWaymark({ config: sensorsConfig, user: { id: 'u-b' }, storage: { kind: 'memory' } });
    try {
      await Promise.all([a.ready, b.ready]);
      const shownA = nextEvent(a, 'show', (e) => e.experience.id === 'spa');
      const shownB = nextEvent(b, 'show', (e) => e.experience.id === 'spa');
      history.pushState(null, '', '/wm-spa-target');
      await Promise.all([shownA, shownB]);
      a.destroy();
      const again = nextEvent(b, 'show', (e) => e.experience.id === 'spa-other');
      history.pushState(null, '', '/wm-spa-other');
      await again; // b still sees route changes after a is gone
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('the script-tag install replays calls queued before the SDK loaded', async () => {
    const iframe = await frame(`
      <script>
        window.waymark = window.waymark || function () { (window.waymark.q = window.waymark.q || []).push(arguments); };
        waymark('identify', 'u-script', { plan: 'pro' });
        waymark('track', 'early');
        waymark('on', 'show', function (e) { (window.shown = window.shown || []).push(e.experience.id); });
      </script>
      <script type="module" src="/src/browser.ts" data-config="/tests/browser/fixtures/tour.json"></script>`);
    const win = iframe.contentWindow as Window & { waymark?: { instance?: Waymark; version?: string }; shown?: string[] };
    try {
      await until(() => Boolean(win.waymark?.instance), 'the SDK to install');
      await win.waymark!.instance!.ready;
      await until(() => (win.shown ?? []).includes('after-early'), 'the experience triggered by the queued track');
      expect(win.waymark!.instance!.userId).to.equal('u-script');
      expect(win.waymark!.version).to.be.a('string');
    } finally {
      win.waymark?.instance?.destroy();
      iframe.remove();
    }
  });
});
