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

/** Glob on a path: `*` is one segment (or part of one), `**` any number of segments, `/**` also matches nothing. */
export function globToRegExp(glob: string): RegExp {
  const pattern = normalizePath(glob);
  let source = '^';
  for (let i = 0; i < pattern.length; ) {
    if (pattern.startsWith('/**', i) && (i + 3 === pattern.length || pattern[i + 3] === '/')) {
      source += '(?:/.*)?';
      i += 3;
    } else if (pattern.startsWith('**', i)) {
      source += '.*';
      i += 2;
    } else if (pattern[i] === '*') {
      const wholeSegment = pattern[i - 1] === '/' && (i + 1 === pattern.length || pattern[i + 1] === '/');
      source += wholeSegment ? '[^/]+' : '[^/]*';
      i += 1;
    } else {
      source += pattern[i]!.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      i += 1;
    }
  }
  return new RegExp(`${source}$`);
}

/** Compile a page match once; the matcher is then a cheap test per page signal. */
export function compileUrlMatch(match: UrlMatch): UrlMatcher {
  const spec = typeof match === 'string' ? { path: match, match: 'glob' as const } : match;
  const mode = spec.match ?? 'glob';
  // A string glob may carry its query (`/projects?tab=billing`); an absolute URL is reduced to its path.
  const parsed = mode === 'regex' ? { path: spec.path, query: new Map<string, string>() } : parseLocation(spec.path);
  const required = new Map(parsed.query);
  for (const [key, value] of Object.entries(spec.query ?? {})) required.set(key, value);
  const testPath = pathTest(mode, parsed.path);
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

function pathTest(mode: 'glob' | 'exact' | 'prefix' | 'regex', path: string): (candidate: string) => boolean {
  switch (mode) {
    case 'exact':
      return (candidate) => candidate === path;
    case 'prefix': {
      if (path === '/') return () => true;
      const withSlash = path.endsWith('/') ? path : `${path}/`;
      return (candidate) => candidate === path || candidate.startsWith(withSlash);
    }
    case 'regex': {
      let pattern: RegExp | null = null;
      try {
        pattern = new RegExp(path);
      } catch {
        pattern = null; // The validator reports bad patterns; here they simply never match.
      }
      return (candidate) => pattern !== null && pattern.test(candidate);
    }
    case 'glob': {
      const pattern = globToRegExp(path);
      return (candidate) => pattern.test(candidate);
    }
  }
}
