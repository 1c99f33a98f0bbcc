import { describe, expect, it } from 'vitest';
import type { Experience, TourExperience, WaymarkConfig } from '../config/types.js';
import type { AnalyticsEventType, Effect, Signal } from './contract.js';
import { createEngine } from './create-engine.js';
import { initialState, type UserState } from './state.js';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
type Input = Signal extends infer S ? (S extends Signal ? Omit<S, 'at'> & { at?: number } : never) : never;

function harness(experiences: Experience[], state: UserState = initialState('user-1', T0), origin = 'tab-a', extra: Partial<WaymarkConfig> = {}) {
  const engine = createEngine({ config: { version: '1', experiences, ...extra }, state, origin });
  let now = T0;
  return {
    engine,
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

const tour = (more: Partial<TourExperience> = {}): TourExperience => ({
  id: 'welcome',
  type: 'tour',
  steps: [
    { id: 'intro', title: 'Hi' },
    { id: 'menu', title: 'Menu', target: '#menu' },
    { id: 'done', title: 'Done' },
  ],
  ...more,
});

describe('tour machine', () => {
  it('starts at step 0 and walks next / back / go-to to completion', () => {
    const h = harness([tour()]);
    const started = h.send({ type: 'session', sessionId: 's1' });
    expect(shows(started)).toEqual(['welcome@0']);
    expect(emitted(started, 'experience_shown')).toEqual([{ via: 'trigger', step: 0, stepId: 'intro', stepCount: 3 }]);
    expect(emitted(started, 'step_viewed')).toEqual([{ step: 0, stepId: 'intro', stepCount: 3 }]);
    const next = h.act('welcome', { type: 'next' });
    expect(shows(next)).toEqual(['welcome@1']);
    expect(emitted(next, 'step_viewed')).toEqual([{ step: 1, stepId: 'menu', stepCount: 3 }]);
    expect(shows(h.act('welcome', { type: 'back' }))).toEqual(['welcome@0']);
    expect(shows(h.act('welcome', { type: 'back' }))).toEqual([]);
    expect(shows(h.act('welcome', { type: 'go-to', step: 2 }))).toEqual(['welcome@2']);
    const done = h.act('welcome', { type: 'next' });
    expect(hides(done)).toEqual(['welcome:completed']);
    expect(emitted(done, 'experience_completed')).toEqual([{ step: 2, stepId: 'done', stepCount: 3, durationMs: 5000 }]);
    expect(h.engine.state.experiences['welcome']!.completedAt).not.toBeNull();
    expect(h.engine.active()).toEqual([]);
  });

  it('button actions drive the tour; others leave the engine as run effects', () => {
    const h = harness([tour()]);
    h.send({ type: 'session', sessionId: 's1' });
    expect(shows(h.act('welcome', { type: 'button', action: { type: 'next' } }))).toEqual(['welcome@1']);
    const run = h.act('welcome', { type: 'button', action: { type: 'open-article', article: 'a1' } });
    expect(run).toContainEqual({ type: 'run', experienceId: 'welcome', action: { type: 'open-article', article: 'a1' } });
    expect(hides(h.act('welcome', { type: 'button', action: { type: 'dismiss' } }))).toEqual(['welcome:dismissed']);
  });

  it('dismiss ends the run and records it; once means it does not come back; start restarts it', () => {
    const h = harness([tour()]);
    h.send({ type: 'session', sessionId: 's1' });
    h.act('welcome', { type: 'next' });
    const dismissed = h.act('welcome', { type: 'dismiss' });
    expect(emitted(dismissed, 'experience_dismissed')).toEqual([{ reason: 'dismissed', step: 1, stepId: 'menu', stepCount: 3, durationMs: 2000 }]);
    expect(shows(h.send({ type: 'page', url: '/other' }))).toEqual([]);
    expect(shows(h.send({ type: 'start', experienceId: 'welcome' }))).toEqual(['welcome@0']);
  });

  it('advances on a tracked event, a click on the step target, or an element appearing', () => {
    const h = harness([
      tour({
        steps: [
          { title: 'Create', advanceOn: { event: 'project_created' } },
          { title: 'Click', target: { anchor: 'save' }, advanceOn: { click: true } },
          { title: 'Wait', advanceOn: { element: '#result' } },
          { title: 'End' },
        ],
      }),
    ]);
    h.send({ type: 'session', sessionId: 's1' });
    expect(shows(h.send({ type: 'track', name: 'other' }))).toEqual([]);
    expect(shows(h.send({ type: 'track', name: 'project_created' }))).toEqual(['welcome@1']);
    expect(shows(h.send({ type: 'click', keys: ['css:#elsewhere'] }))).toEqual([]);
    expect(shows(h.send({ type: 'click', keys: ['anchor:save'] }))).toEqual(['welcome@2']);
    expect(shows(h.send({ type: 'element', key: 'css:#result', present: false, visible: false }))).toEqual([]);
    expect(shows(h.send({ type: 'element', key: 'css:#result', present: true, visible: true }))).toEqual(['welcome@3']);
    const requirements = h.engine.requirements();
    expect([...requirements.sensors].sort()).toEqual(['click', 'element', 'route']);
    expect([...requirements.targets.keys()].sort()).toEqual(['anchor:save', 'css:#result']);
  });

  it('a step tied to a page hides elsewhere, stays active, and comes back at the same step', () => {
    const h = harness([
      tour({
        when: { page: '/home' },
        steps: [
          { id: 'a', title: 'Home', page: '/home' },
          { id: 'b', title: 'Project', page: '/projects/*' },
          { id: 'c', title: 'Anywhere' },
        ],
      }),
    ]);
    h.send({ type: 'session', sessionId: 's1' });
    expect(shows(h.send({ type: 'page', url: '/home' }))).toEqual(['welcome@0']);
    const next = h.act('welcome', { type: 'next' });
    expect(hides(next)).toEqual(['welcome:ineligible']);
    expect(h.engine.state.experiences['welcome']!.run!.v).toMatchObject({ active: true, step: 1, snoozedUntil: null });
    expect(h.engine.why('welcome', T0 + 10_000).reason).toBe('active at step 2 of 3, waiting for page "/projects/*"');
    const arrived = h.send({ type: 'page', url: 'https://app.example.com/projects/42' });
    expect(shows(arrived)).toEqual(['welcome@1']);
    expect(emitted(arrived, 'step_viewed')).toEqual([{ step: 1, stepId: 'b', stepCount: 3 }]);
    expect(emitted(arrived, 'experience_shown')).toEqual([]);
    expect(hides(h.send({ type: 'page', url: '/settings' }))).toEqual(['welcome:ineligible']);
  });

  it('resumes after a reload at the same step, without counting a new show', () => {
    const config = [tour({ steps: [{ title: 'a', page: '/a' }, { title: 'b', page: '/b' }] })];
    const first = harness(config);
    first.send({ type: 'session', sessionId: 's1' });
    first.send({ type: 'page', url: '/a' });
    first.act('welcome', { type: 'next' });
    const saved = JSON.parse(JSON.stringify(first.engine.state)) as UserState;

    const reloaded = harness(config, saved, 'tab-b');
    expect(shows(reloaded.send({ type: 'session', sessionId: 's1' }))).toEqual([]);
    const back = reloaded.send({ type: 'page', url: '/b' });
    expect(shows(back)).toEqual(['welcome@1']);
    expect(emitted(back, 'experience_shown')).toEqual([]);
    expect(Object.values(reloaded.engine.state.experiences['welcome']!.shows).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('step-missing applies skip / center / end and reports it', () => {
    const h = harness([tour({ steps: [{ title: 'a' }, { title: 'b', target: '#gone' }, { title: 'c' }, { title: 'd', target: '#gone' }] })]);
    h.send({ type: 'session', sessionId: 's1' });
    h.act('welcome', { type: 'next' });
    const centered = h.act('welcome', { type: 'step-missing', step: 1, policy: 'center' });
    expect(emitted(centered, 'step_target_missing')).toEqual([{ step: 1, stepId: '1', policy: 'center' }]);
    expect(shows(centered)).toEqual([]);
    expect(shows(h.act('welcome', { type: 'step-missing', step: 1, policy: 'skip' }))).toEqual(['welcome@2']);
    // A late report about a step already left is ignored.
    expect(emitted(h.act('welcome', { type: 'step-missing', step: 1, policy: 'end' }), 'step_target_missing')).toEqual([]);
    h.act('welcome', { type: 'next' });
    const ended = h.act('welcome', { type: 'step-missing', step: 3, policy: 'skip' });
    expect(hides(ended)).toEqual(['welcome:ended']);
    expect(h.engine.state.experiences['welcome']!.completedAt).toBeNull();
  });

  it('snooze pauses the tour and it resumes at the same step when the time comes', () => {
    const h = harness([tour()]);
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    h.act('welcome', { type: 'next' });
    const snoozed = h.act('welcome', { type: 'snooze', until: T0 + 3_600_000 });
    expect(hides(snoozed)).toEqual(['welcome:dismissed']);
    expect(snoozed).toContainEqual({ type: 'wake', at: T0 + 3_600_000 });
    expect(shows(h.send({ type: 'tick', at: T0 + 3_599_999 }))).toEqual([]);
    const resumed = h.send({ type: 'tick', at: T0 + 3_600_000 });
    expect(shows(resumed)).toEqual(['welcome@1']);
    expect(h.engine.state.experiences['welcome']!.dismissedAt).toBeNull();
  });

  it('end policy stops the tour where it is', () => {
    const h = harness([tour()]);
    h.send({ type: 'session', sessionId: 's1' });
    expect(hides(h.act('welcome', { type: 'step-missing', step: 0, policy: 'end' }))).toEqual(['welcome:ended']);
    expect(h.engine.state.experiences['welcome']!.run!.v.active).toBe(false);
  });
});
