/**
 * The pre-release state shape (v0) and its upgrade to the v1 document shape. Only a record that old needs
 * it, so the runtime loads this module only when it reads one (read-state.ts `isOlderStoredState`).
 * It imports no code: the reader hands it the state helpers (`V0Tools`), so a bundler that splits code gives
 * it a chunk of its own without also moving those helpers into another chunk every page would then request.
 */
import type { Json } from './contract.js';
import type { isCount, isFiniteNumber, isRecord, isTime } from './read-state.js';
import type { LIMITS, dict, emptyRecord, put, EventLog, ExperienceRecord, Register, StageVisit, Stamp, SurveyAnswer } from './state.js';

/** What the upgrade builds with (read-state.ts passes them). */
export interface V0Tools {
  STATE_VERSION: number;
  LIMITS: typeof LIMITS;
  dict: typeof dict;
  put: typeof put;
  emptyRecord: typeof emptyRecord;
  isRecord: typeof isRecord;
  isTime: typeof isTime;
  isCount: typeof isCount;
  isFiniteNumber: typeof isFiniteNumber;
}

/**
 * The pre-release state shape (v0): one flat object, a status string per experience, raw
 * timestamps per event, no clocks and no per-origin counters. Kept here only to migrate it.
 */
export interface StateV0 {
  version?: 0;
  user: { id: string; traits?: Record<string, Json> };
  stage?: string | null;
  stageEnteredAt?: number;
  /** Timestamps per event name. */
  events?: Record<string, number[]>;
  /** Visited paths. */
  pages?: string[];
  experiences?: Record<
    string,
    {
      status?: 'seen' | 'active' | 'completed' | 'dismissed' | 'snoozed';
      step?: number;
      shownCount?: number;
      lastShownAt?: number;
      snoozedUntil?: number;
    }
  >;
  /** Done item ids per checklist. */
  checklists?: Record<string, string[]>;
  surveys?: Record<string, { score: number; comment?: string; at: number }>;
}

/** Who wrote a migrated register or event: the old shape had no per-tab origins. */
const V0_ORIGIN = 'v0';

/** v0 → the v1 document shape; the v1 reader then validates every field of it. */
export function migrateV0(raw: Record<string, unknown>, at: number, tools: V0Tools): Record<string, unknown> {
  const { STATE_VERSION, LIMITS, dict, put, emptyRecord, isRecord, isTime, isCount, isFiniteNumber } = tools;
  const old = raw as Partial<Record<keyof StateV0, unknown>>;
  const user = isRecord(old.user) ? old.user : {};
  // Migrated registers carry the time they are known to date from (or 0): any real later write wins.
  const stamp = (t: unknown): Stamp => ({ t: isTime(t) ? t : 0, c: 0, o: V0_ORIGIN });

  const traits = dict<Register<unknown>>();
  if (isRecord(user['traits'])) for (const key of Object.keys(user['traits'])) put(traits, key, { v: user['traits'][key], s: stamp(0) });

  const stageId = typeof old.stage === 'string' ? old.stage : null;
  const stageSince = isTime(old.stageEnteredAt) ? old.stageEnteredAt : at;
  const stageHistory: StageVisit[] = stageId !== null && isTime(old.stageEnteredAt) ? [{ id: stageId, at: old.stageEnteredAt }] : [];

  const events = dict<EventLog>();
  if (isRecord(old.events)) {
    for (const name of Object.keys(old.events)) {
      const times = old.events[name];
      if (!Array.isArray(times)) continue;
      const sorted = times.filter(isTime).sort((a, b) => a - b);
      const recent = sorted.map((time, position) => ({ at: time, o: V0_ORIGIN, n: position + 1 })).slice(-LIMITS.eventsPerName);
      const counts = dict<number>();
      put(counts, V0_ORIGIN, sorted.length);
      put(events, name, { counts, recent });
    }
  }

  const visited = dict<number>();
  if (Array.isArray(old.pages)) for (const path of old.pages) if (typeof path === 'string') put(visited, path, 0);

  const experiences = dict<ExperienceRecord>();
  const recordFor = (id: string): ExperienceRecord => {
    if (!Object.hasOwn(experiences, id)) put(experiences, id, emptyRecord());
    return experiences[id]!;
  };
  if (isRecord(old.experiences)) {
    for (const id of Object.keys(old.experiences)) {
      const entry = old.experiences[id];
      if (!isRecord(entry)) continue;
      const rec = recordFor(id);
      const status = entry['status'];
      const lastShownAt = isTime(entry['lastShownAt']) ? entry['lastShownAt'] : null;
      const count = isCount(entry['shownCount']) ? entry['shownCount'] : typeof status === 'string' ? 1 : 0;
      if (count > 0) put(rec.shows, V0_ORIGIN, count);
      rec.firstShownAt = count > 0 ? lastShownAt : null;
      rec.lastShownAt = count > 0 ? lastShownAt : null;
      if (status === 'completed') rec.completedAt = lastShownAt ?? 0;
      if (status === 'dismissed') rec.dismissedAt = lastShownAt ?? 0;
      const step = isCount(entry['step']) ? entry['step'] : 0;
      if (status === 'active') rec.run = { v: { active: true, step, snoozedUntil: null }, s: stamp(lastShownAt) };
      else if (status === 'snoozed' && isTime(entry['snoozedUntil'])) rec.run = { v: { active: false, step, snoozedUntil: entry['snoozedUntil'] }, s: stamp(lastShownAt) };
    }
  }
  if (isRecord(old.checklists)) {
    for (const id of Object.keys(old.checklists)) {
      const done = old.checklists[id];
      if (!Array.isArray(done)) continue;
      const rec = recordFor(id);
      for (const item of done) if (typeof item === 'string') put(rec.items, item, { v: { done: true, version: 1, at: 0 }, s: stamp(0) });
    }
  }
  if (isRecord(old.surveys)) {
    for (const id of Object.keys(old.surveys)) {
      const answer = old.surveys[id];
      if (!isRecord(answer) || !isTime(answer['at']) || !isFiniteNumber(answer['score'])) continue;
      const rec = recordFor(id);
      const entry: SurveyAnswer = { at: answer['at'], o: V0_ORIGIN, score: answer['score'] };
      if (typeof answer['comment'] === 'string') entry.comment = answer['comment'];
      rec.answers.push(entry);
      rec.completedAt = rec.completedAt === null ? answer['at'] : Math.min(rec.completedAt, answer['at']);
    }
  }

  return {
    v: STATE_VERSION,
    userId: typeof user['id'] === 'string' ? user['id'] : undefined,
    createdAt: at,
    traits,
    stage: { v: { id: stageId, since: stageSince }, s: stamp(old.stageEnteredAt) },
    stageHistory,
    events,
    visited,
    sessions: [],
    blocking: [],
    experiences,
  };
}
