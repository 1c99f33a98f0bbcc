/**
 * How a run ends, for every experience type: completed or dismissed. The tour machine completes a
 * run past its last step; buttons and the shared actions end one too.
 */
import type { CompiledExperience } from '../catalog.js';
import { effectiveRun, type EngineCore } from '../core.js';
import { stepProps } from './tour-steps.js';

export function completeRun(core: EngineCore, x: CompiledExperience): void {
  const shown = core.shown.get(x.index);
  if (shown?.finishing) return core.hide(x, 'completed');
  // A checklist completes by its items; closing it early is not a completion.
  if (x.type === 'checklist') return;
  const rec = core.record(x);
  const run = effectiveRun(rec);
  if (!shown && !run?.active) return;
  if (rec.completedAt === null) rec.completedAt = core.facts.at;
  core.endRun(x, run);
  core.touch(x);
  core.emit('experience_completed', x, core.withDuration(x, run && x.type === 'tour' ? stepProps(x, run.step) : {}));
  core.hide(x, 'completed');
}

export function dismiss(core: EngineCore, x: CompiledExperience): void {
  const shown = core.shown.get(x.index);
  if (shown?.finishing) return core.hide(x, 'completed');
  const rec = core.record(x);
  const run = effectiveRun(rec);
  const wasOn = shown !== undefined || run?.active === true;
  rec.dismissedAt = Math.max(rec.dismissedAt ?? core.facts.at, core.facts.at);
  if (run && (run.active || run.snoozedUntil !== null)) core.endRun(x, run);
  core.forced.delete(x.index);
  core.fired.delete(x.index);
  core.touch(x);
  if (wasOn) core.emit('experience_dismissed', x, core.withDuration(x, { reason: 'dismissed', ...(run && x.type === 'tour' ? stepProps(x, run.step) : {}) }));
  core.hide(x, 'dismissed');
}
