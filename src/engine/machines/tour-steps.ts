/**
 * What the engine's other parts ask of a tour's steps (whether a step's page is here, where a run
 * opens, the step fields of events): plain reads, so the core and the scheduler use them without
 * depending on the tour machine's transitions.
 */
import type { CompiledExperience } from '../catalog.js';
import type { Json } from '../contract.js';
import type { EngineCore } from '../core.js';
import type { RunState } from '../state.js';

/** A tour step tied to a page shows only there; elsewhere the tour waits. */
export function presentable(core: EngineCore, x: CompiledExperience, step: number): boolean {
  if (x.type !== 'tour') return true;
  const page = x.steps[step]?.page;
  return !page || (core.facts.location !== null && page.test(core.facts.location));
}

/** Where a new run of this experience would open: a snoozed tour resumes at its step. */
export function startStep(core: EngineCore, x: CompiledExperience): number {
  const run = core.runOf(x);
  return x.type === 'tour' && run && run.snoozedUntil !== null ? run.step : 0;
}

/** The step a run opens at when it starts: a tour snoozed by the user resumes when its trigger fires again. */
export function openingStep(previous: RunState | undefined, via: 'trigger' | 'start'): number {
  return via === 'trigger' && previous && !previous.active && previous.snoozedUntil !== null ? previous.step : 0;
}

/** Step fields of the event schema: index, id and count. */
export function stepProps(x: CompiledExperience, step: number): Record<string, Json> {
  return { step, stepId: x.steps[step]?.id ?? String(step), stepCount: x.steps.length };
}
