import { NO_PAGE_REGEX, type PageRegex } from '../engine/url.js';
import type { TextMatching } from '../platform/targets/text.js';

/**
 * Code only some configs need, as lazy chunks loaded while the config is read: the regex page-pattern
 * checker and text targets' matching. Most configs match pages by glob and elements by selector.
 */
export interface ConfigParts {
  /** The engine's `pageRegex`: the checker once loaded; before that, a regex pattern never matches (and is reported). */
  readonly pageRegex: PageRegex;
  /** Text targets' matching once loaded (the target resolvers read it at each search), else null. */
  textMatching(): TextMatching | null;
  /** Loads what `value` (a config, or an experience added in code) uses of these; never rejects. */
  loadFor(value: unknown): Promise<void>;
}

export function createConfigParts(reportError: (error: unknown, where: string) => void): ConfigParts {
  let checker: PageRegex | null = null;
  let matching: TextMatching | null = null;
  const regex = lazyPart(() => import('../config/page-regex.js').then((module) => void (checker = module.pageRegexTest)), 'page-regex', reportError);
  const text = lazyPart(() => import('../platform/targets/text.js').then((module) => void (matching = module.TEXT_MATCHING)), 'target-text', reportError);
  return {
    pageRegex: (source) => (checker ?? NO_PAGE_REGEX)(source),
    textMatching: () => matching,
    loadFor: (value) =>
      Promise.all([
        checker || !holds(value, isRegexMatch) ? undefined : regex(),
        matching || !holds(value, isTextTarget) ? undefined : text(),
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

/** Whether a config or experience holds, anywhere in its plain data, an object `test` accepts. */
export function holds(value: unknown, test: (value: object) => boolean, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  // Plain data only: an experience added in code may hold elements as targets.
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null && !Array.isArray(value)) return false;
  seen.add(value);
  return test(value) || Object.values(value).some((child) => holds(child, test, seen));
}
