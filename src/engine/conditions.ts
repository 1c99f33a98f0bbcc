/**
 * The condition language, compiled once per config into small closures. Each compiled node
 * can `test` (fast path, used on every relevant signal) and `explain` (builds the labelled
 * tree `why()` shows). While testing, time-based leaves report the earliest future moment
 * their answer could flip, so the engine knows when to wake up without polling.
 */
import type { Condition, ExperienceStatus, Scalar, Compare, StruggleKind, Target, UrlMatch } from '../config/types.js';
import type { CompiledCompare } from './compare.js';
import type { Json, Requirements, WhyNode } from './contract.js';
import type { EventEntry, StageValue } from './state.js';
import { targetKey } from './target.js';
import { durationMs } from './time.js';
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

/** What a condition kind's compiler records in the compiler it runs in. */
export interface ConditionScope {
  /** A dependency key of the condition being compiled (see DEP). */
  dep(key: string): void;
  sensor(kind: SensorKind): void;
  watchTarget(target: Target, sensor: 'element' | 'click'): string;
  readonly targets: Map<string, Target>;
}

/**
 * The compilers of the condition kinds beyond pages, visits, events and experience states (conditions-more.ts
 * `MORE_CONDITIONS`), given to the engine only when its config uses them.
 */
export interface MoreConditions {
  /** Null when `condition` is none of its kinds. */
  compile(condition: Condition, scope: ConditionScope): CompiledCondition | null;
  /** An event's `where` filter; null when it cannot be compiled here. */
  filter(filter: Scalar | Compare): CompiledCompare | null;
}

/** Keys of the kinds `MoreConditions` compiles, in the order they are told apart (`experience` comes between). */
const MORE_BEFORE_EXPERIENCE = ['trait', 'stage', 'element', 'delay', 'idle', 'struggle'];
const MORE_AFTER_EXPERIENCE = ['date', 'rollout'];

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
export class ConditionCompiler implements ConditionScope {
  readonly targets = new Map<string, Target>();
  readonly sensors = new Set<SensorKind>();
  readonly eventProps = new Map<string, Set<string>>();
  /** Regex page patterns that never match because no regex checker was given (the engine reports them). */
  readonly regexWithoutChecker = new Set<string>();
  /** Condition kinds that never hold because their compilers were not given (the engine reports them). */
  readonly kindsWithoutCompiler = new Set<string>();
  private readonly matchers = new Map<string, UrlMatcher>();
  private deps = new Set<string>();

  constructor(
    private readonly pageRegex: PageRegex = NO_PAGE_REGEX,
    private readonly more?: MoreConditions,
  ) {}

  dep(key: string): void {
    this.deps.add(key);
  }

  sensor(kind: SensorKind): void {
    this.sensors.add(kind);
  }

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
    if (MORE_BEFORE_EXPERIENCE.some((key) => key in condition)) return this.moreOf(condition);
    if ('experience' in condition) return this.experience(condition.experience, condition.state);
    if (MORE_AFTER_EXPERIENCE.some((key) => key in condition)) return this.moreOf(condition);
    return constant(false, 'unknown condition');
  }

  private moreOf(condition: Condition): CompiledCondition {
    const compiled = this.more?.compile(condition, this);
    if (compiled) return compiled;
    const kind = [...MORE_BEFORE_EXPERIENCE, ...MORE_AFTER_EXPERIENCE].find((key) => key in condition)!;
    this.kindsWithoutCompiler.add(kind);
    return constant(false, `${kind} condition (not available in this engine)`);
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
    const filters: Array<[string, CompiledCompare | null | undefined]> = Object.entries(condition.where ?? {}).map(([prop, filter]: [string, Scalar | Compare]) => [prop, this.more?.filter(filter)]);
    if (!filters.every((entry): entry is [string, CompiledCompare] => Boolean(entry[1]))) {
      this.kindsWithoutCompiler.add('event where');
      return constant(false, `event "${name}" where … (not available in this engine)`);
    }
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

  private experience(id: string, status: ExperienceStatus): CompiledCondition {
    this.deps.add(DEP.experience(id));
    return leaf(`experience "${id}" is ${status}`, (world) => world.experienceIs(id, status), (world) => world.describeExperience(id));
  }
}

const NO_QUERY: ReadonlyMap<string, string> = new Map();

export function leaf(label: string, test: (world: World) => boolean, detail: (world: World) => string): CompiledCondition {
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
