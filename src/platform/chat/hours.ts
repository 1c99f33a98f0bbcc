/**
 * Operator hours in the team's IANA time zone, computed with `Intl.DateTimeFormat` only (no date library).
 *
 * A weekday lists open intervals `HH:MM-HH:MM` in local wall-clock time; an end at or before its start runs
 * past midnight (`22:00-02:00`), and `24:00` ends at midnight. A closed date (`YYYY-MM-DD`, local) cancels the
 * intervals that start on it. DST needs no special case for `isOpen` (it reads the wall clock at an instant);
 * `nextOpening` turns a local start into an instant and, when that start falls in a spring-forward gap, moves
 * to the moment the clocks jump (the first instant whose wall clock is past the start).
 */
import type { OperatorHours, Weekday } from '../../config/types.js';

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
/** How far ahead `nextOpening` looks (a year and a bit: enough for any weekly schedule with closed dates). */
const SEARCH_DAYS = 400;

interface WallClock {
  /** Days since 1970-01-01 of the local calendar date. */
  day: number;
  /** Minutes since local midnight. */
  minute: number;
}

interface Interval {
  start: number;
  end: number;
}

export type HoursIssueCode = 'invalid-time-zone' | 'invalid-interval' | 'invalid-date';
export interface HoursIssue {
  code: HoursIssueCode;
  path: string;
  message: string;
}

const INTERVAL = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseInterval(text: string): Interval | undefined {
  const match = INTERVAL.exec(text.trim());
  if (!match) return undefined;
  const start = Number(match[1]) * 60 + Number(match[2]);
  const end = Number(match[3]) * 60 + Number(match[4]);
  if (end > DAY_MINUTES) return undefined;
  return { start, end };
}

function dayOfDate(text: string): number | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, date);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return undefined;
  return time / 86_400_000;
}

const weekdayOf = (day: number): Weekday => WEEKDAYS[(((day + 4) % 7) + 7) % 7]!; // 1970-01-01 was a Thursday

/** The parsed schedule and a wall-clock reader for its zone; `undefined` when the zone is unknown. */
interface Schedule {
  wallClock(at: number): WallClock;
  intervals(day: number): Interval[];
}

function compile(hours: OperatorHours): Schedule | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: hours.timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
  } catch {
    return undefined;
  }
  const closed = new Set((hours.closed ?? []).map(dayOfDate).filter((day): day is number => day !== undefined));
  const weekly = new Map<Weekday, Interval[]>();
  for (const weekday of WEEKDAYS) {
    const intervals = (hours.weekly[weekday] ?? []).map(parseInterval).filter((i): i is Interval => i !== undefined);
    weekly.set(weekday, intervals.sort((a, b) => a.start - b.start));
  }
  return {
    wallClock(at) {
      const parts: Record<string, number> = {};
      for (const part of format.formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
      const day = Date.UTC(parts.year!, parts.month! - 1, parts.day!) / 86_400_000;
      return { day, minute: parts.hour! * 60 + parts.minute! };
    },
    intervals(day) {
      return closed.has(day) ? [] : weekly.get(weekdayOf(day))!;
    },
  };
}

/** Problems that make a schedule (partly) unusable, for the validator or a debug panel. */
export function checkHours(hours: OperatorHours): HoursIssue[] {
  const issues: HoursIssue[] = [];
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: hours.timeZone });
  } catch {
    issues.push({ code: 'invalid-time-zone', path: 'timeZone', message: `Unknown IANA time zone "${hours.timeZone}"` });
  }
  for (const weekday of WEEKDAYS) {
    (hours.weekly[weekday] ?? []).forEach((text, i) => {
      if (!parseInterval(text)) issues.push({ code: 'invalid-interval', path: `weekly.${weekday}[${i}]`, message: `Expected "HH:MM-HH:MM", got "${text}"` });
    });
  }
  (hours.closed ?? []).forEach((text, i) => {
    if (dayOfDate(text) === undefined) issues.push({ code: 'invalid-date', path: `closed[${i}]`, message: `Expected a date "YYYY-MM-DD", got "${text}"` });
  });
  return issues;
}

const coversToday = (interval: Interval, minute: number): boolean =>
  interval.end > interval.start ? minute >= interval.start && minute < interval.end : minute >= interval.start;
/** The part after midnight of an interval that started the day before. */
const coversFromYesterday = (interval: Interval, minute: number): boolean => interval.end <= interval.start && minute < interval.end;

function openAt(schedule: Schedule, at: number): boolean {
  const { day, minute } = schedule.wallClock(at);
  return schedule.intervals(day).some((i) => coversToday(i, minute)) || schedule.intervals(day - 1).some((i) => coversFromYesterday(i, minute));
}

/** Whether operators are on duty at `at` (epoch ms). An unknown time zone is never open. */
export function isOpen(hours: OperatorHours, at: number): boolean {
  const schedule = compile(hours);
  return schedule !== undefined && openAt(schedule, at);
}

/**
 * The instants (epoch ms, ascending) local wall-clock `day`/`minute` occurs at: two when the clocks go back over
 * it, the moment they jump when it falls in a spring-forward gap. Assumes at most one offset change within a
 * day either side, as in every real zone.
 */
function instantsOf(schedule: Schedule, day: number, minute: number): number[] {
  const wall = day * DAY_MINUTES + minute;
  const wallOf = (atMinute: number): number => {
    const clock = schedule.wallClock(atMinute * MINUTE);
    return clock.day * DAY_MINUTES + clock.minute;
  };
  const offsetAt = (atMinute: number): number => wallOf(atMinute) - atMinute;
  // Read as UTC, the wall time is within a day of the instant: the offsets there are the ones before and after.
  const earlier = wall - offsetAt(wall - DAY_MINUTES);
  const later = wall - offsetAt(wall + DAY_MINUTES);
  const exact = [...new Set([earlier, later])].filter((candidate) => wallOf(candidate) === wall).sort((a, b) => a - b);
  if (exact.length > 0) return exact.map((candidate) => candidate * MINUTE);
  // A gap: the wall clock jumps over `wall` between the two guesses; find the jump.
  let low = Math.min(earlier, later);
  let high = Math.max(earlier, later);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (wallOf(middle) >= wall) high = middle;
    else low = middle;
  }
  return [high * MINUTE];
}

/**
 * When operators are next on duty: `at` itself when open now, otherwise the start of the next interval
 * (epoch ms, minute precision). `null` when nothing opens within about a year, or the time zone is unknown.
 */
export function nextOpening(hours: OperatorHours, at: number): number | null {
  const schedule = compile(hours);
  if (!schedule) return null;
  if (openAt(schedule, at)) return at;
  const today = schedule.wallClock(at).day;
  for (let day = today; day <= today + SEARCH_DAYS; day++) {
    // Earliest of the day's starts (a repeated hour can put a later wall time before an earlier one's repeat).
    const starts = schedule.intervals(day).flatMap((interval) => instantsOf(schedule, day, interval.start));
    const next = starts.filter((start) => start > at && openAt(schedule, start)).sort((a, b) => a - b)[0];
    if (next !== undefined) return next;
  }
  return null;
}
