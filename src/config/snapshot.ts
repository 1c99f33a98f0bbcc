/**
 * A defensive copy of untrusted input into plain JSON data, before any schema sees it.
 * It never throws and never recurses without bound: getters that throw, proxies, cycles,
 * prototype-polluting keys, non-JSON values and oversized input become issues, and the
 * offending value is left out of the copy (its path is "poisoned" so later checks stay quiet).
 */
import { describeValue, issue, type ConfigIssue, type IssuePath } from './issues.js';

export const SNAPSHOT_LIMITS = {
  /** Nesting of objects and arrays. Deep enough for conditions nested 32 levels. */
  maxDepth: 100,
  maxArrayItems: 10_000,
  maxObjectKeys: 1_000,
  maxStringLength: 100_000,
  /** Total objects, arrays and values copied; beyond this the document is refused. */
  maxNodes: 500_000,
} as const;

/** Keys that can reach an object's prototype when assigned: never copied. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Snapshot {
  value: JsonValue | undefined;
  issues: ConfigIssue[];
  /** Paths whose value was left out; issues at or under them are already reported. */
  poisoned: IssuePath[];
  /** The node budget ran out: the copy is incomplete and must not be used. */
  truncated: boolean;
}

/**
 * @param limitFor a tighter item limit for the array at a path (e.g. 1000 experiences), so
 *   oversized lists are cut while copying rather than after.
 */
export function snapshot(
  input: unknown,
  limitFor: (path: IssuePath) => number | undefined = () => undefined,
  limits: typeof SNAPSHOT_LIMITS = SNAPSHOT_LIMITS,
): Snapshot {
  const issues: ConfigIssue[] = [];
  const poisoned: IssuePath[] = [];
  const ancestors = new Set<object>();
  let nodes = 0;
  let truncated = false;

  const refuse = (path: IssuePath, code: string, text: string): undefined => {
    issues.push(issue('error', code, path, text));
    poisoned.push(path);
    return undefined;
  };

  const copy = (value: unknown, path: IssuePath, depth: number): JsonValue | undefined => {
    if (truncated) return undefined;
    if (++nodes > limits.maxNodes) {
      truncated = true;
      return refuse(path, 'too-large', `the document is too large (more than ${limits.maxNodes} values); nothing after this point was read`);
    }
    switch (typeof value) {
      case 'string':
        if (value.length > limits.maxStringLength) {
          return refuse(path, 'too-long', `expected a string of at most ${limits.maxStringLength} characters, got ${value.length}`);
        }
        return value;
      case 'boolean':
        return value;
      case 'number':
        return Number.isFinite(value) ? value : refuse(path, 'invalid-type', `expected a finite number, got ${String(value)}`);
      case 'undefined':
        return undefined;
      case 'object':
        break;
      default:
        return refuse(path, 'invalid-type', `expected JSON data, got ${describeValue(value)}`);
    }
    if (value === null) return null;
    if (depth >= limits.maxDepth) return refuse(path, 'too-deep', `nested deeper than ${limits.maxDepth} levels`);
    if (ancestors.has(value)) return refuse(path, 'cyclic', 'the value contains itself (a cyclic reference)');
    ancestors.add(value);
    try {
      return Array.isArray(value) ? copyArray(value, path, depth) : copyObject(value, path, depth);
    } catch (error) {
      // A proxy trap or a getter threw while reading this value.
      return refuse(path, 'unreadable', `could not be read (${errorText(error)})`);
    } finally {
      ancestors.delete(value);
    }
  };

  const copyArray = (array: readonly unknown[], path: IssuePath, depth: number): JsonValue[] => {
    const length = array.length;
    const limit = Math.min(limitFor(path) ?? limits.maxArrayItems, limits.maxArrayItems);
    const kept = Math.min(length, limit);
    // Reported first, so a capped issue list still shows it.
    if (length > kept) refuse([...path, kept], 'too-many', `expected at most ${limit} items, got ${length}; the rest were not read`);
    const out: JsonValue[] = [];
    for (let index = 0; index < kept; index++) {
      const reported = issues.length;
      const item = read(array, index, [...path, index], depth);
      if (item === undefined && issues.length === reported) {
        refuse([...path, index], 'invalid-type', index in array ? 'expected JSON data, got undefined' : 'expected a value, got an empty slot');
      }
      // Holes and refused items keep their index, so later paths stay true to the input.
      out.push(item === undefined ? null : item);
    }
    return out;
  };

  const copyObject = (object: object, path: IssuePath, depth: number): JsonValue | undefined => {
    const proto: unknown = Object.getPrototypeOf(object);
    // Plain objects from any realm: their prototype is a root prototype (or null).
    if (proto !== null && Object.getPrototypeOf(proto) !== null) {
      return refuse(path, 'invalid-type', `expected JSON data, got ${kindOf(object)}`);
    }
    const keys = Object.keys(object);
    if (keys.length > limits.maxObjectKeys) {
      return refuse(path, 'too-many', `expected at most ${limits.maxObjectKeys} keys, got ${keys.length}`);
    }
    const out: { [key: string]: JsonValue } = {};
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) {
        refuse([...path, key], 'forbidden-key', `the key ${JSON.stringify(key)} is not allowed (it could change object prototypes)`);
        continue;
      }
      const item = read(object as Record<string, unknown>, key, [...path, key], depth);
      if (item !== undefined) out[key] = item;
    }
    return out;
  };

  const read = (container: object, key: string | number, path: IssuePath, depth: number): JsonValue | undefined => {
    let item: unknown;
    try {
      item = (container as Record<string | number, unknown>)[key];
    } catch (error) {
      return refuse(path, 'unreadable', `could not be read (${errorText(error)})`);
    }
    return copy(item, path, depth + 1);
  };

  const value = copy(input, [], 0);
  return { value, issues, poisoned, truncated };
}

export function samePath(a: IssuePath, b: IssuePath): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

/** True when `path` is `prefix` or lies under it. */
export function isUnder(path: IssuePath, prefix: IssuePath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => segment === path[index]);
}

function kindOf(object: object): string {
  try {
    const name = (object as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name ? `a ${name}` : 'a non-plain object';
  } catch {
    return 'a non-plain object';
  }
}

function errorText(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 120);
    return String(error).slice(0, 120);
  } catch {
    return 'unknown error';
  }
}
