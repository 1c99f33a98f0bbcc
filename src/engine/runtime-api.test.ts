import { describe, expect, it } from 'vitest';
import type { Experience, TourExperience } from '../config/types.js';
import type { Effect, Signal } from './contract.js';
import { ALL_MACHINES } from './engine.js';
import { createEngine } from './create-engine.js';
import { initialState } from './state.js';
import { stepView } from './steps.js';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
type Input = Signal extends infer S ? (S extends Signal ? Omit<S, 'at'> & { at?: number } : never) : never;

function harness(experiences: Experience[], machines?: typeof ALL_MACHINES) {
  const engine = createEngine({ config: { version: '1', limits: { minGap: '0s', blockingPerSession: 50 }, experiences }, state: initialState('user-1', T0), origin: 'tab-a', ...(machines ? { machines } : {}) });
  let now = T0;
  return {
    engine,
    tick: () => (now += 1000),
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

const welcome: TourExperience = { id: 'welcome', type: 'tour', steps: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }, { id: 'c', title: 'C' }] };
const hint: Experience = { id: 'save-hint', type: 'hint', target: '#save', body: 'Save often' };

describe('addExperience / removeExperience at runtime', () => {
  it('an added experience is decided at once; other experiences keep their state and screen', () => {
    const h = harness([welcome]);
    h.send({ type: 'session', sessionId: 's1' });
    h.send({ type: 'page', url: '/editor' });
    h.act('welcome', { type: 'next' });
    const before = structuredClone(h.engine.state.experiences['welcome']);
    const added = h.engine.addExperience(hint, h.tick());
    expect(shows(added)).toEqual(['save-hint@-']);
    expect(hides(added)).toEqual([]);
    expect(h.engine.active()).toEqual([{ experienceId: 'welcome', step: 1 }, { experienceId: 'save-hint' }]);
    expect(h.engine.state.experiences['welcome']).toEqual(before);
    expect(h.engine.requirements().targets.has('css:#save')).toBe(true);
    // The tour still answers its actions after the catalog changed.
    expect(shows(h.act('welcome', { type: 'next' }))).toEqual(['welcome@2']);
  });

  it('a removed shown experience is hidden, the next one takes the slot, and its stored state is kept', () => {
    const h = harness([welcome, { id: 'later', type: 'tour', priority: -1, steps: [{ title: 'Later' }] }]);
    h.send({ type: 'session', sessionId: 's1' });
    h.act('welcome', { type: 'next' });
    const removed = h.engine.removeExperience('welcome', h.tick());
    expect(hides(removed)).toEqual(['welcome:ended']);
    expect(shows(removed)).toEqual(['later@0']);
    expect(h.engine.why('welcome', T0).reason).toBe("no experience 'welcome' in the config");
    expect(h.engine.state.experiences['welcome']!.run!.v).toMatchObject({ active: true, step: 1 });
    expect(h.engine.removeExperience('nothing', h.tick())).toEqual([]);
    // Added back, it resumes where the user was, once the slot is free.
    h.engine.addExperience(welcome, h.tick());
    h.act('later', { type: 'complete' });
    expect(h.engine.active()).toEqual([{ experienceId: 'welcome', step: 1 }]);
  });

  it('replacing a shown experience re-renders it with its new definition, at a step the new one has', () => {
    const h = harness([welcome]);
    h.send({ type: 'session', sessionId: 's1' });
    h.act('welcome', { type: 'go-to', step: 2 });
    const replaced = h.engine.addExperience({ ...welcome, steps: [{ id: 'a', title: 'A' }, { id: 'c', title: 'C, reworded' }] }, h.tick());
    expect(shows(replaced)).toEqual(['welcome@1']);
    expect(replaced.some((e) => e.type === 'warning')).toBe(false);
  });
});

describe('start() says whether it showed, or why not', () => {
  it('shown, unknown, disabled, held out, or waiting for its page', () => {
    const h = harness([
      welcome,
      { id: 'off', type: 'tour', enabled: false, steps: [{ title: 'x' }] },
      { id: 'held', type: 'tour', control: 100, steps: [{ title: 'x' }] },
      { id: 'billing', type: 'tour', when: { event: 'never' }, steps: [{ title: 'x', page: '/billing' }] },
    ]);
    h.send({ type: 'session', sessionId: 's1' });
    h.act('welcome', { type: 'dismiss' });
    const shown = h.engine.start('welcome', h.tick());
    expect(shown).toMatchObject({ shown: true, outcome: 'shown' });
    expect(shows(shown.effects)).toEqual(['welcome@0']);
    expect(h.engine.start('nope', h.tick())).toMatchObject({ shown: false, outcome: 'unknown', effects: [] });
    expect(h.engine.start('off', h.tick())).toMatchObject({ shown: false, outcome: 'disabled' });
    expect(h.engine.start('held', h.tick())).toMatchObject({ shown: false, outcome: 'control-group' });
    h.act('welcome', { type: 'dismiss' });
    h.send({ type: 'page', url: '/home' });
    const waiting = h.engine.start('billing', h.tick());
    expect(waiting).toMatchObject({ shown: false, outcome: 'waiting' });
    expect(waiting.why.reason).toContain('/billing');
  });
});

describe('go-to is a user action', () => {
  it('jumps to a step of the running tour, by index or by id', () => {
    const h = harness([welcome]);
    h.send({ type: 'session', sessionId: 's1' });
    expect(shows(h.act('welcome', { type: 'go-to', step: 2 }))).toEqual(['welcome@2']);
    expect(shows(h.act('welcome', { type: 'go-to', step: 'b' }))).toEqual(['welcome@1']);
    expect(h.act('welcome', { type: 'go-to', step: 'gone' }).filter((e) => e.type !== 'wake')).toEqual([]);
    expect(h.engine.active()).toEqual([{ experienceId: 'welcome', step: 1 }]);
  });
});

describe('machines as an injected table', () => {
  it('an engine given no tour machine still shows and ends tours, but does not walk their steps', () => {
    const { tour: _tour, ...withoutTour } = ALL_MACHINES;
    const h = harness([welcome], withoutTour);
    expect(shows(h.send({ type: 'session', sessionId: 's1' }))).toEqual(['welcome@0']);
    expect(shows(h.act('welcome', { type: 'next' }))).toEqual([]);
    expect(hides(h.act('welcome', { type: 'dismiss' }))).toEqual(['welcome:dismissed']);
  });

  it('an engine given only the tour machine decides a tour exactly as one with every machine', () => {
    const run = (machines?: typeof ALL_MACHINES) => {
      const h = harness([welcome, hint], machines);
      return [h.send({ type: 'session', sessionId: 's1' }), h.act('welcome', { type: 'next' }), h.act('welcome', { type: 'button', action: { type: 'back' } }), h.act('welcome', { type: 'go-to', step: 'c' }), h.act('welcome', { type: 'next' })];
    };
    expect(run({ tour: ALL_MACHINES.tour })).toEqual(run());
  });

  it('a checklist without its machine still shows, but has no item view', () => {
    const list: Experience = { id: 'setup', type: 'checklist', title: 'Setup', items: [{ id: 'a', title: 'A' }] };
    const h = harness([list], { tour: ALL_MACHINES.tour });
    expect(shows(h.send({ type: 'session', sessionId: 's1' }))).toEqual(['setup@-']);
    expect(h.engine.checklist('setup')).toBeNull();
    const full = harness([list]);
    full.send({ type: 'session', sessionId: 's1' });
    expect(full.engine.checklist('setup')?.total).toBe(1);
  });

  it('by default every machine answers', () => {
    const h = harness([welcome]);
    h.send({ type: 'session', sessionId: 's1' });
    expect(shows(h.act('welcome', { type: 'next' }))).toEqual(['welcome@1']);
  });
});

describe('stepView: a step with every default applied', () => {
  it('phones get a sheet and wide screens the missing-target policy when nothing is declared', () => {
    expect(stepView(welcome, 1)).toEqual({
      index: 1,
      id: 'b',
      count: 3,
      onMissingTarget: 'skip',
      onHiddenTarget: { phone: { kind: 'sheet' }, wide: { kind: 'as-missing' } },
      nextFollowsLink: false,
    });
    expect(stepView(welcome, 3)).toBeNull();
  });

  it('a declared policy applies everywhere; the step overrides the tour', () => {
    const tour: TourExperience = {
      ...welcome,
      onHiddenTarget: { reveal: '#menu-button' },
      onMissingTarget: 'center',
      steps: [{ title: 'A', target: '#a' }, { title: 'B', target: '#b', onHiddenTarget: { fallback: { anchor: 'menu' } } }, { title: 'C', onHiddenTarget: 'skip' }],
    };
    expect(stepView(tour, 0)).toMatchObject({ id: '0', onMissingTarget: 'center', onHiddenTarget: { phone: { kind: 'reveal', target: '#menu-button' }, wide: { kind: 'reveal', target: '#menu-button' } } });
    expect(stepView(tour, 1)!.onHiddenTarget.phone).toEqual({ kind: 'fallback', target: { anchor: 'menu' } });
    expect(stepView(tour, 2)!.onHiddenTarget).toEqual({ phone: { kind: 'skip' }, wide: { kind: 'skip' } });
  });

  it('Next follows the target link by default when a click on the target advances; config can turn it off', () => {
    const steps = [
      { title: 'A', target: '#a', advanceOn: { click: true } },
      { title: 'B', target: '#b', advanceOn: { click: true }, nextFollowsLink: false },
      { title: 'C', target: '#c', nextFollowsLink: true },
    ];
    const tour: TourExperience = { ...welcome, steps };
    expect([0, 1, 2].map((index) => stepView(tour, index)!.nextFollowsLink)).toEqual([true, false, true]);
  });
});
