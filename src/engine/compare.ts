import type { Compare, Scalar } from '../config/types.js';
import type { Json } from './contract.js';
import { durationMs, toTime } from './time.js';

/** The operators of a Compare, pre-parsed so a test does no date or duration parsing. */
export interface CompiledCompare {
  test(value: Json | undefined, at: number, later: (time: number) => void): boolean;
  /** `= "pro"`, `≥ 3 and < 10`, `older than 30d` … */
  readonly label: string;
}

const OPERATORS = ['equals', 'notEquals', 'in', 'gt', 'gte', 'lt', 'lte', 'before', 'after', 'olderThan', 'newerThan', 'contains', 'exists'] as const;
type Operator = (typeof OPERATORS)[number];

export function compileCompare(compare: Compare): CompiledCompare {
  const checks: Array<(value: Json | undefined, at: number, later: (time: number) => void) => boolean> = [];
  const labels: string[] = [];
  for (const operator of OPERATORS) {
    if (compare[operator] === undefined) continue;
    const built = buildOperator(operator, compare);
    checks.push(built.test);
    labels.push(built.label);
  }
  // No operator at all reads as "is set".
  if (checks.length === 0) {
    checks.push((value) => value !== undefined && value !== null);
    labels.push('is set');
  }
  return {
    label: labels.join(' and '),
    test(value, at, later) {
      for (const check of checks) if (!check(value, at, later)) return false;
      return true;
    },
  };
}

/** Event `where` filters accept a bare scalar for equality. */
export function compileFilter(filter: Scalar | Compare): CompiledCompare {
  return filter === null || typeof filter !== 'object' ? compileCompare({ equals: filter }) : compileCompare(filter);
}

function buildOperator(
  operator: Operator,
  compare: Compare,
): { test: (value: Json | undefined, at: number, later: (time: number) => void) => boolean; label: string } {
  switch (operator) {
    case 'equals': {
      const expected = compare.equals;
      return { test: (value) => value === expected, label: `= ${show(expected)}` };
    }
    case 'notEquals': {
      const expected = compare.notEquals;
      return { test: (value) => value !== expected, label: `≠ ${show(expected)}` };
    }
    case 'in': {
      const options = compare.in ?? [];
      return { test: (value) => value !== undefined && options.some((option) => option === value), label: `in ${show(options)}` };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const bound = compare[operator]!;
      const symbol = { gt: '>', gte: '≥', lt: '<', lte: '≤' }[operator];
      const holds = {
        gt: (n: number) => n > bound,
        gte: (n: number) => n >= bound,
        lt: (n: number) => n < bound,
        lte: (n: number) => n <= bound,
      }[operator];
      return { test: (value) => typeof value === 'number' && holds(value), label: `${symbol} ${bound}` };
    }
    case 'before':
    case 'after': {
      const text = compare[operator]!;
      const bound = toTime(text) ?? Number.NaN;
      const isBefore = operator === 'before';
      return {
        test: (value) => {
          const time = toTime(value);
          return time !== undefined && (isBefore ? time < bound : time > bound);
        },
        label: `${operator} ${text}`,
      };
    }
    case 'olderThan': {
      const text = compare.olderThan!;
      const age = durationMs(text);
      return {
        test: (value, at, later) => {
          const time = toTime(value);
          if (time === undefined) return false;
          // Becomes true once `age` has passed since the date.
          if (at - time < age) later(time + age);
          return at - time >= age;
        },
        label: `older than ${text}`,
      };
    }
    case 'newerThan': {
      const text = compare.newerThan!;
      const age = durationMs(text);
      return {
        test: (value, at, later) => {
          const time = toTime(value);
          if (time === undefined) return false;
          if (at - time <= age) later(time + age + 1);
          return at - time <= age;
        },
        label: `newer than ${text}`,
      };
    }
    case 'contains': {
      const needle = compare.contains!;
      return {
        test: (value) =>
          (typeof value === 'string' && value.includes(needle)) || (Array.isArray(value) && value.some((item) => item === needle)),
        label: `contains ${show(needle)}`,
      };
    }
    case 'exists': {
      const wanted = compare.exists!;
      return { test: (value) => (value !== undefined && value !== null) === wanted, label: wanted ? 'is set' : 'is not set' };
    }
  }
}

export function show(value: Json | undefined): string {
  if (value === undefined) return 'not set';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
