import { expect } from '@open-wc/testing';
import type { AnalyticsEvent } from '../../engine/contract.js';
import { BEACON_MAX_BYTES, createSink, type AnalyticsSink } from './index.js';

/** Timers driven by the test: interval flushes need no real waiting. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout: (run: () => void, ms: number) => {
      timers.set(nextId, { at: now + ms, run });
      return nextId++;
    },
    clearTimeout: (id: number) => void timers.delete(id),
    get pending() {
      return timers.size;
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
    },
  };
}

/** A real EventTarget that also knows which listeners are still attached. */
class ListenerCountingTarget extends EventTarget {
  readonly attached = new Set<string>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private key(type: string, listener: EventListenerOrEventListenerObject | null): string {
    if (!listener) return `${type}:null`;
    if (!this.ids.has(listener)) this.ids.set(listener, this.nextId++);
    return `${type}:${this.ids.get(listener)}`;
  }
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void {
    super.addEventListener(type, listener, options);
    this.attached.add(this.key(type, listener));
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: EventListenerOptions | boolean): void {
    super.removeEventListener(type, listener, options);
    this.attached.delete(this.key(type, listener));
  }
}

interface FetchCall {
  url: string;
  init: RequestInit;
}

interface PageOptions {
  /** What sendBeacon answers; `'missing'` leaves it out of navigator. */
  beacon?: boolean | 'missing';
  fetchResult?: () => Promise<Response>;
}

function fakePage(options: PageOptions = {}) {
  const timers = manualTimers();
  const beacons: Array<{ url: string; body: string }> = [];
  const fetches: FetchCall[] = [];
  const errors: Array<{ where: string; error: unknown }> = [];
  const document = Object.assign(new ListenerCountingTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  const navigator =
    options.beacon === 'missing'
      ? {}
      : {
          sendBeacon(url: string, body: string) {
            beacons.push({ url, body });
            return options.beacon ?? true;
          },
        };
  const win = Object.assign(new ListenerCountingTarget(), {
    document,
    navigator,
    location: { href: 'https://app.example.com/projects/1' },
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    fetch(url: string, init: RequestInit) {
      fetches.push({ url, init });
      return options.fetchResult?.() ?? Promise.resolve(new Response(null, { status: 204 }));
    },
  });
  const env = { window: win as unknown as Window, now: timers.now, reportError: (error: unknown, where: string) => void errors.push({ error, where }) };
  return { win, document, timers, beacons, fetches, errors, env };
}

const event = (n: number, extra: Partial<AnalyticsEvent> = {}): AnalyticsEvent => ({
  type: 'step_viewed',
  at: 1000 + n,
  userId: 'user-1',
  sessionId: 'session-1',
  experienceId: 'welcome',
  experienceType: 'tour',
  props: { step: n },
  ...extra,
});

const payload = (body: string) => JSON.parse(body) as { events: AnalyticsEvent[]; sentAt: number };

/** Let already-settled promise callbacks run (no timers involved). */
const settle = async () => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
};

describe('beacon sink', () => {
  it('batches events and sends { events, sentAt } once batchSize is reached', () => {
    const page = fakePage();
    const sink = createSink({ type: 'beacon', url: '/collect', batchSize: 3 }, page.env);
    sink.send(event(1));
    sink.send(event(2));
    expect(page.beacons).to.have.length(0);
    page.timers.advance(10);
    sink.send(event(3));
    expect(page.beacons).to.have.length(1);
    expect(page.beacons[0]!.url).to.equal('https://app.example.com/collect');
    expect(payload(page.beacons[0]!.body)).to.deep.equal({ events: [event(1), event(2), event(3)], sentAt: 10 });
    expect(page.timers.pending).to.equal(0);
  });

  it('sends what was buffered flushMs after the first event, and arms no timer while idle', () => {
    const page = fakePage();
    const sink = createSink({ type: 'beacon', url: 'https://collect.example.com/e', flushMs: 1000 }, page.env);
    expect(page.timers.pending).to.equal(0);
    sink.send(event(1));
    page.timers.advance(400);
    sink.send(event(2));
    page.timers.advance(599);
    expect(page.beacons).to.have.length(0);
    page.timers.advance(1);
    expect(page.beacons.map((b) => payload(b.body).events.length)).to.deep.equal([2]);
    expect(page.timers.pending).to.equal(0);
  });

  it('flushes when the page becomes hidden, not when it becomes visible', () => {
    const page = fakePage();
    const sink = createSink({ type: 'beacon', url: '/collect' }, page.env);
    sink.send(event(1));
    page.document.dispatchEvent(new Event('visibilitychange'));
    expect(page.beacons).to.have.length(0);
    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
    expect(page.beacons).to.have.length(1);
    expect(page.timers.pending).to.equal(0);
  });

  it('flushes on pagehide', () => {
    const page = fakePage();
    const sink = createSink({ type: 'beacon', url: '/collect' }, page.env);
    sink.send(event(1));
    page.win.dispatchEvent(new Event('pagehide'));
    expect(payload(page.beacons[0]!.body).events).to.deep.equal([event(1)]);
  });

  it('falls back to fetch keepalive when sendBeacon returns false', () => {
    const page = fakePage({ beacon: false });
    const sink = createSink({ type: 'beacon', url: '/collect', batchSize: 1 }, page.env);
    sink.send(event(1));
    expect(page.beacons).to.have.length(1);
    expect(page.fetches).to.have.length(1);
    const [call] = page.fetches;
    expect(call!.url).to.equal('https://app.example.com/collect');
    expect(call!.init.method).to.equal('POST');
    expect(call!.init.keepalive).to.equal(true);
    expect(call!.init.body).to.equal(page.beacons[0]!.body);
    expect(payload(call!.init.body as string).events).to.deep.equal([event(1)]);
  });

  it('uses fetch keepalive when sendBeacon is missing', () => {
    const page = fakePage({ beacon: 'missing' });
    const sink = createSink({ type: 'beacon', url: '/collect', batchSize: 2 }, page.env);
    sink.send(event(1));
    sink.send(event(2));
    expect(page.fetches.map((f) => payload(f.init.body as string).events.length)).to.deep.equal([2]);
    expect(page.fetches[0]!.init.keepalive).to.equal(true);
  });

  it('reports a failing fetch once, however often it fails', async () => {
    const failure = new TypeError('Failed to fetch');
    const page = fakePage({ beacon: false, fetchResult: () => Promise.reject(failure) });
    const sink = createSink({ type: 'beacon', url: '/collect', batchSize: 1 }, page.env);
    sink.send(event(1));
    sink.send(event(2));
    await settle();
    expect(page.fetches).to.have.length(2);
    expect(page.errors).to.deep.equal([{ where: 'sink:beacon:transport', error: failure }]);
  });

  it('reports an HTTP error status from the endpoint', async () => {
    const page = fakePage({ beacon: 'missing', fetchResult: () => Promise.resolve(new Response('nope', { status: 500 })) });
    const sink = createSink({ type: 'beacon', url: '/collect', batchSize: 1 }, page.env);
    sink.send(event(1));
    await settle();
    expect(page.errors.map((e) => e.where)).to.deep.equal(['sink:beacon:http']);
  });

  it('splits a large batch into bodies under the beacon size limit, keeping every event in order', () => {
    const page = fakePage();
    const sink = createSink({ type: 'beacon', url: '/collect', batchSize: 1000 }, page.env);
    const big = (n: number) => event(n, { props: { step: n, blob: 'x'.repeat(7000) } });
    for (let n = 0; n < 12; n++) sink.send(big(n));
    sink.flush?.();
    expect(page.beacons.length).to.be.greaterThan(1);
    for (const { body } of page.beacons) expect(new TextEncoder().encode(body).length).to.be.at.most(BEACON_MAX_BYTES);
    const sent = page.beacons.flatMap((b) => payload(b.body).events.map((e) => e.props?.step));
    expect(sent).to.deep.equal([...Array(12).keys()]);
  });

  it('dispose sends what is buffered, then leaves no listener and no timer behind', () => {
    const page = fakePage();
    const sink: AnalyticsSink = createSink({ type: 'beacon', url: '/collect' }, page.env);
    expect(page.win.attached.size + page.document.attached.size).to.equal(2);
    sink.send(event(1));
    expect(page.timers.pending).to.equal(1);
    sink.dispose?.();
    expect(page.beacons.map((b) => payload(b.body).events.length)).to.deep.equal([1]);
    expect(page.win.attached.size).to.equal(0);
    expect(page.document.attached.size).to.equal(0);
    expect(page.timers.pending).to.equal(0);
    sink.send(event(2));
    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
    page.win.dispatchEvent(new Event('pagehide'));
    page.timers.advance(60_000);
    expect(page.beacons).to.have.length(1);
  });

  it('refuses a non-http URL: reported as config, nothing attached', () => {
    const page = fakePage();
    const sink = createSink({ type: 'beacon', url: 'javascript:alert(1)' }, page.env);
    sink.send(event(1));
    sink.flush?.();
    expect(page.errors.map((e) => e.where)).to.deep.equal(['sink:beacon:config']);
    expect(page.win.attached.size + page.document.attached.size).to.equal(0);
    expect(page.beacons.length + page.fetches.length).to.equal(0);
  });
});

describe('beacon sink on the real page', () => {
  const realNavigator = navigator as unknown as Record<string, unknown>;
  const realDocument = document as unknown as Record<string, unknown>;
  afterEach(() => {
    delete realNavigator.sendBeacon;
    delete realDocument.visibilityState;
  });

  it('flushes through navigator.sendBeacon on real pagehide and visibilitychange events', () => {
    const beacons: string[] = [];
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      value: (_url: string, body: string) => beacons.push(body) > 0,
    });
    const sink = createSink({ type: 'beacon', url: '/collect' }, { window, now: () => 7, reportError: () => {} });
    try {
      sink.send(event(1));
      window.dispatchEvent(new Event('pagehide'));
      sink.send(event(2));
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(beacons.map((body) => payload(body).events[0]?.props?.step)).to.deep.equal([1, 2]);
    } finally {
      sink.dispose?.();
    }
    sink.send(event(3));
    window.dispatchEvent(new Event('pagehide'));
    expect(beacons).to.have.length(2);
  });

  it("queues through the browser's own sendBeacon, with no fetch fallback and no error", () => {
    const errors: string[] = [];
    const fetches: unknown[] = [];
    const realWindow = window as unknown as Record<string, unknown>;
    const realFetch = window.fetch;
    realWindow.fetch = (...args: unknown[]) => {
      fetches.push(args);
      return Promise.resolve(new Response(null, { status: 204 }));
    };
    try {
      // The real beacon leaves (the test server answers it 404); what matters is that Chromium queued it.
      const sink = createSink({ type: 'beacon', url: "/__waymark-test-beacon", batchSize: 1 }, { window, now: () => 7, reportError: (_e, where) => void errors.push(where) });
      sink.send(event(1));
      sink.dispose?.();
    } finally {
      realWindow.fetch = realFetch;
    }
    expect(fetches).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});
