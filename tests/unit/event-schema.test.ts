import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WaymarkConfig } from '../../src/config/types.js';
import { createEngine, initialState, type Effect, type AnalyticsEvent } from '../../src/engine/index.js';
import { VENDOR_PROPS } from '../../src/platform/analytics/events.js';

// The engine emits events; sinks forward only the props docs/analytics-events.md names. This test keeps the
// two in step: each event carries the documented fields the engine is responsible for.
const ENGINE_PROVIDES: Partial<Record<AnalyticsEvent['type'], string[]>> = {
  step_viewed: ['step', 'stepId', 'stepCount'],
  experience_completed: ['durationMs'],
  experience_dismissed: ['step', 'stepId', 'stepCount', 'durationMs'],
  checklist_item_completed: ['item', 'itemsDone', 'itemsTotal'],
  survey_answered: ['metric', 'score', 'hasComment'],
  experience_would_have_shown: ['group'],
  struggle_detected: ['kind', 'target', 'count'],
  stage_changed: ['from', 'to'],
};

describe('engine events follow the documented event schema', () => {
  it('every field the engine provides is documented for vendors, and present on the event', () => {
    const config: WaymarkConfig = {
      version: '1',
      stages: [{ id: 'signup' }, { id: 'setup', enterWhen: { event: 'project_created' } }],
      experiences: [
        { id: 'tour', type: 'tour', steps: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] },
        { id: 'list', type: 'checklist', title: 'Setup', items: [{ id: 'p', title: 'Project', doneWhen: { event: 'project_created' } }, { id: 'k', title: 'Key' }] },
        { id: 'nps', type: 'survey', kind: 'nps', question: 'Recommend?', when: { event: 'never' } },
        { id: 'held', type: 'announcement', display: 'banner', title: 'x', control: 100 },
        { id: 'help', type: 'nudge', when: { struggle: 'rage-click' }, escalation: [{ kind: 'hint', body: 'Stuck?' }] },
      ],
    };
    const T = 1_768_000_000_000;
    const engine = createEngine({ config, state: initialState('u', T), origin: 'o' });
    const effects: Effect[] = [];
    effects.push(...engine.dispatch({ type: 'session', at: T, sessionId: 's' }));
    effects.push(...engine.dispatch({ type: 'page', at: T, url: '/' }));
    effects.push(...engine.dispatch({ type: 'action', at: T + 1, experienceId: 'tour', action: { type: 'next' } }));
    effects.push(...engine.dispatch({ type: 'action', at: T + 2, experienceId: 'tour', action: { type: 'dismiss' } }));
    effects.push(...engine.dispatch({ type: 'track', at: T + 3, name: 'project_created' }));
    effects.push(...engine.dispatch({ type: 'struggle', at: T + 4, kind: 'rage-click', keys: ['css:#save'] }));
    effects.push(...engine.dispatch({ type: 'start', at: T + 5, experienceId: 'nps' }));
    effects.push(...engine.dispatch({ type: 'action', at: T + 6, experienceId: 'nps', action: { type: 'answer', score: 9, comment: 'fast' } }));
    const events = effects.flatMap((e) => (e.type === 'emit' ? [e.event] : []));
    for (const [type, fields] of Object.entries(ENGINE_PROVIDES)) {
      const event = events.find((e) => e.type === type);
      expect(event, `${type} was emitted`).toBeDefined();
      for (const field of fields) {
        expect(VENDOR_PROPS[type as AnalyticsEvent['type']], `${type}.${field} is documented`).toContain(field);
        expect(event!.props ?? {}, `${type} carries ${field}`).toHaveProperty(field);
      }
    }
  });

  it('tour shown, completed and dismissed events and an announcement dismissal carry their documented props', () => {
    const config: WaymarkConfig = {
      version: '1',
      limits: { minGap: '0s' },
      experiences: [
        { id: 'tour', type: 'tour', steps: [{ id: 'intro', title: 'A' }, { title: 'B' }] },
        { id: 'again', type: 'tour', when: { event: 'never' }, steps: [{ title: 'A' }, { id: 'end', title: 'B' }] },
        { id: 'news', type: 'announcement', display: 'banner', title: 'New' },
      ],
    };
    const T = 1_768_000_000_000;
    const engine = createEngine({ config, state: initialState('u', T), origin: 'o' });
    const effects: Effect[] = [];
    effects.push(...engine.dispatch({ type: 'session', at: T, sessionId: 's' }));
    effects.push(...engine.dispatch({ type: 'action', at: T + 1000, experienceId: 'tour', action: { type: 'next' } }));
    effects.push(...engine.dispatch({ type: 'action', at: T + 5000, experienceId: 'tour', action: { type: 'complete' } }));
    effects.push(...engine.dispatch({ type: 'action', at: T + 7000, experienceId: 'news', action: { type: 'dismiss' } }));
    effects.push(...engine.dispatch({ type: 'start', at: T + 8000, experienceId: 'again' }));
    effects.push(...engine.dispatch({ type: 'action', at: T + 9000, experienceId: 'again', action: { type: 'go-to', step: 1 } }));
    effects.push(...engine.dispatch({ type: 'dismiss', at: T + 11_000, experienceId: 'again' }));
    const events = effects.flatMap((e) => (e.type === 'emit' ? [e.event] : []));
    const props = (type: AnalyticsEvent['type'], experienceId: string) => events.find((e) => e.type === type && e.experienceId === experienceId)?.props;
    expect(props('experience_shown', 'tour')).toEqual({ via: 'trigger', step: 0, stepId: 'intro', stepCount: 2 });
    expect(props('experience_completed', 'tour')).toMatchObject({ step: 1, stepCount: 2, durationMs: 5000 });
    expect(props('experience_dismissed', 'news')).toEqual({ reason: 'dismissed', durationMs: 7000 });
    expect(props('experience_shown', 'again')).toMatchObject({ via: 'start', step: 0, stepCount: 2 });
    expect(props('experience_dismissed', 'again')).toEqual({ reason: 'dismissed', step: 1, stepId: 'end', stepCount: 2, durationMs: 3000 });
    // Every prop checked here is one the reference documents (and vendors receive).
    for (const [type, fields] of [['experience_shown', ['step', 'stepId', 'stepCount']], ['experience_completed', ['step', 'stepCount', 'durationMs']], ['experience_dismissed', ['step', 'stepId', 'stepCount', 'durationMs']]] as const) {
      for (const field of fields) expect(VENDOR_PROPS[type], `${type}.${field} is documented`).toEqual(expect.arrayContaining([field]));
    }
  });

  it('experience_dismissed tells "Maybe later" from a dismissal, and the reference documents both', () => {
    const config: WaymarkConfig = {
      version: '1',
      limits: { minGap: '0s' },
      snooze: { for: '2h' },
      experiences: [
        { id: 'tour', type: 'tour', steps: [{ id: 'intro', title: 'A', buttons: [{ label: 'Maybe later', action: { type: 'snooze' } }] }] },
        { id: 'news', type: 'announcement', display: 'banner', title: 'New' },
      ],
    };
    const T = 1_768_000_000_000;
    const engine = createEngine({ config, state: initialState('u', T), origin: 'o' });
    const effects: Effect[] = [];
    effects.push(...engine.dispatch({ type: 'session', at: T, sessionId: 's' }));
    effects.push(...engine.dispatch({ type: 'action', at: T + 1000, experienceId: 'tour', action: { type: 'button', action: { type: 'snooze' } } }));
    effects.push(...engine.dispatch({ type: 'action', at: T + 2000, experienceId: 'news', action: { type: 'dismiss' } }));
    const dismissed = effects.flatMap((e) => (e.type === 'emit' && e.event.type === 'experience_dismissed' ? [e.event] : []));
    expect(dismissed.map((e) => [e.experienceId, e.props?.['reason'], e.props?.['until']])).toEqual([
      ['tour', 'snoozed', T + 1000 + 2 * 3_600_000],
      ['news', 'dismissed', undefined],
    ]);
    const reference = readFileSync(new URL('../../docs/analytics-events.md', import.meta.url), 'utf8');
    const start = reference.indexOf('### `experience_dismissed`');
    const section = reference.slice(start, reference.indexOf('\n### ', start + 1));
    for (const field of ['reason', 'until', 'snoozed', 'dismissed']) expect(section, field).toContain(`\`${field}\``);
  });
});
