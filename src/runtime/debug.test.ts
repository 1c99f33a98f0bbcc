import { describe, expect, it } from 'vitest';
import type { WaymarkConfig } from '../config/types.js';
import { createEngine, initialState } from '../engine/index.js';
import { createDebugLog } from './debug-log.js';
import { describeRecord, snapshotOf, type DebugInternals } from './debug.js';

describe('debug log', () => {
  it('keeps the last N signals and events in order, numbered, and tells subscribers', () => {
    const log = createDebugLog(3);
    let told = 0;
    const off = log.subscribe(() => told++);
    log.signal({ type: 'page', at: 1, url: '/a' });
    log.event({ type: 'experience_shown', at: 2, userId: 'u', experienceId: 'tour' });
    log.signal({ type: 'track', at: 3, name: 'x' });
    log.signal({ type: 'track', at: 4, name: 'y' });
    expect(log.records().map((r) => [r.seq, r.kind, r.value.type])).toEqual([
      [2, 'event', 'experience_shown'],
      [3, 'signal', 'track'],
      [4, 'signal', 'track'],
    ]);
    expect(told).toBe(4);
    off();
    log.signal({ type: 'tick', at: 5 });
    expect(told).toBe(4);
  });

  it('describes records in one line', () => {
    const d = (value: Parameters<ReturnType<typeof createDebugLog>['signal']>[0]) => describeRecord({ kind: 'signal', seq: 1, value }).summary;
    expect(d({ type: 'track', at: 1, name: 'project_created', props: { plan: 'pro' } })).toBe('project_created {"plan":"pro"}');
    expect(d({ type: 'element', at: 1, key: 'anchor:save', present: true, visible: false })).toBe('anchor:save present, hidden');
    expect(d({ type: 'action', at: 1, experienceId: 'tour', action: { type: 'go-to', step: 2 } })).toBe('tour go-to {"step":2}');
    expect(d({ type: 'struggle', at: 1, kind: 'rage-click', detail: '4 clicks' })).toBe('rage-click: 4 clicks');
    const long = d({ type: 'track', at: 1, name: 'big', props: { text: 'x'.repeat(400) } });
    expect(long.length).toBeLessThanOrEqual(165);
    expect(describeRecord({ kind: 'event', seq: 2, value: { type: 'step_viewed', at: 9, userId: 'u', experienceId: 'tour', props: { step: 1 } } })).toEqual({
      seq: 2, at: 9, kind: 'event', type: 'step_viewed', summary: 'tour {"step":1}',
    });
  });
});

describe('debug snapshot', () => {
  const config: WaymarkConfig = {
    version: '1',
    locale: { default: 'en', supported: ['en', 'ru'] },
    stages: [{ id: 'new', name: { en: 'New', ru: 'Новый' } }],
    experiences: [
      { id: 'hint', name: 'Save hint', type: 'hint', target: '#save', body: 'Save', when: { event: 'x' } },
      { id: 'banner', type: 'announcement', display: 'banner', title: 'Hi', body: 'Hi' },
    ],
  };
  const internals = (locale: string, withEngine = true): DebugInternals => {
    const engine = createEngine({ config, state: initialState('u1', 0), origin: 'o' });
    engine.dispatch({ type: 'session', at: 1, sessionId: 's' });
    engine.dispatch({ type: 'identify', at: 2, userId: 'u1', traits: { plan: 'pro' } });
    engine.dispatch({ type: 'page', at: 3, url: 'https://app.test/' });
    const log = createDebugLog();
    log.signal({ type: 'page', at: 3, url: 'https://app.test/' });
    return {
      window: {} as Window, config: () => config, engine: () => (withEngine ? engine : null), userId: () => 'u1', locale: () => locale, now: () => 10,
      log, start() {}, reset() {}, setLocale() {}, onChange: () => () => {}, reportError() {},
    };
  };

  it('has every experience with why(), the localized stage, traits, locales and the log', () => {
    const snapshot = snapshotOf(internals('ru'));
    expect(snapshot.userId).toBe('u1');
    expect(snapshot.stage).toEqual({ id: 'new', name: 'Новый' });
    expect(snapshot.traits).toEqual({ plan: 'pro' });
    expect(snapshot.locale).toBe('ru');
    expect(snapshot.locales).toEqual(['en', 'ru']);
    expect(snapshot.experiences.map((x) => [x.id, x.name, x.type, x.why?.eligible])).toEqual([
      ['hint', 'Save hint', 'hint', false],
      ['banner', undefined, 'announcement', true],
    ]);
    expect(snapshot.experiences[0]!.why!.reason).toBeTruthy();
    expect(snapshot.log.map((e) => e.type)).toEqual(['page']);
  });

  it('lists a locale outside the supported ones first, and has no why() before the engine runs', () => {
    const snapshot = snapshotOf(internals('lt', false));
    expect(snapshot.locales).toEqual(['lt', 'en', 'ru']);
    expect(snapshot.experiences.every((x) => x.why === null)).toBe(true);
    expect(snapshot.stage).toEqual({ id: null });
  });
});
