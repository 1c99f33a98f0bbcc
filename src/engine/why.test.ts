import { describe, expect, it } from 'vitest';
import type { Experience, WaymarkConfig } from '../config/types.js';
import { createEngine } from './create-engine.js';
import { readStoredState } from './read-state.js';
import { initialState } from './state.js';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);

function engineFor(experiences: Experience[], extra: Partial<WaymarkConfig> = {}) {
  const engine = createEngine({ config: { version: '1', experiences, ...extra }, state: initialState('user-1', T0), origin: 'tab-a' });
  engine.dispatch({ type: 'session', at: T0, sessionId: 's1' });
  engine.dispatch({ type: 'page', at: T0, url: '/home' });
  return engine;
}

describe('why()', () => {
  it('lists every gate in order with the evaluated condition tree', () => {
    const engine = engineFor([
      {
        id: 'tips',
        type: 'tour',
        stages: ['setup'],
        when: { all: [{ event: 'project_created', within: '7d' }, { page: '/projects/*' }] },
        steps: [{ title: 'a' }],
      },
    ], { stages: [{ id: 'signup' }, { id: 'setup' }] });
    engine.dispatch({ type: 'set-stage', at: T0, stage: 'setup' });
    const why = engine.why('tips', T0 + 1000);
    expect(why.checks.map((check) => check.check)).toEqual(['enabled', 'stage', 'frequency', 'trigger', 'control group', 'scheduler']);
    expect(why.checks.map((check) => check.ok)).toEqual([true, true, true, false, true, false]);
    expect(why.reason).toBe('waiting for event "project_created" ≥ 1 within 7d (seen 0 times)');
    expect(why.eligible).toBe(false);
    expect(why.active).toBe(false);
    expect(why.condition).toEqual({
      label: 'all of',
      result: false,
      children: [
        { label: 'event "project_created" ≥ 1 within 7d', result: false, detail: 'seen 0 times' },
        { label: 'page is "/projects/*"', result: false, detail: 'current page "/home"' },
      ],
    });
    expect(why.checks[5]!.detail).toBe('not reached: an earlier gate failed');
  });

  it('explains what is showing, and what blocks the rest', () => {
    const engine = engineFor([
      { id: 'welcome', type: 'tour', priority: 10, steps: [{ title: 'a' }, { title: 'b' }] },
      { id: 'news', type: 'announcement', display: 'modal', title: 'New!' },
    ]);
    expect(engine.why('welcome', T0)).toMatchObject({ eligible: true, active: true, reason: 'showing step 1 of 2' });
    expect(engine.why('news', T0)).toMatchObject({ eligible: true, active: false, reason: "blocked by tour 'welcome' (priority 10)" });
  });

  it('names the failing gate in its reason', () => {
    const engine = engineFor([
      { id: 'off', type: 'hint', target: '#a', body: 'x', enabled: false },
      { id: 'absent', type: 'hint', target: '#missing', body: 'x' },
    ]);
    expect(engine.why('off', T0).reason).toBe('switched off (enabled: false)');
    engine.dispatch({ type: 'element', at: T0, key: 'css:#missing', present: false, visible: false });
    expect(engine.why('absent', T0)).toMatchObject({ eligible: true, reason: 'target css:#missing is not on the page' });
    expect(engine.why('nope', T0)).toEqual({ experienceId: 'nope', eligible: false, active: false, reason: "no experience 'nope' in the config", checks: [] });
  });

  it('says a tour runs because start() opened it, through its steps and a reload, and by its trigger once that fires', () => {
    const tour: Experience = { id: 'setup', type: 'tour', stages: ['b'], when: { event: 'signed_up' }, steps: [{ title: 'a' }, { title: 'b' }] };
    const extra = { stages: [{ id: 'a' }, { id: 'b' }] };
    const engine = engineFor([tour], extra);
    engine.dispatch({ type: 'set-stage', at: T0, stage: 'a' });
    engine.dispatch({ type: 'start', at: T0, experienceId: 'setup' });
    const why = engine.why('setup', T0 + 1);
    expect(why).toMatchObject({ active: true, startedBy: 'code', reason: 'started from code: showing step 1 of 2' });
    expect(why.checks.filter((check) => !check.ok).map((check) => `${check.check}: ${check.detail}`)).toEqual([
      "stage: user is in stage 'a', needs 'b'; bypassed by start()",
      'trigger: waiting for event "signed_up" ≥ 1 (seen 0 times); bypassed by start()',
    ]);
    engine.dispatch({ type: 'action', at: T0 + 2, experienceId: 'setup', action: { type: 'next' } });
    expect(engine.why('setup', T0 + 3)).toMatchObject({ startedBy: 'code', reason: 'started from code: showing step 2 of 2' });

    // The next page load reads the run back from storage: still opened from code.
    const { state: saved, issues } = readStoredState(JSON.parse(JSON.stringify(engine.state)), 'user-1', T0 + 10, null);
    expect(issues).toEqual([]);
    const reloaded = createEngine({ config: { version: '1', experiences: [tour], ...extra }, state: saved, origin: 'tab-b' });
    reloaded.dispatch({ type: 'session', at: T0 + 10, sessionId: 's1' });
    reloaded.dispatch({ type: 'page', at: T0 + 10, url: '/home' });
    expect(reloaded.why('setup', T0 + 11)).toMatchObject({ active: true, startedBy: 'code', reason: 'started from code: showing step 2 of 2' });

    // Ended, then opened by its own trigger in its stage: nothing bypassed.
    reloaded.dispatch({ type: 'action', at: T0 + 12, experienceId: 'setup', action: { type: 'dismiss' } });
    expect(reloaded.why('setup', T0 + 13)).not.toHaveProperty('startedBy');
    const again = engineFor([{ ...tour, id: 'again' }], extra);
    again.dispatch({ type: 'set-stage', at: T0, stage: 'b' });
    again.dispatch({ type: 'track', at: T0 + 1, name: 'signed_up' });
    const byTrigger = again.why('again', T0 + 2);
    expect(byTrigger).toMatchObject({ active: true, startedBy: 'trigger', reason: 'showing step 1 of 2' });
    expect(byTrigger.checks.every((check) => check.ok && !check.detail.includes('bypassed'))).toBe(true);
  });

  it('says a hint is held open by start() while its trigger has not fired', () => {
    const engine = engineFor([{ id: 'tip', type: 'hint', target: '#a', body: 'x', when: { event: 'y' } }]);
    engine.dispatch({ type: 'start', at: T0, experienceId: 'tip' });
    expect(engine.why('tip', T0 + 1)).toMatchObject({ active: true, startedBy: 'code', reason: 'started from code: showing now' });
    expect(engine.why('tip', T0 + 1).checks.find((check) => check.check === 'trigger')?.detail).toBe('waiting for event "y" ≥ 1 (seen 0 times); bypassed by start()');
  });

  it('reads time at the moment asked, and labels negations', () => {
    const engine = engineFor([
      { id: 'later', type: 'hint', target: '#a', body: 'x', when: { delay: '1m' } },
      { id: 'paid', type: 'hint', target: '#a', body: 'x', when: { not: { trait: 'plan', equals: 'free' } } },
    ]);
    expect(engine.why('later', T0 + 30_000).reason).toBe('waiting for 1m since the page opened (30s so far)');
    expect(engine.why('later', T0 + 60_000).checks[3]).toEqual({ check: 'trigger', ok: true, detail: 'condition holds' });
    engine.dispatch({ type: 'traits', at: T0, traits: { plan: 'free' } });
    expect(engine.why('paid', T0).reason).toBe('waiting for not (trait "plan" = "free") (value "free")');
  });
});
