import { describe, expect, it } from 'vitest';
import type { Experience, WaymarkConfig } from '../config/types.js';
import type { Json, Signal } from './contract.js';
import type { Engine } from './engine.js';
import { createEngine } from './create-engine.js';
import { mergeStates, stableJson } from './merge.js';
import { compareStamps, initialState, sumCounter, type UserState } from './state.js';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);

/** Small seeded PRNG (mulberry32): every run explores the same sequences, and failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const experiences: Experience[] = [
  { id: 'tour', type: 'tour', when: { event: 'go' }, frequency: { show: 'always', afterDismiss: '0s' }, steps: [{ title: 'a' }, { title: 'b' }, { title: 'c' }] },
  { id: 'tips', type: 'hint', target: '#t', body: 'x', when: { page: '/a' } },
  {
    id: 'list',
    type: 'checklist',
    title: 'List',
    items: [
      { id: 'i1', title: '1', manual: true },
      { id: 'i2', title: '2', manual: true },
      { id: 'i3', title: '3', doneWhen: { event: 'saved', where: { kind: 'doc' } } },
    ],
  },
  { id: 'nps', type: 'survey', kind: 'nps', question: 'q', when: { event: 'rate' }, frequency: { show: 'always' } },
];
const config: WaymarkConfig = {
  version: '1',
  stages: [{ id: 's1' }, { id: 's2', enterWhen: { event: 'saved', count: { gte: 3 } } }, { id: 's3' }],
  experiences,
  limits: { minGap: '0s', blockingPerSession: 100 },
};

const EVENTS = ['go', 'saved', 'rate', 'other'];
const PAGES = ['/a', '/b', '/c/1', '/c/2'];

function randomSignal(random: () => number, at: number): Signal {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  switch (Math.floor(random() * 10)) {
    case 0:
    case 1:
      return { type: 'track', at, name: pick(EVENTS), props: { kind: pick(['doc', 'sheet']) } };
    case 2:
      return { type: 'page', at, url: pick(PAGES) };
    case 3:
      return { type: 'traits', at, traits: { [pick(['plan', 'seats', 'role'])]: pick<Json>(['pro', 'free', 3, 7, null, ['x']]) } };
    case 4:
      return { type: 'set-stage', at, stage: pick(['s1', 's2', 's3']) };
    case 5:
      return { type: 'action', at, experienceId: 'tour', action: pick<Extract<Signal, { type: 'action' }>['action']>([{ type: 'next' }, { type: 'back' }, { type: 'dismiss' }]) };
    case 6:
      return { type: 'action', at, experienceId: 'list', action: { type: random() < 0.8 ? 'item-done' : 'item-undone', item: pick(['i1', 'i2']) } };
    case 7:
      return { type: 'action', at, experienceId: 'nps', action: { type: 'answer', score: Math.floor(random() * 11) } };
    case 8:
      return { type: 'element', at, key: 'css:#t', present: random() < 0.5, visible: true };
    default:
      return { type: 'start', at, experienceId: pick(['tour', 'nps']) };
  }
}

/** Three tabs of one user acting at once, sometimes syncing; returns their states and what each did. */
function simulate(seed: number) {
  const random = prng(seed);
  const base = initialState('user-1', T0);
  const tabs: Engine[] = [0, 1, 2].map((i) => createEngine({ config, state: structuredClone(base), origin: `tab-${i}` }));
  const tracked = new Map<string, number>();
  const answers = [0, 0, 0];
  let at = T0;
  tabs.forEach((tab, i) => tab.dispatch({ type: 'session', at, sessionId: `session-${i}` }));
  for (let step = 0; step < 60; step++) {
    // Clocks are close but not equal across tabs, and sometimes the same millisecond.
    at += Math.floor(random() * 3) * 500;
    const i = Math.floor(random() * tabs.length);
    if (random() < 0.1) {
      const from = tabs[Math.floor(random() * tabs.length)]!;
      tabs[i]!.adopt(structuredClone(from.state), at);
      continue;
    }
    const signal = randomSignal(random, at);
    if (signal.type === 'track') tracked.set(signal.name, (tracked.get(signal.name) ?? 0) + 1);
    if (signal.type === 'action' && signal.action.type === 'answer') answers[i]!++;
    tabs[i]!.dispatch(signal);
  }
  return { states: tabs.map((tab) => structuredClone(tab.state)), tracked, answers };
}

const canon = (state: UserState) => stableJson(state as unknown as Json);

describe('mergeStates is a join', () => {
  const seeds = Array.from({ length: 25 }, (_, i) => 1000 + i * 7919);

  it('is commutative', () => {
    for (const seed of seeds) {
      const [a, b, c] = simulate(seed).states as [UserState, UserState, UserState];
      expect(canon(mergeStates(a, b))).toBe(canon(mergeStates(b, a)));
      expect(canon(mergeStates(b, c))).toBe(canon(mergeStates(c, b)));
    }
  });

  it('is associative', () => {
    for (const seed of seeds) {
      const [a, b, c] = simulate(seed).states as [UserState, UserState, UserState];
      expect(canon(mergeStates(mergeStates(a, b), c))).toBe(canon(mergeStates(a, mergeStates(b, c))));
    }
  });

  it('is idempotent', () => {
    for (const seed of seeds) {
      const [a, b] = simulate(seed).states as [UserState, UserState];
      expect(canon(mergeStates(a, a))).toBe(canon(a));
      const ab = mergeStates(a, b);
      expect(canon(mergeStates(ab, b))).toBe(canon(ab));
    }
  });

  it('loses nothing: counts, answers, completions, the latest registers', () => {
    for (const seed of seeds) {
      const { states, tracked, answers } = simulate(seed);
      const merged = states.reduce(mergeStates);
      for (const [name, count] of tracked) expect([seed, name, sumCounter(merged.events[name]!.counts)]).toEqual([seed, name, count]);
      expect(merged.experiences['nps']?.answers.length ?? 0).toBe(Math.min(20, answers.reduce((x, y) => x + y, 0)));
      for (const state of states) {
        for (const [id, rec] of Object.entries(state.experiences)) {
          const into = merged.experiences[id]!;
          for (const [origin, shows] of Object.entries(rec.shows)) expect(into.shows[origin]).toBeGreaterThanOrEqual(shows);
          if (rec.completedAt !== null) expect(into.completedAt).toBeLessThanOrEqual(rec.completedAt);
          if (rec.dismissedAt !== null) expect(into.dismissedAt).toBeGreaterThanOrEqual(rec.dismissedAt);
          if (rec.run) expect(compareStamps(into.run!.s, rec.run.s)).toBeGreaterThanOrEqual(0);
          for (const [item, entry] of Object.entries(rec.items)) {
            const kept = into.items[item]!;
            expect(kept.v.version > entry.v.version || compareStamps(kept.s, entry.s) >= 0).toBe(true);
          }
        }
        for (const [name, trait] of Object.entries(state.traits)) expect(compareStamps(merged.traits[name]!.s, trait.s)).toBeGreaterThanOrEqual(0);
        expect(compareStamps(merged.stage.s, state.stage.s)).toBeGreaterThanOrEqual(0);
        for (const path of Object.keys(state.visited)) expect(merged.visited[path]).toBeGreaterThanOrEqual(state.visited[path]!);
      }
    }
  });

  it('a write after adopting a merged state wins over everything it has seen', () => {
    const [a, b] = simulate(42).states as [UserState, UserState];
    const tab = createEngine({ config, state: mergeStates(a, b), origin: 'tab-z' });
    // Even with a clock behind the other tabs' stamps, the hybrid clock orders the new write last.
    tab.dispatch({ type: 'traits', at: T0, traits: { plan: 'enterprise' } });
    const merged = mergeStates(mergeStates(a, b), tab.state);
    expect(merged.traits['plan']!.v).toBe('enterprise');
  });

  it('does not mutate its inputs', () => {
    const [a, b] = simulate(7).states as [UserState, UserState];
    const before = [canon(a), canon(b)];
    mergeStates(a, b);
    expect([canon(a), canon(b)]).toEqual(before);
  });
});

describe('ending a run beats concurrent writes from another tab', () => {
  const config: WaymarkConfig = {
    version: '1',
    experiences: [
      { id: 'a', type: 'announcement', display: 'banner', title: 'A' },
      { id: 'tour', type: 'tour', steps: [{ title: '1' }, { title: '2' }, { title: '3' }] },
    ],
  };
  const T = 1_768_000_000_000;
  const boot = (origin: string, state: ReturnType<typeof initialState>) => {
    const engine = createEngine({ config, state: structuredClone(state), origin });
    engine.dispatch({ type: 'session', at: T, sessionId: `s-${origin}` });
    engine.dispatch({ type: 'page', at: T, url: '/' });
    return engine;
  };

  it('a dismissal in one tab wins over a show written in the same millisecond by another, in either merge order', () => {
    const base = initialState('u', T);
    // Tab 2 writes many times in this millisecond, so its stamps' counters run ahead of tab 1's.
    const tab2 = boot('t2', base);
    for (let i = 0; i < 5; i++) tab2.dispatch({ type: 'track', at: T, name: 'noise' });
    const tab1 = boot('t1', base);
    tab1.dispatch({ type: 'dismiss', at: T, experienceId: 'a' });
    for (const merged of [mergeStates(tab1.state, tab2.state), mergeStates(tab2.state, tab1.state)]) {
      const view = createEngine({ config, state: structuredClone(merged), origin: 'reader' });
      view.dispatch({ type: 'session', at: T + 1, sessionId: 's-reader' });
      view.dispatch({ type: 'page', at: T + 1, url: '/' });
      expect(view.active().map((a) => a.experienceId)).not.toContain('a');
    }
    tab2.adopt(mergeStates(tab2.state, tab1.state), T + 2);
    expect(tab2.active().map((a) => a.experienceId)).not.toContain('a');
  });

  it('a step taken in another tab after the tour was closed does not reopen it; a run started later is not ended', () => {
    const base = initialState('u', T);
    const tab1 = boot('t1', base);
    const tab2 = boot('t2', base);
    tab2.adopt(mergeStates(tab2.state, tab1.state), T + 1);
    tab1.dispatch({ type: 'action', at: T + 10, experienceId: 'tour', action: { type: 'dismiss' } });
    tab2.dispatch({ type: 'action', at: T + 20, experienceId: 'tour', action: { type: 'next' } }); // concurrent: tab 2 has not seen it
    tab2.adopt(mergeStates(tab2.state, tab1.state), T + 30);
    expect(tab2.active().map((a) => a.experienceId)).not.toContain('tour');
    // Started again from code afterwards: a new run, which the old end does not touch.
    tab2.dispatch({ type: 'start', at: T + 40, experienceId: 'tour' });
    expect(tab2.active().map((a) => a.experienceId)).toContain('tour');
    tab1.adopt(mergeStates(tab1.state, tab2.state), T + 50);
    expect(tab1.active().map((a) => a.experienceId)).toContain('tour');
  });
});
