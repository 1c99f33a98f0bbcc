/**
 * The condition language, compiled once per config into small closures. Each compiled node
 * can `test` (fast path, used on every relevant signal) and `explain` (builds the labelled
 * tree `why()` shows). While testing, time-based leaves report the earliest future moment
 * their answer could flip, so the engine knows when to wake up without polling.
 */
import type { Condition, ExperienceStatus, Scalar, Compare, StruggleKind, Target, UrlMatch } from '../config/types.js';
import type { Json, Requirements, WhyNode } from './contract.js';
import { compileCompare, compileFilter, show, type CompiledCompare } from './compare.js';
import { inPercentage, rolloutBucket, BUCKETS } from './hash.js';
import type { EventEntry, StageValue } from './state.js';
import { targetKey } from './target.js';
import { durationMs, formatDuration, formatTime, toTime } from './time.js';
import { compileUrlMatch, NO_PAGE_REGEX, type Location, type PageRegex, type UrlMatcher } from './url.js';

export interface ElementFact {
  present: boolean;
  visible: boolean;
}

export interface StruggleFact {
  kind: StruggleKind;
  at: number;
  keys: readonly string[];
}

/** What conditions may look at. The engine implements it over its state and session facts. */
export interface World {
  /** The moment being decided. */
  at: number;
  /** Earliest time after `at` when something tested so far may change; `Infinity` when nothing will. */
  horizon: number;
  readonly userId: string;
  readonly location: Location | null;
  readonly pageSince: number | null;
  readonly sessionSince: number | null;
  readonly idleSince: number | null;
  readonly struggles: readonly StruggleFact[];
  readonly stage: StageValue;
  readonly visited: Readonly<Record<string, number>>;
  stageIndex(id: string | null): number;
  eventCount(name: string): number;
  eventLog(name: string): readonly EventEntry[];
  trait(name: string): Json | undefined;
  element(key: string): ElementFact | undefined;
  clicked(key: string): boolean;
  experienceIs(id: string, status: ExperienceStatus): boolean;
  describeExperience(id: string): string;
}

/** Note that the answer may change at `time`. */
export function later(world: World, time: number): void {
  if (time > world.at && time < world.horizon) world.horizon = time;
}

export interface CompiledCondition {
  test(world: World): boolean;
  explain(world: World): WhyNode;
}

type SensorKind = Requirements['sensors'] extends Set<infer K> ? K : never;

/** Dependency keys: which signals can change a condition's answer (time is tracked separately). */
export const DEP = {
  event: (name: string) => `event:${name}`,
  trait: (name: string) => `trait:${name}`,
  target: (key: string) => `target:${key}`,
  struggle: (kind: string) => `struggle:${kind}`,
  experience: (id: string) => `exp:${id}`,
  page: 'page',
  stage: 'stage',
  idle: 'idle',
  session: 'session',
  user: 'user',
} as const;

/**
 * Compiles conditions for one config and collects what they need: dependency keys per
 * condition, the targets and sensors the platform must watch, and the event properties worth
 * storing (only those some `where` refers to).
 */
export class ConditionCompiler {
  readonly targets = new Map<string, Target>();
  readonly sensors = new Set<SensorKind>();
  readonly eventProps = new Map<string, Set<string>>();
  /** Regex page patterns that never match because no regex checker was given (the engine reports them). */
  readonly regexWithoutChecker = new Set<string>();
  private readonly matchers = new Map<string, UrlMatcher>();
  private deps = new Set<string>();

  constructor(private readonly pageRegex: PageRegex = NO_PAGE_REGEX) {}

  /** Compile a condition; its dependency keys are added to `deps`. */
  compile(condition: Condition, deps: Set<string>): CompiledCondition {
    const previous = this.deps;
    this.deps = deps;
    try {
      return this.node(condition);
    } finally {
      this.deps = previous;
    }
  }

  /** A page matcher shared by every condition that spells the same match, caching its last answer. */
  matcher(match: UrlMatch): UrlMatcher {
    const key = typeof match === 'string' ? match : JSON.stringify([match.path, match.match ?? 'glob', Object.entries(match.query ?? {}).sort()]);
    let cached = this.matchers.get(key);
    if (!cached) {
      const compiled = compileUrlMatch(match, (source) => {
        const checked = this.pageRegex(source);
        if (!checked.ok && checked.missing) this.regexWithoutChecker.add(source);
        return checked;
      });
      let lastLocation: Location | null = null;
      let lastResult = false;
      cached = {
        label: compiled.label,
        test(location) {
          if (location !== lastLocation) {
            lastLocation = location;
            lastResult = compiled.test(location);
          }
          return lastResult;
        },
      };
      this.matchers.set(key, cached);
    }
    return cached;
  }

  watchTarget(target: Target, sensor: 'element' | 'click'): string {
    const key = targetKey(target);
    this.targets.set(key, target);
    this.sensors.add(sensor);
    return key;
  }

  private node(condition: Condition): CompiledCondition {
    if ('all' in condition) return this.group('all', condition.all.map((child) => this.node(child)));
    if ('any' in condition) return this.group('any', condition.any.map((child) => this.node(child)));
    if ('not' in condition) return this.negate(this.node(condition.not));
    if ('page' in condition) return this.page(condition.page);
    if ('visited' in condition) return this.visited(condition.visited);
    if ('event' in condition) return this.event(condition);
    if ('trait' in condition) return this.trait(condition);
    if ('stage' in condition) return this.stage(condition.stage);
    if ('element' in condition) return this.element(condition.element, condition.state ?? 'present');
    if ('delay' in condition) return this.delay(condition.delay, condition.since ?? 'page');
    if ('idle' in condition) return this.idle(condition.idle);
    if ('struggle' in condition) return this.struggle(condition);
    if ('experience' in condition) return this.experience(condition.experience, condition.state);
    if ('date' in condition) return this.date(condition.date);
    if ('rollout' in condition) return this.rollout(condition.rollout, condition.salt);
    return constant(false, 'unknown condition');
  }

  private group(kind: 'all' | 'any', children: CompiledCondition[]): CompiledCondition {
    const wanted = kind === 'all' ? false : true;
    return {
      // Short-circuiting is safe for wake-ups: while the deciding child keeps its answer, the
      // untested ones cannot change the result, so only the tested ones report their times.
      test(world) {
        for (const child of children) if (child.test(world) === wanted) return wanted;
        return !wanted;
      },
      explain(world) {
        const explained = children.map((child) => child.explain(world));
        const result = kind === 'all' ? explained.every((node) => node.result) : explained.some((node) => node.result);
        return { label: kind === 'all' ? 'all of' : 'any of', result, children: explained };
      },
    };
  }

  private negate(child: CompiledCondition): CompiledCondition {
    return {
      test: (world) => !child.test(world),
      explain(world) {
        const inner = child.explain(world);
        return { label: 'not', result: !inner.result, children: [inner] };
      },
    };
  }

  private page(match: UrlMatch): CompiledCondition {
    this.deps.add(DEP.page);
    this.sensors.add('route');
    const matcher = this.matcher(match);
    const test = (world: World) => world.location !== null && matcher.test(world.location);
    return leaf(`page is ${matcher.label}`, test, (world) => (world.location ? `current page "${world.location.path}"` : 'no page reported yet'));
  }

  private visited(match: UrlMatch): CompiledCondition {
    this.deps.add(DEP.page);
    this.sensors.add('route');
    const matcher = this.matcher(match);
    const found = (world: World): string | undefined => {
      for (const path in world.visited) if (matcher.test({ path, query: NO_QUERY })) return path;
      return undefined;
    };
    return leaf(`visited ${matcher.label}`, (world) => found(world) !== undefined, (world) => {
      const path = found(world);
      return path !== undefined ? `visited "${path}"` : `no match among ${Object.keys(world.visited).length} visited pages`;
    });
  }

  private event(condition: Extract<Condition, { event: string }>): CompiledCondition {
    const name = condition.event;
    this.deps.add(DEP.event(name));
    const span = condition.within === undefined ? undefined : durationMs(condition.within);
    const filters: Array<[string, CompiledCompare]> = Object.entries(condition.where ?? {}).map(([prop, filter]: [string, Scalar | Compare]) => [prop, compileFilter(filter)]);
    if (filters.length > 0) {
      const props = this.eventProps.get(name) ?? new Set<string>();
      for (const [prop] of filters) props.add(prop);
      this.eventProps.set(name, props);
    }
    const holds = countTest(condition.count);
    const count = (world: World): number => {
      if (span === undefined && filters.length === 0) return world.eventCount(name);
      const log = world.eventLog(name);
      const from = span === undefined ? -Infinity : world.at - span;
      let seen = 0;
      let oldest = Infinity;
      for (let i = log.length - 1; i >= 0; i--) {
        const entry = log[i]!;
        if (entry.at < from) break;
        if (filters.length > 0 && !matchesFilters(filters, entry.p, world)) continue;
        seen++;
        oldest = entry.at;
      }
      if (span !== undefined && seen > 0) later(world, oldest + span + 1);
      return seen;
    };
    const where = filters.length > 0 ? ` where ${filters.map(([prop, filter]) => `${prop} ${filter.label}`).join(', ')}` : '';
    const label = `event "${name}" ${countLabel(condition.count)}${condition.within === undefined ? '' : ` within ${condition.within}`}${where}`;
    return {
      test: (world) => holds(count(world)),
      explain(world) {
        const seen = count(world);
        return { label, result: holds(seen), detail: `seen ${seen} ${seen === 1 ? 'time' : 'times'}` };
      },
    };
  }

  private trait(condition: { trait: string } & Compare): CompiledCondition {
    const { trait: name, ...compare } = condition;
    this.deps.add(DEP.trait(name));
    const compiled = compileCompare(compare);
    const test = (world: World) => compiled.test(world.trait(name), world.at, (time) => later(world, time));
    return leaf(`trait "${name}" ${compiled.label}`, test, (world) => {
      const value = world.trait(name);
      return value === undefined ? 'not set' : `value ${show(value)}`;
    });
  }

  private stage(spec: Extract<Condition, { stage: unknown }>['stage']): CompiledCondition {
    this.deps.add(DEP.stage);
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

  private element(target: Target, state: 'present' | 'absent' | 'visible' | 'clicked'): CompiledCondition {
    const key = this.watchTarget(target, state === 'clicked' ? 'click' : 'element');
    this.deps.add(DEP.target(key));
    // Clicks count per page: a new page starts with none.
    if (state === 'clicked') this.deps.add(DEP.page);
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

  private delay(duration: string, since: 'page' | 'stage' | 'session'): CompiledCondition {
    this.deps.add(since === 'page' ? DEP.page : since === 'stage' ? DEP.stage : DEP.session);
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

  private idle(duration: string): CompiledCondition {
    this.deps.add(DEP.idle);
    this.sensors.add('idle');
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

  private struggle(condition: Extract<Condition, { struggle: StruggleKind }>): CompiledCondition {
    const kind = condition.struggle;
    this.deps.add(DEP.struggle(kind));
    this.sensors.add(kind);
    const needed = condition.count ?? 1;
    const span = condition.within === undefined ? 60_000 : durationMs(condition.within);
    const on = condition.on === undefined ? undefined : targetKey(condition.on);
    if (condition.on !== undefined && on !== undefined) this.targets.set(on, condition.on);
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

  private experience(id: string, status: ExperienceStatus): CompiledCondition {
    this.deps.add(DEP.experience(id));
    return leaf(`experience "${id}" is ${status}`, (world) => world.experienceIs(id, status), (world) => world.describeExperience(id));
  }

  private date(span: { from?: string; until?: string }): CompiledCondition {
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

  private rollout(percentage: number, salt: string | undefined): CompiledCondition {
    this.deps.add(DEP.user);
    const test = (world: World) => inPercentage(rolloutBucket(world.userId, salt), percentage);
    return leaf(`in the ${percentage}% rollout${salt ? ` (salt "${salt}")` : ''}`, test, (world) => `bucket ${rolloutBucket(world.userId, salt)} of ${BUCKETS}`);
  }
}

const NO_QUERY: ReadonlyMap<string, string> = new Map();

function leaf(label: string, test: (world: World) => boolean, detail: (world: World) => string): CompiledCondition {
  return {
    test,
    explain: (world) => ({ label, result: test(world), detail: detail(world) }),
  };
}

function constant(value: boolean, label: string): CompiledCondition {
  return { test: () => value, explain: () => ({ label, result: value }) };
}

type CountSpec = { gte?: number; lte?: number; eq?: number } | undefined;

function countTest(count: CountSpec): (seen: number) => boolean {
  const gte = count?.gte;
  const lte = count?.lte;
  const eq = count?.eq;
  if (gte === undefined && lte === undefined && eq === undefined) return (seen) => seen >= 1;
  return (seen) => (gte === undefined || seen >= gte) && (lte === undefined || seen <= lte) && (eq === undefined || seen === eq);
}

function countLabel(count: CountSpec): string {
  const parts: string[] = [];
  if (count?.gte !== undefined) parts.push(`≥ ${count.gte}`);
  if (count?.lte !== undefined) parts.push(`≤ ${count.lte}`);
  if (count?.eq !== undefined) parts.push(`= ${count.eq}`);
  return parts.length === 0 ? '≥ 1' : parts.join(' and ');
}

function matchesFilters(filters: Array<[string, CompiledCompare]>, props: Record<string, Json> | undefined, world: World): boolean {
  for (const [prop, filter] of filters) {
    const value = props !== undefined && Object.hasOwn(props, prop) ? props[prop] : undefined;
    if (!filter.test(value, world.at, (time) => later(world, time))) return false;
  }
  return true;
}
