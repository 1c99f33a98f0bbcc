import { expect } from '@open-wc/testing';
import type { AnalyticsEvent } from '../../engine/contract.js';
import { createSink, VENDOR_POLL_MS, VENDOR_QUEUE_LIMIT, VENDOR_WAIT_MS, type AnalyticsSink, type SinkSpec } from './index.js';

/** Timers driven by the test, so waiting for a late vendor needs no real time. */
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

type FakeWindow = Window & Record<string, unknown>;

function setup(spec: SinkSpec) {
  const timers = manualTimers();
  const win = { setTimeout: timers.setTimeout, clearTimeout: timers.clearTimeout } as unknown as FakeWindow;
  const errors: Array<{ where: string; error: unknown }> = [];
  const sink: AnalyticsSink = createSink(spec, { window: win, now: timers.now, reportError: (error, where) => errors.push({ error, where }) });
  return { win, timers, errors, sink };
}

/** Records each call as the vendor's function would receive it. */
function recorder() {
  const calls: unknown[][] = [];
  return { calls, fn: (...args: unknown[]) => void calls.push(args) };
}

const stepViewed: AnalyticsEvent = {
  type: 'step_viewed',
  at: 1000,
  userId: 'user-1',
  sessionId: 'session-1',
  experienceId: 'welcome',
  experienceType: 'tour',
  props: { step: 1, stepId: 'projects', stepCount: 3, title: 'Your projects', nested: { a: 1 } },
};

const surveyAnswered: AnalyticsEvent = {
  type: 'survey_answered',
  at: 2000,
  userId: 'user-1',
  experienceId: 'nps-q3',
  experienceType: 'survey',
  props: { metric: 'nps', score: 9, comment: 'my email is jane@example.com', hasComment: true },
};

const shown = (experienceId: string): AnalyticsEvent => ({ type: 'experience_shown', at: 1, userId: 'u', experienceId, experienceType: 'hint' });

const stepViewedProps = { experience_id: 'welcome', experience_type: 'tour', step: 1, step_id: 'projects', step_count: 3 };

describe('vendor sinks', () => {
  it('ga4 calls gtag("event", "waymark_<type>", flat props) when gtag is on the page', () => {
    const { win, sink } = setup({ type: 'ga4' });
    const gtag = recorder();
    win.gtag = gtag.fn;
    win.dataLayer = [];
    sink.send(stepViewed);
    expect(gtag.calls).to.deep.equal([['event', 'waymark_step_viewed', stepViewedProps]]);
    expect(win.dataLayer).to.deep.equal([]);
  });

  it('ga4 pushes a GTM data layer event, clearing the previous waymark fields first', () => {
    const { win, sink } = setup({ type: 'ga4' });
    const dataLayer: unknown[] = [];
    win.dataLayer = dataLayer;
    sink.send(stepViewed);
    sink.send(shown('tip'));
    expect(dataLayer).to.deep.equal([
      { waymark: null },
      { event: 'waymark_step_viewed', waymark: stepViewedProps },
      { waymark: null },
      { event: 'waymark_experience_shown', waymark: { experience_id: 'tip', experience_type: 'hint' } },
    ]);
  });

  it('ga4 leaves out null values, which GA4 cannot represent', () => {
    const { win, sink } = setup({ type: 'ga4' });
    const gtag = recorder();
    win.gtag = gtag.fn;
    sink.send({ type: 'stage_changed', at: 1, userId: 'u', props: { from: null, to: 'trial' } });
    expect(gtag.calls).to.deep.equal([['event', 'waymark_stage_changed', { to: 'trial' }]]);
  });

  it('segment calls analytics.track("Waymark <Type In Words>", props) on the snippet stub', () => {
    const { win, sink } = setup({ type: 'segment' });
    // Segment's snippet: an array whose methods push [method, ...args] until analytics.js loads.
    const analytics = Object.assign([] as unknown[][], {
      track(...args: unknown[]) {
        analytics.push(['track', ...args]);
      },
    });
    win.analytics = analytics;
    sink.send(stepViewed);
    sink.send({ type: 'sdk_error', at: 3, userId: 'u', props: { code: 'internal', where: 'track', message: 'boom at /secret' } });
    expect([...analytics]).to.deep.equal([
      ['track', 'Waymark Step Viewed', stepViewedProps],
      ['track', 'Waymark SDK Error', { code: 'internal', where: 'track' }],
    ]);
  });

  it('posthog calls posthog.capture("waymark_<type>", props) without the free-text comment', () => {
    const { win, sink } = setup({ type: 'posthog' });
    const capture = recorder();
    win.posthog = { capture: capture.fn };
    sink.send(surveyAnswered);
    expect(capture.calls).to.deep.equal([
      ['waymark_survey_answered', { experience_id: 'nps-q3', experience_type: 'survey', metric: 'nps', score: 9, has_comment: true }],
    ]);
  });

  it('amplitude calls amplitude.track (Browser SDK) on the amplitude object', () => {
    const { win, sink } = setup({ type: 'amplitude' });
    const calls: unknown[][] = [];
    win.amplitude = {
      calls,
      track(this: { calls: unknown[][] }, ...args: unknown[]) {
        this.calls.push(args);
      },
    };
    sink.send({ type: 'stage_changed', at: 5, userId: 'u', props: { from: 'trial', to: 'activated' } });
    expect(calls).to.deep.equal([['Waymark Stage Changed', { from: 'trial', to: 'activated' }]]);
  });

  it('amplitude falls back to amplitude.getInstance().logEvent (amplitude-js)', () => {
    const { win, sink } = setup({ type: 'amplitude' });
    class LegacyClient {
      readonly logged: unknown[][] = [];
      logEvent(...args: unknown[]) {
        this.logged.push(args);
      }
    }
    const client = new LegacyClient();
    win.amplitude = { getInstance: () => client };
    sink.send({ type: 'checklist_item_completed', at: 5, userId: 'u', experienceId: 'setup', experienceType: 'checklist', props: { item: 'invite', itemsDone: 2, itemsTotal: 5 } });
    expect(client.logged).to.deep.equal([
      ['Waymark Checklist Item Completed', { experience_id: 'setup', experience_type: 'checklist', item: 'invite', items_done: 2, items_total: 5 }],
    ]);
  });

  it('mixpanel calls mixpanel.track("Waymark <Type In Words>", props)', () => {
    const { win, sink } = setup({ type: 'mixpanel' });
    const track = recorder();
    win.mixpanel = { track: track.fn };
    sink.send({ type: 'struggle_detected', at: 5, userId: 'u', props: { kind: 'rage-click', target: '#save', count: 4, detail: 'clicked 4 times' } });
    expect(track.calls).to.deep.equal([['Waymark Struggle Detected', { kind: 'rage-click', target: '#save', count: 4 }]]);
  });

  it('works against the real window object', () => {
    const capture = recorder();
    const real = window as unknown as FakeWindow;
    real.posthog = { capture: capture.fn };
    try {
      const sink = createSink({ type: 'posthog' }, { window, now: () => Date.now(), reportError: () => {} });
      sink.send(shown('real'));
      expect(capture.calls).to.deep.equal([['waymark_experience_shown', { experience_id: 'real', experience_type: 'hint' }]]);
    } finally {
      delete real.posthog;
    }
  });
});

describe('vendors loaded after Waymark', () => {
  it('queues events until a poll finds the global, then delivers them in order', () => {
    const { win, timers, sink } = setup({ type: 'segment' });
    sink.send(shown('a'));
    sink.send(shown('b'));
    expect(timers.pending).to.equal(1);
    timers.advance(VENDOR_POLL_MS * 3);
    const track = recorder();
    win.analytics = { track: track.fn };
    expect(track.calls).to.have.length(0);
    timers.advance(VENDOR_POLL_MS);
    expect(track.calls.map((call) => (call[1] as { experience_id: string }).experience_id)).to.deep.equal(['a', 'b']);
    expect(timers.pending).to.equal(0);
    sink.send(shown('c'));
    expect(track.calls).to.have.length(3);
  });

  it('delivers queued events before the new one when the next send finds the global', () => {
    const { win, sink } = setup({ type: 'mixpanel' });
    sink.send(shown('first'));
    const track = recorder();
    win.mixpanel = { track: track.fn };
    sink.send(shown('second'));
    expect(track.calls.map((call) => (call[1] as { experience_id: string }).experience_id)).to.deep.equal(['first', 'second']);
  });

  it('flush() delivers the queue once the global exists', () => {
    const { win, sink } = setup({ type: 'ga4' });
    sink.send(shown('queued'));
    const dataLayer: unknown[] = [];
    win.dataLayer = dataLayer;
    sink.flush?.();
    expect(dataLayer).to.deep.equal([{ waymark: null }, { event: 'waymark_experience_shown', waymark: { experience_id: 'queued', experience_type: 'hint' } }]);
  });

  it('sends what the event was at send time, even if the object changes while queued', () => {
    const { win, sink } = setup({ type: 'posthog' });
    const event = shown('original');
    sink.send(event);
    event.experienceId = 'mutated';
    const capture = recorder();
    win.posthog = { capture: capture.fn };
    sink.flush?.();
    expect(capture.calls[0]?.[1]).to.deep.equal({ experience_id: 'original', experience_type: 'hint' });
  });

  it('keeps at most VENDOR_QUEUE_LIMIT events and reports the overflow once', () => {
    const { win, sink, errors } = setup({ type: 'posthog' });
    for (let i = 0; i < VENDOR_QUEUE_LIMIT + 5; i++) sink.send(shown(`e${i}`));
    expect(errors.map((e) => e.where)).to.deep.equal(['sink:posthog:queue-full']);
    const capture = recorder();
    win.posthog = { capture: capture.fn };
    sink.flush?.();
    expect(capture.calls).to.have.length(VENDOR_QUEUE_LIMIT);
    expect(capture.calls.at(-1)?.[1]).to.deep.equal({ experience_id: `e${VENDOR_QUEUE_LIMIT - 1}`, experience_type: 'hint' });
  });

  it('stops polling after VENDOR_WAIT_MS but still delivers when a later send finds the global', () => {
    const { win, timers, sink } = setup({ type: 'amplitude' });
    sink.send(shown('early'));
    timers.advance(VENDOR_WAIT_MS + VENDOR_POLL_MS * 2);
    expect(timers.pending).to.equal(0);
    const track = recorder();
    win.amplitude = { track: track.fn };
    sink.send(shown('late'));
    expect(track.calls.map((call) => (call[1] as { experience_id: string }).experience_id)).to.deep.equal(['early', 'late']);
  });

  it('dispose stops polling and ignores later events', () => {
    const { win, timers, sink } = setup({ type: 'segment' });
    sink.send(shown('a'));
    sink.dispose?.();
    expect(timers.pending).to.equal(0);
    const track = recorder();
    win.analytics = { track: track.fn };
    sink.send(shown('b'));
    timers.advance(VENDOR_POLL_MS * 2);
    expect(track.calls).to.have.length(0);
  });
});

describe('a failing vendor', () => {
  it('never throws, keeps sending, and reports each kind of failure once', () => {
    const { win, sink, errors } = setup({ type: 'mixpanel' });
    let attempts = 0;
    const failure = new Error('mixpanel exploded');
    win.mixpanel = {
      track() {
        attempts++;
        throw failure;
      },
    };
    expect(() => {
      sink.send(shown('a'));
      sink.send(shown('b'));
      sink.send(shown('c'));
    }).not.to.throw();
    expect(attempts).to.equal(3);
    expect(errors).to.deep.equal([{ where: 'sink:mixpanel:send', error: failure }]);
  });

  it('survives a global whose getter throws', () => {
    const { win, sink, errors } = setup({ type: 'segment' });
    Object.defineProperty(win, 'analytics', {
      get() {
        throw new Error('blocked by a privacy extension');
      },
    });
    expect(() => sink.send(shown('a'))).not.to.throw();
    expect(errors.map((e) => e.where)).to.deep.equal(['sink:segment:send']);
  });
});
