/**
 * The persisted user state: everything the engine must remember about one user across reloads,
 * tabs and devices. It is plain JSON so any store can keep it, and it is shaped as a join
 * semilattice (see merge.ts): every field is either a monotone fact merged by union/max/min,
 * or a last-writer-wins register stamped with a hybrid logical clock.
 *
 * Session-only facts (current page, element facts, idle, recent clicks and struggles) are not
 * here: they live in the engine instance and die with the tab.
 */
import type { Json } from './contract.js';

export const STATE_VERSION = 1;

/** Bounds that keep the state small whatever the user does. */
export const LIMITS = {
  /** Recent occurrences kept per event name (exact totals are kept by per-origin counters). */
  eventsPerName: 50,
  visitedPages: 200,
  stageHistory: 50,
  sessions: 20,
  blockingShows: 100,
  answersPerSurvey: 20,
} as const;

/** When and by whom a register was written: hybrid logical time, then the writer's origin. */
export interface Stamp {
  /** Wall time of the write, or later if the state had already seen a later write. */
  t: number;
  /** Counter for writes within the same `t`. */
  c: number;
  /** Origin (tab) that wrote it; breaks ties deterministically. */
  o: string;
}

/** A last-writer-wins register. */
export interface Register<T> {
  v: T;
  s: Stamp;
}

/** One tracked event. `(o, n)` is unique: `n` is the origin's running count for this name. */
export interface EventEntry {
  at: number;
  o: string;
  n: number;
  /** Only the properties some condition of the loaded config refers to. */
  p?: Record<string, Json>;
}

export interface EventLog {
  /** Per-origin running totals; the exact count is their sum, whatever the log kept. */
  counts: Record<string, number>;
  /** The most recent entries, oldest first, at most `LIMITS.eventsPerName`. */
  recent: EventEntry[];
}

export interface StageValue {
  id: string | null;
  /** When the user entered this stage. */
  since: number;
}

export interface StageVisit {
  id: string;
  at: number;
}

export interface SessionStart {
  id: string;
  at: number;
}

/** A blocking experience shown in a session, for the global rate limit. */
export interface BlockingShow {
  session: string;
  at: number;
  experience: string;
}

/** The mutable part of an experience: is a run in progress, at which step (tour) or level (nudge). */
export interface RunState {
  active: boolean;
  step: number;
  /** Paused until this time; the run resumes at `step` afterwards. */
  snoozedUntil: number | null;
  /** When this run began (absent in state written before runs carried it). */
  startedAt?: number;
  /** Tours: the declared id of the step at `step`, so a run survives steps added or removed before it. */
  stepId?: string;
  /** An active run opened from code or a button (`start()`), which bypassed its trigger, stage and frequency; absent: by its trigger. */
  via?: 'start';
}

export interface ItemState {
  done: boolean;
  /** The item version the user completed. */
  version: number;
  at: number;
}

export interface SurveyAnswer {
  at: number;
  o: string;
  score: number;
  comment?: string;
}

export interface ExperienceRecord {
  /** Per-origin show counters; the show count is their sum. */
  shows: Record<string, number>;
  firstShownAt: number | null;
  lastShownAt: number | null;
  /** The session it was last shown in (for `show: "session"`). */
  lastSession: Register<string> | null;
  /** First completion. */
  completedAt: number | null;
  /** Last dismissal. */
  dismissedAt: number | null;
  run: Register<RunState> | null;
  /**
   * The latest time a run was ended (dismissed, completed, snoozed) in any tab. A run that began at
   * or before it counts as ended, so a concurrent write from another tab (a show, a step) can never
   * bring back what the user closed. Merged by max, so the merge stays a join.
   */
  endedUpTo: number;
  /** Nudges: how many escalation levels were shown. */
  level: number;
  /** Held out as a control-group member. */
  control: boolean;
  /** `experience_would_have_shown` was emitted. */
  wouldHaveShown: boolean;
  /** Checklists: item id → state. */
  items: Record<string, Register<ItemState>>;
  /** Surveys: most recent answers, oldest first. */
  answers: SurveyAnswer[];
}

export interface UserState {
  /** State format version (`STATE_VERSION`). */
  v: number;
  userId: string;
  createdAt: number;
  /** The latest stamp this state has seen; new stamps are always later. */
  clock: { t: number; c: number };
  traits: Record<string, Register<Json>>;
  stage: Register<StageValue>;
  /** Stage entries, oldest first. */
  stageHistory: StageVisit[];
  events: Record<string, EventLog>;
  /** Path → last visit time. */
  visited: Record<string, number>;
  sessions: SessionStart[];
  blocking: BlockingShow[];
  experiences: Record<string, ExperienceRecord>;
}

/** The stamp every real write beats. */
export const ZERO_STAMP: Readonly<Stamp> = Object.freeze({ t: 0, c: 0, o: '' });

export function initialState(userId: string, at: number): UserState {
  return {
    v: STATE_VERSION,
    userId,
    createdAt: at,
    clock: { t: 0, c: 0 },
    traits: dict(),
    stage: { v: { id: null, since: at }, s: { ...ZERO_STAMP } },
    stageHistory: [],
    events: dict(),
    visited: dict(),
    sessions: [],
    blocking: [],
    experiences: dict(),
  };
}

export function emptyRecord(): ExperienceRecord {
  return {
    shows: dict(),
    firstShownAt: null,
    lastShownAt: null,
    lastSession: null,
    completedAt: null,
    dismissedAt: null,
    run: null,
    endedUpTo: 0,
    level: 0,
    control: false,
    wouldHaveShown: false,
    items: dict(),
    answers: [],
  };
}

// ---- safe dictionaries: keys come from configs and apps, so `__proto__` must be plain data ----

/** A prototype-less record: no key can reach Object.prototype. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Own property or undefined, whatever the record's prototype. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Set an own property; `__proto__` becomes a plain key instead of a prototype change. */
export function put<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

export function sumCounter(counter: Record<string, number>): number {
  let total = 0;
  for (const key in counter) total += counter[key]!;
  return total;
}

/** Total order on stamps: time, counter, origin. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  if (a.c !== b.c) return a.c < b.c ? -1 : 1;
  return a.o < b.o ? -1 : a.o > b.o ? 1 : 0;
}

/** Insert into a list sorted by `order`, keep only the last `limit` items; returns false if nothing changed. */
export function insertBounded<T>(list: T[], item: T, order: (a: T, b: T) => number, limit: number): boolean {
  let at = list.length;
  while (at > 0) {
    const diff = order(list[at - 1]!, item);
    if (diff === 0) return false;
    if (diff < 0) break;
    at--;
  }
  list.splice(at, 0, item);
  if (list.length > limit) list.splice(0, list.length - limit);
  return true;
}

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const eventOrder = (a: EventEntry, b: EventEntry): number => a.at - b.at || byText(a.o, b.o) || a.n - b.n;
export const stageVisitOrder = (a: StageVisit, b: StageVisit): number => a.at - b.at || byText(a.id, b.id);
export const sessionOrder = (a: SessionStart, b: SessionStart): number => a.at - b.at || byText(a.id, b.id);
export const blockingOrder = (a: BlockingShow, b: BlockingShow): number =>
  a.at - b.at || byText(a.session, b.session) || byText(a.experience, b.experience);
export const answerOrder = (a: SurveyAnswer, b: SurveyAnswer): number =>
  a.at - b.at || byText(a.o, b.o) || a.score - b.score || byText(a.comment ?? '', b.comment ?? '');
