import { NO_PAGE_REGEX, type PageRegex } from '../engine/url.js';

/** The regex page-pattern checker as a lazy chunk: most configs match pages by glob and never load it. */
export interface PageRegexLoader {
  /** The engine's `pageRegex`: the checker once loaded; before that, a regex pattern never matches (and is reported). */
  readonly pageRegex: PageRegex;
  /** Loads the checker when `value` (a config, or an experience added in code) has a regex page pattern; never rejects. */
  loadFor(value: unknown): Promise<void>;
}

export function createPageRegexLoader(reportError: (error: unknown, where: string) => void): PageRegexLoader {
  let checker: PageRegex | null = null;
  let loading: Promise<void> | null = null;
  const load = (): Promise<void> =>
    (loading ??= import('../config/page-regex.js').then(
      (module) => {
        checker = module.pageRegexTest;
      },
      (error: unknown) => {
        // Tried again on the next call: a chunk that failed once (offline) may load later.
        loading = null;
        reportError(error, 'page-regex');
      },
    ));
  return {
    pageRegex: (source) => (checker ?? NO_PAGE_REGEX)(source),
    loadFor: (value) => (checker || !hasPageRegex(value) ? Promise.resolve() : load()),
  };
}

/** Whether a config or experience holds a regex page match (`{ "match": "regex" }`) anywhere: a page condition, a step's page. */
export function hasPageRegex(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if ((value as { match?: unknown }).match === 'regex') return true;
  return Object.values(value).some((child) => hasPageRegex(child, seen));
}
