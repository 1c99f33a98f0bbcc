import { describe, expect, it } from 'vitest';
import type { Experience, WaymarkConfig } from '../config/types.js';
import { createEngine } from './create-engine.js';
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
