/**
 * What the engine's parts share while deciding: the compiled config, the user state (through the
 * facts conditions read), this tab's screen, and the signal in progress (its effects, what changed,
 * which units to re-evaluate). The machines and the scheduler are functions over this core; it
 * holds the primitives they all use: records and runs, showing and hiding, stages, events.
 */
import type { ExperienceStatus } from '../config/types.js';
import type { Catalog, CompiledExperience } from './catalog.js';
import { DEP } from './conditions.js';
import type { AnalyticsEvent, AnalyticsEventType, Effect, Json } from './contract.js';
import { Facts } from './facts.js';
import type { MachineTable } from './machines/table.js';
import { presentable, stepProps } from './machines/tour-steps.js';
import {
  LIMITS,
  blockingOrder,
  emptyRecord,
  insertBounded,
  own,
  put,
  stageVisitOrder,
  sumCounter,
  type ExperienceRecord,
  type RunState,
  type Stamp,
  type UserState,
} from './state.js';

/** Trigger-loop protection: no experience is shown more often than this per minute. */
export const MAX_SHOWS_PER_MINUTE = 5;
export const MINUTE = 60_000;

export type HideReason = 'completed' | 'dismissed' | 'ineligible' | 'replaced' | 'ended';

/** What is on screen for one experience. */
export interface Shown {
  step?: number;
  level?: number;
  /** Finished (survey answered, checklist done) but still showing its thank-you until closed. */
  finishing: boolean;
}

export class EngineCore {
  readonly facts: Facts;
  session: string | null = null;

  // Decisions of this tab (session-only).
  readonly shown = new Map<number, Shown>();
  /** The blocking experience on screen, or -1. */
  holder = -1;
  /** Live experiences opened from code: shown regardless of their trigger. */
  readonly forced = new Set<number>();
  readonly recentShows = new Map<number, number[]>();
  readonly eligibleBlocking = new Set<number>();
  /** Experiences whose run is active in the state. */
  readonly runs = new Set<number>();
  /** Nudges: the trigger's last answer, and triggers that rose and await a show. */
  readonly lastTrigger: Uint8Array;
  readonly fired = new Set<number>();
  /** Checklists: last known completeness (-1 before the first evaluation). */
  readonly complete: Int8Array;
  /** Per unit: the earliest time its answer may change without a signal. */
  readonly horizons: Float64Array;
  schedulerHorizon = Infinity;

  // The signal being handled.
  effects: Effect[] = [];
  changed = false;
  readonly dirty: Uint8Array;
  dirtyList: number[] = [];
  readonly checklistsChanged = new Set<number>();

  constructor(
    readonly catalog: Catalog,
    readonly origin: string,
    state: UserState,
    /** Each experience type's machine (machines/table.ts). */
    readonly machines: MachineTable,
  ) {
    this.facts = new Facts(
      state,
      catalog,
      (id, status) => this.experienceIs(id, status),
      (id) => this.describeExperience(id),
    );
    const experiences = catalog.experiences.length;
    this.lastTrigger = new Uint8Array(experiences);
    this.complete = new Int8Array(experiences).fill(-1);
    this.horizons = new Float64Array(catalog.unitCount).fill(Infinity);
    this.dirty = new Uint8Array(catalog.unitCount);
    this.rebuildRuns();
  }

  get state(): UserState {
    return this.facts.state;
  }

  /** Carry this tab's screen and session facts over from a core built for an earlier catalog, by experience id. */
  adoptSession(previous: EngineCore): void {
    this.session = previous.session;
    const facts = this.facts;
    const old = previous.facts;
    facts.at = old.at;
    facts.location = old.location;
    facts.locationKey = old.locationKey;
    facts.pageSince = old.pageSince;
    facts.sessionSince = old.sessionSince;
    facts.idleSince = old.idleSince;
    facts.struggles = old.struggles;
    for (const [key, fact] of old.elements) facts.elements.set(key, fact);
    for (const key of old.clicks) facts.clicks.add(key);
    const indexOf = (oldIndex: number): number => this.catalog.byId.get(previous.experience(oldIndex).id)?.index ?? -1;
    for (const [oldIndex, shown] of previous.shown) {
      const index = indexOf(oldIndex);
      if (index >= 0) this.shown.set(index, shown);
    }
    this.holder = previous.holder >= 0 ? indexOf(previous.holder) : -1;
    for (const oldIndex of previous.forced) if (indexOf(oldIndex) >= 0) this.forced.add(indexOf(oldIndex));
    for (const oldIndex of previous.fired) if (indexOf(oldIndex) >= 0) this.fired.add(indexOf(oldIndex));
    for (const [oldIndex, times] of previous.recentShows) if (indexOf(oldIndex) >= 0) this.recentShows.set(indexOf(oldIndex), times);
    previous.lastTrigger.forEach((value, oldIndex) => {
      const index = indexOf(oldIndex);
      if (index >= 0) this.lastTrigger[index] = value;
    });
    previous.complete.forEach((value, oldIndex) => {
      const index = indexOf(oldIndex);
      if (index >= 0) this.complete[index] = value;
    });
  }

  experience(index: number): CompiledExperience {
    return this.catalog.experiences[index]!;
  }

  // ---- records and runs ----------------------------------------------------------------------

  /** A hybrid logical clock: later than every stamp this state has seen. */
  stamp(): Stamp {
    const clock = this.facts.state.clock;
    if (this.facts.at > clock.t) {
      clock.t = this.facts.at;
      clock.c = 0;
    } else {
      clock.c += 1;
    }
    return { t: clock.t, c: clock.c, o: this.origin };
  }

  recordOf(x: CompiledExperience): ExperienceRecord | undefined {
    return own(this.facts.state.experiences, x.id);
  }

  record(x: CompiledExperience): ExperienceRecord {
    const experiences = this.facts.state.experiences;
    let rec = own(experiences, x.id);
    if (!rec) {
      rec = emptyRecord();
      put(experiences, x.id, rec);
    }
    return rec;
  }

  runOf(x: CompiledExperience): RunState | undefined {
    return effectiveRun(own(this.facts.state.experiences, x.id));
  }

  setRun(x: CompiledExperience, run: RunState): void {
    const rec = this.record(x);
    const previous = this.runOf(x);
    const at = this.facts.at;
    // Only a declared id identifies a step; an index-as-id would follow the index anyway.
    delete run.stepId;
    const stepId = x.def.type === 'tour' ? x.def.steps[run.step]?.id : undefined;
    if (stepId !== undefined) run.stepId = stepId;
    if (run.active) {
      // Same run: keep when it began, and how. A new run begins strictly after the latest end.
      run.startedAt = previous?.active && previous.startedAt !== undefined ? previous.startedAt : Math.max(at, (rec.endedUpTo ?? 0) + 1);
      if (previous?.active && previous.via !== undefined) run.via ??= previous.via;
    } else {
      delete run.via;
      if (previous?.startedAt !== undefined) run.startedAt = previous.startedAt;
      if (previous?.active || run.snoozedUntil !== null) rec.endedUpTo = Math.max(rec.endedUpTo ?? 0, at);
    }
    rec.run = { v: run, s: this.stamp() };
    if (run.active) this.runs.add(x.index);
    else this.runs.delete(x.index);
    this.touch(x);
  }

  /** End the run where it stands (a no-op without one). */
  endRun(x: CompiledExperience, run: RunState | undefined): void {
    if (run) this.setRun(x, { active: false, step: run.step, snoozedUntil: null });
  }

  rebuildRuns(): void {
    this.runs.clear();
    for (const x of this.catalog.experiences) if (this.runOf(x)?.active) this.runs.add(x.index);
  }

  recordShow(x: CompiledExperience, rec: ExperienceRecord): void {
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

  showsLastMinute(x: CompiledExperience): number {
    const recent = this.recentShows.get(x.index);
    if (!recent) return 0;
    let count = 0;
    for (const time of recent) if (time > this.facts.at - MINUTE) count++;
    return count;
  }

  /** `durationMs` of the event schema: time since the experience was shown (left out when it never was). */
  withDuration(x: CompiledExperience, props: Record<string, Json> = {}): Record<string, Json> | undefined {
    const shownAt = this.recordOf(x)?.lastShownAt;
    if (shownAt != null) props['durationMs'] = Math.max(0, this.facts.at - shownAt);
    return Object.keys(props).length > 0 ? props : undefined;
  }

  holdOut(x: CompiledExperience): void {
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

  // ---- stages --------------------------------------------------------------------------------

  moveStage(id: string, via: 'initial' | 'auto' | 'code' | 'checklist'): void {
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

  moveStageForward(id: string, via: 'checklist'): void {
    const target = this.facts.stageIndex(id);
    if (target >= 0 && target > this.facts.stageIndex(this.facts.state.stage.v.id)) this.moveStage(id, via);
  }

  // ---- the screen ------------------------------------------------------------------------------

  present(x: CompiledExperience): void {
    const run = this.runOf(x);
    const shown: Shown = { finishing: false };
    if (x.type === 'tour') {
      shown.step = run?.step ?? 0;
      if (!presentable(this, x, shown.step)) return;
    }
    if (x.type === 'nudge') shown.level = run?.step ?? 0;
    this.shown.set(x.index, shown);
    if (x.blocking) this.holder = x.index;
    const effect: Effect = { type: 'show', experienceId: x.id };
    if (shown.step !== undefined) effect.step = shown.step;
    if (shown.level !== undefined) effect.level = shown.level;
    this.effects.push(effect);
    if (shown.step !== undefined) this.emit('step_viewed', x, stepProps(x, shown.step));
    this.markKey(DEP.experience(x.id));
  }

  hide(x: CompiledExperience, reason: HideReason): void {
    if (!this.shown.delete(x.index)) return;
    if (this.holder === x.index) this.holder = -1;
    this.effects.push({ type: 'hide', experienceId: x.id, reason });
    this.markKey(DEP.experience(x.id));
  }

  /** Why a run that is no longer active left the screen. */
  endReason(x: CompiledExperience): 'completed' | 'dismissed' | 'ended' {
    const rec = this.recordOf(x);
    if (!rec) return 'ended';
    if (effectiveRun(rec)?.snoozedUntil != null) return 'dismissed';
    const since = rec.lastShownAt ?? 0;
    if (rec.dismissedAt !== null && rec.dismissedAt >= since) return 'dismissed';
    if (rec.completedAt !== null && rec.completedAt >= since) return 'completed';
    return 'ended';
  }

  // ---- dirty tracking and output ----------------------------------------------------------------

  markKey(key: string): void {
    const units = this.catalog.index.get(key);
    if (units) for (const unit of units) this.markUnit(unit);
  }

  markUnit(unit: number): void {
    if (this.dirty[unit]) return;
    this.dirty[unit] = 1;
    this.dirtyList.push(unit);
  }

  markAll(): void {
    for (let unit = 0; unit < this.catalog.unitCount; unit++) this.markUnit(unit);
  }

  clearDirty(): void {
    for (const unit of this.dirtyList) this.dirty[unit] = 0;
    this.dirtyList = [];
  }

  touch(x: CompiledExperience): void {
    this.changed = true;
    this.markKey(DEP.experience(x.id));
  }

  emit(type: AnalyticsEventType, x: CompiledExperience | null, props?: Record<string, Json>): void {
    const event: AnalyticsEvent = { type, at: this.facts.at, userId: this.facts.state.userId };
    if (this.session !== null) event.sessionId = this.session;
    if (x) {
      event.experienceId = x.id;
      event.experienceType = x.type;
    }
    if (props) event.props = props;
    this.effects.push({ type: 'emit', event });
  }

  // ---- conditions' view of experiences ---------------------------------------------------------

  experienceIs(id: string, status: ExperienceStatus): boolean {
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

  describeExperience(id: string): string {
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
}

/**
 * The run as it stands: a run that began at or before the latest end (which another tab may have
 * written concurrently) is over, whatever its own register says.
 */
export function effectiveRun(rec: ExperienceRecord | undefined): RunState | undefined {
  const run = rec?.run?.v;
  if (run?.active && run.startedAt !== undefined && run.startedAt <= (rec!.endedUpTo ?? 0)) return { ...run, active: false };
  return run;
}
