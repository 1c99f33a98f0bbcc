import { describe, expect, it } from 'vitest';
import type { ChecklistExperience, ChecklistItem, WaymarkConfig } from '../config/types.js';
import type { AnalyticsEventType, Effect, Signal } from './contract.js';
import { createEngine } from './create-engine.js';
import { initialState, type UserState } from './state.js';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
type Input = Signal extends infer S ? (S extends Signal ? Omit<S, 'at'> & { at?: number } : never) : never;

function harness(checklist: ChecklistExperience, extra: Partial<WaymarkConfig> = {}, state: UserState = initialState('user-1', T0)) {
  const engine = createEngine({ config: { version: '1', experiences: [checklist], ...extra }, state, origin: 'tab-a' });
  let now = T0;
  const send = (signal: Input): Effect[] => {
    now = signal.at ?? now + 1000;
    return engine.dispatch({ ...signal, at: now } as Signal);
  };
  return {
    engine,
    send,
    act: (action: Extract<Signal, { type: 'action' }>['action']) => send({ type: 'action', experienceId: checklist.id, action }),
    view: () => engine.checklist(checklist.id)!,
  };
}

const shows = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'show' ? [e.experienceId] : []));
const hides = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'hide' ? [`${e.experienceId}:${e.reason}`] : []));
const emitted = (effects: Effect[], type: AnalyticsEventType) => effects.flatMap((e) => (e.type === 'emit' && e.event.type === type ? [e.event.props ?? {}] : []));
const doneIds = (view: { items: Array<{ id: string; done: boolean }> }) => view.items.filter((i) => i.done).map((i) => i.id);

const list = (items: ChecklistItem[], more: Partial<ChecklistExperience> = {}): ChecklistExperience => ({
  id: 'setup',
  type: 'checklist',
  title: 'Get started',
  items,
  ...more,
});

describe('checklist machine', () => {
  it('items complete themselves on relevant signals even while the list is hidden, and stay done', () => {
    const h = harness(list([
      { id: 'project', title: 'Create a project', doneWhen: { event: 'project_created' } },
      { id: 'billing', title: 'Open billing', doneWhen: { page: '/billing' } },
    ], { when: { page: '/dashboard' } }));
    h.send({ type: 'session', sessionId: 's1' });
    const tracked = h.send({ type: 'track', name: 'project_created' });
    expect(shows(tracked)).toEqual([]);
    expect(emitted(tracked, 'checklist_item_completed')).toEqual([{ item: 'project', version: 1, itemsDone: 1, itemsTotal: 2 }]);
    expect(tracked).toContainEqual({ type: 'checklist', experienceId: 'setup' });
    h.send({ type: 'page', url: '/billing' });
    h.send({ type: 'page', url: '/elsewhere' });
    expect(doneIds(h.view())).toEqual(['project', 'billing']);
    expect(h.view()).toMatchObject({ done: 2, total: 2, complete: true });
  });

  it('is shown while eligible and incomplete; completing emits once, moves the stage, and closes on request', () => {
    const h = harness(
      list([{ id: 'a', title: 'A', manual: true }, { id: 'b', title: 'B', doneWhen: { event: 'b' } }], { completeToStage: 'active' }),
      { stages: [{ id: 'signup' }, { id: 'active' }] },
    );
    expect(shows(h.send({ type: 'session', sessionId: 's1' }))).toEqual(['setup']);
    h.act({ type: 'item-done', item: 'a' });
    const finished = h.send({ type: 'track', name: 'b' });
    expect(emitted(finished, 'experience_completed')).toHaveLength(1);
    expect(finished).toContainEqual({ type: 'stage', from: 'signup', to: 'active' });
    expect(emitted(finished, 'stage_changed')).toEqual([{ from: 'signup', to: 'active', via: 'checklist' }]);
    // Still on screen for its celebration until the user closes it.
    expect(hides(finished)).toEqual([]);
    expect(hides(h.act({ type: 'complete' }))).toEqual(['setup:completed']);
    expect(shows(h.send({ type: 'page', url: '/again' }))).toEqual([]);
    expect(emitted(h.send({ type: 'track', name: 'b' }), 'experience_completed')).toEqual([]);
  });

  it('manual items tick and untick; automatic ones cannot be ticked by hand', () => {
    const h = harness(list([{ id: 'm', title: 'M', manual: true }, { id: 'auto', title: 'Auto', doneWhen: { event: 'x' } }]));
    h.send({ type: 'session', sessionId: 's1' });
    expect(emitted(h.act({ type: 'item-done', item: 'm' }), 'checklist_item_completed')).toEqual([{ item: 'm', version: 1, itemsDone: 1, itemsTotal: 2 }]);
    h.act({ type: 'item-done', item: 'auto' });
    expect(doneIds(h.view())).toEqual(['m']);
    h.act({ type: 'item-undone', item: 'm' });
    expect(doneIds(h.view())).toEqual([]);
  });

  it('dependsOn and strictOrder lock items; locked items cannot be ticked', () => {
    const h = harness(list([
      { id: 'a', title: 'A', manual: true },
      { id: 'b', title: 'B', manual: true },
      { id: 'c', title: 'C', manual: true, dependsOn: ['a'] },
    ], { strictOrder: true }));
    h.send({ type: 'session', sessionId: 's1' });
    expect(h.view().items).toEqual([
      { id: 'a', done: false, locked: false },
      { id: 'b', done: false, locked: true },
      { id: 'c', done: false, locked: true },
    ]);
    h.act({ type: 'item-done', item: 'b' });
    expect(doneIds(h.view())).toEqual([]);
    h.act({ type: 'item-done', item: 'a' });
    expect(h.view().items.map((i) => i.locked)).toEqual([false, false, true]);
    h.act({ type: 'item-done', item: 'b' });
    expect(h.view().items.map((i) => i.locked)).toEqual([false, false, false]);
  });

  it('initiallyDone items count from the start', () => {
    const h = harness(list([{ id: 'account', title: 'Account', initiallyDone: true }, { id: 'x', title: 'X', manual: true }]));
    h.send({ type: 'session', sessionId: 's1' });
    expect(h.view()).toMatchObject({ done: 1, total: 2, complete: false });
    h.act({ type: 'item-undone', item: 'account' });
    expect(doneIds(h.view())).toEqual(['account']);
  });

  it('a new item does not reset progress nor reopen a completed list', () => {
    const v1 = list([{ id: 'a', title: 'A', manual: true }]);
    const h = harness(v1);
    h.send({ type: 'session', sessionId: 's1' });
    h.act({ type: 'item-done', item: 'a' });
    const saved = structuredClone(h.engine.state);

    const v2 = harness(list([{ id: 'a', title: 'A', manual: true }, { id: 'new', title: 'New', manual: true }]), {}, saved);
    expect(shows(v2.send({ type: 'session', sessionId: 's2' }))).toEqual([]);
    expect(v2.view()).toMatchObject({ done: 1, total: 2, complete: true });
  });

  it('reopenOnNewItems: a new item version reopens the list, and finishing it completes it again', () => {
    const h = harness(list([{ id: 'a', title: 'A', manual: true }, { id: 'b', title: 'B', manual: true }], { reopenOnNewItems: true }));
    h.send({ type: 'session', sessionId: 's1' });
    h.act({ type: 'item-done', item: 'a' });
    h.act({ type: 'item-done', item: 'b' });
    h.act({ type: 'complete' });
    const saved = structuredClone(h.engine.state);

    const bumped = list([{ id: 'a', title: 'A', manual: true }, { id: 'b', title: 'B v2', manual: true, version: 2 }], { reopenOnNewItems: true });
    const v2 = harness(bumped, {}, saved);
    expect(shows(v2.send({ type: 'session', sessionId: 's2' }))).toEqual(['setup']);
    expect(v2.view()).toMatchObject({ done: 1, total: 2, complete: false });
    const redone = v2.act({ type: 'item-done', item: 'b' });
    expect(emitted(redone, 'checklist_item_completed')).toEqual([{ item: 'b', version: 2, itemsDone: 2, itemsTotal: 2 }]);
    expect(emitted(redone, 'experience_completed')).toHaveLength(1);
  });

  it('a dismissed checklist returns when the user reaches returnAtStage', () => {
    const h = harness(list([{ id: 'a', title: 'A', manual: true }], { returnAtStage: 'active' }), {
      stages: [{ id: 'signup' }, { id: 'setup' }, { id: 'active' }],
    });
    h.send({ type: 'session', sessionId: 's1' });
    expect(hides(h.act({ type: 'dismiss' }))).toEqual(['setup:dismissed']);
    expect(shows(h.send({ type: 'set-stage', stage: 'setup' }))).toEqual([]);
    expect(shows(h.send({ type: 'set-stage', stage: 'active' }))).toEqual(['setup']);
    h.act({ type: 'dismiss' });
    expect(shows(h.send({ type: 'page', url: '/x' }))).toEqual([]);
  });
});

describe('checklist progress from another tab', () => {
  it('adopting a state where items were done elsewhere reports the checklist as changed', async () => {
    const { createEngine, initialState, mergeStates } = await import('./index.js');
    const config = {
      version: '1',
      experiences: [{ id: 'list', type: 'checklist', title: 'Setup', items: [{ id: 'p', title: 'Project', doneWhen: { event: 'project_created' } }, { id: 'k', title: 'Key' }] }],
    } as const;
    const T = 1_768_000_000_000;
    const base = initialState('u', T);
    const tab1 = createEngine({ config: config as never, state: structuredClone(base), origin: 'a' });
    const tab2 = createEngine({ config: config as never, state: structuredClone(base), origin: 'b' });
    for (const tab of [tab1, tab2]) tab.dispatch({ type: 'page', at: T, url: '/' });
    tab1.dispatch({ type: 'track', at: T + 1, name: 'project_created' });
    const effects = tab2.adopt(mergeStates(tab2.state, tab1.state), T + 2);
    expect(effects).toContainEqual({ type: 'checklist', experienceId: 'list' });
    expect(tab2.checklist('list')!.done).toBe(1);
  });
});
