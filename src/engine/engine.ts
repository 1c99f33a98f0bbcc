/**
 * The decision engine: signals in, effects out. It owns the user state, evaluates only the
 * units a signal can affect (see catalog.ts), and settles: the machines (machines/*.ts) move
 * runs on, the scheduler (scheduler.ts) decides what is on screen, and `why()` (why.ts) explains
 * the scheduler's verdicts.
 *
 * Pure: time comes from each signal's `at`, nothing here touches timers, storage or the DOM.
 */
import type { Experience, WaymarkConfig } from '../config/types.js';
import type { ActiveExperience, Effect, GuideEntry, Json, Requirements, Signal, StartResult, UserAction, Why } from './contract.js';
import { compileCatalog, type CompiledExperience } from './catalog.js';
import { EngineCore } from './core.js';
import type { ChecklistView } from './machines/checklist.js';
import { dismiss, runActions, startFromCode } from './machines/run.js';
import type { MachineTable } from './machines/table.js';
import { library } from './library.js';
import { mergeStates, stableJson } from './merge.js';
import { controlGate, evaluateExperience, reconcile } from './scheduler.js';
import { applySignal } from './signals.js';
import type { UserState } from './state.js';
import { explain } from './why.js';
import type { PageRegex } from './url.js';
import type { MoreConditions } from './conditions.js';

export type { ChecklistView } from './machines/checklist.js';

/** Settle rounds per signal: cascades (a show enabling another) end here even if a config loops. */
const MAX_ROUNDS = 16;

export type { MachineTable } from './machines/table.js';
export { ALL_MACHINES } from './machines/all.js';

export interface EngineOptions {
  config: WaymarkConfig;
  state: UserState;
  /** This tab's id, for per-origin counters and tie-breaks. */
  origin: string;
  /**
   * Each experience type's machine: its user actions and transitions (default: every machine). A
   * runtime that loads machines per experience type passes only those; a type without a machine
   * still shows, starts and ends, but answers only the shared actions (complete, dismiss, snooze, buttons).
   */
  machines?: MachineTable;
  /**
   * Compiles regex page patterns (config/page-regex.ts `pageRegexTest`). `createEngine` uses it by
   * default; without it (`createEngineWithMachines`) a regex pattern never matches and is reported
   * as a `page-regex-unavailable` warning. A runtime loads it only for configs that have one.
   */
  pageRegex?: PageRegex;
  /**
   * Compiles the condition kinds beyond pages, visits, events and experience states (conditions-more.ts
   * `MORE_CONDITIONS`). `createEngine` uses it by default; without it such a condition never holds (and is reported).
   */
  conditions?: MoreConditions;
}

export interface Engine {
  dispatch(signal: Signal): Effect[];
  /** Replace with a merged state (from storage load or another tab); returns show/hide effects for what changed. */
  adopt(state: UserState, at: number): Effect[];
  /** The live state; treat as read-only and copy it if you keep it. */
  readonly state: UserState;
  why(experienceId: string, at: number): Why;
  active(): ActiveExperience[];
  requirements(): Requirements;
  /** Items of a checklist with done/locked flags and progress, for rendering. */
  checklist(experienceId: string): ChecklistView | null;
  /** The user's current stage id (or null). */
  readonly stage: string | null;
  /** The session id from the last `session` signal (or null before one). */
  readonly sessionId: string | null;
  /**
   * Start an experience from code (the `start` signal), and say whether it is on screen now or
   * why not, so the caller can report it.
   */
  start(experienceId: string, at: number): StartResult;
  /** "Tours and guides": tours the user has seen and may replay (with `start`), most recent first. */
  library(): GuideEntry[];
  /**
   * Add an experience at runtime, or replace the one with its id. Stored state is untouched; the
   * new definition is decided at once. Re-read `requirements()` afterwards (new targets, sensors).
   */
  addExperience(experience: Experience, at: number): Effect[];
  /** Remove an experience at runtime: hidden if shown; its stored state is kept (adding it back resumes it). */
  removeExperience(experienceId: string, at: number): Effect[];
}


/**
 * An engine with exactly the given machines and no default: a bundle that uses only this carries
 * only the machines it passes (the runtime loads those of its config's experience types), and the
 * regex checker only when it passes `pageRegex`.
 */
export function createEngineWithMachines(machines: MachineTable, options: Omit<EngineOptions, 'machines'>): Engine {
  return new DecisionEngine(machines, options);
}

/** Signals that report what already happened and change nothing: no settle pass, no effects. */
function changesNothing(signal: Signal): boolean {
  // `shown` is the UI's render confirmation; the show was decided and counted when it was made.
  return signal.type === 'action' && signal.action.type === 'shown';
}

class DecisionEngine implements Engine {
  private core: EngineCore;
  private config: WaymarkConfig;
  private lastWake = -Infinity;
  private evaluatedAll = false;
  private loopReported = false;
  private readonly pageRegex: PageRegex | undefined;
  private readonly conditions: MoreConditions | undefined;
  /** Compile-time warnings not yet returned with effects. */
  private unreported: Effect[];

  constructor(
    private readonly machines: MachineTable,
    options: Omit<EngineOptions, 'machines'>,
  ) {
    this.config = options.config;
    this.pageRegex = options.pageRegex;
    this.conditions = options.conditions;
    const catalog = compileCatalog(options.config, this.pageRegex, this.conditions);
    this.unreported = catalog.warnings;
    this.core = new EngineCore(catalog, options.origin, options.state, machines);
  }

  // ---- public API -------------------------------------------------------------------------

  get state(): UserState {
    return this.core.state;
  }

  get stage(): string | null {
    return this.core.state.stage.v.id;
  }

  get sessionId(): string | null {
    return this.core.session;
  }

  dispatch(signal: Signal): Effect[] {
    if (changesNothing(signal)) return [];
    this.begin(signal.at);
    return this.finish(() => this.handle(signal), signal.type);
  }

  adopt(incoming: UserState, at: number): Effect[] {
    const core = this.core;
    this.begin(at);
    return this.finish(() => {
      const merged = mergeStates(core.state, incoming);
      // Checklist progress another tab made must re-render here too.
      const view = this.machines.checklist?.view;
      const checklists = view ? core.catalog.experiences.filter((x) => x.type === 'checklist') : [];
      const before = checklists.map((x) => stableJson(view!(core, x) as unknown as Json));
      core.facts.state = merged;
      checklists.forEach((x, i) => {
        if (stableJson(view!(core, x) as unknown as Json) !== before[i]) core.checklistsChanged.add(x.index);
      });
      core.facts.forgetCounts();
      core.rebuildRuns();
      this.machines.tour?.repairSteps(core);
      core.markAll();
      // Anything the incoming state lacked must be written back.
      if (stableJson(merged as unknown as Json) !== stableJson(incoming as unknown as Json)) core.changed = true;
    }, 'adopt');
  }

  active(): ActiveExperience[] {
    const list: ActiveExperience[] = [];
    for (const [index, shown] of this.core.shown) {
      const entry: ActiveExperience = { experienceId: this.core.experience(index).id };
      if (shown.step !== undefined) entry.step = shown.step;
      if (shown.level !== undefined) entry.level = shown.level;
      list.push(entry);
    }
    return list;
  }

  requirements(): Requirements {
    const requirements = this.core.catalog.requirements;
    return { sensors: new Set(requirements.sensors), targets: new Map(requirements.targets) };
  }

  checklist(experienceId: string): ChecklistView | null {
    const x = this.core.catalog.byId.get(experienceId);
    const view = this.machines.checklist?.view;
    return x?.type === 'checklist' && view ? view(this.core, x) : null;
  }

  start(experienceId: string, at: number): StartResult {
    const effects = this.dispatch({ type: 'start', at, experienceId });
    const why = this.why(experienceId, at);
    const x = this.core.catalog.byId.get(experienceId);
    const shown = x !== undefined && this.core.shown.has(x.index);
    let outcome: StartResult['outcome'] = 'waiting';
    if (!x) outcome = 'unknown';
    else if (shown) outcome = 'shown';
    else if (!x.enabled) outcome = 'disabled';
    else if (!controlGate(this.core, x).ok) outcome = 'control-group';
    return { effects, shown, outcome, why };
  }

  library(): GuideEntry[] {
    return library(this.core);
  }

  addExperience(experience: Experience, at: number): Effect[] {
    const experiences = this.config.experiences.filter((x) => x.id !== experience.id);
    experiences.push(experience);
    return this.recompile({ ...this.config, experiences }, at, 'addExperience');
  }

  removeExperience(experienceId: string, at: number): Effect[] {
    if (!this.core.catalog.byId.has(experienceId)) return [];
    const experiences = this.config.experiences.filter((x) => x.id !== experienceId);
    return this.recompile({ ...this.config, experiences }, at, 'removeExperience');
  }

  why(experienceId: string, at: number): Why {
    const x = this.core.catalog.byId.get(experienceId);
    if (!x) {
      return { experienceId, eligible: false, active: false, reason: `no experience '${experienceId}' in the config`, checks: [] };
    }
    const facts = this.core.facts;
    const saved = { at: facts.at, horizon: facts.horizon };
    facts.at = at;
    facts.horizon = Infinity;
    try {
      return explain(this.core, x);
    } finally {
      facts.at = saved.at;
      facts.horizon = saved.horizon;
    }
  }

  // ---- one signal ---------------------------------------------------------------------------

  private begin(at: number): void {
    const core = this.core;
    core.effects = [];
    core.changed = false;
    core.checklistsChanged.clear();
    // A signal without a usable time is decided at the last known time.
    if (Number.isFinite(at)) core.facts.at = at;
  }

  /** Apply a change, settle, and return the effects. A failure is reported as data, never thrown at the host. */
  private finish(change: () => void, what: string): Effect[] {
    const core = this.core;
    try {
      change();
      this.settle();
    } catch (error) {
      core.clearDirty();
      core.emit('sdk_error', null, { code: 'engine-failed', where: what, message: error instanceof Error ? error.message : String(error) });
    }
    if (core.changed) core.effects.push({ type: 'persist' });
    if (this.unreported.length > 0) core.effects.push(...this.unreported.splice(0));
    this.requestWake();
    return core.effects;
  }

  /**
   * Swap in a catalog compiled from a changed config. The user state is the same object; this tab's
   * screen and session facts carry over by experience id, so what stays in the config stays put.
   */
  private recompile(config: WaymarkConfig, at: number, what: string): Effect[] {
    const previous = this.core;
    let next: EngineCore;
    try {
      const catalog = compileCatalog(config, this.pageRegex, this.conditions);
      next = new EngineCore(catalog, previous.origin, previous.state, this.machines);
      this.unreported = catalog.warnings;
    } catch (error) {
      this.begin(at);
      previous.emit('sdk_error', null, { code: 'engine-failed', where: what, message: error instanceof Error ? error.message : String(error) });
      return previous.effects;
    }
    this.config = config;
    next.adoptSession(previous);
    this.core = next;
    this.begin(at);
    return this.finish(() => {
      this.machines.tour?.repairSteps(next);
      for (const [index] of previous.shown) {
        const id = previous.experience(index).id;
        const x = next.catalog.byId.get(id);
        // Gone from the config: off the screen. Redefined: rendered again with its new definition.
        if (!x) next.effects.push({ type: 'hide', experienceId: id, reason: 'ended' });
        else if (x.def !== previous.experience(index).def && next.shown.has(x.index)) next.present(x);
      }
      next.markAll();
    }, what);
  }

  private handle(signal: Signal): void {
    const core = this.core;
    switch (signal.type) {
      case 'start':
      case 'dismiss':
      case 'action': {
        const x = core.catalog.byId.get(signal.experienceId);
        if (!x) return;
        if (signal.type === 'start') return startFromCode(core, x);
        if (signal.type === 'dismiss') return dismiss(core, x);
        return this.act(x, signal.action);
      }
      default:
        return applySignal(core, signal);
    }
  }

  /** A user action goes to the experience's own machine first, then to the run every experience shares. */
  private act(x: CompiledExperience, action: UserAction): void {
    const machine = this.machines[x.type as keyof MachineTable];
    const handler = (machine?.actions[action.type] ?? runActions[action.type]) as ((core: EngineCore, x: CompiledExperience, action: UserAction) => void) | undefined;
    handler?.(this.core, x, action);
  }

  // ---- settling: evaluate what changed, then schedule ------------------------------------------

  private settle(): void {
    const core = this.core;
    const catalog = core.catalog;
    if (!this.evaluatedAll) {
      this.evaluatedAll = true;
      // The state was loaded for an earlier config: put stored tour runs on steps this one has.
      this.machines.tour?.repairSteps(core);
      core.markAll();
    }
    core.schedulerHorizon = Infinity;
    const at = core.facts.at;
    const horizons = core.horizons;
    for (let round = 0; ; round++) {
      for (let unit = 0; unit < horizons.length; unit++) if (horizons[unit]! <= at) core.markUnit(unit);
      if (round >= MAX_ROUNDS) {
        this.reportLoop();
        break;
      }
      const units = core.dirtyList;
      core.clearDirty();
      // Stages first, then checklist items, then experiences: later units read what earlier ones decide.
      units.sort((a, b) => b - a);
      for (const unit of units) {
        if (unit === catalog.stagesUnit) this.evaluateStages();
        else if (unit >= catalog.experiences.length) this.machines.checklist?.evaluateItem(core, catalog.items[unit - catalog.experiences.length]!);
        else evaluateExperience(core, catalog.experiences[unit]!);
      }
      reconcile(core);
      if (core.dirtyList.length === 0) break;
    }
    for (const index of core.checklistsChanged) core.effects.push({ type: 'checklist', experienceId: core.experience(index).id });
  }

  private reportLoop(): void {
    this.core.clearDirty();
    if (this.loopReported) return;
    this.loopReported = true;
    this.core.emit('sdk_error', null, { code: 'decision-loop', message: `decisions did not settle within ${MAX_ROUNDS} rounds; check experiences that trigger each other` });
  }

  private evaluateStages(): void {
    const core = this.core;
    const stages = core.catalog.stages;
    if (stages.length === 0) return;
    const facts = core.facts;
    facts.horizon = Infinity;
    // A user with no stage starts in the first one when it needs no condition.
    if (facts.state.stage.v.id === null && stages[0]!.enterWhen === null) core.moveStage(stages[0]!.id, 'initial');
    const current = facts.stageIndex(facts.state.stage.v.id);
    // Forward only, to the furthest later stage whose condition holds.
    for (let k = stages.length - 1; k > current; k--) {
      const enterWhen = stages[k]!.enterWhen;
      if (enterWhen && enterWhen.test(facts)) {
        core.moveStage(stages[k]!.id, 'auto');
        break;
      }
    }
    core.horizons[core.catalog.stagesUnit] = facts.horizon;
  }

  private requestWake(): void {
    const core = this.core;
    const at = core.facts.at;
    let next = core.schedulerHorizon;
    for (const horizon of core.horizons) if (horizon < next) next = horizon;
    if (next === Infinity || next <= at) return;
    // One wake-up is enough: an earlier pending one will recompute the next.
    if (this.lastWake > at && this.lastWake <= next) return;
    this.lastWake = next;
    core.effects.push({ type: 'wake', at: next });
  }
}
