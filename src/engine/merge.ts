/**
 * The join of two user states. Two tabs (or a tab and a remote backend) may write at the same
 * time; merging their states in any order, any grouping, any number of times gives the same
 * result, and no update is lost:
 *  - monotone facts merge by union or max/min: event occurrences, per-origin counters, items
 *    done at a version, first/last times, visited pages, control flags;
 *  - mutable fields (traits, stage, run state, item ticks, last session) are last-writer-wins
 *    registers ordered by (time, counter, origin), with the value itself as the final tie-break.
 * Bounded lists keep the top N of the union under a total order of immutable elements, which
 * is itself a join.
 */
import type { Json } from './contract.js';
import {
  LIMITS,
  answerOrder,
  blockingOrder,
  byText,
  compareStamps,
  dict,
  eventOrder,
  put,
  sessionOrder,
  stageVisitOrder,
  type EventLog,
  type ExperienceRecord,
  type ItemState,
  type Register,
  type UserState,
} from './state.js';

export function mergeStates(a: UserState, b: UserState): UserState {
  return {
    v: Math.max(a.v, b.v),
    userId: a.userId === b.userId ? a.userId : a.userId < b.userId ? a.userId : b.userId,
    createdAt: Math.min(a.createdAt, b.createdAt),
    clock: a.clock.t !== b.clock.t ? (a.clock.t > b.clock.t ? { ...a.clock } : { ...b.clock }) : { t: a.clock.t, c: Math.max(a.clock.c, b.clock.c) },
    traits: mergeRecords(a.traits, b.traits, mergeRegister),
    stage: mergeRegister(a.stage, b.stage),
    stageHistory: mergeSorted(a.stageHistory, b.stageHistory, stageVisitOrder, LIMITS.stageHistory),
    events: mergeRecords(a.events, b.events, mergeEventLogs),
    visited: mergeVisited(a.visited, b.visited),
    sessions: mergeSorted(a.sessions, b.sessions, sessionOrder, LIMITS.sessions),
    blocking: mergeSorted(a.blocking, b.blocking, blockingOrder, LIMITS.blockingShows),
    experiences: mergeRecords(a.experiences, b.experiences, mergeExperience),
  };
}

function mergeExperience(a: ExperienceRecord, b: ExperienceRecord): ExperienceRecord {
  return {
    shows: mergeCounters(a.shows, b.shows),
    firstShownAt: minOf(a.firstShownAt, b.firstShownAt),
    lastShownAt: maxOf(a.lastShownAt, b.lastShownAt),
    lastSession: mergeOptionalRegister(a.lastSession, b.lastSession),
    completedAt: minOf(a.completedAt, b.completedAt),
    dismissedAt: maxOf(a.dismissedAt, b.dismissedAt),
    run: mergeOptionalRegister(a.run, b.run),
    endedUpTo: Math.max(a.endedUpTo ?? 0, b.endedUpTo ?? 0),
    level: Math.max(a.level, b.level),
    control: a.control || b.control,
    wouldHaveShown: a.wouldHaveShown || b.wouldHaveShown,
    items: mergeRecords(a.items, b.items, mergeItem),
    answers: mergeSorted(a.answers, b.answers, answerOrder, LIMITS.answersPerSurvey),
  };
}

/** A newer item version wins over an older one; within a version the later tick or untick wins. */
function mergeItem(a: Register<ItemState>, b: Register<ItemState>): Register<ItemState> {
  if (a.v.version !== b.v.version) return copyRegister(a.v.version > b.v.version ? a : b);
  return mergeRegister(a, b);
}

function mergeEventLogs(a: EventLog, b: EventLog): EventLog {
  return {
    counts: mergeCounters(a.counts, b.counts),
    recent: mergeSorted(a.recent, b.recent, eventOrder, LIMITS.eventsPerName),
  };
}

export function mergeRegister<T>(a: Register<T>, b: Register<T>): Register<T> {
  const order = compareStamps(a.s, b.s);
  if (order !== 0) return copyRegister(order > 0 ? a : b);
  // Same stamp: only a corrupted or replayed history gets here; pick by value so the join stays total.
  const left = stableJson(a.v as Json);
  const right = stableJson(b.v as Json);
  return copyRegister(left >= right ? a : b);
}

function mergeOptionalRegister<T>(a: Register<T> | null, b: Register<T> | null): Register<T> | null {
  if (a === null) return b === null ? null : copyRegister(b);
  if (b === null) return copyRegister(a);
  return mergeRegister(a, b);
}

function copyRegister<T>(register: Register<T>): Register<T> {
  return { v: cloneJson(register.v as Json) as T, s: { ...register.s } };
}

function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, merge: (x: T, y: T) => T): Record<string, T> {
  const out = dict<T>();
  for (const key of Object.keys(a)) {
    put(out, key, Object.hasOwn(b, key) ? merge(a[key]!, b[key]!) : merge(a[key]!, a[key]!));
  }
  for (const key of Object.keys(b)) {
    if (!Object.hasOwn(a, key)) put(out, key, merge(b[key]!, b[key]!));
  }
  return sortKeys(out);
}

function mergeCounters(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  return mergeRecords(a, b, Math.max);
}

/** Keep the most recent `LIMITS.visitedPages` paths by last visit (then path), a top-N of a max-union. */
function mergeVisited(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const merged = mergeRecords(a, b, Math.max);
  return boundVisited(merged);
}

export function boundVisited(visited: Record<string, number>): Record<string, number> {
  const keys = Object.keys(visited);
  if (keys.length <= LIMITS.visitedPages) return visited;
  keys.sort((x, y) => visited[y]! - visited[x]! || byText(x, y));
  const out = dict<number>();
  for (const key of keys.slice(0, LIMITS.visitedPages).sort(byText)) put(out, key, visited[key]!);
  return out;
}

/** Union of two sorted lists of immutable elements (equal under `order` means identical), last `limit` kept. */
function mergeSorted<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number, limit: number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  const sortedA = isSorted(a, order) ? a : [...a].sort(order);
  const sortedB = isSorted(b, order) ? b : [...b].sort(order);
  while (i < sortedA.length || j < sortedB.length) {
    let next: T;
    if (j >= sortedB.length) next = sortedA[i++]!;
    else if (i >= sortedA.length) next = sortedB[j++]!;
    else {
      const diff = order(sortedA[i]!, sortedB[j]!);
      if (diff === 0) {
        next = sortedA[i++]!;
        j++;
      } else if (diff < 0) next = sortedA[i++]!;
      else next = sortedB[j++]!;
    }
    if (out.length > 0 && order(out[out.length - 1]!, next) === 0) continue;
    out.push(cloneJson(next as Json) as T);
  }
  return out.length > limit ? out.slice(out.length - limit) : out;
}

function isSorted<T>(list: readonly T[], order: (x: T, y: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (order(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function maxOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const keys = Object.keys(record);
  if (isSorted(keys, byText)) return record;
  const out = dict<T>();
  for (const key of keys.sort(byText)) put(out, key, record[key]!);
  return out;
}

/** JSON with sorted keys: equal values give equal text. */
export function stableJson(value: Json | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => stableJson(item)).join(',')}]`;
  const keys = Object.keys(value).sort(byText);
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`).join(',')}}`;
}

/** Deep copy of JSON data into prototype-less records, so merged states share nothing with their inputs. */
export function cloneJson(value: Json): Json {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneJson);
  const out = dict<Json>();
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item !== undefined) put(out, key, cloneJson(item));
  }
  return out;
}
