/**
 * The public API under abuse: every argument a host page (or a fuzzer) can pass is checked before it reaches the
 * runtime, misuse is reported as an `invalid-argument` error event, and nothing ever throws or rejects out of a
 * public entry point. Options objects are read once, field by field, so a throwing getter or a proxy costs one
 * field, never the instance.
 */
import type { Json, Traits } from '../engine/contract.js';
import type { WaymarkError } from './errors.js';
import type { CodeExperience, StartOutcome, Waymark, WaymarkOptions } from './types.js';

/** Lets the script-tag install report a misused queued call through the instance it belongs to. */
export const reportMisuse: unique symbol = Symbol('waymark.reportMisuse');
export type GuardedWaymark = Waymark & { [reportMisuse]?: (where: string, message: string) => void };

/** How deep trait values may nest before the rest is dropped (no real trait needs more). */
const MAX_TRAIT_DEPTH = 8;
const MAX_TRAIT_KEYS = 100;
const MAX_STRING = 2_000;

/** `typeof`-level description of a value, safe for anything (symbols, throwing toString, revoked proxies). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  const kind = typeof value;
  if (kind === 'string') return JSON.stringify((value as string).slice(0, 40));
  if (kind === 'number' || kind === 'boolean' || kind === 'undefined') return String(value);
  if (kind === 'bigint') return 'a BigInt';
  if (kind === 'symbol') return 'a symbol';
  if (kind === 'function') return 'a function';
  try {
    if (Array.isArray(value)) return 'an array';
    if (typeof Event !== 'undefined' && value instanceof Event) return `an event (${value.type})`;
  } catch {
    /* a revoked proxy */
  }
  return 'an object';
}

/** Read one property without letting a getter or a proxy trap throw. */
export function readField(source: unknown, key: string): { value: unknown; failed: boolean } {
  if (source === null || (typeof source !== 'object' && typeof source !== 'function')) return { value: undefined, failed: false };
  try {
    return { value: (source as Record<string, unknown>)[key], failed: false };
  } catch {
    return { value: undefined, failed: true };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  try {
    const proto: unknown = Object.getPrototypeOf(value);
    // Any realm's Object.prototype: an object literal from a parent frame is as plain as one from this one.
    return proto === null || Object.getPrototypeOf(proto) === null;
  } catch {
    return false;
  }
}

/**
 * Traits as JSON: functions, symbols, DOM nodes, class instances and cycles are dropped, BigInt becomes a
 * string, non-finite numbers are dropped. `dropped` names what was left out (for one warning).
 */
export function sanitizeTraits(traits: unknown): { traits: Traits; dropped: string[] } {
  const dropped: string[] = [];
  const seen = new Set<object>();
  const copy = (value: unknown, path: string, depth: number): Json | undefined => {
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value === 'string') return value.length > MAX_STRING ? value.slice(0, MAX_STRING) : value;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
      dropped.push(path);
      return undefined;
    }
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'object' || depth >= MAX_TRAIT_DEPTH) {
      dropped.push(path);
      return undefined;
    }
    if (seen.has(value)) {
      dropped.push(path);
      return undefined;
    }
    seen.add(value);
    try {
      if (Array.isArray(value)) {
        const out: Json[] = [];
        value.slice(0, MAX_TRAIT_KEYS).forEach((item, i) => {
          const kept = copy(item, `${path}[${i}]`, depth + 1);
          if (kept !== undefined) out.push(kept);
        });
        return out;
      }
      if (!isPlainObject(value)) {
        dropped.push(path);
        return undefined;
      }
      return copyObject(value, path, depth);
    } catch {
      dropped.push(path);
      return undefined;
    } finally {
      seen.delete(value);
    }
  };
  const copyObject = (value: Record<string, unknown>, path: string, depth: number): { [key: string]: Json } => {
    // A plain object as the output: no inherited setters, `__proto__` is an ordinary key.
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).slice(0, MAX_TRAIT_KEYS)) {
      const where = path ? `${path}.${key}` : key;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
        dropped.push(where);
        continue;
      }
      const field = readField(value, key);
      const kept = field.failed ? undefined : copy(field.value, where, depth + 1);
      if (field.failed) dropped.push(where);
      if (kept !== undefined) Object.defineProperty(out, key, { value: kept, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  if (traits === undefined || traits === null) return { traits: {}, dropped };
  if (!isPlainObject(traits)) return { traits: {}, dropped: ['(traits)'] };
  try {
    return { traits: copyObject(traits, '', 0), dropped };
  } catch {
    return { traits: {}, dropped: ['(traits)'] };
  }
}

/**
 * `createWaymark()`'s options, read safely: `null`/non-objects mean the defaults, a field whose getter throws
 * is left out. `problems` says what was ignored (reported once the app can listen).
 */
export function readOptions(raw: unknown): { options: WaymarkOptions; problems: string[] } {
  const problems: string[] = [];
  const options: Record<string, unknown> = {};
  if (raw === undefined || raw === null) return { options: {}, problems };
  if (typeof raw !== 'object') return { options: {}, problems: [`createWaymark(options): expected an object, got ${describeValue(raw)}`] };
  const known = ['config', 'configUrl', 'configTimeoutMs', 'user', 'locale', 'storage', 'analytics', 'debug', 'ui', 'helpLauncher', 'animation', 'validate', 'window', 'clock', 'random'];
  // Every option given is carried (options added later included); the known ones are checked below.
  let keys: string[] = known;
  try {
    keys = [...new Set([...known, ...Object.keys(raw)])];
  } catch {
    problems.push('createWaymark(options): its keys could not be listed; only the documented options were read');
  }
  for (const key of keys) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const field = readField(raw, key);
    if (field.failed) problems.push(`createWaymark(options): reading "${key}" threw; it is ignored`);
    else if (field.value !== undefined) options[key] = field.value;
  }
  const expect = (key: string, ok: (value: unknown) => boolean, what: string) => {
    if (key in options && !ok(options[key])) {
      problems.push(`createWaymark(options): "${key}" should be ${what}, got ${describeValue(options[key])}; it is ignored`);
      delete options[key];
    }
  };
  const isObject = (value: unknown) => value !== null && typeof value === 'object';
  expect('configUrl', (v) => typeof v === 'string', 'a string');
  expect('configTimeoutMs', (v) => typeof v === 'number' && v > 0, 'a positive number');
  expect('locale', (v) => typeof v === 'string', 'a string');
  expect('config', isObject, 'an object');
  expect('analytics', Array.isArray, 'an array');
  expect('clock', (v) => typeof v === 'function', 'a function');
  expect('random', (v) => typeof v === 'function', 'a function');
  expect('window', isObject, 'a Window');
  for (const flag of ['debug', 'ui', 'helpLauncher', 'animation', 'validate']) if (flag in options) options[flag] = options[flag] === false ? false : Boolean(options[flag]);
  if ('user' in options) options.user = readUser(options.user, problems);
  if ('storage' in options) options.storage = readStorage(options.storage, problems);
  return { options: options as WaymarkOptions, problems };
}

function readUser(raw: unknown, problems: string[]): WaymarkOptions['user'] {
  if (raw === null || typeof raw !== 'object') {
    problems.push(`createWaymark(options): "user" should be an object, got ${describeValue(raw)}; it is ignored`);
    return undefined;
  }
  const user: NonNullable<WaymarkOptions['user']> = {};
  const id = readField(raw, 'id');
  if (typeof id.value === 'string' && id.value !== '') user.id = id.value;
  else if (id.failed || id.value !== undefined) problems.push(`createWaymark(options): "user.id" should be a non-empty string, got ${id.failed ? 'a throwing getter' : describeValue(id.value)}; an anonymous id is used`);
  const traits = readField(raw, 'traits');
  if (traits.failed) problems.push('createWaymark(options): reading "user.traits" threw; it is ignored');
  else if (traits.value !== undefined) {
    const clean = sanitizeTraits(traits.value);
    if (clean.dropped.length > 0) problems.push(`createWaymark(options): user traits that are not JSON were dropped: ${clean.dropped.slice(0, 5).join(', ')}`);
    user.traits = clean.traits;
  }
  return user;
}

function readStorage(raw: unknown, problems: string[]): WaymarkOptions['storage'] {
  if (raw === null || typeof raw !== 'object') {
    problems.push(`createWaymark(options): "storage" should be an object, got ${describeValue(raw)}; it is ignored`);
    return undefined;
  }
  const storage: NonNullable<WaymarkOptions['storage']> = {};
  const kind = readField(raw, 'kind').value;
  if (kind === 'memory' || kind === 'indexeddb') storage.kind = kind;
  const dbName = readField(raw, 'dbName').value;
  if (typeof dbName === 'string' && dbName !== '') storage.dbName = dbName;
  const remote = readField(raw, 'remote').value;
  if (remote !== null && typeof remote === 'object') storage.remote = remote as NonNullable<WaymarkOptions['storage']>['remote'];
  const remoteTimeoutMs = readField(raw, 'remoteTimeoutMs').value;
  if (typeof remoteTimeoutMs === 'number' && remoteTimeoutMs > 0) storage.remoteTimeoutMs = remoteTimeoutMs;
  return storage;
}

type Check = (value: unknown) => string | null;
const optionalString: Check = (v) => (v === undefined || typeof v === 'string' ? null : 'a string');
const requiredString: Check = (v) => (typeof v === 'string' && v !== '' ? null : 'a non-empty string');
const optionalObject: Check = (v) => (v === undefined || v === null || isPlainObject(v) ? null : 'a plain object');
const requiredObject: Check = (v) => (isPlainObject(v) ? null : 'an experience object');
const stepRef: Check = (v) => ((typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'string' && v !== '') ? null : 'a step index (0, 1, …) or a step id');

/**
 * The instance as the app sees it: each method checks its arguments first. Text the user may have
 * typed is optional: a click event passed as `openHelp`'s query (`addEventListener('click', wm.openHelp)`)
 * means "no query"; anything else that is not a string is reported and dropped.
 */
export function guardApi(inner: Waymark, report: (error: WaymarkError) => void): GuardedWaymark {
  const misuse = (where: string, message: string) => {
    try {
      report({ code: 'invalid-argument', severity: 'error', where, message });
    } catch {
      /* reporting never throws into the host */
    }
  };
  const check = (method: string, names: string[], checks: Check[], args: unknown[]): boolean => {
    for (let i = 0; i < checks.length; i++) {
      const wanted = checks[i]!(args[i]);
      if (wanted !== null) {
        misuse(method, `${method}(${names.join(', ')}): ${names[i]} should be ${wanted}, got ${describeValue(args[i])}`);
        return false;
      }
    }
    return true;
  };
  const safely =
    (method: string, run: (...args: unknown[]) => unknown, fallback?: unknown) =>
    (...args: unknown[]): never => {
      try {
        return run(...args) as never;
      } catch (error) {
        misuse(method, `${method}() failed: ${error instanceof Error ? error.message : describeValue(error)}`);
        return fallback as never;
      }
    };
  /** A user's text, or undefined: events (a listener passed straight to addEventListener) mean "none". */
  const optionalText = (method: string, name: string, value: unknown): string | undefined => {
    if (value === undefined || value === null || typeof value === 'string') return value ?? undefined;
    if (typeof Event !== 'undefined' && value instanceof Event) return undefined;
    misuse(method, `${method}(${name}): ${name} should be a string, got ${describeValue(value)}; it is ignored`);
    return undefined;
  };

  const guarded: GuardedWaymark = {
    get ready() {
      return inner.ready;
    },
    get userId() {
      return inner.userId;
    },
    identify: safely('identify', (id, traits) => {
      if (!check('identify', ['userId', 'traits'], [requiredString, optionalObject], [id, traits])) return;
      if (traits === undefined || traits === null) return inner.identify(id as string);
      const clean = sanitizeTraits(traits);
      if (clean.dropped.length > 0) {
        report({ code: 'invalid-trait', severity: 'warning', where: 'identify', message: `identify(): traits that are not JSON were dropped: ${clean.dropped.slice(0, 5).join(', ')}` });
      }
      inner.identify(id as string, clean.traits);
    }),
    track: safely('track', (name, props) => {
      if (!check('track', ['name', 'props'], [requiredString, optionalObject], [name, props])) return;
      inner.track(name as string, (props ?? undefined) as Record<string, Json> | undefined);
    }),
    page: safely('page', (url) => {
      if (url !== undefined && !(typeof Event !== 'undefined' && url instanceof Event) && !check('page', ['url'], [optionalString], [url])) return;
      inner.page(typeof url === 'string' ? url : undefined);
    }),
    setStage: safely('setStage', (stage) => {
      if (check('setStage', ['stage'], [requiredString], [stage])) inner.setStage(stage as string);
    }),
    start: safely('start', (id) => {
      if (check('start', ['experienceId'], [requiredString], [id])) return inner.start(id as string);
      const refused: StartOutcome = { shown: false, experienceId: String(describeValue(id)), reason: 'invalid-argument', message: 'start() needs an experience id' };
      return Promise.resolve(refused);
    }),
    next: safely('next', () => inner.next()),
    back: safely('back', () => inner.back()),
    goTo: safely('goTo', (step) => {
      if (check('goTo', ['step'], [stepRef], [step])) inner.goTo(step as number | string);
    }),
    addExperience: safely('addExperience', (experience) => {
      if (check('addExperience', ['experience'], [requiredObject], [experience])) inner.addExperience(experience as CodeExperience);
    }),
    removeExperience: safely('removeExperience', (id) => {
      if (check('removeExperience', ['experienceId'], [requiredString], [id])) inner.removeExperience(id as string);
    }),
    dismiss: safely('dismiss', (id) => {
      if (check('dismiss', ['experienceId'], [requiredString], [id])) inner.dismiss(id as string);
    }),
    why: safely(
      'why',
      (id) => (check('why', ['experienceId'], [requiredString], [id]) ? inner.why(id as string) : null),
      null,
    ),
    openHelp: safely('openHelp', (query) => inner.openHelp(optionalText('openHelp', 'query', query))),
    openChat: safely('openChat', (message) => inner.openChat(optionalText('openChat', 'message', message))),
    act: safely('act', (id, action) => {
      if (!check('act', ['experienceId'], [requiredString], [id])) return;
      if (action === null || typeof action !== 'object' || typeof readField(action, 'type').value !== 'string') {
        misuse('act', `act(experienceId, action): action should be an object with a "type", got ${describeValue(action)}`);
        return;
      }
      inner.act(id as string, action as Parameters<Waymark['act']>[1]);
    }),
    on: safely(
      'on',
      (type, handler) => {
        if (!check('on', ['type', 'handler'], [requiredString, (v) => (typeof v === 'function' ? null : 'a function')], [type, handler])) return () => {};
        const off = inner.on(type as never, handler as never);
        return () => {
          try {
            off();
          } catch {
            /* unsubscribing never throws */
          }
        };
      },
      () => {},
    ),
    reset: safely('reset', () => inner.reset()),
    destroy: safely('destroy', () => inner.destroy()),
  };
  // Methods added to the instance later pass through the same net: no throw out of them either.
  for (const key of Object.keys(inner)) {
    if (key in guarded) continue;
    const value = readField(inner, key).value;
    if (typeof value === 'function') (guarded as unknown as Record<string, unknown>)[key] = safely(key, (...args) => (value as (...a: unknown[]) => unknown).apply(inner, args));
    else Object.defineProperty(guarded, key, { get: () => (inner as unknown as Record<string, unknown>)[key], enumerable: true });
  }
  Object.defineProperty(guarded, reportMisuse, { value: misuse, enumerable: false });
  return guarded;
}
