/**
 * The decision engine: signals in, effects out. It owns the user state, evaluates only the
 * units a signal can affect (see catalog.ts), runs the tour, checklist, nudge and survey
 * machines, and schedules what is on screen: one blocking experience at a time, non-blocking
 * ones alongside, within frequency caps and a global rate limit.
 *
 * Pure: time comes from each signal's `at`, nothing here touches timers, storage or the DOM.
 */
import type { Action, ExperienceStatus, WaymarkConfig } from '../config/types.js';
import type {
  ActiveExperience,
  AnalyticsEvent,
  AnalyticsEventType,
  Effect,
  Json,
  Requirements,
  Signal,
  Traits,
  UserAction,
  Why,
  WhyNode,
} from './contract.js';
import { compileCatalog, type Catalog, type CompiledExperience, type CompiledItem } from './catalog.js';
import { DEP, later, type ElementFact, type StruggleFact, type World } from './conditions.js';
import { controlBucket, inPercentage } from './hash.js';
import { boundVisited, cloneJson, mergeStates, stableJson } from './merge.js';
import {
  LIMITS,
  answerOrder,
  blockingOrder,
  dict,
  emptyRecord,
  eventOrder,
  insertBounded,
  own,
  put,
  sessionOrder,
  stageVisitOrder,
  sumCounter,
  type EventEntry,
  type EventLog,
  type ExperienceRecord,
  type RunState,
  type Stamp,
  type StageValue,
  type UserState,
} from './state.js';
import { formatDuration } from './time.js';
import { parseLocation, type Location } from './url.js';

/** Settle rounds per signal: cascades (a show enabling another) end here even if a config loops. */
const MAX_ROUNDS = 16;
/** Trigger-loop protection: no experience is shown more often than this per minute. */
const MAX_SHOWS_PER_MINUTE = 5;
const MINUTE = 60_000;
const STRUGGLE_MEMORY = 200;

export interface EngineOptions {
  config: WaymarkConfig;
  state: UserState;
  /** This tab's id, for per-origin counters and tie-breaks. */
  origin: string;
}

export interface ChecklistView {
  items: Array<{ id: string; done: boolean; locked: boolean }>;
  done: number;
  total: number;
  complete: boolean;
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
}

export function createEngine(options: EngineOptions): Engine {
  return new DecisionEngine(options);
}

/** Why an experience is not eligible now: the first gate that failed. */
type Failure =
  | 'enabled'
  | 'stage'
  | 'snoozed'
  | 'completed'
  | 'dismissed'
  | 'once'
  | 'levels'
  | 'session'
  | 'max'
  | 'every'
  | 'loop'
  | 'trigger'
  | 'control';

interface Verdict {
  failed: Failure | null;
  trigger: boolean;
}

/** What is on screen for one experience. */
interface Shown {
  step?: number;
  level?: number;
  /** Finished (survey answered, checklist done) but still showing its thank-you until closed. */
  finishing: boolean;
}

/** Conditions' view of the world: the persisted state plus this tab's session facts. */
class Facts implements World {
  at = 0;
  horizon = Infinity;
  location: Location | null = null;
  locationKey = '';
  pageSince: number | null = null;
  sessionSince: number | null = null;
  idleSince: number | null = null;
  struggles: StruggleFact[] = [];
  readonly elements = new Map<string, ElementFact>();
  readonly clicks = new Set<string>();
  private readonly counts = new Map<string, number>();

  constructor(
    public state: UserState,
    private readonly catalog: Catalog,
    private readonly status: (id: string, status: ExperienceStatus) => boolean,
    private readonly describe: (id: string) => string,
  ) {}

  get userId(): string {
    return this.state.userId;
  }
  get stage(): StageValue {
    return this.state.stage.v;
  }
  get visited(): Record<string, number> {
    return this.state.visited;
  }
  stageIndex(id: string | null): number {
    return id === null ? -1 : (this.catalog.stageIndex.get(id) ?? -1);
  }
  eventCount(name: string): number {
    let count = this.counts.get(name);
    if (count === undefined) {
      const log = own(this.state.events, name);
      count = log ? sumCounter(log.counts) : 0;
      this.counts.set(name, count);
    }
    return count;
  }
  eventLog(name: string): readonly EventEntry[] {
    return own(this.state.events, name)?.recent ?? NO_EVENTS;
  }
  forgetCounts(name?: string): void {
    if (name === undefined) this.counts.clear();
    else this.counts.delete(name);
  }
  trait(name: string): Json | undefined {
    return own(this.state.traits, name)?.v;
  }
  element(key: string): ElementFact | undefined {
    return this.elements.get(key);
  }
  clicked(key: string): boolean {
    return this.clicks.has(key);
  }
  experienceIs(id: string, status: ExperienceStatus): boolean {
    return this.status(id, status);
  }
  describeExperience(id: string): string {
    return this.describe(id);
  }
}

const NO_EVENTS: readonly EventEntry[] = Object.freeze([]);

class DecisionEngine implements Engine {
  private readonly catalog: Catalog;
  private readonly origin: string;
  private readonly facts: Facts;
  private session: string | null = null;

  // Decisions of this tab (session-only).
  private readonly shown = new Map<number, Shown>();
  /** The blocking experience on screen, or -1. */
  private holder = -1;
  /** Live experiences opened from code: shown regardless of their trigger. */
  private readonly forced = new Set<number>();
  private readonly recentShows = new Map<number, number[]>();
  private readonly eligibleBlocking = new Set<number>();
  /** Experiences whose run is active in the state. */
  private readonly runs = new Set<number>();
  /** Nudges: the trigger's last answer, and triggers that rose and await a show. */
  private readonly lastTrigger: Uint8Array;
  private readonly fired = new Set<number>();
  /** Checklists: last known completeness (-1 before the first evaluation). */
  private readonly complete: Int8Array;
  /** Per unit: the earliest time its answer may change without a signal. */
  private readonly horizons: Float64Array;
  private schedulerHorizon = Infinity;
  private lastWake = -Infinity;
  private evaluatedAll = false;
  private loopReported = false;

  // The signal being handled.
  private effects: Effect[] = [];
  private changed = false;
  private readonly dirty: Uint8Array;
  private dirtyList: number[] = [];
  private readonly checklistsChanged = new Set<number>();

  constructor(options: EngineOptions) {
    this.catalog = compileCatalog(options.config);
    this.origin = options.origin;
    this.facts = new Facts(
      options.state,
      this.catalog,
      (id, status) => this.experienceIs(id, status),
      (id) => this.describeExperience(id),
    );
    const experiences = this.catalog.experiences.length;
    this.lastTrigger = new Uint8Array(experiences);
    this.complete = new Int8Array(experiences).fill(-1);
    this.horizons = new Float64Array(this.catalog.unitCount).fill(Infinity);
    this.dirty = new Uint8Array(this.catalog.unitCount);
    this.rebuildRuns();
  }

  // ---- public API -------------------------------------------------------------------------

  get state(): UserState {
    return this.facts.state;
  }

  get stage(): string | null {
    return this.facts.state.stage.v.id;
  }

  get sessionId(): string | null {
    return this.session;
  }

  dispatch(signal: Signal): Effect[] {
    this.begin(signal.at);
    return this.finish(() => this.handle(signal), signal.type);
  }

  adopt(incoming: UserState, at: number): Effect[] {
    this.begin(at);
    return this.finish(() => {
      const merged = mergeStates(this.facts.state, incoming);
      // Checklist progress another tab made must re-render here too.
      const before = this.catalog.experiences.filter((x) => x.type === 'checklist').map((x) => [x, stableJson(this.checklist(x.id) as unknown as Json)] as const);
      this.facts.state = merged;
      for (const [x, view] of before) if (stableJson(this.checklist(x.id) as unknown as Json) !== view) this.checklistsChanged.add(x.index);
      this.facts.forgetCounts();
      this.rebuildRuns();
      this.markAll();
      // Anything the incoming state lacked must be written back.
      if (stableJson(merged as unknown as Json) !== stableJson(incoming as unknown as Json)) this.changed = true;
    }, 'adopt');
  }

  active(): ActiveExperience[] {
    const list: ActiveExperience[] = [];
    for (const [index, shown] of this.shown) {
      const entry: ActiveExperience = { experienceId: this.catalog.experiences[index]!.id };
      if (shown.step !== undefined) entry.step = shown.step;
      if (shown.level !== undefined) entry.level = shown.level;
      list.push(entry);
    }
    return list;
  }

  requirements(): Requirements {
    return { sensors: new Set(this.catalog.requirements.sensors), targets: new Map(this.catalog.requirements.targets) };
  }

  checklist(experienceId: string): ChecklistView | null {
    const x = this.catalog.byId.get(experienceId);
    if (!x || x.type !== 'checklist') return null;
    const items = x.items.map((item) => ({ id: item.id, done: this.itemDone(x, item), locked: this.locked(x, item) }));
    return { items, done: items.filter((item) => item.done).length, total: items.length, complete: this.isComplete(x) };
  }

  why(experienceId: string, at: number): Why {
    const x = this.catalog.byId.get(experienceId);
    if (!x) {
      return { experienceId, eligible: false, active: false, reason: `no experience '${experienceId}' in the config`, checks: [] };
    }
    const saved = { at: this.facts.at, horizon: this.facts.horizon };
    this.facts.at = at;
    this.facts.horizon = Infinity;
    try {
      return this.explain(x);
    } finally {
      this.facts.at = saved.at;
      this.facts.horizon = saved.horizon;
    }
  }

  // ---- one signal ---------------------------------------------------------------------------

  private begin(at: number): void {
    this.effects = [];
    this.changed = false;
    this.checklistsChanged.clear();
    // A signal without a usable time is decided at the last known time.
    if (Number.isFinite(at)) this.facts.at = at;
  }

  /** Apply a change, settle, and return the effects. A failure is reported as data, never thrown at the host. */
  private finish(change: () => void, what: string): Effect[] {
    try {
      change();
      this.settle();
    } catch (error) {
      for (const unit of this.dirtyList) this.dirty[unit] = 0;
      this.dirtyList = [];
      this.emit('sdk_error', null, { code: 'engine-failed', where: what, message: error instanceof Error ? error.message : String(error) });
    }
    if (this.changed) this.effects.push({ type: 'persist' });
    this.requestWake();
    return this.effects;
  }

  private handle(signal: Signal): void {
    switch (signal.type) {
      case 'session':
        return this.startSession(signal.sessionId);
      case 'page':
        return this.enterPage(signal.url);
      case 'track':
        return this.track(signal.name, signal.props);
      case 'identify':
        if (signal.userId && signal.userId !== this.facts.state.userId) {
          this.facts.state.userId = signal.userId;
          this.changed = true;
          this.markAll();
        }
        if (signal.traits) this.setTraits(signal.traits);
        return;
      case 'traits':
        return this.setTraits(signal.traits);
      case 'set-stage':
        return this.moveStage(signal.stage, 'code');
      case 'element':
        return this.elementChanged(signal.key, signal.present, signal.visible);
      case 'click':
        return this.clicked(signal.keys);
      case 'idle':
        this.facts.idleSince = signal.idle ? (this.facts.idleSince ?? this.facts.at) : null;
        return this.markKey(DEP.idle);
      case 'struggle':
        return this.struggled(signal.kind, signal.keys ?? [], signal.detail);
      case 'tick':
        return; // Due time-based answers are picked up by settle().
      case 'start': {
        const x = this.catalog.byId.get(signal.experienceId);
        if (x) this.startFromCode(x);
        return;
      }
      case 'dismiss': {
        const x = this.catalog.byId.get(signal.experienceId);
        if (x) this.dismiss(x);
        return;
      }
      case 'action': {
        const x = this.catalog.byId.get(signal.experienceId);
        if (x) this.act(x, signal.action);
        return;
      }
    }
  }

  private startSession(sessionId: string): void {
    const state = this.facts.state;
    let startedAt: number | null = null;
    for (const entry of state.sessions) if (entry.id === sessionId && (startedAt === null || entry.at < startedAt)) startedAt = entry.at;
    if (startedAt === null) {
      startedAt = this.facts.at;
      insertBounded(state.sessions, { id: sessionId, at: startedAt }, sessionOrder, LIMITS.sessions);
      this.changed = true;
    }
    this.session = sessionId;
    this.facts.sessionSince = startedAt;
    this.markAll();
  }

  private enterPage(url: string): void {
    const location = parseLocation(url);
    const key = `${location.path}?${[...location.query].map(([k, v]) => `${k}=${v}`).sort().join('&')}`;
    // The same URL reported twice (initial load and a router) is not a new page: timers keep running.
    if (key === this.facts.locationKey) return;
    const at = this.facts.at;
    this.facts.location = location;
    this.facts.locationKey = key;
    this.facts.pageSince = at;
    this.facts.clicks.clear();
    const state = this.facts.state;
    const previous = own(state.visited, location.path);
    if (previous === undefined || previous < at) {
      put(state.visited, location.path, at);
      if (previous === undefined) state.visited = boundVisited(state.visited);
      this.changed = true;
    }
    this.markKey(DEP.page);
  }

  private track(name: string, props: Record<string, Json> | undefined): void {
    const state = this.facts.state;
    let log = own(state.events, name);
    if (!log) {
      log = { counts: dict(), recent: [] } satisfies EventLog;
      put(state.events, name, log);
    }
    const n = (own(log.counts, this.origin) ?? 0) + 1;
    put(log.counts, this.origin, n);
    if (this.catalog.loggedEvents.has(name)) {
      const entry: EventEntry = { at: this.facts.at, o: this.origin, n };
      const wanted = this.catalog.eventProps.get(name);
      if (wanted && props) {
        const kept = dict<Json>();
        for (const prop of wanted) if (Object.hasOwn(props, prop) && props[prop] !== undefined) put(kept, prop, cloneJson(props[prop]!));
        entry.p = kept;
      }
      insertBounded(log.recent, entry, eventOrder, LIMITS.eventsPerName);
    }
    this.facts.forgetCounts(name);
    this.changed = true;
    this.markKey(DEP.event(name));
    if (this.catalog.advanceEvents.has(name)) {
      for (const index of [...this.runs]) {
        const x = this.catalog.experiences[index]!;
        const run = this.runOf(x);
        if (x.type === 'tour' && run?.active && x.steps[run.step]?.advanceEvent === name) this.goToStep(x, run.step + 1);
      }
    }
  }

  private setTraits(traits: Traits): void {
    const state = this.facts.state;
    for (const name of Object.keys(traits)) {
      const value = traits[name];
      if (value === undefined) continue;
      const current = own(state.traits, name);
      if (current && stableJson(current.v) === stableJson(value)) continue;
      // A copy: the app may mutate its object later.
      put(state.traits, name, { v: cloneJson(value), s: this.stamp() });
      this.changed = true;
      this.markKey(DEP.trait(name));
    }
  }

  private elementChanged(key: string, present: boolean, visible: boolean): void {
    const before = this.facts.elements.get(key);
    if (before && before.present === present && before.visible === visible) return;
    this.facts.elements.set(key, { present, visible });
    this.markKey(DEP.target(key));
    if (!present) return;
    for (const [index] of [...this.shown]) {
      const x = this.catalog.experiences[index]!;
      const run = this.runOf(x);
      if (x.type === 'tour' && run?.active && x.steps[run.step]?.advanceElement === key) this.goToStep(x, run.step + 1);
    }
  }

  private clicked(keys: readonly string[]): void {
    for (const key of keys) {
      this.facts.clicks.add(key);
      this.markKey(DEP.target(key));
    }
    for (const [index] of [...this.shown]) {
      const x = this.catalog.experiences[index]!;
      const run = this.runOf(x);
      const target = x.type === 'tour' && run?.active ? x.steps[run.step]?.advanceClick : null;
      if (run && target && keys.includes(target)) this.goToStep(x, run.step + 1);
    }
  }

  private struggled(kind: StruggleFact['kind'], keys: readonly string[], detail: string | undefined): void {
    const struggles = this.facts.struggles;
    struggles.push({ kind, at: this.facts.at, keys: [...keys] });
    if (struggles.length > STRUGGLE_MEMORY) struggles.splice(0, struggles.length - STRUGGLE_MEMORY);
    // Keep the list in time order even if signals arrive slightly out of order.
    struggles.sort((a, b) => a.at - b.at);
    const props: Record<string, Json> = { kind };
    if (detail !== undefined) props['detail'] = detail;
    if (keys.length > 0) {
      props['keys'] = [...keys];
      props['target'] = keys[0]!;
    }
    props['count'] = struggles.filter((s) => s.kind === kind && this.facts.at - s.at <= 60_000).length;
    this.emit('struggle_detected', null, props);
    this.markKey(DEP.struggle(kind));
  }

  // ---- user actions ---------------------------------------------------------------------------

  private act(x: CompiledExperience, action: UserAction): void {
    switch (action.type) {
      case 'shown':
        return; // The render confirmation; the decision was already made and counted.
      case 'next':
        return this.advance(x, 1);
      case 'back':
        return this.advance(x, -1);
      case 'go-to':
        return this.goToStep(x, action.step);
      case 'complete':
        return this.completeRun(x);
      case 'dismiss':
        return this.dismiss(x);
      case 'snooze':
        return this.snooze(x, action.until);
      case 'step-missing':
        return this.stepMissing(x, action.step, action.policy);
      case 'item-done':
      case 'item-undone':
        return this.tick(x, action.item, action.type === 'item-done');
      case 'answer':
        return this.answer(x, action.score, action.comment);
      case 'nudge-level':
        return this.setLevel(x, action.level);
      case 'button':
        return this.button(x, action.action);
    }
  }

  private button(x: CompiledExperience, action: Action): void {
    switch (action.type) {
      case 'next':
        return this.advance(x, 1);
      case 'back':
        return this.advance(x, -1);
      case 'complete':
        return this.completeRun(x);
      case 'dismiss':
        return this.dismiss(x);
      case 'start': {
        const other = this.catalog.byId.get(action.experience);
        if (other) this.startFromCode(other);
        return;
      }
      default:
        // Articles, help, chat, URLs and custom events are the runtime's business.
        this.effects.push({ type: 'run', experienceId: x.id, action });
    }
  }

  private advance(x: CompiledExperience, delta: number): void {
    const run = this.runOf(x);
    if (x.type === 'tour' && run?.active) this.goToStep(x, run.step + delta);
  }

  private goToStep(x: CompiledExperience, step: number): void {
    const run = this.runOf(x);
    if (x.type !== 'tour' || !run?.active || !Number.isInteger(step)) return;
    if (step >= x.steps.length) return this.completeRun(x);
    const next = Math.max(0, step);
    if (next !== run.step) this.setRun(x, { active: true, step: next, snoozedUntil: null });
  }

  private stepMissing(x: CompiledExperience, step: number, policy: 'skip' | 'center' | 'end'): void {
    const run = this.runOf(x);
    // A report about a step the tour has already left is stale.
    if (x.type !== 'tour' || !run?.active || run.step !== step) return;
    this.emit('step_target_missing', x, { step, stepId: x.steps[step]?.id ?? String(step), policy });
    if (policy === 'center') return;
    if (policy === 'skip' && step + 1 < x.steps.length) return this.goToStep(x, step + 1);
    this.setRun(x, { active: false, step, snoozedUntil: null });
    this.hide(x, 'ended');
  }

  private completeRun(x: CompiledExperience): void {
    const shown = this.shown.get(x.index);
    if (shown?.finishing) return this.hide(x, 'completed');
    // A checklist completes by its items; closing it early is not a completion.
    if (x.type === 'checklist') return;
    const rec = this.record(x);
    const run = effectiveRun(rec);
    if (!shown && !run?.active) return;
    if (rec.completedAt === null) rec.completedAt = this.facts.at;
    if (run) this.setRun(x, { active: false, step: run.step, snoozedUntil: null });
    this.touch(x);
    this.emit('experience_completed', x, run && x.type === 'tour' ? this.stepProps(x, run.step) : undefined);
    this.hide(x, 'completed');
  }

  private dismiss(x: CompiledExperience): void {
    const shown = this.shown.get(x.index);
    if (shown?.finishing) return this.hide(x, 'completed');
    const rec = this.record(x);
    const run = effectiveRun(rec);
    const wasOn = shown !== undefined || run?.active === true;
    rec.dismissedAt = Math.max(rec.dismissedAt ?? this.facts.at, this.facts.at);
    if (run && (run.active || run.snoozedUntil !== null)) this.setRun(x, { active: false, step: run.step, snoozedUntil: null });
    this.forced.delete(x.index);
    this.fired.delete(x.index);
    this.touch(x);
    if (wasOn) this.emit('experience_dismissed', x, run && x.type === 'tour' ? this.stepProps(x, run.step) : undefined);
    this.hide(x, 'dismissed');
  }

  private snooze(x: CompiledExperience, until: number): void {
    if (!Number.isFinite(until)) return;
    const rec = this.record(x);
    const step = effectiveRun(rec)?.step ?? 0;
    this.setRun(x, { active: false, step, snoozedUntil: until });
    this.forced.delete(x.index);
    this.fired.delete(x.index);
    this.emit('experience_dismissed', x, { snoozedUntil: until });
    this.hide(x, 'dismissed');
  }

  private tick(x: CompiledExperience, itemId: string, done: boolean): void {
    const item = x.itemsById.get(itemId);
    if (!item || !item.manual) return;
    const isDone = this.itemDone(x, item);
    if (done && !isDone && !this.locked(x, item)) this.markItem(x, item, true);
    if (!done && isDone && !item.initiallyDone) this.markItem(x, item, false);
  }

  private answer(x: CompiledExperience, score: number, comment: string | undefined): void {
    if (x.def.type !== 'survey' || !Number.isFinite(score)) return;
    const rec = this.record(x);
    const answer = comment === undefined ? { at: this.facts.at, o: this.origin, score } : { at: this.facts.at, o: this.origin, score, comment };
    insertBounded(rec.answers, answer, answerOrder, LIMITS.answersPerSurvey);
    if (rec.completedAt === null) rec.completedAt = this.facts.at;
    const run = effectiveRun(rec);
    if (run?.active) this.setRun(x, { active: false, step: run.step, snoozedUntil: null });
    this.touch(x);
    // Names follow the documented event schema (docs/analytics-events.md), which vendor sinks filter by.
    const props: Record<string, Json> = { metric: x.def.kind, score, hasComment: comment !== undefined && comment.trim() !== '' };
    if (comment !== undefined) props['comment'] = comment;
    this.emit('survey_answered', x, props);
    this.emit('experience_completed', x, { score });
    // Stay on screen for the thank-you or follow-up until the user closes it.
    const shown = this.shown.get(x.index);
    if (shown) shown.finishing = true;
  }

  private setLevel(x: CompiledExperience, level: number): void {
    const run = this.runOf(x);
    if (x.type !== 'nudge' || !run?.active || !Number.isInteger(level)) return;
    const next = Math.min(Math.max(0, level), x.levels - 1);
    if (next === run.step) return;
    const rec = this.record(x);
    rec.level = Math.max(rec.level, next + 1);
    this.setRun(x, { active: true, step: next, snoozedUntil: null });
    this.recordShow(x, rec);
    this.emit('experience_shown', x, { level: next, via: 'user' });
  }

  /** `start` from code or a button: bypasses trigger, stage, frequency and rate limit; not `enabled` or the control group. */
  private startFromCode(x: CompiledExperience): void {
    if (!x.enabled) return;
    if (this.inControl(x)) return this.holdOut(x);
    if (this.showsLastMinute(x) >= MAX_SHOWS_PER_MINUTE) return;
    if (x.mode === 'live') {
      this.forced.add(x.index);
      this.markUnit(x.index);
      return;
    }
    if (x.blocking && this.holder >= 0 && this.holder !== x.index) this.hide(this.catalog.experiences[this.holder]!, 'replaced');
    const run = this.runOf(x);
    if (run?.active) {
      if (!this.shown.has(x.index)) this.present(x);
      return;
    }
    this.start(x, 'start');
  }

  // ---- settling: evaluate what changed, then schedule ------------------------------------------

  private settle(): void {
    if (!this.evaluatedAll) {
      this.evaluatedAll = true;
      this.markAll();
    }
    this.schedulerHorizon = Infinity;
    const at = this.facts.at;
    const horizons = this.horizons;
    for (let round = 0; ; round++) {
      for (let unit = 0; unit < horizons.length; unit++) if (horizons[unit]! <= at) this.markUnit(unit);
      if (round >= MAX_ROUNDS) {
        this.reportLoop();
        break;
      }
      const units = this.dirtyList;
      this.dirtyList = [];
      for (const unit of units) this.dirty[unit] = 0;
      // Stages first, then checklist items, then experiences: later units read what earlier ones decide.
      units.sort((a, b) => b - a);
      for (const unit of units) this.evaluate(unit);
      this.reconcile();
      if (this.dirtyList.length === 0) break;
    }
    for (const index of this.checklistsChanged) this.effects.push({ type: 'checklist', experienceId: this.catalog.experiences[index]!.id });
  }

  private reportLoop(): void {
    for (const unit of this.dirtyList) this.dirty[unit] = 0;
    this.dirtyList = [];
    if (this.loopReported) return;
    this.loopReported = true;
    this.emit('sdk_error', null, { code: 'decision-loop', message: `decisions did not settle within ${MAX_ROUNDS} rounds; check experiences that trigger each other` });
  }

  private evaluate(unit: number): void {
    const catalog = this.catalog;
    if (unit === catalog.stagesUnit) return this.evaluateStages();
    if (unit >= catalog.experiences.length) return this.evaluateItem(catalog.items[unit - catalog.experiences.length]!);
    this.evaluateExperience(catalog.experiences[unit]!);
  }

  private evaluateStages(): void {
    const stages = this.catalog.stages;
    if (stages.length === 0) return;
    const facts = this.facts;
    facts.horizon = Infinity;
    // A user with no stage starts in the first one when it needs no condition.
    if (facts.state.stage.v.id === null && stages[0]!.enterWhen === null) this.moveStage(stages[0]!.id, 'initial');
    const current = facts.stageIndex(facts.state.stage.v.id);
    // Forward only, to the furthest later stage whose condition holds.
    for (let k = stages.length - 1; k > current; k--) {
      const enterWhen = stages[k]!.enterWhen;
      if (enterWhen && enterWhen.test(facts)) {
        this.moveStage(stages[k]!.id, 'auto');
        break;
      }
    }
    this.horizons[this.catalog.stagesUnit] = facts.horizon;
  }

  private evaluateItem(item: CompiledItem): void {
    const x = this.catalog.experiences[item.checklist]!;
    const facts = this.facts;
    facts.horizon = Infinity;
    if (x.enabled && item.doneWhen && !this.itemDone(x, item) && item.doneWhen.test(facts)) this.markItem(x, item, true);
    this.horizons[item.unit] = this.itemDone(x, item) ? Infinity : facts.horizon;
  }

  private evaluateExperience(x: CompiledExperience): void {
    const facts = this.facts;
    facts.horizon = Infinity;
    const verdict = this.gates(x);
    this.horizons[x.index] = facts.horizon;
    let ok = verdict.failed === null;
    if (x.type === 'nudge') {
      // Each rising edge of the trigger is one firing: one more escalation level.
      if (verdict.trigger && this.lastTrigger[x.index] === 0) this.fired.add(x.index);
      if (!verdict.trigger) this.fired.delete(x.index);
      this.lastTrigger[x.index] = verdict.trigger ? 1 : 0;
      ok = ok && this.fired.has(x.index);
    }
    if (x.blocking) {
      if (ok) this.eligibleBlocking.add(x.index);
      else this.eligibleBlocking.delete(x.index);
    }
    if (verdict.failed === 'control') this.holdOut(x);
    if (x.type === 'checklist') this.updateCompletion(x);
    if (x.mode === 'live') this.updateLive(x, verdict);
    else if (x.mode === 'sticky' && ok && !this.runOf(x)?.active) this.start(x, 'trigger');
  }

  private updateLive(x: CompiledExperience, verdict: Verdict): void {
    const shown = this.shown.get(x.index);
    let want = this.forced.has(x.index) ? verdict.failed !== 'enabled' && verdict.failed !== 'control' : verdict.failed === null;
    // A hint needs its target; until the element sensor has reported on it, the UI's own lookup decides.
    if (want && x.target !== null && this.facts.elements.get(x.target)?.present === false) want = false;
    if (want && x.type === 'checklist' && this.isComplete(x)) want = false;
    if (shown) {
      if (!want && !shown.finishing) this.hide(x, hideReason(verdict.failed));
      return;
    }
    if (!want || this.showsLastMinute(x) >= MAX_SHOWS_PER_MINUTE) return;
    const rec = this.record(x);
    this.recordShow(x, rec);
    this.emit('experience_shown', x, { via: this.forced.has(x.index) ? 'start' : 'trigger' });
    this.present(x);
  }

  private updateCompletion(x: CompiledExperience): void {
    const now = this.isComplete(x) ? 1 : 0;
    const before = this.complete[x.index]!;
    this.complete[x.index] = now;
    if (now === 0) return;
    const rec = own(this.facts.state.experiences, x.id);
    if (before === 1 || (before === -1 && rec?.completedAt != null)) return;
    const record = this.record(x);
    if (record.completedAt === null) record.completedAt = this.facts.at;
    this.touch(x);
    this.emit('experience_completed', x, { itemsDone: x.items.length, itemsTotal: x.items.length });
    if (x.completeToStage !== null) this.moveStageForward(x.completeToStage, 'checklist');
    const shown = this.shown.get(x.index);
    if (shown) shown.finishing = true;
  }

  /** Keep the screen in step with the state, then fill the blocking slot. */
  private reconcile(): void {
    for (const [index, shown] of this.shown) {
      const x = this.catalog.experiences[index]!;
      if (shown.finishing || x.mode === 'live') continue;
      const run = this.runOf(x);
      if (!run?.active) {
        this.hide(x, this.endReason(x));
      } else if (x.type === 'tour') {
        if (!this.presentable(x, run.step)) this.hide(x, 'ineligible');
        else if (shown.step !== run.step) this.present(x);
      } else if (x.type === 'nudge' && shown.level !== run.step) {
        this.present(x);
      }
    }
    for (const index of this.runs) {
      const x = this.catalog.experiences[index]!;
      if (x.mode === 'sticky' && !this.shown.has(index)) this.present(x);
    }
    if (this.holder >= 0) {
      const holder = this.catalog.experiences[this.holder]!;
      if (holder.type === 'nudge' && this.fired.has(holder.index)) this.escalate(holder);
      return;
    }
    this.fillSlot();
  }

  private fillSlot(): void {
    const experiences = this.catalog.experiences;
    // Runs in progress (a tour waiting for its page, one replaced by a `start`) come back first.
    let best: CompiledExperience | null = null;
    for (const index of this.runs) {
      const x = experiences[index]!;
      if (!x.blocking || this.shown.has(index) || !this.presentable(x, this.runOf(x)!.step)) continue;
      if (best === null || outranks(x, best)) best = x;
    }
    if (best) return this.present(best);
    for (const index of this.eligibleBlocking) {
      const x = experiences[index]!;
      if (this.runs.has(index) || !this.presentable(x, this.startStep(x))) continue;
      if (best === null || outranks(x, best)) best = x;
    }
    if (!best) return;
    const allowedAt = this.rateLimit().allowedAt;
    if (allowedAt === Infinity) return;
    if (allowedAt > this.facts.at) {
      this.schedulerHorizon = Math.min(this.schedulerHorizon, allowedAt);
      return;
    }
    this.start(best, 'trigger');
  }

  /** When the global rate limit lets the next blocking experience start (Infinity: not this session). */
  private rateLimit(): { shown: number; allowedAt: number } {
    const session = this.session ?? '';
    let shown = 0;
    let last = -Infinity;
    for (const entry of this.facts.state.blocking) {
      if (entry.session === session) shown++;
      if (entry.at > last) last = entry.at;
    }
    const limits = this.catalog.limits;
    if (shown >= limits.blockingPerSession) return { shown, allowedAt: Infinity };
    return { shown, allowedAt: last + limits.minGap };
  }

  private escalate(x: CompiledExperience): void {
    this.fired.delete(x.index);
    const run = this.runOf(x);
    if (!run?.active || run.step + 1 >= x.levels) return;
    const rec = this.record(x);
    rec.level = Math.max(rec.level, run.step + 2);
    this.setRun(x, { active: true, step: run.step + 1, snoozedUntil: null });
    this.recordShow(x, rec);
    this.emit('experience_shown', x, { level: run.step + 1, via: 'trigger' });
  }

  // ---- runs and the screen ----------------------------------------------------------------

  private start(x: CompiledExperience, via: 'trigger' | 'start'): void {
    const rec = this.record(x);
    const previous = effectiveRun(rec);
    let step = 0;
    if (x.type === 'tour' && via === 'trigger' && previous && !previous.active && previous.snoozedUntil !== null) step = previous.step;
    if (x.type === 'nudge') {
      step = Math.min(rec.level, x.levels - 1);
      rec.level = Math.max(rec.level, step + 1);
      this.fired.delete(x.index);
    }
    this.setRun(x, { active: true, step, snoozedUntil: null });
    this.recordShow(x, rec);
    const props: Record<string, Json> = { via };
    if (x.type === 'tour') props['step'] = step;
    if (x.type === 'nudge') props['level'] = step;
    this.emit('experience_shown', x, props);
    this.present(x);
  }

  private present(x: CompiledExperience): void {
    const run = this.runOf(x);
    const shown: Shown = { finishing: false };
    if (x.type === 'tour') {
      shown.step = run?.step ?? 0;
      if (!this.presentable(x, shown.step)) return;
    }
    if (x.type === 'nudge') shown.level = run?.step ?? 0;
    this.shown.set(x.index, shown);
    if (x.blocking) this.holder = x.index;
    const effect: Effect = { type: 'show', experienceId: x.id };
    if (shown.step !== undefined) effect.step = shown.step;
    if (shown.level !== undefined) effect.level = shown.level;
    this.effects.push(effect);
    if (x.type === 'tour') {
      this.emit('step_viewed', x, { step: shown.step!, stepId: x.steps[shown.step!]?.id ?? String(shown.step), stepCount: x.steps.length });
    }
    this.markKey(DEP.experience(x.id));
  }

  private hide(x: CompiledExperience, reason: 'completed' | 'dismissed' | 'ineligible' | 'replaced' | 'ended'): void {
    if (!this.shown.delete(x.index)) return;
    if (this.holder === x.index) this.holder = -1;
    this.effects.push({ type: 'hide', experienceId: x.id, reason });
    this.markKey(DEP.experience(x.id));
  }

  private endReason(x: CompiledExperience): 'completed' | 'dismissed' | 'ended' {
    const rec = own(this.facts.state.experiences, x.id);
    if (!rec) return 'ended';
    if (effectiveRun(rec)?.snoozedUntil != null) return 'dismissed';
    const since = rec.lastShownAt ?? 0;
    if (rec.dismissedAt !== null && rec.dismissedAt >= since) return 'dismissed';
    if (rec.completedAt !== null && rec.completedAt >= since) return 'completed';
    return 'ended';
  }

  /** A tour step tied to a page shows only there; elsewhere the tour waits. */
  private presentable(x: CompiledExperience, step: number): boolean {
    if (x.type !== 'tour') return true;
    const page = x.steps[step]?.page;
    return !page || (this.facts.location !== null && page.test(this.facts.location));
  }

  private startStep(x: CompiledExperience): number {
    const run = this.runOf(x);
    return x.type === 'tour' && run && run.snoozedUntil !== null ? run.step : 0;
  }

  // ---- the state --------------------------------------------------------------------------

  /** A hybrid logical clock: later than every stamp this state has seen. */
  private stamp(): Stamp {
    const clock = this.facts.state.clock;
    if (this.facts.at > clock.t) {
      clock.t = this.facts.at;
      clock.c = 0;
    } else {
      clock.c += 1;
    }
    return { t: clock.t, c: clock.c, o: this.origin };
  }

  private record(x: CompiledExperience): ExperienceRecord {
    const experiences = this.facts.state.experiences;
    let rec = own(experiences, x.id);
    if (!rec) {
      rec = emptyRecord();
      put(experiences, x.id, rec);
    }
    return rec;
  }

  private runOf(x: CompiledExperience): RunState | undefined {
    return effectiveRun(own(this.facts.state.experiences, x.id));
  }

  private setRun(x: CompiledExperience, run: RunState): void {
    const rec = this.record(x);
    const previous = this.runOf(x);
    const at = this.facts.at;
    if (run.active) {
      // Same run: keep when it began. A new run begins strictly after the latest end.
      run.startedAt = previous?.active && previous.startedAt !== undefined ? previous.startedAt : Math.max(at, (rec.endedUpTo ?? 0) + 1);
    } else {
      if (previous?.startedAt !== undefined) run.startedAt = previous.startedAt;
      if (previous?.active || run.snoozedUntil !== null) rec.endedUpTo = Math.max(rec.endedUpTo ?? 0, at);
    }
    rec.run = { v: run, s: this.stamp() };
    if (run.active) this.runs.add(x.index);
    else this.runs.delete(x.index);
    this.touch(x);
  }

  private rebuildRuns(): void {
    this.runs.clear();
    for (const x of this.catalog.experiences) if (this.runOf(x)?.active) this.runs.add(x.index);
  }

  private recordShow(x: CompiledExperience, rec: ExperienceRecord): void {
    const at = this.facts.at;
    put(rec.shows, this.origin, (own(rec.shows, this.origin) ?? 0) + 1);
    rec.firstShownAt = rec.firstShownAt === null ? at : Math.min(rec.firstShownAt, at);
    rec.lastShownAt = rec.lastShownAt === null ? at : Math.max(rec.lastShownAt, at);
    rec.lastSession = { v: this.session ?? '', s: this.stamp() };
    if (x.blocking) insertBounded(this.facts.state.blocking, { session: this.session ?? '', at, experience: x.id }, blockingOrder, LIMITS.blockingShows);
    const recent = (this.recentShows.get(x.index) ?? []).filter((time) => time > at - MINUTE);
    recent.push(at);
    this.recentShows.set(x.index, recent);
    this.touch(x);
  }

  private showsLastMinute(x: CompiledExperience): number {
    const recent = this.recentShows.get(x.index);
    if (!recent) return 0;
    let count = 0;
    for (const time of recent) if (time > this.facts.at - MINUTE) count++;
    return count;
  }

  private holdOut(x: CompiledExperience): void {
    const rec = this.record(x);
    if (!rec.control) {
      rec.control = true;
      this.changed = true;
    }
    if (!rec.wouldHaveShown) {
      rec.wouldHaveShown = true;
      this.changed = true;
      this.emit('experience_would_have_shown', x, { group: 'control', control: x.control });
    }
  }

  private moveStage(id: string, via: 'initial' | 'auto' | 'code' | 'checklist'): void {
    const state = this.facts.state;
    const from = state.stage.v.id;
    if (from === id || typeof id !== 'string' || id === '') return;
    // The initial stage is a default, not a decision: any stage known elsewhere (another device) wins over it.
    const stamp = via === 'initial' ? { t: 0, c: 0, o: this.origin } : this.stamp();
    state.stage = { v: { id, since: this.facts.at }, s: stamp };
    insertBounded(state.stageHistory, { id, at: this.facts.at }, stageVisitOrder, LIMITS.stageHistory);
    this.changed = true;
    this.markKey(DEP.stage);
    this.effects.push({ type: 'stage', from, to: id });
    this.emit('stage_changed', null, { from, to: id, via: via === 'initial' ? 'auto' : via });
  }

  private moveStageForward(id: string, via: 'checklist'): void {
    const target = this.facts.stageIndex(id);
    if (target >= 0 && target > this.facts.stageIndex(this.facts.state.stage.v.id)) this.moveStage(id, via);
  }

  /** Step fields of the event schema: index, id and count. */
  private stepProps(x: CompiledExperience, step: number): Record<string, Json> {
    return { step, stepId: x.steps[step]?.id ?? String(step), stepCount: x.steps.length };
  }

  private markItem(x: CompiledExperience, item: CompiledItem, done: boolean): void {
    const rec = this.record(x);
    put(rec.items, item.id, { v: { done, version: item.version, at: this.facts.at }, s: this.stamp() });
    if (done) {
      const itemsDone = x.items.filter((other) => other === item || this.itemDone(x, other)).length;
      this.emit('checklist_item_completed', x, { item: item.id, version: item.version, itemsDone, itemsTotal: x.items.length });
    }
    this.checklistsChanged.add(x.index);
    this.touch(x);
  }

  /** Done at any version counts, unless the list reopens for new item versions. */
  private itemDone(x: CompiledExperience, item: CompiledItem): boolean {
    if (item.initiallyDone) return true;
    const entry = own(own(this.facts.state.experiences, x.id)?.items ?? NO_ITEMS, item.id)?.v;
    return entry !== undefined && entry.done && (!x.reopenOnNewItems || entry.version >= item.version);
  }

  private locked(x: CompiledExperience, item: CompiledItem): boolean {
    if (this.itemDone(x, item)) return false;
    if (x.strictOrder && item.position > 0 && !this.itemDone(x, x.items[item.position - 1]!)) return true;
    for (const dependency of item.dependsOn) {
      const other = x.itemsById.get(dependency);
      if (other && !this.itemDone(x, other)) return true;
    }
    return false;
  }

  private isComplete(x: CompiledExperience): boolean {
    if (x.items.length === 0) return false;
    const allDone = x.items.every((item) => this.itemDone(x, item));
    if (x.reopenOnNewItems) return allDone;
    return allDone || own(this.facts.state.experiences, x.id)?.completedAt != null;
  }

  // ---- dirty tracking ---------------------------------------------------------------------

  private markKey(key: string): void {
    const units = this.catalog.index.get(key);
    if (units) for (const unit of units) this.markUnit(unit);
  }

  private markUnit(unit: number): void {
    if (this.dirty[unit]) return;
    this.dirty[unit] = 1;
    this.dirtyList.push(unit);
  }

  private markAll(): void {
    for (let unit = 0; unit < this.catalog.unitCount; unit++) this.markUnit(unit);
  }

  private touch(x: CompiledExperience): void {
    this.changed = true;
    this.markKey(DEP.experience(x.id));
  }

  private emit(type: AnalyticsEventType, x: CompiledExperience | null, props?: Record<string, Json>): void {
    const event: AnalyticsEvent = { type, at: this.facts.at, userId: this.facts.state.userId };
    if (this.session !== null) event.sessionId = this.session;
    if (x) {
      event.experienceId = x.id;
      event.experienceType = x.type;
    }
    if (props) event.props = props;
    this.effects.push({ type: 'emit', event });
  }

  private requestWake(): void {
    const at = this.facts.at;
    let next = this.schedulerHorizon;
    for (const horizon of this.horizons) if (horizon < next) next = horizon;
    if (next === Infinity || next <= at) return;
    // One wake-up is enough: an earlier pending one will recompute the next.
    if (this.lastWake > at && this.lastWake <= next) return;
    this.lastWake = next;
    this.effects.push({ type: 'wake', at: next });
  }

  // ---- gates ------------------------------------------------------------------------------

  /** Every gate except the scheduler, stopping at the first failure (nudges always test their trigger). */
  private gates(x: CompiledExperience): Verdict {
    if (!x.enabled) return { failed: 'enabled', trigger: false };
    let failed: Failure | null = this.stageAllows(x) ? null : 'stage';
    if (failed === null) failed = this.frequency(x);
    let trigger = false;
    if (failed === null || x.type === 'nudge') {
      trigger = x.when === null || x.when.test(this.facts);
      if (failed === null && !trigger) failed = 'trigger';
    }
    if (failed === null && this.inControl(x)) failed = 'control';
    return { failed, trigger };
  }

  private stageAllows(x: CompiledExperience): boolean {
    if (x.stages === null) return true;
    const stage = this.facts.state.stage.v.id;
    return stage !== null && x.stages.has(stage);
  }

  private frequency(x: CompiledExperience): Failure | null {
    if (x.type === 'checklist' && this.isComplete(x) && !this.shown.has(x.index)) return 'completed';
    const rec = own(this.facts.state.experiences, x.id);
    if (!rec) return null;
    const at = this.facts.at;
    const facts = this.facts;
    const run = effectiveRun(rec);
    if (run?.snoozedUntil != null && run.snoozedUntil > at) {
      later(facts, run.snoozedUntil);
      return 'snoozed';
    }
    // A hint or beacon completed by the user ("Got it") is done for good.
    if (x.mode === 'live' && x.type !== 'checklist' && rec.completedAt !== null) return 'completed';
    if (rec.dismissedAt !== null && !this.returned(x, rec)) {
      const cooldown = x.frequency.afterDismiss;
      if (cooldown === 'never') return 'dismissed';
      if (at < rec.dismissedAt + cooldown) {
        later(facts, rec.dismissedAt + cooldown);
        return 'dismissed';
      }
    }
    // Already on screen or in progress: counts and intervals apply to the next show, not this one.
    if (this.shown.has(x.index) || run?.active) return null;
    // A snoozed run resumes where it paused.
    if (run?.snoozedUntil != null) return null;
    const shows = sumCounter(rec.shows);
    const { show, maxShows, every } = x.frequency;
    if (x.type === 'nudge') {
      if (show === 'once' && rec.level >= x.levels) return 'levels';
    } else if (show === 'once' && shows > 0) {
      return 'once';
    }
    if (show === 'session' && rec.lastSession !== null && rec.lastSession.v === (this.session ?? '')) return 'session';
    if (maxShows !== null && shows >= maxShows) return 'max';
    if (every !== null && rec.lastShownAt !== null && at < rec.lastShownAt + every) {
      later(facts, rec.lastShownAt + every);
      return 'every';
    }
    const recent = this.recentShows.get(x.index);
    if (recent && this.showsLastMinute(x) >= MAX_SHOWS_PER_MINUTE) {
      const inWindow = recent.filter((time) => time > at - MINUTE);
      later(facts, inWindow[0]! + MINUTE);
      return 'loop';
    }
    return null;
  }

  /** A dismissed checklist comes back once the user reaches `returnAtStage` after dismissing it. */
  private returned(x: CompiledExperience, rec: ExperienceRecord): boolean {
    if (x.returnAtStage === null || rec.dismissedAt === null) return false;
    const stage = this.facts.state.stage.v;
    const needed = this.facts.stageIndex(x.returnAtStage);
    return needed >= 0 && this.facts.stageIndex(stage.id) >= needed && rec.dismissedAt < stage.since;
  }

  private inControl(x: CompiledExperience): boolean {
    if (own(this.facts.state.experiences, x.id)?.control) return true;
    return x.control > 0 && inPercentage(controlBucket(this.facts.state.userId, x.id), x.control);
  }

  // ---- conditions' view of experiences ---------------------------------------------------------

  private experienceIs(id: string, status: ExperienceStatus): boolean {
    const rec = own(this.facts.state.experiences, id);
    const x = this.catalog.byId.get(id);
    switch (status) {
      case 'seen':
        return rec !== undefined && sumCounter(rec.shows) > 0;
      case 'not-seen':
        return rec === undefined || sumCounter(rec.shows) === 0;
      case 'active':
        return effectiveRun(rec)?.active === true || (x !== undefined && this.shown.has(x.index));
      case 'completed':
        return rec?.completedAt != null;
      case 'dismissed':
        return rec?.dismissedAt != null;
      case 'answered':
        return rec !== undefined && rec.answers.length > 0;
    }
  }

  private describeExperience(id: string): string {
    const rec = own(this.facts.state.experiences, id);
    if (!rec) return 'never shown';
    const parts: string[] = [];
    const shows = sumCounter(rec.shows);
    parts.push(shows === 0 ? 'never shown' : `shown ${shows} ${shows === 1 ? 'time' : 'times'}`);
    const x = this.catalog.byId.get(id);
    if (effectiveRun(rec)?.active || (x && this.shown.has(x.index))) parts.push('active');
    if (rec.completedAt !== null) parts.push('completed');
    if (rec.dismissedAt !== null) parts.push('dismissed');
    if (rec.answers.length > 0) parts.push('answered');
    return parts.join(', ');
  }

  // ---- why() ------------------------------------------------------------------------------

  private explain(x: CompiledExperience): Why {
    const checks: Why['checks'] = [];
    const at = this.facts.at;
    const rec = own(this.facts.state.experiences, x.id);
    const shown = this.shown.get(x.index);
    const run = effectiveRun(rec);
    const active = run?.active === true || shown !== undefined;

    checks.push({ check: 'enabled', ok: x.enabled, detail: x.enabled ? 'enabled' : 'switched off (enabled: false)' });

    const stageOk = this.stageAllows(x);
    const stage = this.facts.state.stage.v.id;
    const needs = x.stages ? [...x.stages].map((id) => `'${id}'`).join(' or ') : '';
    checks.push({
      check: 'stage',
      ok: stageOk,
      detail: x.stages === null
        ? 'applies to every stage'
        : stageOk
          ? `user is in stage '${stage}'`
          : stage === null
            ? `user has no stage yet, needs ${needs}`
            : `user is in stage '${stage}', needs ${needs}`,
    });

    const frequency = this.frequency(x);
    checks.push({ check: 'frequency', ok: frequency === null, detail: this.describeFrequency(x, rec, frequency) });

    const condition: WhyNode | undefined = x.when?.explain(this.facts);
    const triggerOk = condition === undefined || condition.result;
    checks.push({
      check: 'trigger',
      ok: triggerOk,
      detail: condition === undefined ? 'no trigger: shown whenever eligible' : triggerOk ? 'condition holds' : `waiting for ${firstFailure(condition)}`,
    });

    const inControl = this.inControl(x);
    checks.push({
      check: 'control group',
      ok: !inControl,
      detail: inControl
        ? `in the control group (${x.control}% held out): never shown, recorded as "would have shown"`
        : x.control > 0
          ? `not in the control group (${x.control}% held out)`
          : 'no control group',
    });

    const eligible = x.enabled && stageOk && frequency === null && triggerOk && !inControl && (x.type !== 'nudge' || this.fired.has(x.index) || active);
    const scheduler = this.describeScheduler(x, shown, run, eligible, at);
    checks.push({ check: 'scheduler', ok: scheduler.ok, detail: scheduler.detail });

    const firstFailed = checks.find((check) => !check.ok);
    const why: Why = {
      experienceId: x.id,
      eligible,
      active,
      reason: active || !firstFailed ? scheduler.detail : firstFailed.detail,
      checks,
    };
    if (condition) why.condition = condition;
    return why;
  }

  private describeFrequency(x: CompiledExperience, rec: ExperienceRecord | undefined, failure: Failure | null): string {
    const at = this.facts.at;
    const shows = rec ? sumCounter(rec.shows) : 0;
    const { show, maxShows, every, afterDismiss } = x.frequency;
    switch (failure) {
      case 'snoozed':
        return `snoozed for ${formatDuration(rec!.run!.v.snoozedUntil! - at)} more`;
      case 'completed':
        return 'completed';
      case 'dismissed':
        return afterDismiss === 'never'
          ? `dismissed ${formatDuration(at - rec!.dismissedAt!)} ago (afterDismiss: never)`
          : `dismissed ${formatDuration(at - rec!.dismissedAt!)} ago; may return in ${formatDuration(rec!.dismissedAt! + afterDismiss - at)}`;
      case 'once':
        return 'already shown (show: once)';
      case 'levels':
        return `all ${x.levels} escalation levels shown`;
      case 'session':
        return 'already shown this session (show: session)';
      case 'max':
        return `shown ${shows} of ${maxShows} times`;
      case 'every':
        return `shown ${formatDuration(at - rec!.lastShownAt!)} ago; every ${formatDuration(every!)}, next in ${formatDuration(rec!.lastShownAt! + every! - at)}`;
      case 'loop':
        return `shown ${this.showsLastMinute(x)} times in the last minute (loop protection)`;
      default: {
        const running = effectiveRun(rec)?.active || this.shown.has(x.index);
        if (running) return 'running now';
        const limit = maxShows !== null ? ` of ${maxShows}` : '';
        return `${shows === 0 ? 'never shown' : `shown ${shows}${limit} ${shows === 1 ? 'time' : 'times'}`} (show: ${show})`;
      }
    }
  }

  private describeScheduler(
    x: CompiledExperience,
    shown: Shown | undefined,
    run: RunState | undefined,
    eligible: boolean,
    at: number,
  ): { ok: boolean; detail: string } {
    if (shown) {
      if (shown.finishing) return { ok: true, detail: 'finished, showing its closing message' };
      if (x.type === 'tour') return { ok: true, detail: `showing step ${shown.step! + 1} of ${x.steps.length}` };
      if (x.type === 'nudge') return { ok: true, detail: `showing level ${shown.level! + 1} of ${x.levels}` };
      return { ok: true, detail: 'showing now' };
    }
    if (run?.active) {
      const page = x.type === 'tour' ? x.steps[run.step]?.page : null;
      if (page && !this.presentable(x, run.step)) {
        return { ok: false, detail: `active at step ${run.step + 1} of ${x.steps.length}, waiting for page ${page.label}` };
      }
      if (this.holder >= 0) return { ok: false, detail: `paused: ${this.blockedBy()}` };
      return { ok: true, detail: 'active; shows on the next decision' };
    }
    if (!eligible) {
      if (x.type === 'nudge' && this.lastTrigger[x.index] === 1 && !this.fired.has(x.index)) {
        return { ok: false, detail: 'waiting for its trigger to fire again (each rise of the condition shows one level)' };
      }
      return { ok: false, detail: 'not reached: an earlier gate failed' };
    }
    if (x.mode === 'live') {
      if (x.target !== null && this.facts.elements.get(x.target)?.present === false) return { ok: false, detail: `target ${x.target} is not on the page` };
      return { ok: true, detail: 'shows on the next decision' };
    }
    if (x.mode === 'sticky') return { ok: true, detail: 'shows on the next decision' };
    if (this.holder >= 0) return { ok: false, detail: this.blockedBy() };
    const step = this.startStep(x);
    if (!this.presentable(x, step)) return { ok: false, detail: `waiting for page ${x.steps[step]!.page!.label}` };
    const limit = this.rateLimit();
    if (limit.allowedAt === Infinity) {
      return { ok: false, detail: `rate limit: ${limit.shown} of ${this.catalog.limits.blockingPerSession} blocking experiences already shown this session` };
    }
    if (limit.allowedAt > at) {
      return { ok: false, detail: `rate limit: next blocking experience allowed in ${formatDuration(limit.allowedAt - at)} (minGap ${formatDuration(this.catalog.limits.minGap)})` };
    }
    return { ok: true, detail: 'shows on the next decision' };
  }

  private blockedBy(): string {
    const holder = this.catalog.experiences[this.holder]!;
    return `blocked by ${holder.type} '${holder.id}' (priority ${holder.priority})`;
  }
}

/**
 * The run as it stands: a run that began at or before the latest end (which another tab may have
 * written concurrently) is over, whatever its own register says.
 */
function effectiveRun(rec: ExperienceRecord | undefined): RunState | undefined {
  const run = rec?.run?.v;
  if (run?.active && run.startedAt !== undefined && run.startedAt <= (rec!.endedUpTo ?? 0)) return { ...run, active: false };
  return run;
}

const NO_ITEMS: Record<string, never> = Object.freeze(Object.create(null) as Record<string, never>);

/** Higher priority wins; ties go to the earlier experience in the config. */
function outranks(a: CompiledExperience, b: CompiledExperience): boolean {
  return a.priority > b.priority || (a.priority === b.priority && a.index < b.index);
}

function hideReason(failure: Failure | null): 'completed' | 'dismissed' | 'ineligible' {
  if (failure === 'dismissed' || failure === 'snoozed') return 'dismissed';
  if (failure === 'completed') return 'completed';
  return 'ineligible';
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
