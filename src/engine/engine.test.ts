import { describe, expect, it } from 'vitest';
import type { Experience, WaymarkConfig } from '../config/types.js';
import type { Effect, Signal } from './contract.js';
import { compileCatalog } from './catalog.js';
import { ALL_MACHINES, createEngineWithMachines } from './engine.js';
import { createEngine } from './create-engine.js';
import { pageRegexTest } from '../config/page-regex.js';
import { mergeStates } from './merge.js';
import { initialState, type UserState } from './state.js';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
type Input = Signal extends infer S ? (S extends Signal ? Omit<S, 'at'> & { at?: number } : never) : never;

function harness(experiences: Experience[], state: UserState = initialState('user-1', T0), origin = 'tab-a', extra: Partial<WaymarkConfig> = {}) {
  const engine = createEngine({ config: { version: '1', experiences, ...extra }, state, origin });
  let now = T0;
  const send = (signal: Input): Effect[] => {
    now = signal.at ?? now + 1000;
    return engine.dispatch({ ...signal, at: now } as Signal);
  };
  return { engine, send };
}

const shows = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'show' ? [`${e.experienceId}${e.step === undefined ? '' : `@${e.step}`}`] : []));
const hides = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'hide' ? [`${e.experienceId}:${e.reason}`] : []));
const copy = (state: UserState): UserState => structuredClone(state);

const tour: Experience = { id: 'welcome', type: 'tour', steps: [{ title: 'a' }, { title: 'b' }, { title: 'c' }] };

describe('adopt: another tab or device changed the state', () => {
  it('follows a step change and a dismissal made elsewhere', () => {
    const a = harness([tour]);
    a.send({ type: 'session', sessionId: 's1' });
    const b = harness([tour], copy(a.engine.state), 'tab-b');
    expect(shows(b.send({ type: 'session', sessionId: 's2' }))).toEqual(['welcome@0']);

    a.send({ type: 'action', experienceId: 'welcome', action: { type: 'next' } });
    const stepped = b.engine.adopt(copy(a.engine.state), T0 + 5000);
    expect(shows(stepped)).toEqual(['welcome@1']);

    a.send({ type: 'dismiss', experienceId: 'welcome' });
    const dismissed = b.engine.adopt(copy(a.engine.state), T0 + 9000);
    expect(hides(dismissed)).toEqual(['welcome:dismissed']);
    expect(b.engine.active()).toEqual([]);
  });

  it('writes back only when it knew something the incoming state lacked', () => {
    const a = harness([tour]);
    a.send({ type: 'session', sessionId: 's1' });
    const b = harness([tour], copy(a.engine.state), 'tab-b');
    b.send({ type: 'session', sessionId: 's1' });
    expect(b.engine.adopt(copy(b.engine.state), T0 + 5000).some((e) => e.type === 'persist')).toBe(false);
    b.send({ type: 'track', name: 'local_only' });
    const effects = b.engine.adopt(copy(a.engine.state), T0 + 9000);
    expect(effects.some((e) => e.type === 'persist')).toBe(true);
    expect(b.engine.state.events['local_only']).toBeDefined();
  });
});

describe('signals reach the conditions that read them', () => {
  it('identify traits, idle and event windows, with wake-ups and hides', () => {
    const h = harness([
      { id: 'pro', type: 'hint', target: '#t', body: 'x', when: { trait: 'plan', equals: 'pro' } },
      { id: 'idle', type: 'hint', target: '#t', body: 'x', when: { idle: '30s' } },
      { id: 'recent', type: 'hint', target: '#t', body: 'x', when: { event: 'saved', within: '1m' } },
    ]);
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    h.send({ type: 'element', key: 'css:#t', present: true, visible: true, at: T0 });
    expect(shows(h.send({ type: 'identify', userId: 'user-1', traits: { plan: 'pro' }, at: T0 }))).toEqual(['pro']);
    expect(hides(h.send({ type: 'traits', traits: { plan: 'free' }, at: T0 }))).toEqual(['pro:ineligible']);

    const idle = h.send({ type: 'idle', idle: true, at: T0 });
    expect(idle).toContainEqual({ type: 'wake', at: T0 + 30_000 });
    expect(shows(h.send({ type: 'tick', at: T0 + 30_000 }))).toEqual(['idle']);
    expect(hides(h.send({ type: 'idle', idle: false, at: T0 + 31_000 }))).toEqual(['idle:ineligible']);

    const saved = h.send({ type: 'track', name: 'saved', at: T0 + 40_000 });
    expect(shows(saved)).toEqual(['recent']);
    expect(saved).toContainEqual({ type: 'wake', at: T0 + 100_001 });
    expect(hides(h.send({ type: 'tick', at: T0 + 100_001 }))).toEqual(['recent:ineligible']);
  });

  it('hints and beacons hide while their target is reported absent', () => {
    const h = harness([{ id: 'dot', type: 'beacon', target: { anchor: 'new' }, body: 'x' }]);
    // Not reported yet: the UI's own lookup decides.
    expect(shows(h.send({ type: 'session', sessionId: 's1' }))).toEqual(['dot']);
    expect(hides(h.send({ type: 'element', key: 'anchor:new', present: false, visible: false }))).toEqual(['dot:ineligible']);
    expect(h.engine.why('dot', T0 + 10_000).reason).toBe('target anchor:new is not on the page');
    expect(shows(h.send({ type: 'element', key: 'anchor:new', present: true, visible: true }))).toEqual(['dot']);
  });

  it('start opens a hint regardless of its trigger until dismissed', () => {
    const h = harness([{ id: 'tip', type: 'hint', target: '#t', body: 'x', when: { event: 'never' } }]);
    h.send({ type: 'session', sessionId: 's1' });
    h.send({ type: 'element', key: 'css:#t', present: true, visible: true });
    expect(shows(h.send({ type: 'start', experienceId: 'tip' }))).toEqual(['tip']);
    expect(hides(h.send({ type: 'dismiss', experienceId: 'tip' }))).toEqual(['tip:dismissed']);
    expect(shows(h.send({ type: 'page', url: '/other' }))).toEqual([]);
  });

  it('a banner stays until dismissed and comes back after a reload', () => {
    const banner: Experience = { id: 'news', type: 'announcement', display: 'banner', title: 'New', when: { page: '/home' } };
    const h = harness([banner]);
    h.send({ type: 'session', sessionId: 's1' });
    expect(shows(h.send({ type: 'page', url: '/home' }))).toEqual(['news']);
    expect(hides(h.send({ type: 'page', url: '/elsewhere' }))).toEqual([]);
    const reloaded = harness([banner], copy(h.engine.state), 'tab-b');
    expect(shows(reloaded.send({ type: 'session', sessionId: 's1' }))).toEqual(['news']);
    expect(hides(reloaded.send({ type: 'dismiss', experienceId: 'news' }))).toEqual(['news:dismissed']);
  });
});

describe('robustness', () => {
  it('a malformed signal is reported as an sdk_error effect, and the engine keeps working', () => {
    const h = harness([tour]);
    h.send({ type: 'session', sessionId: 's1' });
    const effects = h.engine.dispatch({ type: 'click', at: T0 + 5000, keys: null } as unknown as Signal);
    const errors = effects.flatMap((e) => (e.type === 'emit' && e.event.type === 'sdk_error' ? [e.event.props] : []));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'engine-failed', where: 'click' });
    expect(shows(h.send({ type: 'action', experienceId: 'welcome', action: { type: 'next' } }))).toEqual(['welcome@1']);
  });
});

describe('what the state keeps', () => {
  it('stores only event properties some condition reads, and only counts for events no condition reads', () => {
    const h = harness([{ id: 'x', type: 'hint', target: '#t', body: 'x', when: { event: 'invite', where: { role: 'admin' } } }]);
    h.send({ type: 'track', name: 'invite', props: { role: 'admin', email: 'secret@example.com' } });
    h.send({ type: 'track', name: 'unrelated', props: { a: 1 } });
    expect(h.engine.state.events['invite']!.recent.map((e) => ({ ...e.p }))).toEqual([{ role: 'admin' }]);
    expect(h.engine.state.events['unrelated']).toEqual({ counts: { 'tab-a': 1 }, recent: [] });
  });

  it('keeps exact counts beyond the bounded log, across tabs', () => {
    const config: Experience[] = [{ id: 'x', type: 'hint', target: '#t', body: 'x', when: { event: 'e', count: { gte: 120 } } }];
    const a = harness(config);
    const b = harness(config, initialState('user-1', T0), 'tab-b');
    for (let i = 0; i < 70; i++) {
      a.send({ type: 'track', name: 'e' });
      b.send({ type: 'track', name: 'e' });
    }
    const merged = mergeStates(a.engine.state, b.engine.state);
    expect(merged.events['e']!.recent).toHaveLength(50);
    const c = harness(config, merged, 'tab-c');
    c.send({ type: 'session', sessionId: 's' });
    expect(c.engine.why('x', T0 + 10 ** 6).checks[3]).toEqual({ check: 'trigger', ok: true, detail: 'condition holds' });
  });
});

describe('the index: a signal reaches only what it can affect', () => {
  it('maps dependency keys to the units that read them', () => {
    const catalog = compileCatalog({
      version: '1',
      stages: [{ id: 'a' }, { id: 'b', enterWhen: { event: 'paid' } }],
      experiences: [
        { id: 'one', type: 'hint', target: '#t', body: 'x', when: { event: 'saved' } },
        { id: 'two', type: 'tour', when: { all: [{ page: '/p' }, { experience: 'one', state: 'seen' }] }, steps: [{ title: 'x' }] },
        { id: 'list', type: 'checklist', title: 'l', items: [{ id: 'i', title: 'i', doneWhen: { event: 'saved' } }] },
      ],
    });
    const units = (key: string) => [...(catalog.index.get(key) ?? [])].sort();
    expect(units('event:saved')).toEqual([0, 3]);
    expect(units('page')).toEqual([1]);
    expect(units('exp:one')).toEqual([0, 1]);
    expect(units('event:paid')).toEqual([catalog.stagesUnit]);
    expect(units('target:css:#t')).toEqual([0]);
    expect(catalog.index.get('event:other')).toBeUndefined();
  });
});

describe('signals that change nothing', () => {
  it('a `shown` confirmation returns no effects and runs no decision pass', () => {
    const h = harness([
      tour,
      { id: 'later', type: 'hint', target: '#a', body: 'x', when: { delay: '1m' } },
    ]);
    h.send({ type: 'session', sessionId: 's1', at: T0 });
    h.send({ type: 'page', url: '/home', at: T0 });
    const stateBefore = JSON.stringify(h.engine.state);
    // The hint's delay is due: a decision pass now would show it; a render confirmation must not run one.
    expect(h.send({ type: 'action', experienceId: 'welcome', action: { type: 'shown' }, at: T0 + 61_000 })).toEqual([]);
    expect(JSON.stringify(h.engine.state)).toBe(stateBefore);
    expect(h.engine.active().map((entry) => entry.experienceId)).toEqual(['welcome']);
    // The next real signal decides as before.
    expect(shows(h.send({ type: 'tick', at: T0 + 61_000 }))).toEqual(['later']);
  });
});

describe('regex page patterns: the checker is a dependency', () => {
  const config: WaymarkConfig = {
    version: '1',
    experiences: [{ id: 'project-tour', type: 'tour', when: { page: { path: '^/projects/\\d+$', match: 'regex' } }, steps: [{ title: 'a' }] }],
  };
  const visit = (engine: ReturnType<typeof createEngine>) => {
    engine.dispatch({ type: 'session', at: T0, sessionId: 's1' });
    return engine.dispatch({ type: 'page', at: T0 + 1, url: 'https://app.example.com/projects/42' });
  };

  it('createEngine matches regex pages with the checker by default', () => {
    expect(shows(visit(createEngine({ config, state: initialState('u', T0), origin: 'a' })))).toEqual(['project-tour@0']);
  });

  it('without the checker a regex pattern never matches, and the engine says so once', () => {
    const engine = createEngineWithMachines(ALL_MACHINES, { config, state: initialState('u', T0), origin: 'a' });
    const first = engine.dispatch({ type: 'session', at: T0, sessionId: 's1' });
    expect(first.filter((e) => e.type === 'warning')).toEqual([expect.objectContaining({ code: 'page-regex-unavailable', message: expect.stringContaining('^/projects/\\d+$') })]);
    const page = engine.dispatch({ type: 'page', at: T0 + 1, url: 'https://app.example.com/projects/42' });
    expect(shows(page)).toEqual([]);
    expect(page.some((e) => e.type === 'warning')).toBe(false);
  });

  it('a lean engine given the checker matches exactly as createEngine does', () => {
    const engine = createEngineWithMachines(ALL_MACHINES, { config, state: initialState('u', T0), origin: 'a', pageRegex: pageRegexTest });
    const effects = visit(engine);
    expect(shows(effects)).toEqual(['project-tour@0']);
  });
});
