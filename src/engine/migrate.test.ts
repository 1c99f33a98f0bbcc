import { afterEach, describe, expect, it } from 'vitest';
import type { Experience, WaymarkConfig } from '../config/types.js';
import type { Json } from './contract.js';
import { createEngine } from './create-engine.js';
import { mergeStates, stableJson } from './merge.js';
import { migrateState, type StateV0 } from './migrate.js';
import { STATE_VERSION, initialState, sumCounter, type UserState } from './state.js';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const DAY = 86_400_000;

const experiences: Experience[] = [
  { id: 'welcome', type: 'tour', steps: [{ title: 'a' }, { title: 'b' }, { title: 'c' }] },
  { id: 'setup', type: 'checklist', title: 'Setup', items: [{ id: 'profile', title: 'p', manual: true }, { id: 'invite', title: 'i', manual: true }] },
  { id: 'nps', type: 'survey', kind: 'nps', question: 'q' },
];
const config: WaymarkConfig = { version: '1', experiences, stages: [{ id: 'signup' }, { id: 'setup' }] };

const v0: StateV0 = {
  version: 0,
  user: { id: 'user-1', traits: { plan: 'pro', seats: 4 } },
  stage: 'setup',
  stageEnteredAt: T0 - 2 * DAY,
  events: { project_created: [T0 - DAY, T0 - 3 * DAY], invite_sent: [T0 - 1000] },
  pages: ['/dashboard', '/projects/1'],
  experiences: {
    welcome: { status: 'active', step: 1, shownCount: 1, lastShownAt: T0 - DAY },
    banner: { status: 'dismissed', lastShownAt: T0 - 5 * DAY },
    done: { status: 'completed', shownCount: 2, lastShownAt: T0 - 4 * DAY },
  },
  checklists: { setup: ['profile'] },
  surveys: { nps: { score: 9, comment: 'great', at: T0 - 6 * DAY } },
};

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const before = prototypeKeys();
afterEach(() => {
  expect(prototypeKeys()).toEqual(before);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

describe('migrateState: v0 → v1', () => {
  it('keeps every piece of v0 progress', () => {
    const { state, issues } = migrateState(JSON.parse(JSON.stringify(v0)), 'user-1', T0);
    expect(issues).toEqual([`migrated stored state from v0 to v${STATE_VERSION}`]);
    expect(state.v).toBe(STATE_VERSION);
    expect(state.traits['plan']!.v).toBe('pro');
    expect(state.traits['seats']!.v).toBe(4);
    expect(state.stage.v).toEqual({ id: 'setup', since: T0 - 2 * DAY });
    expect(state.stageHistory).toEqual([{ id: 'setup', at: T0 - 2 * DAY }]);
    expect(sumCounter(state.events['project_created']!.counts)).toBe(2);
    expect(state.events['project_created']!.recent.map((e) => e.at)).toEqual([T0 - 3 * DAY, T0 - DAY]);
    expect(Object.keys(state.visited).sort()).toEqual(['/dashboard', '/projects/1']);
    const welcome = state.experiences['welcome']!;
    expect(welcome.run!.v).toEqual({ active: true, step: 1, snoozedUntil: null });
    expect(sumCounter(welcome.shows)).toBe(1);
    expect(state.experiences['banner']!.dismissedAt).toBe(T0 - 5 * DAY);
    expect(state.experiences['done']!.completedAt).toBe(T0 - 4 * DAY);
    expect(sumCounter(state.experiences['done']!.shows)).toBe(2);
    expect(state.experiences['setup']!.items['profile']!.v).toMatchObject({ done: true, version: 1 });
    expect(state.experiences['nps']!.answers).toEqual([{ at: T0 - 6 * DAY, o: 'v0', score: 9, comment: 'great' }]);
    expect(state.experiences['nps']!.completedAt).toBe(T0 - 6 * DAY);
  });

  it('the engine continues from migrated progress', () => {
    const { state } = migrateState(structuredClone(v0), 'user-1', T0);
    const engine = createEngine({ config, state, origin: 'tab-a' });
    const effects = engine.dispatch({ type: 'session', at: T0, sessionId: 's1' });
    expect(effects).toContainEqual({ type: 'show', experienceId: 'welcome', step: 1 });
    expect(engine.stage).toBe('setup');
    expect(engine.checklist('setup')!.items).toEqual([
      { id: 'profile', done: true, locked: false },
      { id: 'invite', done: false, locked: false },
    ]);
    // Answered already: the survey is not asked again.
    expect(effects.some((e) => e.type === 'show' && e.experienceId === 'nps')).toBe(false);
    // Migrated registers carry old stamps: a new write wins over them.
    engine.dispatch({ type: 'traits', at: T0, traits: { plan: 'team' } });
    expect(mergeStates(state, engine.state).traits['plan']!.v).toBe('team');
  });
});

describe('migrateState: current and newer versions', () => {
  it('round-trips an engine state through JSON without issues', () => {
    const engine = createEngine({ config, state: initialState('user-1', T0), origin: 'tab-a' });
    engine.dispatch({ type: 'session', at: T0, sessionId: 's1' });
    engine.dispatch({ type: 'traits', at: T0 + 1, traits: { plan: 'pro', nested: { a: [1, 'x', null] } } });
    engine.dispatch({ type: 'track', at: T0 + 2, name: 'x' });
    engine.dispatch({ type: 'action', at: T0 + 3, experienceId: 'setup', action: { type: 'item-done', item: 'invite' } });
    engine.dispatch({ type: 'action', at: T0 + 4, experienceId: 'welcome', action: { type: 'next' } });
    const { state, issues } = migrateState(JSON.parse(JSON.stringify(engine.state)), 'user-1', T0 + 10);
    expect(issues).toEqual([]);
    expect(stableJson(state as unknown as Json)).toBe(stableJson(engine.state as unknown as Json));
  });

  it('reads a newer version best-effort and says so', () => {
    const stored = { ...JSON.parse(JSON.stringify(initialState('user-1', T0))), v: STATE_VERSION + 1, futureField: { x: 1 } };
    stored.traits = { plan: { v: 'pro', s: { t: T0, c: 0, o: 'x' } } };
    const { state, issues } = migrateState(stored, 'user-1', T0);
    expect(issues).toEqual([`stored state v${STATE_VERSION + 1} is newer than this SDK (v${STATE_VERSION}); kept what this version understands`]);
    expect(state.traits['plan']!.v).toBe('pro');
    expect(state.v).toBe(STATE_VERSION);
  });

  it('repairs a clock that is behind its own stamps', () => {
    const stored = JSON.parse(JSON.stringify(initialState('user-1', T0)));
    stored.traits = { plan: { v: 'pro', s: { t: T0 + 5000, c: 3, o: 'x' } } };
    stored.clock = { t: 0, c: 0 };
    expect(migrateState(stored, 'user-1', T0).state.clock).toEqual({ t: T0 + 5000, c: 3 });
  });

  it('keeps the valid parts of a damaged state and lists what it dropped', () => {
    const stored = JSON.parse(JSON.stringify(initialState('someone-else', T0)));
    stored.traits = { ok: { v: 1, s: { t: 1, c: 0, o: 'x' } }, bad: { v: 1 }, nan: { v: 1, s: { t: 'x', c: 0, o: 'x' } } };
    stored.events = { good: { counts: { a: 2 }, recent: [{ at: 1, o: 'a', n: 1 }, { at: 'bad' }, { at: 2, o: 'a', n: 2 }] } };
    stored.experiences = { welcome: { shows: { a: 1, b: -3 }, completedAt: 'yesterday', run: { v: { active: true, step: 2, snoozedUntil: null }, s: { t: 5, c: 0, o: 'a' } } } };
    const { state, issues } = migrateState(stored, 'user-1', T0);
    expect(Object.keys(state.traits)).toEqual(['ok']);
    expect(state.events['good']!.recent.map((e) => e.n)).toEqual([1, 2]);
    expect(state.experiences['welcome']!.shows).toEqual({ a: 1 });
    expect(state.experiences['welcome']!.run!.v.step).toBe(2);
    expect(state.userId).toBe('user-1');
    expect(issues).toEqual([
      'stored state belonged to user "someone-else"; kept its progress for "user-1"',
      'dropped 2 unreadable entries in traits',
      'dropped 1 unreadable entry in event entries',
      'dropped 1 unreadable entry in show counters',
      'dropped 1 unreadable entry in experience times',
    ]);
  });
});

describe('migrateState: garbage never throws and never pollutes', () => {
  it('starts fresh from values that are not states', () => {
    for (const raw of [undefined, null, 42, 'state', true, [], [1, 2], () => 1, Symbol('x'), 10n]) {
      const { state, issues } = migrateState(raw, 'user-1', T0);
      expect(state).toEqual(initialState('user-1', T0));
      expect(issues.length).toBe(raw === undefined || raw === null ? 0 : 1);
    }
  });

  it('treats __proto__, constructor and prototype as plain keys', () => {
    const raw = JSON.parse(
      '{"v":1,"__proto__":{"polluted":1},"traits":{"__proto__":{"v":{"polluted":1},"s":{"t":1,"c":0,"o":"x"}},"constructor":{"v":1,"s":{"t":1,"c":0,"o":"x"}}},' +
        '"experiences":{"__proto__":{"shows":{"__proto__":3}}},"events":{"constructor":{"counts":{"prototype":2},"recent":[]}}}',
    );
    const { state } = migrateState(raw, 'user-1', T0);
    expect(Object.getPrototypeOf(state.traits)).toBeNull();
    expect(Object.keys(state.traits).sort()).toEqual(['__proto__', 'constructor']);
    expect(sumCounter(state.experiences['__proto__']!.shows)).toBe(3);
    expect(sumCounter(state.events['constructor']!.counts)).toBe(2);
    // The engine reads and writes such keys as data too.
    const engine = createEngine({ config, state, origin: 'tab-a' });
    engine.dispatch({ type: 'traits', at: T0, traits: JSON.parse('{"__proto__":{"polluted":2}}') });
    engine.dispatch({ type: 'track', at: T0, name: '__proto__' });
    expect(sumCounter(engine.state.events['__proto__']!.counts)).toBe(1);
  });

  it('survives cycles, hostile getters and deep nesting', () => {
    const cyclic: Record<string, unknown> = { v: 1 };
    cyclic['traits'] = { loop: { v: cyclic, s: { t: 1, c: 0, o: 'x' } } };
    const hostile = new Proxy({}, { get: () => { throw new Error('nope'); }, ownKeys: () => { throw new Error('nope'); } });
    let deep: Json = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    for (const raw of [cyclic, hostile, { v: 1, traits: { deep: { v: deep, s: { t: 1, c: 0, o: 'x' } } } }]) {
      const result = migrateState(raw, 'user-1', T0);
      expect(result.state.userId).toBe('user-1');
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });

  it('random garbage: never throws, always yields a state the engine and merge accept', () => {
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const keys = ['v', 'userId', 'traits', 'stage', 'events', 'experiences', 'visited', 'sessions', 'blocking', 'clock', 'run', 'shows', 'items', 'answers', 'recent', 'counts', 's', 't', 'c', 'o', '__proto__', 'constructor', 'prototype', 'user', 'version', 'status'];
    const garbage = (depth: number): unknown => {
      const roll = random();
      if (depth > 4 || roll < 0.3) return [0, -1, 1.5, NaN, Infinity, 'x', '', true, false, null, undefined, T0][Math.floor(random() * 12)];
      if (roll < 0.45) return Array.from({ length: Math.floor(random() * 4) }, () => garbage(depth + 1));
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 6); i > 0; i--) Object.defineProperty(out, keys[Math.floor(random() * keys.length)]!, { value: garbage(depth + 1), enumerable: true, configurable: true, writable: true });
      if (random() < 0.5) out['v'] = [0, 1, 2, 'x'][Math.floor(random() * 4)];
      return out;
    };
    for (let i = 0; i < 500; i++) {
      const { state } = migrateState(garbage(0), 'user-1', T0);
      const engine = createEngine({ config, state, origin: 'tab-a' });
      engine.dispatch({ type: 'session', at: T0, sessionId: 's' });
      engine.dispatch({ type: 'track', at: T0 + 1, name: 'x' });
      expect(mergeStates(state, engine.state).userId).toBe('user-1');
    }
  });
});

describe('migrated state merges with live state', () => {
  it('v0 progress joined with a fresh tab keeps both', () => {
    const migrated: UserState = migrateState(structuredClone(v0), 'user-1', T0).state;
    const fresh = createEngine({ config, state: initialState('user-1', T0), origin: 'tab-b' });
    fresh.dispatch({ type: 'track', at: T0, name: 'project_created' });
    const merged = mergeStates(migrated, fresh.state);
    expect(sumCounter(merged.events['project_created']!.counts)).toBe(3);
    expect(merged.stage.v.id).toBe('setup');
  });
});
