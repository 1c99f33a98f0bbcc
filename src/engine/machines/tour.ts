/**
 * The tour machine: a run moves through steps (next, back, go-to, advance on an event, a click or
 * an element appearing), waits while a step's page is elsewhere, and ends when it passes the last
 * step or a step's target is missing with `policy: 'end'`.
 */
import type { CompiledExperience } from '../catalog.js';
import type { EngineCore } from '../core.js';
import type { RunState } from '../state.js';
import { completeRun } from './ending.js';
import type { ActionTable } from './run.js';
import type { TourMachine } from './table.js';
import { presentable } from './tour-steps.js';

export { openingStep, presentable, startStep, stepProps } from './tour-steps.js';

/** The user actions a tour answers beyond the ones every experience shares. */
export const tourActions: ActionTable = {
  next: (core, x) => advance(core, x, 1),
  back: (core, x) => advance(core, x, -1),
  'go-to': (core, x, action) => {
    if (typeof action.step === 'number') return goToStep(core, x, action.step);
    // By id: a step the tour does not have goes nowhere.
    const step = x.steps.findIndex((candidate) => candidate.id === action.step);
    if (step >= 0) goToStep(core, x, step);
  },
  'step-missing': (core, x, action) => stepMissing(core, x, action.step, action.policy),
};

export function advance(core: EngineCore, x: CompiledExperience, delta: number): void {
  const run = core.runOf(x);
  if (x.type === 'tour' && run?.active) goToStep(core, x, run.step + delta);
}

export function goToStep(core: EngineCore, x: CompiledExperience, step: number): void {
  const run = core.runOf(x);
  if (x.type !== 'tour' || !run?.active || !Number.isInteger(step)) return;
  if (step >= x.steps.length) return completeRun(core, x);
  const next = Math.max(0, step);
  if (next !== run.step) core.setRun(x, { active: true, step: next, snoozedUntil: null });
}

function stepMissing(core: EngineCore, x: CompiledExperience, step: number, policy: 'skip' | 'center' | 'end'): void {
  const run = core.runOf(x);
  // A report about a step the tour has already left is stale.
  if (x.type !== 'tour' || !run?.active || run.step !== step) return;
  core.emit('step_target_missing', x, { step, stepId: x.steps[step]?.id ?? String(step), policy });
  if (policy === 'center') return;
  if (policy === 'skip' && step + 1 < x.steps.length) return goToStep(core, x, step + 1);
  core.setRun(x, { active: false, step, snoozedUntil: null });
  core.hide(x, 'ended');
}

/** An event was tracked: tours whose current step waits for it move on. */
export function advanceOnEvent(core: EngineCore, name: string): void {
  for (const index of [...core.runs]) {
    const x = core.experience(index);
    const run = core.runOf(x);
    if (x.type === 'tour' && run?.active && x.steps[run.step]?.advanceEvent === name) goToStep(core, x, run.step + 1);
  }
}

/** An element appeared: shown tours whose current step waits for it move on. */
export function advanceOnElement(core: EngineCore, key: string): void {
  for (const [index] of [...core.shown]) {
    const x = core.experience(index);
    const run = core.runOf(x);
    if (x.type === 'tour' && run?.active && x.steps[run.step]?.advanceElement === key) goToStep(core, x, run.step + 1);
  }
}

/** A click landed: shown tours whose current step waits for a click on one of these targets move on. */
export function advanceOnClick(core: EngineCore, keys: readonly string[]): void {
  for (const [index] of [...core.shown]) {
    const x = core.experience(index);
    const run = core.runOf(x);
    const target = x.type === 'tour' && run?.active ? x.steps[run.step]?.advanceClick : null;
    if (run && target && keys.includes(target)) goToStep(core, x, run.step + 1);
  }
}

/**
 * Where a stored run stands in this config: its step's id where that step is now, else its index
 * clamped to the last step. `gone`: the step the user left is not in the config any more.
 */
export function validStep(x: CompiledExperience, run: RunState): { step: number; gone: boolean } {
  if (run.stepId !== undefined) {
    const moved = x.steps.findIndex((step) => step.id === run.stepId);
    if (moved >= 0) return { step: moved, gone: false };
  }
  const step = Math.min(Math.max(0, run.step), x.steps.length - 1);
  return { step, gone: step !== run.step || run.stepId !== undefined };
}

/**
 * Put stored tour runs (in progress or snoozed) back on a step this config has: a step that moved is
 * followed by its id; a step that is gone resumes at the nearest valid one, with a warning. Without
 * this a returning user resumes at "step 4 of 1", or at a step they never saw.
 */
export function repairSteps(core: EngineCore): void {
  for (const x of core.catalog.experiences) {
    if (x.type !== 'tour' || x.steps.length === 0) continue;
    const run = core.runOf(x);
    if (!run || (!run.active && run.snoozedUntil === null)) continue;
    const { step, gone } = validStep(x, run);
    if (!gone && step === run.step) continue;
    core.setRun(x, { active: run.active, step, snoozedUntil: run.snoozedUntil });
    if (!gone) continue;
    const was = run.stepId === undefined ? `step ${run.step + 1}` : `step "${run.stepId}" (${run.step + 1})`;
    core.effects.push({
      type: 'warning',
      code: 'tour-step-gone',
      experienceId: x.id,
      message: `tour '${x.id}': the user's saved ${was} is no longer in the config; resuming at step ${step + 1} of ${x.steps.length}`,
    });
  }
}

/** Keep a shown tour on the step its run is at, and off pages its step does not belong to. */
export function reconcileTour(core: EngineCore, x: CompiledExperience, shownStep: number | undefined, step: number): void {
  if (!presentable(core, x, step)) core.hide(x, 'ineligible');
  else if (shownStep !== step) core.present(x);
}

/** The tour machine, as the machine table holds it. */
export const tourMachine: TourMachine = {
  actions: tourActions,
  advance,
  reconcile: reconcileTour,
  repairSteps,
  advanceOnEvent,
  advanceOnElement,
  advanceOnClick,
};
