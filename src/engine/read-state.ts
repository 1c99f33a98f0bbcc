/**
 * Reading whatever storage returned. Stored state may be from an older SDK, from a newer one
 * (after a rollback), half-written, or garbage. `readStoredState` never throws, keeps every piece
 * of progress it can validate, drops only what it cannot read (saying so in `issues`), and
 * returns prototype-less records so no stored key can reach Object.prototype.
 * Upgrading an older shape is code of its own (migrate-v0.ts), handed in by the caller: the runtime
 * loads it only when a stored record is that old (`isOlderStoredState`); `migrateState` has it built in.
 */
import type { Json } from './contract.js';
import type { V0Tools } from './migrate-v0.js';
import { boundVisited } from './merge.js';
import {
  LIMITS,
  STATE_VERSION,
  answerOrder,
  blockingOrder,
  compareStamps,
  dict,
  emptyRecord,
  eventOrder,
  initialState,
  put,
  sessionOrder,
  stageVisitOrder,
  type BlockingShow,
  type EventEntry,
  type EventLog,
  type ExperienceRecord,
  type ItemState,
  type Register,
  type RunState,
  type SessionStart,
  type StageValue,
  type StageVisit,
  type Stamp,
  type SurveyAnswer,
  type UserState,
} from './state.js';

const MAX_JSON_DEPTH = 32;

/** Upgrades a v0 record to the v1 document shape (migrate-v0.ts). */
export type UpgradeFromV0 = (raw: Record<string, unknown>, at: number, tools: V0Tools) => Record<string, unknown>;

/**
 * Whether `raw` is a record older than this version (v0): then `readStoredState` needs its upgrade handed in.
 * Cheap, so it runs on every record read; never throws.
 */
export function isOlderStoredState(raw: unknown): boolean {
  try {
    return isRecord(raw) && storedVersion(raw) === 0;
  } catch {
    return false;
  }
}

function storedVersion(raw: Record<string, unknown>): number | undefined {
  if (typeof raw['v'] === 'number' && Number.isInteger(raw['v']) && raw['v'] >= 1) return raw['v'];
  if (raw['version'] === 0 || (raw['v'] === undefined && isRecord(raw['user']))) return 0;
  return undefined;
}

/** Read a stored record: `fromV0` upgrades a v0 one (without it such a record cannot be read; see `isOlderStoredState`). */
export function readStoredState(raw: unknown, userId: string, at: number, fromV0: UpgradeFromV0 | null): { state: UserState; issues: string[] } {
  const issues: string[] = [];
  try {
    if (raw === undefined || raw === null) return { state: initialState(userId, at), issues };
    if (!isRecord(raw)) {
      issues.push(`stored state is ${kindOf(raw)}, not an object; started fresh`);
      return { state: initialState(userId, at), issues };
    }
    let stored: Record<string, unknown> = raw;
    let version = storedVersion(raw);
    if (version === undefined) {
      issues.push(`stored state has no readable version (v: ${kindOf(raw['v'])}); read as v${STATE_VERSION}`);
      version = STATE_VERSION;
    }
    if (version === 0) {
      if (!fromV0) throw new Error('it is v0 and the v0 upgrade was not loaded');
      stored = fromV0(raw, at, { STATE_VERSION, LIMITS, dict, put, emptyRecord, isRecord, isTime, isCount, isFiniteNumber });
      issues.push(`migrated stored state from v0 to v${STATE_VERSION}`);
    } else if (version > STATE_VERSION) {
      issues.push(`stored state v${version} is newer than this SDK (v${STATE_VERSION}); kept what this version understands`);
    }
    const reader = new Reader(issues);
    const state = reader.read(stored, userId, at);
    reader.report();
    return { state, issues };
  } catch (error) {
    // Only a hostile object (a throwing getter or proxy), or a v0 record without its upgrade, gets here.
    issues.push(`stored state could not be read (${error instanceof Error ? error.message : String(error)}); started fresh`);
    return { state: initialState(userId, at), issues };
  }
}

/** Validates a v1 document piece by piece, keeping what is valid and counting what is not. */
class Reader {
  private readonly dropped = new Map<string, number>();
  private maxStamp: { t: number; c: number } = { t: 0, c: 0 };

  constructor(private readonly issues: string[]) {}

  read(doc: Record<string, unknown>, userId: string, at: number): UserState {
    const state = initialState(userId, at);
    if (doc['userId'] !== undefined && doc['userId'] !== userId) {
      this.issues.push(`stored state belonged to user ${JSON.stringify(String(doc['userId']).slice(0, 60))}; kept its progress for ${JSON.stringify(userId)}`);
    }
    if (isTime(doc['createdAt'])) state.createdAt = doc['createdAt'];
    state.traits = this.record(doc['traits'], 'traits', (value) => this.register(value, (v) => this.json(v)));
    const stage = this.register(doc['stage'], (v) => this.stageValue(v));
    if (stage) state.stage = stage;
    else if (doc['stage'] !== undefined) this.drop('stage');
    state.stageHistory = this.list(doc['stageHistory'], 'stageHistory', (v) => this.stageVisit(v), stageVisitOrder, LIMITS.stageHistory);
    state.events = this.record(doc['events'], 'events', (v) => this.eventLog(v));
    state.visited = boundVisited(this.record(doc['visited'], 'visited', (v) => (isTime(v) ? v : undefined)));
    state.sessions = this.list(doc['sessions'], 'sessions', (v) => this.session(v), sessionOrder, LIMITS.sessions);
    state.blocking = this.list(doc['blocking'], 'blocking', (v) => this.blockingShow(v), blockingOrder, LIMITS.blockingShows);
    state.experiences = this.record(doc['experiences'], 'experiences', (v) => this.experience(v));
    // The clock must be at least every stamp it has issued, or a new write could lose to an old one.
    const clock = isRecord(doc['clock']) && isTime(doc['clock']['t']) && isCount(doc['clock']['c']) ? { t: doc['clock']['t'], c: doc['clock']['c'] } : { t: 0, c: 0 };
    state.clock = compareClock(clock, this.maxStamp) >= 0 ? clock : { ...this.maxStamp };
    return state;
  }

  report(): void {
    for (const [part, count] of this.dropped) this.issues.push(`dropped ${count} unreadable ${count === 1 ? 'entry' : 'entries'} in ${part}`);
  }

  private drop(part: string): void {
    this.dropped.set(part, (this.dropped.get(part) ?? 0) + 1);
  }

  private record<T>(value: unknown, part: string, read: (item: unknown) => T | undefined): Record<string, T> {
    const out = dict<T>();
    if (value === undefined) return out;
    if (!isRecord(value)) {
      this.drop(part);
      return out;
    }
    for (const key of Object.keys(value).sort()) {
      const item = read(value[key]);
      if (item === undefined) this.drop(part);
      else put(out, key, item);
    }
    return out;
  }

  private list<T>(value: unknown, part: string, read: (item: unknown) => T | undefined, order: (a: T, b: T) => number, limit: number): T[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.drop(part);
      return [];
    }
    const out: T[] = [];
    for (const entry of value) {
      const item = read(entry);
      if (item === undefined) this.drop(part);
      else out.push(item);
    }
    out.sort(order);
    const unique = out.filter((item, index) => index === 0 || order(out[index - 1]!, item) !== 0);
    return unique.slice(-limit);
  }

  private stamp(value: unknown): Stamp | undefined {
    if (!isRecord(value) || !isTime(value['t']) || !isCount(value['c']) || typeof value['o'] !== 'string') return undefined;
    const stamp = { t: value['t'], c: value['c'], o: value['o'] };
    if (compareClock(stamp, this.maxStamp) > 0) this.maxStamp = { t: stamp.t, c: stamp.c };
    return stamp;
  }

  private register<T>(value: unknown, read: (v: unknown) => T | undefined): Register<T> | undefined {
    if (!isRecord(value)) return undefined;
    const s = this.stamp(value['s']);
    const v = read(value['v']);
    return s === undefined || v === undefined ? undefined : { v, s };
  }

  private json(value: unknown, depth = 0): Json | undefined {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
    if (depth >= MAX_JSON_DEPTH) return undefined;
    if (Array.isArray(value)) {
      const out: Json[] = [];
      for (const item of value) {
        const read = this.json(item, depth + 1);
        if (read === undefined) return undefined;
        out.push(read);
      }
      return out;
    }
    if (isRecord(value)) {
      const out = dict<Json>();
      for (const key of Object.keys(value)) {
        const read = this.json(value[key], depth + 1);
        if (read === undefined) return undefined;
        put(out, key, read);
      }
      return out;
    }
    return undefined;
  }

  private stageValue(value: unknown): StageValue | undefined {
    if (!isRecord(value) || !isTime(value['since'])) return undefined;
    const id = value['id'];
    if (id !== null && (typeof id !== 'string' || id === '')) return undefined;
    return { id, since: value['since'] };
  }

  private stageVisit(value: unknown): StageVisit | undefined {
    return isRecord(value) && typeof value['id'] === 'string' && isTime(value['at']) ? { id: value['id'], at: value['at'] } : undefined;
  }

  private eventLog(value: unknown): EventLog | undefined {
    if (!isRecord(value)) return undefined;
    const counts = this.record(value['counts'], 'event counts', (v) => (isCount(v) ? v : undefined));
    const recent = this.list(value['recent'], 'event entries', (v) => this.eventEntry(v), eventOrder, LIMITS.eventsPerName);
    // Every kept occurrence is counted, even if its counter was lost.
    for (const entry of recent) if ((Object.hasOwn(counts, entry.o) ? counts[entry.o]! : 0) < entry.n) put(counts, entry.o, entry.n);
    return { counts, recent };
  }

  private eventEntry(value: unknown): EventEntry | undefined {
    if (!isRecord(value) || !isTime(value['at']) || typeof value['o'] !== 'string' || !isCount(value['n']) || value['n'] < 1) return undefined;
    const entry: EventEntry = { at: value['at'], o: value['o'], n: value['n'] };
    if (value['p'] !== undefined) {
      const props = this.json(value['p']);
      if (props === undefined || props === null || typeof props !== 'object' || Array.isArray(props)) return undefined;
      entry.p = props;
    }
    return entry;
  }

  private session(value: unknown): SessionStart | undefined {
    return isRecord(value) && typeof value['id'] === 'string' && isTime(value['at']) ? { id: value['id'], at: value['at'] } : undefined;
  }

  private blockingShow(value: unknown): BlockingShow | undefined {
    if (!isRecord(value) || typeof value['session'] !== 'string' || !isTime(value['at']) || typeof value['experience'] !== 'string') return undefined;
    return { session: value['session'], at: value['at'], experience: value['experience'] };
  }

  private experience(value: unknown): ExperienceRecord | undefined {
    if (!isRecord(value)) return undefined;
    const rec = emptyRecord();
    rec.shows = this.record(value['shows'], 'show counters', (v) => (isCount(v) ? v : undefined));
    rec.firstShownAt = this.optionalTime(value['firstShownAt'], 'experience times');
    rec.lastShownAt = this.optionalTime(value['lastShownAt'], 'experience times');
    rec.completedAt = this.optionalTime(value['completedAt'], 'experience times');
    rec.dismissedAt = this.optionalTime(value['dismissedAt'], 'experience times');
    rec.lastSession = this.optionalRegister(value['lastSession'], 'experience sessions', (v) => (typeof v === 'string' ? v : undefined));
    rec.run = this.optionalRegister(value['run'], 'experience runs', (v) => this.run(v));
    rec.endedUpTo = isTime(value['endedUpTo']) ? value['endedUpTo'] : 0;
    rec.level = isCount(value['level']) ? value['level'] : 0;
    rec.control = value['control'] === true;
    rec.wouldHaveShown = value['wouldHaveShown'] === true;
    rec.items = this.record(value['items'], 'checklist items', (v) => this.register(v, (item) => this.item(item)));
    rec.answers = this.list(value['answers'], 'survey answers', (v) => this.answer(v), answerOrder, LIMITS.answersPerSurvey);
    return rec;
  }

  private optionalTime(value: unknown, part: string): number | null {
    if (value === undefined || value === null) return null;
    if (isTime(value)) return value;
    this.drop(part);
    return null;
  }

  private optionalRegister<T>(value: unknown, part: string, read: (v: unknown) => T | undefined): Register<T> | null {
    if (value === undefined || value === null) return null;
    const register = this.register(value, read);
    if (register === undefined) this.drop(part);
    return register ?? null;
  }

  private run(value: unknown): RunState | undefined {
    if (!isRecord(value) || typeof value['active'] !== 'boolean' || !isCount(value['step'])) return undefined;
    const snoozedUntil = value['snoozedUntil'];
    if (snoozedUntil !== null && snoozedUntil !== undefined && !isTime(snoozedUntil)) return undefined;
    const run: RunState = { active: value['active'], step: value['step'], snoozedUntil: snoozedUntil ?? null };
    if (isTime(value['startedAt'])) run.startedAt = value['startedAt'];
    if (typeof value['stepId'] === 'string') run.stepId = value['stepId'];
    if (value['via'] === 'start' && run.active) run.via = 'start';
    return run;
  }

  private item(value: unknown): ItemState | undefined {
    if (!isRecord(value) || typeof value['done'] !== 'boolean' || !isCount(value['version']) || !isTime(value['at'])) return undefined;
    return { done: value['done'], version: value['version'], at: value['at'] };
  }

  private answer(value: unknown): SurveyAnswer | undefined {
    if (!isRecord(value) || !isTime(value['at']) || typeof value['o'] !== 'string' || !isFiniteNumber(value['score'])) return undefined;
    const answer: SurveyAnswer = { at: value['at'], o: value['o'], score: value['score'] };
    if (typeof value['comment'] === 'string') answer.comment = value['comment'];
    return answer;
  }
}

function compareClock(a: { t: number; c: number }, b: { t: number; c: number }): number {
  return compareStamps({ ...a, o: '' }, { ...b, o: '' });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Epoch ms (or any finite time); negative times are accepted as stored. */
export function isTime(value: unknown): value is number {
  return isFiniteNumber(value);
}

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
