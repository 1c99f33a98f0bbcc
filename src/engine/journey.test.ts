import { describe, expect, it } from 'vitest';
import type { Experience, NudgeExperience, WaymarkConfig } from '../config/types.js';
import type { AnalyticsEventType, Effect, Signal } from './contract.js';
import { createEngine } from './create-engine.js';
import { initialState } from './state.js';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const HOUR = 3_600_000;
type Input = Signal extends infer S ? (S extends Signal ? Omit<S, 'at'> & { at?: number } : never) : never;

function harness(config: Partial<WaymarkConfig> & { experiences?: Experience[] }) {
  const engine = createEngine({ config: { version: '1', experiences: [], ...config }, state: initialState('user-1', T0), origin: 'tab-a' });
  let now = T0;
  const send = (signal: Input): Effect[] => {
    now = signal.at ?? now + 1000;
    return engine.dispatch({ ...signal, at: now } as Signal);
  };
  return { engine, send, tickAt: (at: number) => send({ type: 'tick', at }) };
}

const shows = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'show' ? [`${e.experienceId}${e.level === undefined ? '' : `#${e.level}`}`] : []));
const hides = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'hide' ? [`${e.experienceId}:${e.reason}`] : []));
const stages = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'stage' ? [`${e.from}→${e.to}`] : []));
const emitted = (effects: Effect[], type: AnalyticsEventType) => effects.flatMap((e) => (e.type === 'emit' && e.event.type === type ? [e.event.props ?? {}] : []));

const journey: WaymarkConfig['stages'] = [
  { id: 'signup' },
  { id: 'setup', enterWhen: { event: 'project_created' } },
  { id: 'active', enterWhen: { event: 'invite_sent', count: { gte: 2 } } },
  { id: 'expert', enterWhen: { stage: { is: 'active', forAtLeast: '2h' } } },
];

describe('journey stages', () => {
  it('starts in the first stage when it has no condition', () => {
    const h = harness({ stages: journey });
    expect(h.engine.stage).toBeNull();
    const effects = h.send({ type: 'session', sessionId: 's1', at: T0 });
    expect(stages(effects)).toEqual(['null→signup']);
    expect(emitted(effects, 'stage_changed')).toEqual([{ from: null, to: 'signup', via: 'auto' }]);
    expect(h.engine.state.stageHistory).toEqual([{ id: 'signup', at: T0 }]);
  });

  it('moves forward only, to the furthest later stage whose condition holds', () => {
    const h = harness({ stages: journey });
    h.send({ type: 'session', sessionId: 's1' });
    h.send({ type: 'track', name: 'invite_sent' });
    expect(h.engine.stage).toBe('signup');
    // Active holds while setup does not: the user skips straight to active.
    expect(stages(h.send({ type: 'track', name: 'invite_sent' }))).toEqual(['signup→active']);
    // Setup now holds too, but it is behind.
    expect(stages(h.send({ type: 'track', name: 'project_created' }))).toEqual([]);
    expect(h.engine.stage).toBe('active');
  });

  it('set-stage from code moves anywhere, including back', () => {
    const h = harness({ stages: journey });
    h.send({ type: 'session', sessionId: 's1' });
    expect(stages(h.send({ type: 'set-stage', stage: 'active' }))).toEqual(['signup→active']);
    const back = h.send({ type: 'set-stage', stage: 'setup' });
    expect(stages(back)).toEqual(['active→setup']);
    expect(emitted(back, 'stage_changed')).toEqual([{ from: 'active', to: 'setup', via: 'code' }]);
    expect(stages(h.send({ type: 'set-stage', stage: 'setup' }))).toEqual([]);
  });

  it('knows the time in a stage and wakes when a stage duration is reached', () => {
    const h = harness({ stages: journey });
    h.send({ type: 'session', sessionId: 's1' });
    const entered = h.send({ type: 'set-stage', stage: 'active', at: T0 + HOUR });
    expect(entered).toContainEqual({ type: 'wake', at: T0 + 3 * HOUR });
    expect(h.engine.state.stage.v).toEqual({ id: 'active', since: T0 + HOUR });
    expect(stages(h.tickAt(T0 + 3 * HOUR - 1))).toEqual([]);
    expect(stages(h.tickAt(T0 + 3 * HOUR))).toEqual(['active→expert']);
  });
});

const nudge = (more: Partial<NudgeExperience> = {}): NudgeExperience => ({
  id: 'stuck',
  type: 'nudge',
  when: { struggle: 'rage-click', within: '10s' },
  escalation: [
    { kind: 'hint', body: 'Try the menu' },
    { kind: 'articles', articles: ['a1'] },
    { kind: 'chat', body: 'Talk to us' },
  ],
  ...more,
});

describe('announcements belong to their stages', () => {
  const config = (): Partial<WaymarkConfig> => ({
    stages: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    limits: { minGap: '0s', blockingPerSession: 10 },
    experiences: [
      { id: 'news', type: 'announcement', display: 'banner', title: 'x', stages: ['a'] },
      { id: 'promo', type: 'announcement', display: 'modal', title: 'y', stages: ['a'] },
    ],
  });

  it('one on screen ends when its stage ends: hidden, explained, and not back after a reload', () => {
    const h = harness(config());
    expect(shows(h.send({ type: 'session', sessionId: 's1', at: T0 })).sort()).toEqual(['news', 'promo']);
    const moved = h.send({ type: 'set-stage', stage: 'b', at: T0 + 1000 });
    expect(hides(moved).sort()).toEqual(['news:ended', 'promo:ended']);
    expect(h.engine.active()).toEqual([]);
    expect(h.engine.why('news', T0 + 2000)).toMatchObject({ active: false, eligible: false, reason: "user is in stage 'b', needs 'a'" });
    expect(h.engine.why('promo', T0 + 2000)).toMatchObject({ active: false, eligible: false, reason: "user is in stage 'b', needs 'a'" });

    const reloaded = createEngine({ config: { version: '1', experiences: [], ...config() }, state: structuredClone(h.engine.state), origin: 'tab-a' });
    expect(shows(reloaded.dispatch({ type: 'session', at: T0 + 60_000, sessionId: 's2' }))).toEqual([]);
    expect(reloaded.active()).toEqual([]);
  });

  it('one started from code outside its stages still shows (start() bypasses the stage), and ends at the next stage change', () => {
    const h = harness(config());
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    h.send({ type: 'set-stage', stage: 'b', at: T0 + 1000 });
    expect(shows(h.send({ type: 'start', experienceId: 'news', at: T0 + 2000 }))).toEqual(['news']);
    expect(hides(h.send({ type: 'track', name: 'x', at: T0 + 3000 }))).toEqual([]);
    expect(hides(h.send({ type: 'set-stage', stage: 'c', at: T0 + 4000 }))).toEqual(['news:ended']);
  });
});

describe('nudges', () => {
  it('each firing of the trigger shows the next escalation level', () => {
    const h = harness({ experiences: [nudge()], limits: { minGap: '0s', blockingPerSession: 10 } });
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    expect(shows(h.send({ type: 'struggle', kind: 'rage-click', at: T0 + 1000 }))).toEqual(['stuck#0']);
    // Still the same firing: the condition has not fallen.
    expect(shows(h.send({ type: 'struggle', kind: 'rage-click', at: T0 + 2000 }))).toEqual([]);
    // The condition falls once the struggles age out of the window, then rises again.
    h.tickAt(T0 + 12_001);
    expect(shows(h.send({ type: 'struggle', kind: 'rage-click', at: T0 + 20_000 }))).toEqual(['stuck#1']);
    expect(h.engine.state.experiences['stuck']!.level).toBe(2);
    h.tickAt(T0 + 30_001);
    const third = h.send({ type: 'struggle', kind: 'rage-click', at: T0 + 31_000 });
    expect(shows(third)).toEqual(['stuck#2']);
    expect(emitted(third, 'experience_shown')).toEqual([{ level: 2, via: 'trigger' }]);
  });

  it('levels are remembered: after a dismissal with a cooldown the next firing shows the next level', () => {
    const h = harness({ experiences: [nudge({ frequency: { afterDismiss: '0s' } })], limits: { minGap: '0s', blockingPerSession: 10 } });
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    h.send({ type: 'struggle', kind: 'rage-click', at: T0 + 1000 });
    expect(hides(h.send({ type: 'dismiss', experienceId: 'stuck', at: T0 + 2000 }))).toEqual(['stuck:dismissed']);
    h.tickAt(T0 + 12_000);
    expect(shows(h.send({ type: 'struggle', kind: 'rage-click', at: T0 + 13_000 }))).toEqual(['stuck#1']);
  });

  it('nudge-level from the user jumps to a level; once all levels were shown it is done', () => {
    const h = harness({ experiences: [nudge({ frequency: { afterDismiss: '0s' } })], limits: { minGap: '0s', blockingPerSession: 10 } });
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    h.send({ type: 'struggle', kind: 'rage-click', at: T0 + 1000 });
    expect(shows(h.send({ type: 'action', experienceId: 'stuck', action: { type: 'nudge-level', level: 2 }, at: T0 + 2000 }))).toEqual(['stuck#2']);
    h.send({ type: 'dismiss', experienceId: 'stuck', at: T0 + 3000 });
    h.tickAt(T0 + 12_000);
    expect(shows(h.send({ type: 'struggle', kind: 'rage-click', at: T0 + 13_000 }))).toEqual([]);
    expect(h.engine.why('stuck', T0 + 13_000).reason).toBe('all 3 escalation levels shown');
  });

  it('obeys the scheduler: a firing waits while another blocking experience shows', () => {
    const h = harness({
      experiences: [{ id: 'm', type: 'announcement', display: 'modal', title: 'x' }, nudge()],
      limits: { minGap: '0s', blockingPerSession: 10 },
    });
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    expect(shows(h.send({ type: 'struggle', kind: 'rage-click', at: T0 + 1000 }))).toEqual([]);
    expect(h.engine.why('stuck', T0 + 1000).reason).toBe("blocked by announcement 'm' (priority 0)");
    expect(shows(h.send({ type: 'dismiss', experienceId: 'm', at: T0 + 2000 }))).toEqual(['stuck#0']);
  });
});

describe('surveys', () => {
  it('answer stores score and comment, emits survey_answered, completes, and closes on request', () => {
    const h = harness({ experiences: [{ id: 'nps', type: 'survey', kind: 'nps', question: 'How likely…?' }] });
    expect(shows(h.send({ type: 'session', sessionId: 's1' }))).toEqual(['nps']);
    const answered = h.send({ type: 'action', experienceId: 'nps', action: { type: 'answer', score: 4, comment: 'slow' } });
    expect(emitted(answered, 'survey_answered')).toEqual([{ metric: 'nps', score: 4, hasComment: true, comment: 'slow' }]);
    expect(emitted(answered, 'experience_completed')).toEqual([{ score: 4, durationMs: 1000 }]);
    expect(hides(answered)).toEqual([]);
    const rec = h.engine.state.experiences['nps']!;
    expect(rec.answers.map(({ score, comment }) => ({ score, comment }))).toEqual([{ score: 4, comment: 'slow' }]);
    expect(rec.completedAt).not.toBeNull();
    // Closing the thank-you is not a dismissal.
    expect(hides(h.send({ type: 'dismiss', experienceId: 'nps' }))).toEqual(['nps:completed']);
    expect(h.engine.state.experiences['nps']!.dismissedAt).toBeNull();
    expect(h.engine.why('nps', T0 + 60_000).condition).toBeUndefined();
  });
});
