/** Config problems as data, and the small helpers that phrase them. */

export type IssuePath = (string | number)[];

export interface ConfigIssue {
  /** Stable, kebab-case: `unknown-key`, `missing`, `invalid-type`, `unknown-stage`, … */
  code: string;
  /** Where, from the document root: `["experiences", 3, "steps", 1, "target"]`. */
  path: IssuePath;
  /** Starts with the path: `experiences[3].steps[1].target: expected a CSS selector, got ""`. */
  message: string;
  /** `error`: the smallest unit holding it (experience, stage, article, section, or the whole document) is dropped. `warning`: nothing is dropped. */
  severity: 'error' | 'warning';
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["experiences", 3, "steps", 1, "target"]` → `experiences[3].steps[1].target`. */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || '(document)';
}

export function issue(severity: ConfigIssue['severity'], code: string, path: IssuePath, text: string): ConfigIssue {
  return { code, path, severity, message: `${formatPath(path)}: ${text}` };
}

const MAX_SHOWN = 40;

/** A short human description of a found value, for "got …". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 4).map((key) => JSON.stringify(key)).join(', ');
    return `an object with ${keys.length === 1 ? 'key' : 'keys'} ${shown}${keys.length > 4 ? ', …' : ''}`;
  }
  return `a ${typeof value}`;
}

/** `"a", "b" or "c"`. */
export function listOf(values: readonly unknown[], conjunction = 'or'): string {
  const quoted = values.map((value) => (typeof value === 'string' ? JSON.stringify(value) : String(value)));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[rows - 1]![cols - 1]!;
}

/** The closest candidate when it is plausibly a typo (case-insensitive, distance ≤ 1/3 of the length, at most 3). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.min(3, Math.max(1, Math.floor(Math.max(word.length, best?.length ?? 0) / 3)));
  return bestDistance <= allowed ? best : undefined;
}

/** `; did you mean "title"?` or an empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = closest(word, candidates);
  return suggestion === undefined ? '' : `; did you mean ${JSON.stringify(suggestion)}?`;
}
