import type { UrlMatch } from '../config/types.js';

/** Where the user is: a normalized path and its query parameters. */
export interface Location {
  readonly path: string;
  readonly query: ReadonlyMap<string, string>;
}

export interface UrlMatcher {
  test(location: Location): boolean;
  /** Plain words for explanations, e.g. `"/projects/*"`. */
  readonly label: string;
}

/**
 * Compiles a regex page pattern into a path test, or says why it refuses it. The checker that keeps
 * the work bounded (config/page-regex.ts `pageRegexTest`) is a dependency, so configs without regex
 * patterns do not carry it. `missing`: no checker was given, as opposed to a pattern found unsafe.
 */
export type PageRegex = (source: string) => { ok: true; test(path: string): boolean } | { ok: false; reason: string; missing?: true };

/** The default without a checker: a regex pattern never matches (the engine reports it once). */
export const NO_PAGE_REGEX: PageRegex = () => ({ ok: false, reason: 'regex page patterns need the regex checker, which was not given', missing: true });

const ORIGIN = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/;

/**
 * An absolute URL or a path, reduced to its path and query. Hash routes (`/#/projects`) count
 * as paths, because single-page apps that use them show a different page per hash.
 */
export function parseLocation(url: string): Location {
  let rest = url.trim().replace(ORIGIN, '');
  const hashAt = rest.indexOf('#');
  let hash = '';
  if (hashAt >= 0) {
    hash = rest.slice(hashAt + 1);
    rest = rest.slice(0, hashAt);
  }
  let [path = '', search = ''] = splitOnce(rest, '?');
  if (hash.startsWith('/') && normalizePath(path) === '/') {
    const [hashPath = '', hashSearch = ''] = splitOnce(hash, '?');
    path = hashPath;
    search = search && hashSearch ? `${search}&${hashSearch}` : search || hashSearch;
  }
  return { path: normalizePath(path), query: parseQuery(search) };
}

/** `"//a//b/"` → `"/a/b"`; the root stays `"/"`. */
export function normalizePath(path: string): string {
  let out = path.replace(/\/{2,}/g, '/');
  if (!out.startsWith('/')) out = `/${out}`;
  if (out.length > 1 && out.endsWith('/')) out = out.slice(0, -1);
  return out;
}

function splitOnce(value: string, separator: string): [string, string] {
  const at = value.indexOf(separator);
  return at < 0 ? [value, ''] : [value.slice(0, at), value.slice(at + 1)];
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function parseQuery(search: string): Map<string, string> {
  const query = new Map<string, string>();
  if (!search) return query;
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const [key, value] = splitOnce(pair, '=');
    const name = decode(key);
    if (!query.has(name)) query.set(name, decode(value));
  }
  return query;
}

/**
 * A glob as a list of steps, matched by simulating every position of the glob at once (an NFA):
 * O(path × glob) whatever the pattern, where a backtracking regex can take exponential time
 * (`**a**a**a**a**b` on a long path never finished).
 */
type GlobStep =
  | { kind: 'char'; char: string }
  /** One character of a segment (not `/`). */
  | { kind: 'segment-char' }
  /** Any number of segment characters (`*`). */
  | { kind: 'segment-chars' }
  /** Any characters, `/` included (`**`). */
  | { kind: 'anything' }
  /** `/**` at a segment boundary: nothing, or `/` followed by anything (the next step). */
  | { kind: 'optional-tail' };

export interface PathMatcher {
  test(path: string): boolean;
}

/** Glob on a path: `*` is one segment (or part of one), `**` any number of segments, `/**` also matches nothing. */
export function compileGlob(glob: string): PathMatcher {
  const pattern = normalizePath(glob);
  const steps: GlobStep[] = [];
  for (let i = 0; i < pattern.length; ) {
    if (pattern.startsWith('/**', i) && (i + 3 === pattern.length || pattern[i + 3] === '/')) {
      steps.push({ kind: 'optional-tail' }, { kind: 'anything' });
      i += 3;
    } else if (pattern.startsWith('**', i)) {
      steps.push({ kind: 'anything' });
      i += 2;
    } else if (pattern[i] === '*') {
      const wholeSegment = pattern[i - 1] === '/' && (i + 1 === pattern.length || pattern[i + 1] === '/');
      if (wholeSegment) steps.push({ kind: 'segment-char' });
      steps.push({ kind: 'segment-chars' });
      i += 1;
    } else {
      steps.push({ kind: 'char', char: pattern[i]! });
      i += 1;
    }
  }
  return { test: (path) => matchGlob(steps, path) };
}

function matchGlob(steps: readonly GlobStep[], path: string): boolean {
  const size = steps.length + 1;
  let current = new Uint8Array(size);
  let next = new Uint8Array(size);
  // Add a state and every state reachable from it without reading a character.
  const add = (states: Uint8Array, at: number): void => {
    while (at < size && !states[at]) {
      states[at] = 1;
      const step = steps[at];
      if (step?.kind === 'optional-tail') {
        at += 2; // skip the tail; reading "/" enters it instead
      } else if (step?.kind === 'segment-chars' || step?.kind === 'anything') {
        at += 1;
      } else return;
    }
  };
  add(current, 0);
  for (let index = 0; index < path.length; index++) {
    const char = path[index]!;
    next.fill(0);
    let alive = false;
    for (let at = 0; at < steps.length; at++) {
      if (!current[at]) continue;
      const step = steps[at]!;
      switch (step.kind) {
        case 'char':
          if (char === step.char) add(next, at + 1);
          break;
        case 'segment-char':
          if (char !== '/') add(next, at + 1);
          break;
        case 'segment-chars':
          if (char !== '/') add(next, at);
          break;
        case 'anything':
          add(next, at);
          break;
        case 'optional-tail':
          if (char === '/') add(next, at + 1);
          break;
      }
    }
    for (let at = 0; at < size; at++) if (next[at]) alive = true;
    if (!alive) return false;
    [current, next] = [next, current];
  }
  return current[steps.length] === 1;
}

/** Compile a page match once; the matcher is then a cheap test per page signal. */
export function compileUrlMatch(match: UrlMatch, pageRegex: PageRegex = NO_PAGE_REGEX): UrlMatcher {
  const spec = typeof match === 'string' ? { path: match, match: 'glob' as const } : match;
  const mode = spec.match ?? 'glob';
  // A string glob may carry its query (`/projects?tab=billing`); an absolute URL is reduced to its path.
  const parsed = mode === 'regex' ? { path: spec.path, query: new Map<string, string>() } : parseLocation(spec.path);
  const required = new Map(parsed.query);
  for (const [key, value] of Object.entries(spec.query ?? {})) required.set(key, value);
  const testPath = pathTest(mode, parsed.path, pageRegex);
  const queryLabel = [...required].map(([key, value]) => `${key}=${value}`).join('&');
  const label = `${mode === 'glob' ? '' : `${mode} `}"${parsed.path}${queryLabel ? `?${queryLabel}` : ''}"`;
  return {
    label,
    test(location) {
      if (!testPath(location.path)) return false;
      for (const [key, value] of required) {
        const actual = location.query.get(key);
        if (actual === undefined || (value !== '*' && actual !== value)) return false;
      }
      return true;
    },
  };
}

function pathTest(mode: 'glob' | 'exact' | 'prefix' | 'regex', path: string, pageRegex: PageRegex): (candidate: string) => boolean {
  switch (mode) {
    case 'exact':
      return (candidate) => candidate === path;
    case 'prefix': {
      if (path === '/') return () => true;
      const withSlash = path.endsWith('/') ? path : `${path}/`;
      return (candidate) => candidate === path || candidate.startsWith(withSlash);
    }
    case 'regex': {
      // The validator reports invalid and catastrophic patterns; here they simply never match.
      const checked = pageRegex(path);
      return checked.ok ? checked.test : () => false;
    }
    case 'glob': {
      const pattern = compileGlob(path);
      return (candidate) => pattern.test(candidate);
    }
  }
}
