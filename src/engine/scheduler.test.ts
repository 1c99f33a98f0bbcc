import { describe, expect, it } from 'vitest';
import type { Experience, WaymarkConfig } from '../config/types.js';
import type { AnalyticsEventType, Effect, Signal } from './contract.js';
import { createEngine } from './create-engine.js';
import { initialState } from './state.js';
import { controlBucket, inPercentage } from './hash.js';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const MIN = 60_000;

type Input = Signal extends infer S ? (S extends Signal ? Omit<S, 'at'> & { at?: number } : never) : never;

function harness(experiences: Experience[], extra: Partial<WaymarkConfig> = {}, userId = 'user-1') {
  const engine = createEngine({ config: { version: '1', experiences, ...extra }, state: initialState(userId, T0), origin: 'tab-a' });
  let now = T0;
  return {
    engine,
    send(signal: Input): Effect[] {
      if (signal.at !== undefined) now = signal.at;
      return engine.dispatch({ ...signal, at: now } as Signal);
    },
    /** Move the clock and deliver the tick the runtime would send. */
    advance(ms: number): Effect[] {
      now += ms;
      return engine.dispatch({ type: 'tick', at: now });
    },
    get now() {
      return now;
    },
  };
}

const shows = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'show' ? [e.experienceId] : []));
const hides = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'hide' ? [`${e.experienceId}:${e.reason}`] : []));
const emitted = (effects: Effect[], type: AnalyticsEventType) => effects.flatMap((e) => (e.type === 'emit' && e.event.type === type ? [e.event] : []));
const wakes = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'wake' ? [e.at] : []));

const modal = (id: string, more: Partial<Extract<Experience, { type: 'announcement' }>> = {}): Experience => ({
  id,
  type: 'announcement',
  display: 'modal',
  title: id,
  ...more,
});
const hint = (id: string, more: Partial<Extract<Experience, { type: 'hint' }>> = {}): Experience => ({ id, type: 'hint', target: `#${id}`, body: 'b', ...more });

describe('scheduler: one blocking experience at a time', () => {
  it('shows the highest priority first, ties in config order, the next when the slot frees', () => {
    const h = harness([modal('a', { priority: 1 }), modal('b', { priority: 5 }), modal('c', { priority: 5 })], { limits: { minGap: '0s', blockingPerSession: 10 } });
    const first = h.send({ type: 'session', sessionId: 's1' });
    expect(shows(first)).toEqual(['b']);
    expect(h.engine.active()).toEqual([{ experienceId: 'b' }]);
    const second = h.send({ type: 'dismiss', experienceId: 'b' });
    expect(hides(second)).toEqual(['b:dismissed']);
    expect(shows(second)).toEqual(['c']);
    expect(shows(h.send({ type: 'action', experienceId: 'c', action: { type: 'complete' } }))).toEqual(['a']);
  });

  it('shows non-blocking experiences alongside a blocking one', () => {
    const h = harness([modal('m'), hint('tip'), modal('m2'), { id: 'bar', type: 'announcement', display: 'banner', title: 'x' }]);
    const effects = h.send({ type: 'session', sessionId: 's1' });
    expect(shows(effects).sort()).toEqual(['bar', 'm', 'tip']);
    expect(h.engine.active().map((a) => a.experienceId).sort()).toEqual(['bar', 'm', 'tip']);
  });

  it('never preempts what is showing for a higher priority one', () => {
    const h = harness([modal('low', { priority: 1 }), modal('high', { priority: 9, when: { event: 'go' } })], { limits: { minGap: '0s' } });
    h.send({ type: 'session', sessionId: 's1' });
    expect(shows(h.send({ type: 'track', name: 'go' }))).toEqual([]);
    expect(h.engine.why('high', h.now).reason).toBe("blocked by announcement 'low' (priority 1)");
    expect(shows(h.send({ type: 'dismiss', experienceId: 'low' }))).toEqual(['high']);
  });
});

describe('scheduler: global rate limit', () => {
  it('allows blockingPerSession blocking experiences per session', () => {
    const h = harness([modal('a'), modal('b'), modal('c')], { limits: { blockingPerSession: 2, minGap: '0s' } });
    h.send({ type: 'session', sessionId: 's1' });
    h.send({ type: 'dismiss', experienceId: 'a' });
    const effects = h.send({ type: 'dismiss', experienceId: 'b' });
    expect(shows(effects)).toEqual([]);
    expect(h.engine.why('c', h.now).reason).toBe('rate limit: 2 of 2 blocking experiences already shown this session');
    // A new session has a fresh allowance.
    expect(shows(h.send({ type: 'session', sessionId: 's2' }))).toEqual(['c']);
  });

  it('keeps minGap between blocking experiences and wakes when it passes', () => {
    const h = harness([modal('a'), modal('b')]);
    h.send({ type: 'session', sessionId: 's1' });
    h.advance(30_000);
    const dismissed = h.send({ type: 'dismiss', experienceId: 'a' });
    expect(shows(dismissed)).toEqual([]);
    expect(wakes(dismissed)).toEqual([T0 + 2 * MIN]);
    expect(h.engine.why('b', h.now).reason).toBe('rate limit: next blocking experience allowed in 1m 30s (minGap 2m)');
    expect(shows(h.advance(2 * MIN - 30_000 - 1))).toEqual([]);
    expect(shows(h.advance(1))).toEqual(['b']);
  });

  it('start from code bypasses the trigger and the rate limit, not enabled', () => {
    const h = harness([modal('a'), modal('b', { when: { event: 'never' } }), modal('off', { enabled: false })], { limits: { blockingPerSession: 1 } });
    h.send({ type: 'session', sessionId: 's1' });
    const started = h.send({ type: 'start', experienceId: 'b' });
    expect(hides(started)).toEqual(['a:replaced']);
    expect(shows(started)).toEqual(['b']);
    expect(emitted(started, 'experience_shown')[0]!.props).toEqual({ via: 'start' });
    expect(shows(h.send({ type: 'start', experienceId: 'off' }))).toEqual([]);
    // The replaced one resumes once the slot is free, without counting as a new show.
    const back = h.send({ type: 'dismiss', experienceId: 'b' });
    expect(shows(back)).toEqual(['a']);
    expect(emitted(back, 'experience_shown')).toEqual([]);
  });
});

describe('scheduler: frequency', () => {
  it('blocking types default to once; hints to always', () => {
    const h = harness([modal('m', { when: { page: '/a' } }), hint('tip', { when: { page: '/a' } })]);
    h.send({ type: 'session', sessionId: 's1' });
    h.send({ type: 'element', key: 'css:#tip', present: true, visible: true });
    expect(shows(h.send({ type: 'page', url: '/a' })).sort()).toEqual(['m', 'tip']);
    h.send({ type: 'action', experienceId: 'm', action: { type: 'complete' } });
    expect(hides(h.send({ type: 'page', url: '/b' }))).toEqual(['tip:ineligible']);
    h.advance(10 * MIN);
    expect(shows(h.send({ type: 'page', url: '/a' }))).toEqual(['tip']);
    expect(h.engine.why('m', h.now).reason).toBe('already shown (show: once)');
  });

  it('session: once per session', () => {
    const h = harness([modal('m', { frequency: { show: 'session' } })], { limits: { minGap: '0s' } });
    h.send({ type: 'session', sessionId: 's1' });
    h.send({ type: 'dismiss', experienceId: 'm' });
    // Dismissal blocks forever by default: use a cooldown to see the session rule.
    const h2 = harness([modal('m', { frequency: { show: 'session', afterDismiss: '0s' } })], { limits: { minGap: '0s' } });
    expect(shows(h2.send({ type: 'session', sessionId: 's1' }))).toEqual(['m']);
    expect(shows(h2.send({ type: 'dismiss', experienceId: 'm' }))).toEqual([]);
    expect(h2.engine.why('m', h2.now).reason).toBe('already shown this session (show: session)');
    expect(shows(h2.send({ type: 'session', sessionId: 's2' }))).toEqual(['m']);
    expect(h.engine.why('m', h.now).reason).toBe('dismissed 0ms ago (afterDismiss: never)');
  });

  it('every: at most once per interval, with a wake-up when it may show again', () => {
    const h = harness([hint('tip', { when: { page: '/a' }, frequency: { every: '1h' } })]);
    h.send({ type: 'session', sessionId: 's1' });
    h.send({ type: 'element', key: 'css:#tip', present: true, visible: true });
    expect(shows(h.send({ type: 'page', url: '/a' }))).toEqual(['tip']);
    expect(wakes(h.send({ type: 'page', url: '/b' }))).toEqual([T0 + 60 * MIN]);
    const back = h.send({ type: 'page', url: '/a', at: T0 + 10 * MIN });
    expect(shows(back)).toEqual([]);
    expect(wakes(back)).toEqual([]); // Already requested.
    expect(h.engine.why('tip', h.now).reason).toBe('shown 10m ago; every 1h, next in 50m');
    expect(shows(h.advance(50 * MIN))).toEqual(['tip']);
  });

  it('maxShows caps the total', () => {
    const h = harness([hint('tip', { when: { page: '/a' }, frequency: { maxShows: 2 } })]);
    h.send({ type: 'session', sessionId: 's1' });
    h.send({ type: 'element', key: 'css:#tip', present: true, visible: true });
    for (let i = 0; i < 2; i++) {
      h.advance(MIN);
      expect(shows(h.send({ type: 'page', url: '/a' }))).toEqual(['tip']);
      h.send({ type: 'page', url: '/b' });
    }
    h.advance(MIN);
    expect(shows(h.send({ type: 'page', url: '/a' }))).toEqual([]);
    expect(h.engine.why('tip', h.now).reason).toBe('shown 2 of 2 times');
  });

  it('afterDismiss: a cooldown, then eligible again', () => {
    const h = harness([modal('m', { frequency: { show: 'always', afterDismiss: '1d' } })], { limits: { minGap: '0s', blockingPerSession: 5 } });
    h.send({ type: 'session', sessionId: 's1' });
    const dismissed = h.send({ type: 'dismiss', experienceId: 'm' });
    expect(wakes(dismissed)).toEqual([T0 + 86_400_000]);
    expect(h.engine.why('m', h.now).reason).toBe('dismissed 0ms ago; may return in 1d');
    expect(shows(h.advance(86_400_000 - 1))).toEqual([]);
    expect(shows(h.advance(1))).toEqual(['m']);
  });

  it('snooze hides until the time given, then the run resumes', () => {
    const h = harness([modal('m')]);
    h.send({ type: 'session', sessionId: 's1' });
    const snoozed = h.send({ type: 'action', experienceId: 'm', action: { type: 'snooze', until: T0 + 10 * MIN } });
    expect(hides(snoozed)).toEqual(['m:dismissed']);
    expect(wakes(snoozed)).toEqual([T0 + 10 * MIN]);
    expect(shows(h.advance(10 * MIN))).toEqual(['m']);
  });

  it('stages filter: only in the listed stages', () => {
    const h = harness([modal('m', { stages: ['setup'] })], { stages: [{ id: 'signup' }, { id: 'setup' }] });
    expect(shows(h.send({ type: 'session', sessionId: 's1' }))).toEqual([]);
    expect(h.engine.why('m', h.now).reason).toBe("user is in stage 'signup', needs 'setup'");
    expect(shows(h.send({ type: 'set-stage', stage: 'setup' }))).toEqual(['m']);
  });
});

describe('scheduler: control groups', () => {
  const controlUser = (percentage: number, member: boolean) => {
    for (let i = 0; ; i++) {
      const id = `user-${i}`;
      if (inPercentage(controlBucket(id, 'm'), percentage) === member) return id;
    }
  };

  it('a control-group user never sees it and it emits would_have_shown once', () => {
    const h = harness([modal('m', { control: 30, when: { event: 'go' } })], {}, controlUser(30, true));
    h.send({ type: 'session', sessionId: 's1' });
    const first = h.send({ type: 'track', name: 'go' });
    expect(shows(first)).toEqual([]);
    expect(emitted(first, 'experience_would_have_shown')).toHaveLength(1);
    expect(emitted(h.send({ type: 'track', name: 'go' }), 'experience_would_have_shown')).toHaveLength(0);
    expect(shows(h.send({ type: 'start', experienceId: 'm' }))).toEqual([]);
    expect(h.engine.state.experiences['m']!.control).toBe(true);
    expect(h.engine.why('m', h.now).reason).toMatch(/^in the control group \(30% held out\)/);
  });

  it('others see it; membership is deterministic and near the percentage', () => {
    const h = harness([modal('m', { control: 30 })], {}, controlUser(30, false));
    expect(shows(h.send({ type: 'session', sessionId: 's1' }))).toEqual(['m']);
    let members = 0;
    for (let i = 0; i < 10_000; i++) if (inPercentage(controlBucket(`u${i}`, 'm'), 30)) members++;
    expect(Math.abs(members / 100 - 30)).toBeLessThanOrEqual(2);
  });
});

describe('scheduler: loops and wake-ups', () => {
  it('experiences that trigger each other settle: shows are capped per minute', () => {
    // Each shows exactly while the other is not active: a config that could flip forever.
    const h = harness([
      hint('a', { when: { not: { experience: 'b', state: 'active' } } }),
      hint('b', { when: { experience: 'a', state: 'active' } }),
    ]);
    const effects = h.send({ type: 'session', sessionId: 's1' });
    // Loop protection: at most 5 shows per experience per minute, then it waits for the minute to pass.
    expect(shows(effects).filter((id) => id === 'b')).toHaveLength(5);
    expect(shows(effects).filter((id) => id === 'a').length).toBeLessThanOrEqual(5);
    expect(h.engine.why('b', h.now).reason).toBe('shown 5 times in the last minute (loop protection)');
    // The engine stays usable.
    expect(() => h.send({ type: 'track', name: 'x' })).not.toThrow();
  });

  it('start() from code is not refused by the trigger-loop guard: it bypasses the rate limits', () => {
    const h = harness([
      { id: 'guide', type: 'tour', when: { event: 'never' }, steps: [{ title: 'a' }] },
      hint('tip', { when: { event: 'never' } }),
    ]);
    h.send({ type: 'session', sessionId: 's1' });
    for (let i = 0; i < 7; i++) {
      expect(shows(h.send({ type: 'start', experienceId: 'guide', at: T0 + i * 1000 })), `start #${i + 1}`).toEqual(['guide']);
      expect(h.engine.why('guide', h.now)).toMatchObject({ active: true, reason: 'started from code: showing step 1 of 1', startedBy: 'code' });
      h.send({ type: 'dismiss', experienceId: 'guide' });
      expect(shows(h.send({ type: 'start', experienceId: 'tip' })), `hint start #${i + 1}`).toEqual(['tip']);
      h.send({ type: 'dismiss', experienceId: 'tip' });
    }
  });

  it('a longer ring of experiences stops at the round limit and reports it once', () => {
    const ring = ['a', 'b', 'c', 'd'];
    const h = harness(ring.map((id, i) => hint(id, {
      target: '#t',
      when: i === 0 ? { not: { experience: 'd', state: 'active' } } : { experience: ring[i - 1]!, state: 'active' },
    })));
    const effects = h.send({ type: 'session', sessionId: 's1' });
    expect(emitted(effects, 'sdk_error').map((event) => event.props?.['code'])).toEqual(['decision-loop']);
    expect(emitted(h.send({ type: 'track', name: 'x' }), 'sdk_error')).toEqual([]);
  });

  it('asks for one wake-up at the earliest time-based change, not again while it is pending', () => {
    const h = harness([modal('a', { when: { delay: '30s' } }), hint('b', { when: { delay: '10s' } })]);
    const first = h.send({ type: 'session', sessionId: 's1' });
    expect(wakes(h.send({ type: 'page', url: '/' }))).toEqual([T0 + 10_000]);
    expect(wakes(first)).toEqual([]);
    expect(wakes(h.send({ type: 'track', name: 'x' }))).toEqual([]);
    expect(wakes(h.advance(10_000))).toEqual([T0 + 30_000]);
  });

  it('persists only when the state changed', () => {
    const h = harness([hint('tip')]);
    h.send({ type: 'session', sessionId: 's1' });
    expect(h.send({ type: 'tick' }).some((e) => e.type === 'persist')).toBe(false);
    expect(h.send({ type: 'track', name: 'x' }).some((e) => e.type === 'persist')).toBe(true);
  });

  it('analytics events carry the user and session', () => {
    const h = harness([modal('m')]);
    const [event] = emitted(h.send({ type: 'session', sessionId: 's1' }), 'experience_shown');
    expect(event).toEqual({ type: 'experience_shown', at: T0, userId: 'user-1', sessionId: 's1', experienceId: 'm', experienceType: 'announcement', props: { via: 'trigger' } });
  });
});
