import type { MoreConditions } from '../engine/conditions.js';
import { NO_PAGE_REGEX, type PageRegex } from '../engine/url.js';
import type { TextMatching } from '../platform/targets/text.js';

/**
 * Code only some configs need, as lazy chunks loaded while the config is read: the regex page-pattern
 * checker, text targets' matching, and the condition kinds beyond pages, events and experience states.
 * Most configs match pages by glob and elements by selector, and trigger on pages and events.
 */
export interface ConfigParts {
  /** The engine's `pageRegex`: the checker once loaded; before that, a regex pattern never matches (and is reported). */
  readonly pageRegex: PageRegex;
  /** The engine's `conditions`: the compilers once loaded; before that, such a condition never holds (and is reported). */
  readonly conditions: MoreConditions;
  /** Text targets' matching once loaded (the target resolvers read it at each search), else null. */
  textMatching(): TextMatching | null;
  /** Loads what `value` (a config, or an experience added in code) uses of these; never rejects. */
  loadFor(value: unknown): Promise<void>;
}

export function createConfigParts(reportError: (error: unknown, where: string) => void): ConfigParts {
  let checker: PageRegex | null = null;
  let matching: TextMatching | null = null;
  let more: MoreConditions | null = null;
  const regex = lazyPart(() => import('../config/page-regex.js').then((module) => void (checker = module.pageRegexTest)), 'page-regex', reportError);
  const text = lazyPart(() => import('../platform/targets/text.js').then((module) => void (matching = module.TEXT_MATCHING)), 'target-text', reportError);
  const conditions = lazyPart(() => import('../engine/conditions-more.js').then((module) => void (more = module.MORE_CONDITIONS)), 'conditions', reportError);
  return {
    pageRegex: (source) => (checker ?? NO_PAGE_REGEX)(source),
    conditions: {
      compile: (condition, scope) => more?.compile(condition, scope) ?? null,
      filter: (filter) => more?.filter(filter) ?? null,
    },
    textMatching: () => matching,
    loadFor: (value) =>
      Promise.all([
        checker || !holds(value, isRegexMatch) ? undefined : regex(),
        matching || !holds(value, isTextTarget) ? undefined : text(),
        more || !holds(value, usesMoreConditions) ? undefined : conditions(),
      ]).then(() => undefined),
  };
}

/** Load once; a chunk that failed (offline) is tried again on the next call. Never rejects. */
function lazyPart(load: () => Promise<void>, where: string, reportError: (error: unknown, where: string) => void): () => Promise<void> {
  let loading: Promise<void> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      reportError(error, where);
    }));
}

/** A page match by regex: `{ "match": "regex" }` (a page condition, a step's page). */
const isRegexMatch = (value: object) => (value as { match?: unknown }).match === 'regex';
/** A target found by its text: `{ "text": "Save", "role"?, "within"? }` (only targets have a string `text`). */
const isTextTarget = (value: object) => typeof (value as { text?: unknown }).text === 'string';

/** Keys of the condition kinds conditions-more.ts compiles; an object with one elsewhere only loads it needlessly. */
const MORE_CONDITION_KEYS = ['trait', 'stage', 'element', 'delay', 'idle', 'struggle', 'date', 'rollout'];
/** A condition of one of those kinds, or an event condition with `where` filters. */
const usesMoreConditions = (value: object) => MORE_CONDITION_KEYS.some((key) => Object.hasOwn(value, key)) || (Object.hasOwn(value, 'event') && Object.hasOwn(value, 'where'));

/** Whether a config or experience holds, anywhere in its plain data, an object `test` accepts. */
export function holds(value: unknown, test: (value: object) => boolean, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  // Plain data only: an experience added in code may hold elements as targets.
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null && !Array.isArray(value)) return false;
  seen.add(value);
  return test(value) || Object.values(value).some((child) => holds(child, test, seen));
}
