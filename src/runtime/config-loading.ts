import { checkedParts, CHECKED_KEY, contentHash, fnv1a, FNV_OFFSET, formatHash, trustChecked } from '../config/checked.js';
import type { ConfigIssue } from '../config/issues.js';
import { parseJsonWithComments } from '../config/jsonc.js';
import type { WaymarkConfig } from '../config/types.js';
import type { EarlyFetch } from './early-start.js';
import { describeError, type WaymarkError } from './errors.js';
import { DEFAULT_CONFIG_TIMEOUT_MS, runInSlices, TimeLimitError, withinTime } from './time-limit.js';

export const EMPTY_CONFIG: WaymarkConfig = { version: '1', experiences: [] };

/**
 * Config texts from this length on are parsed in slices that give the page a turn in between (a 20 MB file is
 * hundreds of milliseconds of parsing); shorter ones parse in one go, in a few milliseconds at most.
 */
export const SLICED_PARSE_FROM = 500_000;

export interface ConfigSource {
  window: Window;
  /** The document given in code, if any. */
  config?: unknown;
  /** Else fetched from here. */
  configUrl?: string;
  /** The request for `configUrl`, begun before the runtime loaded (early-start.ts): read instead of fetching again. */
  early?: EarlyFetch;
  /** Fetching and reading `configUrl` together may take this long (default 10 s). */
  timeoutMs?: number;
  /** Validate in full even a checked config (debug mode, or `validate: true`). */
  validate?: boolean;
  report(error: WaymarkError): void;
}

/**
 * The config to run: given or fetched, joined with the experiences declared in the page, validated. Never
 * throws: a config that cannot be loaded is reported and runs as an empty one; invalid experiences are
 * reported and skipped.
 */
export async function loadConfig(source: ConfigSource): Promise<{ config: WaymarkConfig; issues: ConfigIssue[] }> {
  const { window: win, report } = source;
  let raw: unknown = source.config;
  let largeText = false;
  if (raw === undefined && source.configUrl) {
    const fetched = await fetchConfig(win, source.configUrl, source.timeoutMs ?? DEFAULT_CONFIG_TIMEOUT_MS, report, source.early);
    if (fetched === undefined) return { config: EMPTY_CONFIG, issues: [] };
    raw = fetched.parsed;
    largeText = fetched.large;
  }
  let checked: import('../config/validate.js').ConfigValidation;
  // Problems in the page's markup are the config's problems too: `ready` lists them with the document's.
  const declaredIssues: ConfigIssue[] = [];
  try {
    const given = raw ?? EMPTY_CONFIG;
    raw = await withDeclaredExperiences(given, win.document, (issue) => {
      declaredIssues.push(issue);
      report({ code: `declarative-${issue.code}`, severity: issue.severity, where: 'declarative', message: issue.message });
    });
    // Checked by `waymark validate --out` and not joined with markup: trusted without the validator.
    const trusted = !source.validate && raw === given ? await trustCheckedConfig(win, raw, largeText || hasManyUnits(raw)) : null;
    if (trusted) return { config: trusted, issues: declaredIssues };
    // The validator (zod and Waymark's checks) is a chunk of its own, loaded only for configs that need it.
    // In slices: a config of thousands of articles takes seconds to check, and the page must stay responsive.
    const { validateConfigInSteps } = await loadValidator();
    checked = await runInSlices(win, validateConfigInSteps(withoutMark(raw)));
  } catch (error) {
    // A config object with throwing getters or a hostile proxy: nothing of it can be trusted.
    report({ code: 'config-unreadable', severity: 'error', where: 'config', message: `the config could not be read: ${describeError(error)}`, cause: error });
    return { config: EMPTY_CONFIG, issues: declaredIssues };
  }
  const { config: valid, issues } = checked;
  for (const issue of issues) {
    report({ code: `config-${issue.code}`, severity: issue.severity, where: 'config', path: issue.path, message: issue.message });
  }
  return { config: valid ?? EMPTY_CONFIG, issues: [...declaredIssues, ...issues] };
}

/**
 * The fetched document, or undefined (reported) when it cannot be used: an HTTP error, no answer or no complete body
 * within `timeoutMs` (the request is aborted), not JSON, or JSON that is not an object (`null`, an array, a number).
 */
async function fetchConfig(
  win: Window,
  url: string,
  timeoutMs: number,
  report: (error: WaymarkError) => void,
  early?: EarlyFetch,
): Promise<{ parsed: object; large: boolean } | undefined> {
  const abort = early?.abort ?? new AbortController();
  const what = `loading ${url}`;
  const deadline = win.performance.now() + timeoutMs;
  // The page's turns between slices may run before the timer does: the slices check the deadline themselves.
  const stopWith = () => (abort.signal.aborted ? abort.signal.reason : win.performance.now() >= deadline ? new TimeLimitError(what, timeoutMs) : undefined);
  let large = false;
  try {
    // One deadline for the headers, the whole body and its parsing: a server that trickles bytes is as stuck as a silent one.
    const parsed = await withinTime(
      win,
      (async () => {
        // Keep in step with the early request (early-start.ts): the same request, begun sooner.
        const response = await (early?.response ?? win.fetch(url, { credentials: 'same-origin', signal: abort.signal }));
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        // Comments allowed, exactly as `waymark validate` allows them.
        const text = await readText(response);
        if (text.length < SLICED_PARSE_FROM) return parseJsonWithComments(text);
        large = true;
        const { parseJsonWithCommentsInSteps } = await import('../config/jsonc-steps.js');
        return runInSlices(win, parseJsonWithCommentsInSteps(text, parseJsonWithComments), { stopWith });
      })(),
      timeoutMs,
      what,
      () => abort.abort(),
    );
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      const got = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed;
      report({ code: 'config-not-object', severity: 'error', where: 'config', message: `${url} should answer a config object, got ${got}; running with an empty config` });
      return undefined;
    }
    return { parsed, large };
  } catch (error) {
    const timedOut = error instanceof TimeLimitError;
    report({
      code: timedOut ? 'config-timeout' : 'config-unavailable',
      severity: 'error',
      where: 'config',
      message: `could not load ${url}: ${describeError(error)}`,
      cause: error,
    });
    return undefined;
  }
}

/**
 * The body as text, decoded a network chunk at a time as it arrives: `response.text()` decodes a large body in one
 * long task at the end. Same decoding (UTF-8, a leading byte-order mark dropped, bad bytes replaced).
 */
async function readText(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * `<wm-tour>`, `<wm-hint>`, `<wm-beacon>` and `<wm-checklist>` written in the page compile to the same experience
 * objects as JSON and are validated with the config (the compiler loads only when the page has some).
 */
async function withDeclaredExperiences(raw: unknown, doc: Document, report: (issue: ConfigIssue) => void): Promise<unknown> {
  const selector = ['wm-tour', 'wm-hint', 'wm-beacon', 'wm-checklist'].map((tag) => `${tag}:not([data-waymark-ui])`).join(', ');
  if (!doc.querySelector(selector)) return raw;
  const { compileDeclarativeAll } = await import('../ui/declarative.js');
  const { experiences: declared, issues } = compileDeclarativeAll(doc);
  // The path is the markup's own (`wm-tour#welcome > wm-step[2]@placement`): one segment, outside the document.
  for (const issue of issues) report({ code: issue.code, severity: 'error', path: [issue.path], message: `${issue.path}: ${issue.message}` });
  if (declared.length === 0 || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const given = raw as { experiences?: unknown };
  const fromConfig = Array.isArray(given.experiences) ? given.experiences : [];
  return { ...given, experiences: [...fromConfig, ...declared] };
}

/**
 * The UI locale: the app's choice, else the browser's, matched against the locales the config
 * supports (exact tag, then language: `lt-LT` → `lt`), else the config's default.
 */
export function negotiateLocale(requested: string | undefined, config: WaymarkConfig, win: Window): string {
  const fallback = config.locale?.default ?? 'en';
  const supported = config.locale?.supported ?? [fallback];
  const wanted = [requested, ...(requested ? [] : Array.from(win.navigator?.languages ?? []))].filter((x): x is string => Boolean(x));
  for (const tag of wanted) {
    const exact = supported.find((s) => s.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const language = tag.toLowerCase().split('-')[0];
    const byLanguage = supported.find((s) => s.toLowerCase().split('-')[0] === language);
    if (byLanguage) return byLanguage;
  }
  return requested && !config.locale ? requested : fallback;
}

/**
 * `trustChecked`, in slices for a large config: its check hashes the whole document, half a second for 20 MB. The
 * sliced form is a chunk of its own, fetched only then.
 */
async function trustCheckedConfig(win: Window, raw: unknown, large: boolean): Promise<WaymarkConfig | null> {
  if (!large) return trustChecked(raw);
  const { trustCheckedInSteps } = await import('../config/checked-steps.js');
  return runInSlices(win, trustCheckedInSteps(raw, { checkedParts, contentHash, fnv1a, formatHash, FNV_OFFSET }));
}

/** Lists of `SLICED_UNITS_FROM` items or more make a config given in code large enough to check in slices. */
const SLICED_UNITS_FROM = 200;

function hasManyUnits(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object') return false;
  const { experiences, articles, stages } = raw as Record<string, unknown>;
  const length = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  return length(experiences) + length(articles) + length(stages) >= SLICED_UNITS_FROM;
}

/** A checked form validated in full (edited since, or `validate: true`): its mark is not part of the config. */
function withoutMark(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || !Object.hasOwn(raw, CHECKED_KEY)) return raw;
  const { [CHECKED_KEY]: _mark, ...config } = raw as Record<string, unknown>;
  return config;
}

/** The full validator, loaded on demand (unchecked configs, debug mode, experiences added in code). */
export function loadValidator(): Promise<typeof import('../config/validate.js')> {
  return import('../config/validate.js');
}
