/**
 * The loaded config compiled for fast decisions: defaults applied, conditions compiled, and an
 * index from each dependency key to the evaluation units it can affect, so a signal re-evaluates
 * only what it can change.
 *
 * Units are numbered: experiences first (unit = experience index), then checklist items, then
 * one unit for the journey stages.
 */
import type { Condition, Experience, ExperienceType, WaymarkConfig } from '../config/types.js';
import type { Effect, Requirements } from './contract.js';
import { ConditionCompiler, DEP, type CompiledCondition, type MoreConditions } from './conditions.js';
import { targetKey } from './target.js';
import { durationMs } from './time.js';
import type { PageRegex, UrlMatcher } from './url.js';

/** How an experience occupies the screen. */
export type Mode =
  /** One at a time, chosen by the scheduler; stays until completed, dismissed or snoozed. */
  | 'blocking'
  /** Shown exactly while eligible (hints, beacons, checklists). */
  | 'live'
  /** Non-blocking, but once started stays until dismissed (banner announcements). */
  | 'sticky';

export interface Frequency {
  show: 'once' | 'session' | 'always';
  every: number | null;
  maxShows: number | null;
  afterDismiss: number | 'never';
}

export interface CompiledStep {
  id: string;
  page: UrlMatcher | null;
  advanceEvent: string | null;
  /** Target key whose click advances the step. */
  advanceClick: string | null;
  /** Target key whose appearance advances the step. */
  advanceElement: string | null;
}

export interface CompiledItem {
  id: string;
  position: number;
  version: number;
  doneWhen: CompiledCondition | null;
  manual: boolean;
  dependsOn: readonly string[];
  initiallyDone: boolean;
  unit: number;
  checklist: number;
}

export interface CompiledExperience {
  index: number;
  id: string;
  type: ExperienceType;
  def: Experience;
  mode: Mode;
  blocking: boolean;
  priority: number;
  enabled: boolean;
  stages: ReadonlySet<string> | null;
  when: CompiledCondition | null;
  frequency: Frequency;
  control: number;
  steps: CompiledStep[];
  items: CompiledItem[];
  itemsById: ReadonlyMap<string, CompiledItem>;
  /** Hints and beacons: the target that must be on the page. */
  target: string | null;
  levels: number;
  strictOrder: boolean;
  reopenOnNewItems: boolean;
  completeToStage: string | null;
  returnAtStage: string | null;
}

export interface CompiledStage {
  id: string;
  enterWhen: CompiledCondition | null;
}

export interface Catalog {
  experiences: CompiledExperience[];
  byId: ReadonlyMap<string, CompiledExperience>;
  items: CompiledItem[];
  stages: CompiledStage[];
  stageIndex: ReadonlyMap<string, number>;
  stagesUnit: number;
  unitCount: number;
  /** Dependency key → units it can affect. */
  index: ReadonlyMap<string, readonly number[]>;
  /** Event name → properties worth storing with each occurrence. */
  eventProps: ReadonlyMap<string, readonly string[]>;
  /** Event names that advance some tour step. */
  advanceEvents: ReadonlySet<string>;
  /** Event names whose recent occurrences are kept (others keep exact counts only). */
  loggedEvents: ReadonlySet<string>;
  requirements: Requirements;
  /** What the engine worked around while compiling, reported with the first effects it returns. */
  warnings: Array<Extract<Effect, { type: 'warning' }>>;
  limits: { blockingPerSession: number; minGap: number };
  /** How long a `snooze` button without its own duration hides an experience. */
  snoozeFor: number;
}

/** "Maybe later" without a configured default: one day. */
export const DEFAULT_SNOOZE = '1d';

const BLOCKING_TYPES = new Set<ExperienceType>(['tour', 'nudge', 'survey']);

export function compileCatalog(config: WaymarkConfig, pageRegex?: PageRegex, conditions?: MoreConditions): Catalog {
  const compiler = new ConditionCompiler(pageRegex, conditions);
  const unitDeps: Array<Set<string>> = [];
  const compile = (condition: Condition | undefined, deps: Set<string>): CompiledCondition | null =>
    condition === undefined ? null : compiler.compile(condition, deps);

  const experiences: CompiledExperience[] = [];
  const byId = new Map<string, CompiledExperience>();
  for (const def of config.experiences) {
    if (byId.has(def.id)) continue; // The validator reports duplicates; the first one wins.
    const index = experiences.length;
    const deps = new Set<string>([DEP.experience(def.id)]);
    unitDeps[index] = deps;
    const blocking = BLOCKING_TYPES.has(def.type) || (def.type === 'announcement' && def.display === 'modal');
    const mode: Mode = blocking ? 'blocking' : def.type === 'announcement' ? 'sticky' : 'live';
    const stages = def.stages && def.stages.length > 0 ? new Set(def.stages) : null;
    if (stages) deps.add(DEP.stage);
    const frequency = compileFrequency(def, blocking);
    if (frequency.show === 'session') deps.add(DEP.session);
    const control = def.control ?? 0;
    if (control > 0) deps.add(DEP.user);
    let target: string | null = null;
    if (def.type === 'hint' || def.type === 'beacon') {
      target = compiler.watchTarget(def.target, 'element');
      deps.add(DEP.target(target));
    }
    const steps = def.type === 'tour' ? def.steps.map((step, position) => {
      // Step targets are listed for the platform's target resolution; only advance-on rules need a sensor.
      if (step.target !== undefined) compiler.targets.set(targetKey(step.target), step.target);
      return {
        id: step.id ?? String(position),
        page: step.page === undefined ? null : compiler.matcher(step.page),
        advanceEvent: step.advanceOn?.event ?? null,
        advanceClick: step.advanceOn?.click && step.target !== undefined ? compiler.watchTarget(step.target, 'click') : null,
        advanceElement: step.advanceOn?.element === undefined ? null : compiler.watchTarget(step.advanceOn.element, 'element'),
      };
    }) : [];
    if (def.type === 'nudge') {
      for (const level of def.escalation) if (level.kind === 'hint' && level.target !== undefined) compiler.watchTarget(level.target, 'element');
    }
    if (def.type === 'checklist' && def.returnAtStage) deps.add(DEP.stage);
    const compiled: CompiledExperience = {
      index,
      id: def.id,
      type: def.type,
      def,
      mode,
      blocking,
      priority: def.priority ?? 0,
      enabled: def.enabled !== false,
      stages,
      when: compile(def.when, deps),
      frequency,
      control,
      steps,
      items: [],
      itemsById: new Map(),
      target,
      levels: def.type === 'nudge' ? def.escalation.length : 0,
      strictOrder: def.type === 'checklist' && def.strictOrder === true,
      reopenOnNewItems: def.type === 'checklist' && def.reopenOnNewItems === true,
      completeToStage: def.type === 'checklist' ? def.completeToStage ?? null : null,
      returnAtStage: def.type === 'checklist' ? def.returnAtStage ?? null : null,
    };
    experiences.push(compiled);
    byId.set(def.id, compiled);
  }

  // Checklist items are their own units: they complete themselves even while the list is hidden.
  const items: CompiledItem[] = [];
  for (const experience of experiences) {
    if (experience.def.type !== 'checklist') continue;
    const itemsById = new Map<string, CompiledItem>();
    for (const def of experience.def.items) {
      if (itemsById.has(def.id)) continue;
      const unit = experiences.length + items.length;
      const deps = new Set<string>();
      unitDeps[unit] = deps;
      const item: CompiledItem = {
        id: def.id,
        position: itemsById.size,
        version: def.version ?? 1,
        doneWhen: compile(def.doneWhen, deps),
        manual: def.manual === true,
        dependsOn: def.dependsOn ?? [],
        initiallyDone: def.initiallyDone === true,
        unit,
        checklist: experience.index,
      };
      items.push(item);
      itemsById.set(item.id, item);
    }
    experience.items = [...itemsById.values()];
    experience.itemsById = itemsById;
  }

  const stagesUnit = experiences.length + items.length;
  const stageDeps = new Set<string>([DEP.stage]);
  unitDeps[stagesUnit] = stageDeps;
  const stages = (config.stages ?? []).map((stage) => ({ id: stage.id, enterWhen: compile(stage.enterWhen, stageDeps) }));
  const stageIndex = new Map<string, number>();
  stages.forEach((stage, position) => {
    if (!stageIndex.has(stage.id)) stageIndex.set(stage.id, position);
  });

  const index = new Map<string, number[]>();
  unitDeps.forEach((deps, unit) => {
    for (const key of deps) {
      const units = index.get(key);
      if (units) units.push(unit);
      else index.set(key, [unit]);
    }
  });

  const sensors = new Set(compiler.sensors);
  if (experiences.length > 0 || stages.length > 0) sensors.add('route');
  const advanceEvents = new Set<string>();
  for (const experience of experiences) for (const step of experience.steps) if (step.advanceEvent) advanceEvents.add(step.advanceEvent);

  return {
    experiences,
    byId,
    items,
    stages,
    stageIndex,
    stagesUnit,
    unitCount: stagesUnit + 1,
    index,
    eventProps: new Map([...compiler.eventProps].map(([name, props]) => [name, [...props]])),
    advanceEvents,
    loggedEvents: new Set([...index.keys()].filter((key) => key.startsWith('event:')).map((key) => key.slice('event:'.length))),
    requirements: { sensors, targets: compiler.targets },
    warnings: [
      ...[...compiler.regexWithoutChecker].map((source) => ({
        type: 'warning' as const,
        code: 'page-regex-unavailable' as const,
        message: `the regex page pattern "${source}" never matches: this engine was created without the regex checker (pass pageRegex)`,
      })),
      ...[...compiler.kindsWithoutCompiler].map((kind) => ({
        type: 'warning' as const,
        code: 'condition-unavailable' as const,
        message: `${kind} conditions never hold: this engine was created without their compilers (pass conditions)`,
      })),
    ],
    limits: {
      blockingPerSession: config.limits?.blockingPerSession ?? 2,
      minGap: config.limits?.minGap === undefined ? 120_000 : durationMs(config.limits.minGap),
    },
    snoozeFor: durationMs(config.snooze?.for ?? DEFAULT_SNOOZE),
  };
}

function compileFrequency(def: Experience, blocking: boolean): Frequency {
  const spec = def.frequency ?? {};
  const live = def.type === 'hint' || def.type === 'beacon' || def.type === 'checklist';
  return {
    show: spec.show ?? (live && !blocking ? 'always' : 'once'),
    every: spec.every === undefined ? null : durationMs(spec.every),
    maxShows: spec.maxShows ?? null,
    afterDismiss: spec.afterDismiss === undefined || spec.afterDismiss === 'never' ? 'never' : durationMs(spec.afterDismiss),
  };
}
