/**
 * The nudge machine: contextual help that escalates. Each rising edge of its trigger is one
 * firing; the first firing shows level 0, each later one (while it is on screen) the next level,
 * and the user may step up themselves (`nudge-level`).
 */
import type { CompiledExperience } from '../catalog.js';
import type { EngineCore } from '../core.js';
import type { ExperienceRecord } from '../state.js';
import type { ActionTable } from './run.js';
import type { NudgeMachine } from './table.js';

export const nudgeActions: ActionTable = {
  'nudge-level': (core, x, action) => setLevel(core, x, action.level),
};

/** Record the trigger's answer; true when a firing awaits a show. */
export function trackTrigger(core: EngineCore, x: CompiledExperience, trigger: boolean): boolean {
  // Each rising edge of the trigger is one firing: one more escalation level.
  if (trigger && core.lastTrigger[x.index] === 0) core.fired.add(x.index);
  if (!trigger) core.fired.delete(x.index);
  core.lastTrigger[x.index] = trigger ? 1 : 0;
  return core.fired.has(x.index);
}

/** A fired trigger whose show is used up: it must fall and rise again. */
export function awaitingNewFiring(core: EngineCore, x: CompiledExperience): boolean {
  return core.lastTrigger[x.index] === 1 && !core.fired.has(x.index);
}

/** The level a new run opens at: where the user left off, and the firing is spent. */
export function openingLevel(core: EngineCore, x: CompiledExperience, rec: ExperienceRecord): number {
  const level = Math.min(rec.level, x.levels - 1);
  rec.level = Math.max(rec.level, level + 1);
  core.fired.delete(x.index);
  return level;
}

/** The trigger fired again while the nudge is on screen: one level up. */
export function escalate(core: EngineCore, x: CompiledExperience): void {
  core.fired.delete(x.index);
  const run = core.runOf(x);
  if (!run?.active || run.step + 1 >= x.levels) return;
  const rec = core.record(x);
  rec.level = Math.max(rec.level, run.step + 2);
  core.setRun(x, { active: true, step: run.step + 1, snoozedUntil: null });
  core.recordShow(x, rec);
  core.emit('experience_shown', x, { level: run.step + 1, via: 'trigger' });
}

function setLevel(core: EngineCore, x: CompiledExperience, level: number): void {
  const run = core.runOf(x);
  if (x.type !== 'nudge' || !run?.active || !Number.isInteger(level)) return;
  const next = Math.min(Math.max(0, level), x.levels - 1);
  if (next === run.step) return;
  const rec = core.record(x);
  rec.level = Math.max(rec.level, next + 1);
  core.setRun(x, { active: true, step: next, snoozedUntil: null });
  core.recordShow(x, rec);
  core.emit('experience_shown', x, { level: next, via: 'user' });
}

/** The nudge machine, as the machine table holds it. */
export const nudgeMachine: NudgeMachine = {
  actions: nudgeActions,
  trackTrigger,
  awaitingNewFiring,
  openingLevel,
  escalate,
};
