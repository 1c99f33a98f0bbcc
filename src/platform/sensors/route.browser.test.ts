import { expect } from '@open-wc/testing';
import type { Signal } from '../../engine/contract.js';
import { backAndForthSensor, routeSensor, type SensorContext } from './index.js';

/** Signals a sensor emitted, with a way to await the next matching one. */
function recorder(now: () => number = () => Date.now()) {
  const signals: Signal[] = [];
  const errors: Array<{ error: unknown; where: string }> = [];
  const waiting: Array<(signal: Signal) => boolean> = [];
  const ctx: SensorContext = {
    window,
    now,
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

const pages = (signals: Signal[]) => signals.flatMap((s) => (s.type === 'page' ? [new URL(s.url).pathname + new URL(s.url).hash] : []));

describe('routeSensor', () => {
  const startUrl = location.href;
  const disposers: Array<() => void> = [];
  const pushState = history.pushState;
  const replaceState = history.replaceState;
  afterEach(() => {
    for (const dispose of disposers.splice(0)) dispose();
    history.replaceState(null, '', startUrl);
    history.pushState = pushState;
    history.replaceState = replaceState;
  });

  it('emits page for pushState and replaceState, with the clock in `at`, only when the URL changed', () => {
    const { ctx, signals } = recorder(() => 42);
    disposers.push(routeSensor(ctx));
    history.pushState(null, '', '/wm-route-a');
    history.pushState({ same: true }, '', '/wm-route-a');
    history.replaceState(null, '', '/wm-route-b');
    history.replaceState(null, '', '/wm-route-b');
    expect(pages(signals)).to.deep.equal(['/wm-route-a', '/wm-route-b']);
    expect(signals.every((s) => s.at === 42)).to.equal(true);
    expect(signals[0]).to.include({ type: 'page', url: new URL('/wm-route-a', location.origin).href, title: document.title });
  });

  it('emits page on back/forward (popstate) and on hash changes, once per change', async () => {
    const { ctx, signals, next } = recorder();
    history.pushState(null, '', '/wm-route-one');
    history.pushState(null, '', '/wm-route-two');
    disposers.push(routeSensor(ctx));
    const back = next((s) => s.type === 'page' && s.url.endsWith('/wm-route-one'), 'page after history.back()');
    history.back();
    await back;
    const hash = next((s) => s.type === 'page' && s.url.endsWith('#details'), 'page after a hash change');
    location.hash = 'details';
    await hash;
    // popstate, hashchange and navigatesuccess all fire for a fragment change: still one signal.
    await new Promise((r) => setTimeout(r, 0));
    expect(pages(signals)).to.deep.equal(['/wm-route-one', '/wm-route-one#details']);
  });

  it('emits page for a Navigation API navigation that never touches history.pushState', async () => {
    const navigation = (window as { navigation?: Navigation }).navigation;
    if (!navigation) throw new Error('this Chromium has the Navigation API; the test expects it');
    const { ctx, next } = recorder();
    disposers.push(routeSensor(ctx));
    const intercept = (event: NavigateEvent) => event.intercept({ handler: async () => {} });
    navigation.addEventListener('navigate', intercept);
    try {
      const seen = next((s) => s.type === 'page' && s.url.endsWith('/wm-route-navigation'), 'page after navigation.navigate()');
      await navigation.navigate('/wm-route-navigation').finished;
      await seen;
    } finally {
      navigation.removeEventListener('navigate', intercept);
    }
  });

  it('two instances both work and dispose independently', () => {
    const a = recorder();
    const b = recorder();
    const disposeA = routeSensor(a.ctx);
    disposers.push(routeSensor(b.ctx));
    history.pushState(null, '', '/wm-route-both');
    disposeA();
    history.pushState(null, '', '/wm-route-only-b');
    expect(pages(a.signals)).to.deep.equal(['/wm-route-both']);
    expect(pages(b.signals)).to.deep.equal(['/wm-route-both', '/wm-route-only-b']);
  });

  it('restores history methods exactly on dispose, also the own-property shape', () => {
    const hadOwn = Object.hasOwn(history, 'pushState');
    const a = routeSensor(recorder().ctx);
    const b = routeSensor(recorder().ctx);
    expect(history.pushState).not.to.equal(pushState);
    a(); // the lower wrapper goes first: it cannot be removed yet, only made inert
    expect(history.pushState).not.to.equal(pushState);
    b(); // now both unwind
    expect(history.pushState).to.equal(pushState);
    expect(history.replaceState).to.equal(replaceState);
    expect(Object.hasOwn(history, 'pushState')).to.equal(hadOwn);
  });

  it('never clobbers a patch the host installed after us, and stops reacting through it', () => {
    const { ctx, signals } = recorder();
    const dispose = routeSensor(ctx);
    const ours = history.pushState;
    const hostUrls: string[] = [];
    const hostPatch = function (this: History, data: unknown, unused: string, url?: string | URL | null) {
      hostUrls.push(String(url));
      return ours.call(this, data, unused, url);
    };
    history.pushState = hostPatch;
    dispose();
    expect(history.pushState, 'the later patch survives').to.equal(hostPatch);
    history.pushState(null, '', '/wm-route-host');
    expect(hostUrls).to.deep.equal(['/wm-route-host']);
    expect(location.pathname).to.equal('/wm-route-host');
    expect(signals, 'our logic is unhooked').to.deep.equal([]);
    // When the host removes its patch, the next Waymark disposal unwinds our inert wrapper too.
    history.pushState = ours;
    routeSensor(recorder().ctx)();
    expect(history.pushState).to.equal(pushState);
  });

  it('lets the real method\'s errors reach the caller unchanged, and reports nothing', () => {
    const { ctx, signals, errors } = recorder();
    disposers.push(routeSensor(ctx));
    expect(() => history.pushState(null, '', 'https://other.example/x')).to.throw(DOMException);
    expect(signals).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});

describe('backAndForthSensor', () => {
  const startUrl = location.href;
  const disposers: Array<() => void> = [];
  afterEach(() => {
    for (const dispose of disposers.splice(0)) dispose();
    history.replaceState(null, '', startUrl);
  });

  it('emits once the user returned to the route they just left twice within the window', () => {
    let clock = 0;
    const { ctx, signals } = recorder(() => clock);
    history.replaceState(null, '', '/wm-bf-list');
    disposers.push(backAndForthSensor(ctx, { backAndForthWindowMs: 60_000 }));
    for (const path of ['/wm-bf-item', '/wm-bf-list', '/wm-bf-item']) {
      clock += 5_000;
      history.pushState(null, '', `${path}?q=secret@example.com`);
    }
    expect(signals).to.have.length(1);
    expect(signals[0]).to.deep.include({ type: 'struggle', kind: 'back-and-forth', at: 15_000 });
    const detail = (signals[0] as Extract<Signal, { type: 'struggle' }>).detail!;
    expect(detail).to.contain('/wm-bf-item').and.contain('/wm-bf-list');
    expect(detail, 'query strings stay out of the detail').not.to.contain('secret');
  });

  it('does not count forward navigation, a single return, or returns spread beyond the window', () => {
    let clock = 0;
    const { ctx, signals } = recorder(() => clock);
    history.replaceState(null, '', '/wm-bf-a');
    disposers.push(backAndForthSensor(ctx, { backAndForthWindowMs: 60_000 }));
    for (const path of ['/wm-bf-b', '/wm-bf-c', '/wm-bf-a', '/wm-bf-d']) history.pushState(null, '', path);
    expect(signals, 'never the route just left').to.deep.equal([]);
    history.pushState(null, '', '/wm-bf-a'); // a → d → a: return 1
    expect(signals, 'one return is not enough').to.deep.equal([]);
    clock += 61_000;
    history.pushState(null, '', '/wm-bf-d'); // d → a → d: return 2, but return 1 has left the window
    expect(signals).to.deep.equal([]);
    clock += 1_000;
    history.pushState(null, '', '/wm-bf-a'); // return 3, within the window of return 2
    expect(signals).to.have.length(1);
  });
});
