/**
 * The survey machine: shown, answered (a score and an optional comment), then it stays on screen
 * for its thank-you or follow-up until the user closes it.
 */
import type { CompiledExperience } from '../catalog.js';
import type { Json } from '../contract.js';
import { effectiveRun, type EngineCore } from '../core.js';
import { LIMITS, answerOrder, insertBounded } from '../state.js';
import type { ActionTable } from './run.js';
import type { SurveyMachine } from './table.js';

export const surveyActions: ActionTable = {
  answer: (core, x, action) => answer(core, x, action.score, action.comment),
};

function answer(core: EngineCore, x: CompiledExperience, score: number, comment: string | undefined): void {
  if (x.def.type !== 'survey' || !Number.isFinite(score)) return;
  const at = core.facts.at;
  const rec = core.record(x);
  const entry = comment === undefined ? { at, o: core.origin, score } : { at, o: core.origin, score, comment };
  insertBounded(rec.answers, entry, answerOrder, LIMITS.answersPerSurvey);
  if (rec.completedAt === null) rec.completedAt = at;
  const run = effectiveRun(rec);
  if (run?.active) core.endRun(x, run);
  core.touch(x);
  // Names follow the documented event schema (docs/analytics-events.md), which vendor sinks filter by.
  const props: Record<string, Json> = { metric: x.def.kind, score, hasComment: comment !== undefined && comment.trim() !== '' };
  if (comment !== undefined) props['comment'] = comment;
  core.emit('survey_answered', x, props);
  core.emit('experience_completed', x, core.withDuration(x, { score }));
  // Stay on screen for the thank-you or follow-up until the user closes it.
  const shown = core.shown.get(x.index);
  if (shown) shown.finishing = true;
}

/** The survey machine, as the machine table holds it. */
export const surveyMachine: SurveyMachine = { actions: surveyActions };
