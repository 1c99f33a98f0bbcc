import { describe, expect, it } from 'vitest';
import type { Experience, TourExperience, WaymarkConfig } from '../config/types.js';
import type { AnalyticsEventType, Effect, Signal } from './contract.js';
import { createEngine } from './create-engine.js';
import { initialState, type UserState } from './state.js';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type Input = Signal extends infer S ? (S extends Signal ? Omit<S, 'at'> & { at?: number } : never) : never;

function harness(experiences: Experience[], extra: Partial<WaymarkConfig> = {}, state: UserState = initialState('user-1', T0)) {
  const engine = createEngine({ config: { version: '1', limits: { minGap: '0s', blockingPerSession: 50 }, experiences, ...extra }, state, origin: 'tab-a' });
  let now = T0;
  return {
    engine,
    get now() {
      return now;
    },
    send(signal: Input): Effect[] {
      now = signal.at ?? now + 1000;
      return engine.dispatch({ ...signal, at: now } as Signal);
    },
    act(experienceId: string, action: Extract<Signal, { type: 'action' }>['action']): Effect[] {
      now += 1000;
      return engine.dispatch({ type: 'action', at: now, experienceId, action });
    },
  };
}

const shows = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'show' ? [`${e.experienceId}@${e.step ?? '-'}`] : []));
const hides = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'hide' ? [`${e.experienceId}:${e.reason}`] : []));
const emitted = (effects: Effect[], type: AnalyticsEventType) => effects.flatMap((e) => (e.type === 'emit' && e.event.type === type ? [e.event.props ?? {}] : []));
const warnings = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'warning' ? [e] : []));

const tour = (more: Partial<TourExperience> = {}): TourExperience => ({
  id: 'welcome',
  type: 'tour',
  steps: [
    { id: 'intro', title: 'Hi', buttons: [{ label: 'Maybe later', action: { type: 'snooze' } }] },
    { id: 'menu', title: 'Menu', target: '#menu' },
    { id: 'done', title: 'Done' },
  ],
  ...more,
});

describe('"Maybe later": the snooze button action', () => {
  it('hides the tour for the configured default and brings it back at the same step', () => {
    const h = harness([tour()], { snooze: { for: '2h' } });
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    h.act('welcome', { type: 'next' });
    const snoozed = h.act('welcome', { type: 'button', action: { type: 'snooze' } });
    expect(hides(snoozed)).toEqual(['welcome:dismissed']);
    const until = T0 + 2000 + 2 * HOUR;
    expect(snoozed).toContainEqual({ type: 'wake', at: until });
    expect(emitted(snoozed, 'experience_dismissed')).toEqual([{ reason: 'snoozed', until, step: 1, stepId: 'menu', stepCount: 3, durationMs: 2000 }]);
    expect(h.engine.state.experiences['welcome']!.dismissedAt).toBeNull();
    expect(shows(h.send({ type: 'tick', at: until - 1 }))).toEqual([]);
    expect(shows(h.send({ type: 'tick', at: until }))).toEqual(['welcome@1']);
  });

  it('defaults to one day without a config default, and a button may name its own duration', () => {
    const h = harness([tour(), { id: 'news', type: 'announcement', display: 'modal', title: 'New', priority: -1 }]);
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    const day = h.act('welcome', { type: 'button', action: { type: 'snooze' } });
    expect(emitted(day, 'experience_dismissed')[0]).toMatchObject({ reason: 'snoozed', until: T0 + 1000 + DAY });
    const week = h.act('news', { type: 'button', action: { type: 'snooze', for: '1w' } });
    expect(emitted(week, 'experience_dismissed')[0]).toMatchObject({ reason: 'snoozed', until: T0 + 2000 + 7 * DAY });
    expect(hides(week)).toEqual(['news:dismissed']);
  });

  it('a dismissal says so: reason "dismissed", no until', () => {
    const h = harness([tour()]);
    h.send({ type: 'session', sessionId: 's1' });
    const closed = h.act('welcome', { type: 'dismiss' });
    expect(emitted(closed, 'experience_dismissed')).toEqual([{ reason: 'dismissed', step: 0, stepId: 'intro', stepCount: 3, durationMs: 1000 }]);
  });
});

describe('"Tours and guides": library() and replay', () => {
  it('lists seen tours with their status and title, newest first, and start() replays one from its first step', () => {
    const h = harness([
      tour({ title: 'Welcome to Acme' }),
      { id: 'reports', type: 'tour', when: { event: 'open_reports' }, steps: [{ title: 'Reports' }, { title: 'Filters' }] },
      { id: 'billing', type: 'tour', when: { event: 'open_billing' }, steps: [{ title: 'Billing' }] },
      { id: 'hidden', type: 'tour', replayable: false, when: { event: 'open_hidden' }, steps: [{ title: 'Secret' }] },
      { id: 'never', type: 'tour', when: { event: 'nope' }, steps: [{ title: 'Never seen' }] },
    ]);
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    expect(h.engine.library()).toEqual([{ experienceId: 'welcome', type: 'tour', status: 'in-progress', title: 'Welcome to Acme', stepCount: 3, step: 0, lastShownAt: T0 }]);
    // Skip tour: ended, but replayable.
    h.act('welcome', { type: 'dismiss' });
    h.send({ type: 'track', name: 'open_reports' });
    h.act('reports', { type: 'next' });
    h.act('reports', { type: 'next' });
    h.send({ type: 'track', name: 'open_billing' });
    h.act('billing', { type: 'snooze', until: h.now + DAY });
    h.send({ type: 'track', name: 'open_hidden' });
    h.act('hidden', { type: 'complete' });
    const library = h.engine.library();
    expect(library.map((entry) => [entry.experienceId, entry.status, entry.title])).toEqual([
      ['billing', 'snoozed', 'Billing'],
      ['reports', 'completed', 'Reports'],
      ['welcome', 'dismissed', 'Welcome to Acme'],
    ]);
    expect(library[0]).toMatchObject({ step: 0, snoozedUntil: T0 + 5000 + DAY });

    const replay = h.engine.start('welcome', h.now + 1000);
    expect(replay).toMatchObject({ shown: true, outcome: 'shown' });
    expect(shows(replay.effects)).toEqual(['welcome@0']);
    expect(h.engine.library()[0]).toMatchObject({ experienceId: 'welcome', status: 'in-progress', step: 0 });
  });

  it('replays a tour snoozed mid-way from its first step, and the snooze is over', () => {
    const h = harness([tour()]);
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    h.act('welcome', { type: 'next' });
    h.act('welcome', { type: 'snooze', until: T0 + DAY });
    expect(shows(h.engine.start('welcome', T0 + 10_000).effects)).toEqual(['welcome@0']);
    expect(h.engine.state.experiences['welcome']!.run!.v).toMatchObject({ active: true, step: 0, snoozedUntil: null });
  });
});

describe('a returning user whose stored step the config lost', () => {
  /** State from a visit when the tour had more steps: the run stood at `step` (with `stepId`). */
  function storedAt(step: number, stepId?: string, snoozedUntil: number | null = null): UserState {
    const earlier = harness([{ id: 'welcome', type: 'tour', steps: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }, { id: 'c', title: 'C' }, { id: 'd', title: 'D' }] }]);
    earlier.send({ type: 'session', sessionId: 's0', at: T0 - DAY });
    earlier.act('welcome', { type: 'go-to', step });
    if (snoozedUntil !== null) earlier.act('welcome', { type: 'snooze', until: snoozedUntil });
    const state = structuredClone(earlier.engine.state);
    const run = state.experiences['welcome']!.run!.v;
    if (stepId === undefined) delete run.stepId;
    else run.stepId = stepId;
    return state;
  }

  it('resumes at the last valid step, not "step 4 of 1", and warns', () => {
    const h = harness([{ id: 'welcome', type: 'tour', steps: [{ title: 'Only step' }] }], {}, storedAt(3));
    const effects = h.send({ type: 'session', sessionId: 's1', at: T0 });
    expect(shows(effects)).toEqual(['welcome@0']);
    expect(h.engine.active()).toEqual([{ experienceId: 'welcome', step: 0 }]);
    expect(warnings(effects)).toEqual([
      { type: 'warning', code: 'tour-step-gone', experienceId: 'welcome', message: "tour 'welcome': the user's saved step 4 is no longer in the config; resuming at step 1 of 1" },
    ]);
    expect(h.engine.state.experiences['welcome']!.run!.v).toMatchObject({ active: true, step: 0 });
  });

  it('follows the stored step by its id when steps before it were removed, without a warning', () => {
    const h = harness([{ id: 'welcome', type: 'tour', steps: [{ id: 'a', title: 'A' }, { id: 'c', title: 'C' }, { id: 'd', title: 'D' }] }], {}, storedAt(2, 'c'));
    const effects = h.send({ type: 'session', sessionId: 's1', at: T0 });
    expect(shows(effects)).toEqual(['welcome@1']);
    expect(warnings(effects)).toEqual([]);
  });

  it('the step is gone by id: the nearest index, clamped, with a warning', () => {
    const h = harness([{ id: 'welcome', type: 'tour', steps: [{ id: 'a', title: 'A' }, { id: 'x', title: 'X' }] }], {}, storedAt(2, 'c'));
    const effects = h.send({ type: 'session', sessionId: 's1', at: T0 });
    expect(shows(effects)).toEqual(['welcome@1']);
    expect(warnings(effects).map((w) => w.message)).toEqual([`tour 'welcome': the user's saved step "c" (3) is no longer in the config; resuming at step 2 of 2`]);
  });

  it('a snoozed run comes back on a valid step too', () => {
    const h = harness([{ id: 'welcome', type: 'tour', steps: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] }], {}, storedAt(3, undefined, T0 + HOUR));
    const first = h.send({ type: 'session', sessionId: 's1', at: T0 });
    expect(shows(first)).toEqual([]);
    expect(warnings(first)).toHaveLength(1);
    expect(shows(h.send({ type: 'tick', at: T0 + HOUR }))).toEqual(['welcome@1']);
  });

  it('a state another tab wrote for an older config is repaired when adopted', () => {
    const h = harness([{ id: 'welcome', type: 'tour', when: { event: 'never' }, steps: [{ title: 'A' }, { title: 'B' }] }]);
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    const adopted = h.engine.adopt(storedAt(3), T0 + 1000);
    expect(warnings(adopted)).toHaveLength(1);
    expect(shows(adopted)).toEqual(['welcome@1']);
  });
});

describe('a snooze is not a dismissal', () => {
  it('"dismissed" conditions do not count it; they count a dismissal', () => {
    const h = harness([tour(), { id: 'after', type: 'hint', target: '#x', body: 'Find it later in Help', when: { experience: 'welcome', state: 'dismissed' } }]);
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    expect(shows(h.act('welcome', { type: 'button', action: { type: 'snooze' } }))).toEqual([]);
    h.engine.start('welcome', h.now + 1000);
    expect(shows(h.send({ type: 'dismiss', experienceId: 'welcome' }))).toEqual(['after@-']);
  });
});
