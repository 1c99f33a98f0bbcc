/**
 * "Tours and guides": the tours a user has seen, with where each stands, so a closed, skipped or
 * snoozed tour is never lost: the user replays it from here (`start`), from its first step.
 */
import type { GuideEntry, GuideStatus } from './contract.js';
import { controlGate } from './scheduler.js';
import { effectiveRun, type EngineCore } from './core.js';
import { sumCounter } from './state.js';

export function library(core: EngineCore): GuideEntry[] {
  const entries: GuideEntry[] = [];
  for (const x of core.catalog.experiences) {
    const def = x.def;
    if (def.type !== 'tour' || def.replayable === false || !x.enabled) continue;
    const rec = core.recordOf(x);
    if (!rec || rec.lastShownAt === null || sumCounter(rec.shows) === 0) continue;
    // Held out as a control-group member: it never showed, so there is nothing to replay.
    if (!controlGate(core, x).ok) continue;
    const run = effectiveRun(rec);
    const entry: GuideEntry = {
      experienceId: x.id,
      type: 'tour',
      status: 'seen',
      title: def.title ?? def.steps[0]?.title ?? x.id,
      stepCount: def.steps.length,
      lastShownAt: rec.lastShownAt,
    };
    entry.status = status(run?.active === true || core.shown.has(x.index), run?.snoozedUntil ?? null, rec.completedAt, rec.dismissedAt);
    if (run && (entry.status === 'in-progress' || entry.status === 'snoozed')) entry.step = Math.min(run.step, def.steps.length - 1);
    if (entry.status === 'snoozed') entry.snoozedUntil = run!.snoozedUntil!;
    entries.push(entry);
  }
  return entries.sort((a, b) => b.lastShownAt - a.lastShownAt || (a.experienceId < b.experienceId ? -1 : 1));
}

/** The latest of what happened to it: running, paused, or ended by completing or closing it. */
function status(running: boolean, snoozedUntil: number | null, completedAt: number | null, dismissedAt: number | null): GuideStatus {
  if (running) return 'in-progress';
  if (snoozedUntil !== null) return 'snoozed';
  if (completedAt !== null && (dismissedAt === null || completedAt >= dismissedAt)) return 'completed';
  if (dismissedAt !== null) return 'dismissed';
  return 'seen';
}
