/**
 * The scheduler: the gates an experience passes before it shows (enabled, stage, frequency caps,
 * trigger, control group) and the slot it shows in (one blocking experience at a time, priority,
 * the global rate limit, the trigger-loop guard). Every gate returns a verdict as data; the
 * decision reads `ok`, and `why()` formats the same verdicts, so the two cannot disagree.
 */
import type { CompiledExperience } from './catalog.js';
import { later } from './conditions.js';
import type { WhyNode } from './contract.js';
import { MAX_SHOWS_PER_MINUTE, MINUTE, effectiveRun, type EngineCore } from './core.js';
import { controlGate } from './control.js';
import { start } from './machines/run.js';
import { presentable, startStep } from './machines/tour-steps.js';
import { sumCounter, type ExperienceRecord } from './state.js';

export interface EnabledVerdict {
  gate: 'enabled';
  ok: boolean;
  reason: 'on' | 'off';
}

export interface StageVerdict {
  gate: 'stage';
  ok: boolean;
  reason: 'every-stage' | 'in-stage' | 'no-stage' | 'other-stage';
  /** The user's stage, and the stages the experience applies to (null: every stage). */
  stage: string | null;
  needs: ReadonlySet<string> | null;
}

export type FrequencyReason =
  | 'allowed'
  | 'running'
  | 'snoozed'
  | 'completed'
  | 'dismissed'
  | 'once'
  | 'levels'
  | 'session'
  | 'max'
  | 'every'
  | 'loop';

export interface FrequencyVerdict {
  gate: 'frequency';
  ok: boolean;
  reason: FrequencyReason;
  /** Shows so far (for `loop`: shows in the last minute). */
  shows: number;
  /** When the fact the gate is about happened: dismissed, last shown. */
  since?: number;
  /** When the gate may open again without a signal. */
  until?: number;
}

export interface TriggerVerdict {
  gate: 'trigger';
  ok: boolean;
  reason: 'no-trigger' | 'holds' | 'waiting';
  /** The evaluated condition tree, when asked for. */
  condition?: WhyNode;
}

export interface ControlVerdict {
  gate: 'control group';
  ok: boolean;
  reason: 'no-group' | 'not-in-group' | 'in-group';
  /** Percent of users held out. */
  percent: number;
}

export type SlotReason =
  | 'finishing'
  | 'showing'
  | 'run-waiting-page'
  | 'waiting-page'
  | 'paused'
  | 'active'
  | 'refire'
  | 'not-reached'
  | 'target-missing'
  | 'next'
  | 'blocked'
  | 'session-cap'
  | 'min-gap';

export interface SlotVerdict {
  gate: 'scheduler';
  ok: boolean;
  reason: SlotReason;
  /** For a run in progress: its step or level. */
  step?: number;
  level?: number;
  /** The page a tour step waits for. */
  page?: string;
  /** The experience holding the blocking slot. */
  holder?: CompiledExperience;
  /** The rate limit's figures. */
  shown?: number;
  allowedAt?: number;
}

export type GateVerdict = EnabledVerdict | StageVerdict | FrequencyVerdict | TriggerVerdict | ControlVerdict | SlotVerdict;

export interface Assessment {
  eligible: boolean;
  active: boolean;
  verdicts: [EnabledVerdict, StageVerdict, FrequencyVerdict, TriggerVerdict, ControlVerdict, SlotVerdict];
}

/** The gate that stopped an experience in a decision (the frequency gate names its reason). */
type Failure = 'enabled' | 'stage' | FrequencyReason | 'trigger' | 'control';

interface Decision {
  failed: Failure | null;
  trigger: boolean;
}

// ---- the gates ---------------------------------------------------------------------------------

export function enabledGate(x: CompiledExperience): EnabledVerdict {
  return x.enabled ? { gate: 'enabled', ok: true, reason: 'on' } : { gate: 'enabled', ok: false, reason: 'off' };
}

export function stageGate(core: EngineCore, x: CompiledExperience): StageVerdict {
  const stage = core.facts.state.stage.v.id;
  const needs = x.stages;
  if (needs === null) return { gate: 'stage', ok: true, reason: 'every-stage', stage, needs };
  if (stage === null) return { gate: 'stage', ok: false, reason: 'no-stage', stage, needs };
  return needs.has(stage) ? { gate: 'stage', ok: true, reason: 'in-stage', stage, needs } : { gate: 'stage', ok: false, reason: 'other-stage', stage, needs };
}

export function frequencyGate(core: EngineCore, x: CompiledExperience): FrequencyVerdict {
  const running = core.shown.has(x.index);
  if (x.type === 'checklist' && !running && core.machines.checklist?.isComplete(core, x) === true) return { gate: 'frequency', ok: false, reason: 'completed', shows: 0 };
  const rec = core.recordOf(x);
  if (!rec) return { gate: 'frequency', ok: true, reason: running ? 'running' : 'allowed', shows: 0 };
  const at = core.facts.at;
  const facts = core.facts;
  const shows = sumCounter(rec.shows);
  const run = effectiveRun(rec);
  if (run?.snoozedUntil != null && run.snoozedUntil > at) {
    later(facts, run.snoozedUntil);
    return { gate: 'frequency', ok: false, reason: 'snoozed', shows, until: run.snoozedUntil };
  }
  // A hint or beacon completed by the user ("Got it") is done for good.
  if (x.mode === 'live' && x.type !== 'checklist' && rec.completedAt !== null) return { gate: 'frequency', ok: false, reason: 'completed', shows };
  if (rec.dismissedAt !== null && !returned(core, x, rec)) {
    const cooldown = x.frequency.afterDismiss;
    if (cooldown === 'never') return { gate: 'frequency', ok: false, reason: 'dismissed', shows, since: rec.dismissedAt };
    if (at < rec.dismissedAt + cooldown) {
      later(facts, rec.dismissedAt + cooldown);
      return { gate: 'frequency', ok: false, reason: 'dismissed', shows, since: rec.dismissedAt, until: rec.dismissedAt + cooldown };
    }
  }
  // Already on screen or in progress: counts and intervals apply to the next show, not this one.
  if (running || run?.active) return { gate: 'frequency', ok: true, reason: 'running', shows };
  // A snoozed run resumes where it paused.
  if (run?.snoozedUntil != null) return { gate: 'frequency', ok: true, reason: 'allowed', shows };
  const { show, maxShows, every } = x.frequency;
  if (x.type === 'nudge') {
    if (show === 'once' && rec.level >= x.levels) return { gate: 'frequency', ok: false, reason: 'levels', shows };
  } else if (show === 'once' && shows > 0) {
    return { gate: 'frequency', ok: false, reason: 'once', shows };
  }
  if (show === 'session' && rec.lastSession !== null && rec.lastSession.v === (core.session ?? '')) return { gate: 'frequency', ok: false, reason: 'session', shows };
  if (maxShows !== null && shows >= maxShows) return { gate: 'frequency', ok: false, reason: 'max', shows };
  if (every !== null && rec.lastShownAt !== null && at < rec.lastShownAt + every) {
    later(facts, rec.lastShownAt + every);
    return { gate: 'frequency', ok: false, reason: 'every', shows, since: rec.lastShownAt, until: rec.lastShownAt + every };
  }
  const loop = loopGuard(core, x);
  if (!loop.ok) {
    later(facts, loop.until);
    return { gate: 'frequency', ok: false, reason: 'loop', shows: loop.shows, until: loop.until };
  }
  return { gate: 'frequency', ok: true, reason: 'allowed', shows };
}

/** Trigger-loop protection: how often it showed in the last minute, and when the oldest of those leaves the window. */
export function loopGuard(core: EngineCore, x: CompiledExperience): { ok: boolean; shows: number; until: number } {
  const recent = core.recentShows.get(x.index);
  if (!recent) return { ok: true, shows: 0, until: -Infinity };
  const at = core.facts.at;
  let shows = 0;
  let oldest = Infinity;
  for (const time of recent) {
    if (time > at - MINUTE) {
      shows++;
      if (time < oldest) oldest = time;
    }
  }
  return { ok: shows < MAX_SHOWS_PER_MINUTE, shows, until: oldest + MINUTE };
}

export function triggerGate(core: EngineCore, x: CompiledExperience, explain: boolean): TriggerVerdict {
  if (x.when === null) return { gate: 'trigger', ok: true, reason: 'no-trigger' };
  if (!explain) return x.when.test(core.facts) ? { gate: 'trigger', ok: true, reason: 'holds' } : { gate: 'trigger', ok: false, reason: 'waiting' };
  const condition = x.when.explain(core.facts);
  return { gate: 'trigger', ok: condition.result, reason: condition.result ? 'holds' : 'waiting', condition };
}

export { controlGate } from './control.js';

/** When the global rate limit lets the next blocking experience start (Infinity: not this session). */
export function rateLimit(core: EngineCore): { shown: number; allowedAt: number } {
  const session = core.session ?? '';
  let shown = 0;
  let last = -Infinity;
  for (const entry of core.facts.state.blocking) {
    if (entry.session === session) shown++;
    if (entry.at > last) last = entry.at;
  }
  const limits = core.catalog.limits;
  if (shown >= limits.blockingPerSession) return { shown, allowedAt: Infinity };
  return { shown, allowedAt: last + limits.minGap };
}

/** A hint's target the element sensor reported gone (until it has reported, the UI's own lookup decides). */
export function targetMissing(core: EngineCore, x: CompiledExperience): boolean {
  return x.target !== null && core.facts.elements.get(x.target)?.present === false;
}

/** Where the experience stands with the scheduler: on screen, in progress, or what keeps it off. */
export function slotGate(core: EngineCore, x: CompiledExperience, eligible: boolean): SlotVerdict {
  const shown = core.shown.get(x.index);
  if (shown) {
    if (shown.finishing) return { gate: 'scheduler', ok: true, reason: 'finishing' };
    const verdict: SlotVerdict = { gate: 'scheduler', ok: true, reason: 'showing' };
    if (shown.step !== undefined) verdict.step = shown.step;
    if (shown.level !== undefined) verdict.level = shown.level;
    return verdict;
  }
  const run = core.runOf(x);
  if (run?.active) {
    if (!presentable(core, x, run.step)) return { gate: 'scheduler', ok: false, reason: 'run-waiting-page', step: run.step, page: pageOf(x, run.step) };
    if (core.holder >= 0) return { gate: 'scheduler', ok: false, reason: 'paused', holder: core.experience(core.holder) };
    return { gate: 'scheduler', ok: true, reason: 'active' };
  }
  if (!eligible) {
    if (x.type === 'nudge' && core.machines.nudge?.awaitingNewFiring(core, x) === true) return { gate: 'scheduler', ok: false, reason: 'refire' };
    return { gate: 'scheduler', ok: false, reason: 'not-reached' };
  }
  if (x.mode === 'live') {
    return targetMissing(core, x) ? { gate: 'scheduler', ok: false, reason: 'target-missing' } : { gate: 'scheduler', ok: true, reason: 'next' };
  }
  if (x.mode === 'sticky') return { gate: 'scheduler', ok: true, reason: 'next' };
  if (core.holder >= 0) return { gate: 'scheduler', ok: false, reason: 'blocked', holder: core.experience(core.holder) };
  const step = startStep(core, x);
  if (!presentable(core, x, step)) return { gate: 'scheduler', ok: false, reason: 'waiting-page', step, page: pageOf(x, step) };
  const limit = rateLimit(core);
  if (limit.allowedAt === Infinity) return { gate: 'scheduler', ok: false, reason: 'session-cap', shown: limit.shown };
  if (limit.allowedAt > core.facts.at) return { gate: 'scheduler', ok: false, reason: 'min-gap', allowedAt: limit.allowedAt };
  return { gate: 'scheduler', ok: true, reason: 'next' };
}

function pageOf(x: CompiledExperience, step: number): string {
  return x.steps[step]?.page?.label ?? '';
}

/** Every gate, each evaluated (for `why()`); the decision below stops at the first failure. */
export function assess(core: EngineCore, x: CompiledExperience): Assessment {
  const enabled = enabledGate(x);
  const stage = stageGate(core, x);
  const frequency = frequencyGate(core, x);
  const trigger = triggerGate(core, x, true);
  const control = controlGate(core, x);
  const active = core.runOf(x)?.active === true || core.shown.has(x.index);
  const eligible = enabled.ok && stage.ok && frequency.ok && trigger.ok && control.ok && (x.type !== 'nudge' || core.fired.has(x.index) || active);
  return { eligible, active, verdicts: [enabled, stage, frequency, trigger, control, slotGate(core, x, eligible)] };
}

/** Every gate except the slot, stopping at the first failure (nudges always test their trigger). */
function decide(core: EngineCore, x: CompiledExperience): Decision {
  if (!enabledGate(x).ok) return { failed: 'enabled', trigger: false };
  let failed: Failure | null = stageGate(core, x).ok ? null : 'stage';
  if (failed === null) {
    const frequency = frequencyGate(core, x);
    if (!frequency.ok) failed = frequency.reason;
  }
  let trigger = false;
  if (failed === null || x.type === 'nudge') {
    trigger = triggerGate(core, x, false).ok;
    if (failed === null && !trigger) failed = 'trigger';
  }
  if (failed === null && !controlGate(core, x).ok) failed = 'control';
  return { failed, trigger };
}

/** A dismissed checklist comes back once the user reaches `returnAtStage` after dismissing it. */
function returned(core: EngineCore, x: CompiledExperience, rec: ExperienceRecord): boolean {
  if (x.returnAtStage === null || rec.dismissedAt === null) return false;
  const stage = core.facts.state.stage.v;
  const needed = core.facts.stageIndex(x.returnAtStage);
  return needed >= 0 && core.facts.stageIndex(stage.id) >= needed && rec.dismissedAt < stage.since;
}

// ---- deciding ----------------------------------------------------------------------------------

/** Re-run one experience's gates and act on the answer. */
export function evaluateExperience(core: EngineCore, x: CompiledExperience): void {
  const facts = core.facts;
  facts.horizon = Infinity;
  const decision = decide(core, x);
  core.horizons[x.index] = facts.horizon;
  let ok = decision.failed === null;
  const nudges = core.machines.nudge;
  if (x.type === 'nudge' && nudges) ok = nudges.trackTrigger(core, x, decision.trigger) && ok;
  if (x.blocking) {
    if (ok) core.eligibleBlocking.add(x.index);
    else core.eligibleBlocking.delete(x.index);
  }
  if (decision.failed === 'control') core.holdOut(x);
  if (decision.failed === 'stage' && x.type === 'announcement') endWithStage(core, x);
  if (x.type === 'checklist') core.machines.checklist?.updateCompletion(core, x);
  if (x.mode === 'live') updateLive(core, x, decision);
  else if (x.mode === 'sticky' && ok && !core.runOf(x)?.active) start(core, x, 'trigger');
}

/**
 * An announcement belongs to its stages: a run that began before the user moved to a stage it does
 * not list is over (the screen hides it, why() and a reload agree). One started from code in such a
 * stage runs until the next stage change.
 */
function endWithStage(core: EngineCore, x: CompiledExperience): void {
  const run = core.runOf(x);
  if (!run?.active) return;
  const startedAt = run.startedAt ?? -Infinity;
  if (startedAt < core.facts.state.stage.v.since) core.endRun(x, run);
}

/** Live experiences (hints, beacons, checklists) show exactly while they are eligible. */
function updateLive(core: EngineCore, x: CompiledExperience, decision: Decision): void {
  const shown = core.shown.get(x.index);
  const forced = core.forced.has(x.index);
  let want = forced ? decision.failed !== 'enabled' && decision.failed !== 'control' : decision.failed === null;
  if (want && targetMissing(core, x)) want = false;
  if (want && x.type === 'checklist' && core.machines.checklist?.isComplete(core, x) === true) want = false;
  if (shown) {
    if (!want && !shown.finishing) core.hide(x, hideReason(decision.failed));
    return;
  }
  // Opened from code: the trigger-loop guard is for triggers, not deliberate calls.
  if (!want || (!forced && !loopGuard(core, x).ok)) return;
  const rec = core.record(x);
  core.recordShow(x, rec);
  core.emit('experience_shown', x, { via: forced ? 'start' : 'trigger' });
  core.present(x);
}

/** Keep the screen in step with the state, then fill the blocking slot. */
export function reconcile(core: EngineCore): void {
  for (const [index, shown] of core.shown) {
    const x = core.experience(index);
    if (shown.finishing || x.mode === 'live') continue;
    const run = core.runOf(x);
    if (!run?.active) core.hide(x, core.endReason(x));
    else if (x.type === 'tour') core.machines.tour?.reconcile(core, x, shown.step, run.step);
    else if (x.type === 'nudge' && shown.level !== run.step) core.present(x);
  }
  for (const index of core.runs) {
    const x = core.experience(index);
    if (x.mode === 'sticky' && !core.shown.has(index)) core.present(x);
  }
  if (core.holder >= 0) {
    const holder = core.experience(core.holder);
    if (holder.type === 'nudge' && core.fired.has(holder.index)) core.machines.nudge?.escalate(core, holder);
    return;
  }
  fillSlot(core);
}

function fillSlot(core: EngineCore): void {
  // Runs in progress (a tour waiting for its page, one replaced by a `start`) come back first.
  let best: CompiledExperience | null = null;
  for (const index of core.runs) {
    const x = core.experience(index);
    if (!x.blocking || core.shown.has(index) || !presentable(core, x, core.runOf(x)!.step)) continue;
    if (best === null || outranks(x, best)) best = x;
  }
  if (best) return core.present(best);
  for (const index of core.eligibleBlocking) {
    const x = core.experience(index);
    if (core.runs.has(index) || !presentable(core, x, startStep(core, x))) continue;
    if (best === null || outranks(x, best)) best = x;
  }
  if (!best) return;
  const allowedAt = rateLimit(core).allowedAt;
  if (allowedAt === Infinity) return;
  if (allowedAt > core.facts.at) {
    core.schedulerHorizon = Math.min(core.schedulerHorizon, allowedAt);
    return;
  }
  start(core, best, 'trigger');
}

/** Higher priority wins; ties go to the earlier experience in the config. */
function outranks(a: CompiledExperience, b: CompiledExperience): boolean {
  return a.priority > b.priority || (a.priority === b.priority && a.index < b.index);
}

function hideReason(failure: Failure | null): 'completed' | 'dismissed' | 'ineligible' {
  if (failure === 'dismissed' || failure === 'snoozed') return 'dismissed';
  if (failure === 'completed') return 'completed';
  return 'ineligible';
}
