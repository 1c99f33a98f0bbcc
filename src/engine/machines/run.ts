/**
 * The run every experience shares: started (by its trigger or from code), then completed,
 * dismissed or snoozed. The type machines (tour, checklist, nudge, survey) add their own steps on
 * top; this file holds the transitions they have in common.
 */
import type { Action } from '../../config/types.js';
import type { CompiledExperience } from '../catalog.js';
import type { Json, UserAction } from '../contract.js';
import { controlGate } from '../control.js';
import { effectiveRun, type EngineCore } from '../core.js';
import { durationMs } from '../time.js';
import { completeRun, dismiss } from './ending.js';
import { openingStep, stepProps } from './tour-steps.js';

export { completeRun, dismiss } from './ending.js';

type Handler<K extends UserAction['type']> = (core: EngineCore, x: CompiledExperience, action: Extract<UserAction, { type: K }>) => void;
export type ActionTable = { [K in UserAction['type']]?: Handler<K> };

/** User actions every experience answers. */
export const runActions: ActionTable = {
  complete: (core, x) => completeRun(core, x),
  dismiss: (core, x) => dismiss(core, x),
  snooze: (core, x, action) => snooze(core, x, action.until),
  button: (core, x, action) => button(core, x, action.action),
};

export function start(core: EngineCore, x: CompiledExperience, via: 'trigger' | 'start'): void {
  const rec = core.record(x);
  let step = 0;
  if (x.type === 'tour') step = openingStep(effectiveRun(rec), via);
  if (x.type === 'nudge') step = core.machines.nudge?.openingLevel(core, x, rec) ?? 0;
  core.setRun(x, { active: true, step, snoozedUntil: null, ...(via === 'start' && { via }) });
  core.recordShow(x, rec);
  let props: Record<string, Json> = { via };
  if (x.type === 'tour') props = { via, ...stepProps(x, step) };
  if (x.type === 'nudge') props['level'] = step;
  core.emit('experience_shown', x, props);
  core.present(x);
}

/**
 * `start` from code or a button: bypasses trigger, stage, frequency and the rate limits (the global
 * one and the trigger-loop guard, which protects against triggers, not deliberate calls); not
 * `enabled` or the control group.
 */
export function startFromCode(core: EngineCore, x: CompiledExperience): void {
  if (!x.enabled) return;
  if (!controlGate(core, x).ok) return core.holdOut(x);
  if (x.mode === 'live') {
    core.forced.add(x.index);
    core.markUnit(x.index);
    return;
  }
  if (x.blocking && core.holder >= 0 && core.holder !== x.index) core.hide(core.experience(core.holder), 'replaced');
  const run = core.runOf(x);
  if (run?.active) {
    if (!core.shown.has(x.index)) core.present(x);
    return;
  }
  start(core, x, 'start');
}

function snooze(core: EngineCore, x: CompiledExperience, until: number): void {
  if (!Number.isFinite(until)) return;
  const rec = core.record(x);
  const step = effectiveRun(rec)?.step ?? 0;
  core.setRun(x, { active: false, step, snoozedUntil: until });
  core.forced.delete(x.index);
  core.fired.delete(x.index);
  // Same event as a dismissal, told apart by `reason`: "Maybe later" is not "no".
  core.emit('experience_dismissed', x, core.withDuration(x, { reason: 'snoozed', until, ...(x.type === 'tour' ? stepProps(x, step) : {}) }));
  core.hide(x, 'dismissed');
}

function button(core: EngineCore, x: CompiledExperience, action: Action): void {
  switch (action.type) {
    case 'next':
      return core.machines.tour?.advance(core, x, 1);
    case 'back':
      return core.machines.tour?.advance(core, x, -1);
    case 'complete':
      return completeRun(core, x);
    case 'dismiss':
      return dismiss(core, x);
    case 'snooze':
      return snooze(core, x, core.facts.at + (action.for === undefined ? core.catalog.snoozeFor : durationMs(action.for)));
    case 'start': {
      const other = core.catalog.byId.get(action.experience);
      if (other) startFromCode(core, other);
      return;
    }
    default:
      // Articles, help, chat, URLs and custom events are the runtime's business.
      core.effects.push({ type: 'run', experienceId: x.id, action });
  }
}
