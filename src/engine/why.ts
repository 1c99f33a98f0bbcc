/**
 * `why()`: the scheduler's verdicts for one experience, in words. Nothing here decides: every
 * check is a verdict the decision itself uses (scheduler.ts), only formatted.
 */
import type { CompiledExperience } from './catalog.js';
import type { Why, WhyNode } from './contract.js';
import type { EngineCore } from './core.js';
import { assess, type FrequencyVerdict, type SlotVerdict, type StageVerdict, type TriggerVerdict, type ControlVerdict } from './scheduler.js';
import { formatDuration } from './time.js';

export function explain(core: EngineCore, x: CompiledExperience): Why {
  const at = core.facts.at;
  const { eligible, active, verdicts } = assess(core, x);
  const [enabled, stage, frequency, trigger, control, slot] = verdicts;
  const checks: Why['checks'] = [
    { check: 'enabled', ok: enabled.ok, detail: enabled.reason === 'on' ? 'enabled' : 'switched off (enabled: false)' },
    { check: 'stage', ok: stage.ok, detail: describeStage(stage) },
    { check: 'frequency', ok: frequency.ok, detail: describeFrequency(x, frequency, at) },
    { check: 'trigger', ok: trigger.ok, detail: describeTrigger(trigger) },
    { check: 'control group', ok: control.ok, detail: describeControl(control) },
    { check: 'scheduler', ok: slot.ok, detail: describeSlot(core, x, slot, at) },
  ];
  const firstFailed = checks.find((check) => !check.ok);
  const startedBy = active ? startedHow(core, x) : undefined;
  let reason = active || !firstFailed ? checks[5]!.detail : firstFailed.detail;
  if (startedBy === 'code') {
    reason = `started from code: ${reason}`;
    // What start() bypassed is not why it is off: a failed check here would read as a contradiction.
    for (const check of checks) if (!check.ok && BYPASSED_BY_START.has(check.check)) check.detail += '; bypassed by start()';
  }
  const why: Why = { experienceId: x.id, eligible, active, reason, checks };
  if (startedBy) why.startedBy = startedBy;
  if (trigger.condition) why.condition = trigger.condition;
  return why;
}

/** The gates start() does not ask (see machines/run.ts startFromCode); `enabled` and the control group it does. */
const BYPASSED_BY_START = new Set(['stage', 'frequency', 'trigger']);

/** A run remembers whether start() opened it; a live experience (hint, beacon, checklist) is held open by it while forced. */
function startedHow(core: EngineCore, x: CompiledExperience): 'trigger' | 'code' {
  const run = core.runOf(x);
  const fromCode = run?.active ? run.via === 'start' : core.forced.has(x.index);
  return fromCode ? 'code' : 'trigger';
}

function describeStage(verdict: StageVerdict): string {
  const needs = [...(verdict.needs ?? [])].map((id) => `'${id}'`).join(' or ');
  switch (verdict.reason) {
    case 'every-stage':
      return 'applies to every stage';
    case 'in-stage':
      return `user is in stage '${verdict.stage}'`;
    case 'no-stage':
      return `user has no stage yet, needs ${needs}`;
    case 'other-stage':
      return `user is in stage '${verdict.stage}', needs ${needs}`;
  }
}

function describeFrequency(x: CompiledExperience, verdict: FrequencyVerdict, at: number): string {
  const { show, maxShows, every } = x.frequency;
  const shows = verdict.shows;
  switch (verdict.reason) {
    case 'snoozed':
      return `snoozed for ${formatDuration(verdict.until! - at)} more`;
    case 'completed':
      return 'completed';
    case 'dismissed':
      return verdict.until === undefined
        ? `dismissed ${formatDuration(at - verdict.since!)} ago (afterDismiss: never)`
        : `dismissed ${formatDuration(at - verdict.since!)} ago; may return in ${formatDuration(verdict.until - at)}`;
    case 'once':
      return 'already shown (show: once)';
    case 'levels':
      return `all ${x.levels} escalation levels shown`;
    case 'session':
      return 'already shown this session (show: session)';
    case 'max':
      return `shown ${shows} of ${maxShows} times`;
    case 'every':
      return `shown ${formatDuration(at - verdict.since!)} ago; every ${formatDuration(every!)}, next in ${formatDuration(verdict.until! - at)}`;
    case 'loop':
      return `shown ${shows} times in the last minute (loop protection)`;
    case 'running':
      return 'running now';
    case 'allowed': {
      const limit = maxShows !== null ? ` of ${maxShows}` : '';
      return `${shows === 0 ? 'never shown' : `shown ${shows}${limit} ${shows === 1 ? 'time' : 'times'}`} (show: ${show})`;
    }
  }
}

function describeTrigger(verdict: TriggerVerdict): string {
  switch (verdict.reason) {
    case 'no-trigger':
      return 'no trigger: shown whenever eligible';
    case 'holds':
      return 'condition holds';
    case 'waiting':
      return `waiting for ${firstFailure(verdict.condition!)}`;
  }
}

function describeControl(verdict: ControlVerdict): string {
  switch (verdict.reason) {
    case 'in-group':
      return `in the control group (${verdict.percent}% held out): never shown, recorded as "would have shown"`;
    case 'not-in-group':
      return `not in the control group (${verdict.percent}% held out)`;
    case 'no-group':
      return 'no control group';
  }
}

function describeSlot(core: EngineCore, x: CompiledExperience, verdict: SlotVerdict, at: number): string {
  const limits = core.catalog.limits;
  switch (verdict.reason) {
    case 'finishing':
      return 'finished, showing its closing message';
    case 'showing':
      if (verdict.step !== undefined) return `showing step ${verdict.step + 1} of ${x.steps.length}`;
      if (verdict.level !== undefined) return `showing level ${verdict.level + 1} of ${x.levels}`;
      return 'showing now';
    case 'run-waiting-page':
      return `active at step ${verdict.step! + 1} of ${x.steps.length}, waiting for page ${verdict.page}`;
    case 'waiting-page':
      return `waiting for page ${verdict.page}`;
    case 'paused':
      return `paused: ${blockedBy(verdict.holder!)}`;
    case 'active':
      return 'active; shows on the next decision';
    case 'refire':
      return 'waiting for its trigger to fire again (each rise of the condition shows one level)';
    case 'not-reached':
      return 'not reached: an earlier gate failed';
    case 'target-missing':
      return `target ${x.target} is not on the page`;
    case 'next':
      return 'shows on the next decision';
    case 'blocked':
      return blockedBy(verdict.holder!);
    case 'session-cap':
      return `rate limit: ${verdict.shown} of ${limits.blockingPerSession} blocking experiences already shown this session`;
    case 'min-gap':
      return `rate limit: next blocking experience allowed in ${formatDuration(verdict.allowedAt! - at)} (minGap ${formatDuration(limits.minGap)})`;
  }
}

function blockedBy(holder: CompiledExperience): string {
  return `blocked by ${holder.type} '${holder.id}' (priority ${holder.priority})`;
}

/** The first failing leaf of an explanation, in words: `event "x" ≥ 1 within 7d (seen 0 times)`. */
function firstFailure(node: WhyNode): string {
  if (node.children && node.children.length > 0) {
    if (node.label === 'not') return `not (${node.children[0]!.label})${node.children[0]!.detail ? ` (${node.children[0]!.detail})` : ''}`;
    const failing = node.children.find((child) => !child.result) ?? node.children[0]!;
    return firstFailure(failing);
  }
  return node.detail ? `${node.label} (${node.detail})` : node.label;
}
