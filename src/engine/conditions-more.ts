/**
 * The condition kinds beyond pages, visits, events and other experiences' states: traits, stages, elements, time
 * (delay, idle, dates), struggle signals, rollouts, and events' `where` filters. A chunk of its own: the runtime loads
 * it only for configs (or experiences added in code) that use one of them (runtime/config-parts.ts); an engine made
 * by `createEngine` always has it.
 */
import type { Compare, Condition, Scalar, StruggleKind, Target } from '../config/types.js';
import { compileCompare, compileFilter, show } from './compare.js';
import { DEP, later, leaf, type CompiledCondition, type ConditionScope, type MoreConditions, type World } from './conditions.js';
import { inPercentage, rolloutBucket, BUCKETS } from './hash.js';
import { targetKey } from './target.js';
import { durationMs, formatDuration, formatTime, toTime } from './time.js';

export const MORE_CONDITIONS: MoreConditions = {
  compile(condition, scope) {
    if ('trait' in condition) return trait(scope, condition);
    if ('stage' in condition) return stage(scope, condition.stage);
    if ('element' in condition) return element(scope, condition.element, condition.state ?? 'present');
    if ('delay' in condition) return delay(scope, condition.delay, condition.since ?? 'page');
    if ('idle' in condition) return idle(scope, condition.idle);
    if ('struggle' in condition) return struggle(scope, condition);
    if ('date' in condition) return date(condition.date);
    if ('rollout' in condition) return rollout(scope, condition.rollout, condition.salt);
    return null;
  },
  filter: (filter: Scalar | Compare) => compileFilter(filter),
};

function trait(scope: ConditionScope, condition: { trait: string } & Compare): CompiledCondition {
  const { trait: name, ...compare } = condition;
  scope.dep(DEP.trait(name));
  const compiled = compileCompare(compare);
  const test = (world: World) => compiled.test(world.trait(name), world.at, (time) => later(world, time));
  return leaf(`trait "${name}" ${compiled.label}`, test, (world) => {
    const value = world.trait(name);
    return value === undefined ? 'not set' : `value ${show(value)}`;
  });
}

function stage(scope: ConditionScope, spec: Extract<Condition, { stage: unknown }>['stage']): CompiledCondition {
  scope.dep(DEP.stage);
  const is = spec.is === undefined ? undefined : Array.isArray(spec.is) ? spec.is : [spec.is];
  const forAtLeast = spec.forAtLeast === undefined ? undefined : durationMs(spec.forAtLeast);
  const labels: string[] = [];
  if (is) labels.push(is.length === 1 ? `stage is "${is[0]}"` : `stage is one of ${is.map((id) => `"${id}"`).join(', ')}`);
  if (spec.atLeast !== undefined) labels.push(`stage at least "${spec.atLeast}"`);
  if (spec.before !== undefined) labels.push(`stage before "${spec.before}"`);
  if (spec.forAtLeast !== undefined) labels.push(`in the stage for at least ${spec.forAtLeast}`);
  const test = (world: World): boolean => {
    const current = world.stage.id;
    if (is && (current === null || !is.includes(current))) return false;
    if (spec.atLeast !== undefined) {
      const needed = world.stageIndex(spec.atLeast);
      if (current === null || needed < 0 || world.stageIndex(current) < needed) return false;
    }
    if (spec.before !== undefined) {
      const limit = world.stageIndex(spec.before);
      if (current !== null && (limit < 0 || world.stageIndex(current) >= limit)) return false;
    }
    if (forAtLeast !== undefined) {
      if (current === null) return false;
      const due = world.stage.since + forAtLeast;
      if (world.at < due) {
        later(world, due);
        return false;
      }
    }
    return true;
  };
  return leaf(labels.join(' and ') || 'any stage', test, (world) =>
    world.stage.id === null ? 'no stage yet' : `stage "${world.stage.id}" for ${formatDuration(world.at - world.stage.since)}`,
  );
}

function element(scope: ConditionScope, target: Target, state: 'present' | 'absent' | 'visible' | 'clicked'): CompiledCondition {
  const key = scope.watchTarget(target, state === 'clicked' ? 'click' : 'element');
  scope.dep(DEP.target(key));
  // Clicks count per page: a new page starts with none.
  if (state === 'clicked') scope.dep(DEP.page);
  const test = (world: World): boolean => {
    if (state === 'clicked') return world.clicked(key);
    const fact = world.element(key);
    if (state === 'absent') return !fact?.present;
    if (state === 'visible') return fact?.visible === true;
    return fact?.present === true;
  };
  return leaf(`element ${key} is ${state}`, test, (world) => {
    if (state === 'clicked') return world.clicked(key) ? 'clicked on this page' : 'not clicked on this page';
    const fact = world.element(key);
    if (!fact) return 'not reported on this page';
    return fact.present ? (fact.visible ? 'present and visible' : 'present, not visible') : 'absent';
  });
}

function delay(scope: ConditionScope, duration: string, since: 'page' | 'stage' | 'session'): CompiledCondition {
  scope.dep(since === 'page' ? DEP.page : since === 'stage' ? DEP.stage : DEP.session);
  const wait = durationMs(duration);
  const start = (world: World): number | null =>
    since === 'page' ? world.pageSince : since === 'stage' ? (world.stage.id === null ? null : world.stage.since) : world.sessionSince;
  const test = (world: World): boolean => {
    const from = start(world);
    if (from === null) return false;
    if (world.at - from < wait) later(world, from + wait);
    return world.at - from >= wait;
  };
  const what = { page: 'the page opened', stage: 'the stage began', session: 'the session began' }[since];
  return leaf(`${duration} since ${what}`, test, (world) => {
    const from = start(world);
    return from === null ? `${since} not started yet` : `${formatDuration(world.at - from)} so far`;
  });
}

function idle(scope: ConditionScope, duration: string): CompiledCondition {
  scope.dep(DEP.idle);
  scope.sensor('idle');
  const wait = durationMs(duration);
  const test = (world: World): boolean => {
    if (world.idleSince === null) return false;
    if (world.at - world.idleSince < wait) later(world, world.idleSince + wait);
    return world.at - world.idleSince >= wait;
  };
  return leaf(`idle for at least ${duration}`, test, (world) =>
    world.idleSince === null ? 'user is active' : `idle for ${formatDuration(world.at - world.idleSince)}`,
  );
}

function struggle(scope: ConditionScope, condition: Extract<Condition, { struggle: StruggleKind }>): CompiledCondition {
  const kind = condition.struggle;
  scope.dep(DEP.struggle(kind));
  scope.sensor(kind);
  const needed = condition.count ?? 1;
  const span = condition.within === undefined ? 60_000 : durationMs(condition.within);
  const on = condition.on === undefined ? undefined : targetKey(condition.on);
  if (condition.on !== undefined && on !== undefined) scope.targets.set(on, condition.on);
  const count = (world: World): number => {
    const from = world.at - span;
    let seen = 0;
    let oldest = Infinity;
    const facts = world.struggles;
    for (let i = facts.length - 1; i >= 0; i--) {
      const fact = facts[i]!;
      if (fact.at < from) break;
      if (fact.kind !== kind || (on !== undefined && !fact.keys.includes(on))) continue;
      seen++;
      oldest = fact.at;
    }
    if (seen > 0) later(world, oldest + span + 1);
    return seen;
  };
  const label = `${kind} ≥ ${needed} within ${condition.within ?? '1m'}${on ? ` on ${on}` : ''}`;
  return {
    test: (world) => count(world) >= needed,
    explain(world) {
      const seen = count(world);
      return { label, result: seen >= needed, detail: `seen ${seen} ${seen === 1 ? 'time' : 'times'}` };
    },
  };
}


function date(span: { from?: string; until?: string }): CompiledCondition {
  const from = span.from === undefined ? undefined : toTime(span.from);
  const until = span.until === undefined ? undefined : toTime(span.until);
  const test = (world: World): boolean => {
    if (from !== undefined && world.at < from) {
      later(world, from);
      return false;
    }
    if (until !== undefined) {
      if (world.at >= until) return false;
      later(world, until);
    }
    return true;
  };
  const parts = [span.from !== undefined ? `from ${span.from}` : '', span.until !== undefined ? `until ${span.until}` : ''].filter(Boolean);
  return leaf(`date ${parts.join(' ') || 'any'}`, test, (world) => `now ${formatTime(world.at)}`);
}

function rollout(scope: ConditionScope, percentage: number, salt: string | undefined): CompiledCondition {
  scope.dep(DEP.user);
  const test = (world: World) => inPercentage(rolloutBucket(world.userId, salt), percentage);
  return leaf(`in the ${percentage}% rollout${salt ? ` (salt "${salt}")` : ''}`, test, (world) => `bucket ${rolloutBucket(world.userId, salt)} of ${BUCKETS}`);
}
