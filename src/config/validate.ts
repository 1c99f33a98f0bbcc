/**
 * `validateConfig`: untrusted input in, a usable config and path-precise issues out. Never throws.
 *
 * Pipeline: a bounded defensive copy (snapshot.ts) → version check and migrations
 * (migrate.ts) → each unit checked against its own zod/mini schema (zod-issues.ts) →
 * duplicate ids → semantic and cross-reference checks (semantic.ts) → the surviving units.
 *
 * Severity rule: an error drops the smallest unit that holds it — one experience, stage or
 * article, or one top-level section (`theme`, `chat`, …); an unknown top-level key is ignored.
 * Only a document that is not an object, has no usable version or `experiences`, or is too
 * large gives `config: null`. A warning never drops anything.
 */
import type { Article, Experience, ExperienceType, Stage, WaymarkConfig } from './types.js';
import { articleSchema, configSchema, EXPERIENCE_TYPES, experienceSchemas, sectionSchemas, stageSchema } from './schema.js';
import { checkWithSchema } from './zod-issues.js';
import { describeValue, didYouMean, issue, listOf, type ConfigIssue, type IssuePath } from './issues.js';
import { isUnder, snapshot, SNAPSHOT_LIMITS, type JsonValue } from './snapshot.js';
import { majorVersion, migrateConfig } from './migrate.js';
import { checkArticle, checkExperience, checkSection, checkStage, MAX_CONDITION_DEPTH, type References } from './semantic.js';

export type { ConfigIssue, IssuePath } from './issues.js';

/** The config format this Waymark reads. Documents with a newer major version are refused. */
export const CONFIG_VERSION = '1';
const CONFIG_MAJOR = 1;

export const CONFIG_LIMITS = {
  experiences: 1_000,
  stages: 100,
  articles: 5_000,
  conditionDepth: MAX_CONDITION_DEPTH,
  /** Issues returned; the rest are summarised in one final issue. */
  issues: 1_000,
  ...SNAPSHOT_LIMITS,
} as const;

export interface ConfigValidation {
  /** The usable part of the document, or null when nothing of it can be used. */
  config: WaymarkConfig | null;
  issues: ConfigIssue[];
}

export function validateConfig(input: unknown): ConfigValidation {
  const steps = validateConfigInSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `validateConfig` one unit at a time: each `next()` does a bounded piece of the work (about one experience,
 * stage or article) and the last one returns exactly what `validateConfig` returns. The caller decides when to
 * let the page breathe between pieces, so a large config never holds the main thread in one long task.
 */
export function* validateConfigInSteps(input: unknown): Generator<void, ConfigValidation, void> {
  try {
    return yield* validate(input);
  } catch (error) {
    // Last line of defence: a validator bug must not break the host app.
    return { config: null, issues: [issue('error', 'internal', [], `the config could not be validated (${String(error).slice(0, 200)})`)] };
  }
}

type Doc = Record<string, JsonValue>;
type UnitKind = 'stages' | 'experiences' | 'articles';
const UNIT_LIMITS: Record<UnitKind, number> = { stages: CONFIG_LIMITS.stages, experiences: CONFIG_LIMITS.experiences, articles: CONFIG_LIMITS.articles };

interface Unit<Value> {
  path: IssuePath;
  id: string | undefined;
  value: Value | undefined;
  failed: boolean;
  /** When its own schema refused it: the document's copy and where the schema errors are, for the reference checks. */
  refused?: { raw: JsonValue; errorPaths: IssuePath[] };
}

function* validate(input: unknown): Generator<void, ConfigValidation, void> {
  const snap = snapshot(input, (path) => (path.length === 1 && typeof path[0] === 'string' && Object.hasOwn(UNIT_LIMITS, path[0]) ? UNIT_LIMITS[path[0] as UnitKind] : undefined));
  const issues: ConfigIssue[] = [...snap.issues];
  const fatal = (extra?: ConfigIssue): ConfigValidation => ({ config: null, issues: finish(extra ? [...issues, extra] : issues) });
  const poisoned = (path: IssuePath): boolean => snap.poisoned.some((p) => isUnder(path, p));
  // Units that the snapshot already found broken.
  const brokenByCopy = (path: IssuePath): boolean => snap.issues.some((i) => i.severity === 'error' && isUnder(i.path, path));

  if (snap.truncated) return fatal();
  // The copy is one piece of work (it is bounded by SNAPSHOT_LIMITS); every unit after it is another.
  yield;
  const root = snap.value;
  if (!isObject(root)) {
    if (poisoned([])) return fatal();
    return fatal(issue('error', 'not-an-object', [], `expected a config object like {"version": "${CONFIG_VERSION}", "experiences": []}, got ${describeValue(root)}`));
  }

  // ---- version and migrations
  if (poisoned(['version'])) return fatal();
  if (!Object.hasOwn(root, 'version')) {
    return fatal(issue('error', 'missing', ['version'], `expected the config format version, e.g. "version": "${CONFIG_VERSION}", got nothing (required)`));
  }
  const major = majorVersion(root.version);
  if (major === undefined) {
    const asString = typeof root.version === 'number' ? `; write it as a string: "${root.version}"` : '';
    return fatal(issue('error', 'invalid-version', ['version'], `expected a version like "1" or "1.2", got ${describeValue(root.version)}${asString}`));
  }
  if (major > CONFIG_MAJOR) {
    return fatal(issue('error', 'unsupported-version', ['version'], `this config is version ${major}, this Waymark understands version ${CONFIG_MAJOR}; upgrade the SDK`));
  }
  let doc: Doc = root;
  if (major < CONFIG_MAJOR) {
    const migrated = migrateConfig(root, CONFIG_MAJOR);
    issues.push(...migrated.issues);
    if (!migrated.ok) return fatal();
    doc = migrated.doc as Doc;
  }

  // ---- top-level keys
  const allowedKeys = Object.keys(configSchema.shape);
  for (const key of Object.keys(doc)) {
    if (!allowedKeys.includes(key)) issues.push(issue('error', 'unknown-key', [key], `unknown key ${JSON.stringify(key)} (ignored)${didYouMean(key, allowedKeys)}`));
  }
  if (poisoned(['experiences'])) return fatal();
  if (!Array.isArray(doc.experiences)) {
    const found = doc.experiences;
    return fatal(issue('error', found === undefined ? 'missing' : 'invalid-type', ['experiences'], `expected a list of experiences, got ${describeValue(found)}${found === undefined ? ' (required)' : ''}`));
  }

  // ---- each unit against its own schema
  const keep = (result: { issues: ConfigIssue[] }): boolean => {
    const own = result.issues.filter((i) => !poisoned(i.path));
    issues.push(...own);
    return !own.some((i) => i.severity === 'error');
  };

  const sections: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(sectionSchemas)) {
    if (!Object.hasOwn(doc, key) || brokenByCopy([key])) continue;
    const result = checkWithSchema(schema as Parameters<typeof checkWithSchema>[0], doc[key], [key]);
    if (keep(result) && result.data !== undefined) sections[key] = result.data;
  }

  function* units<Value>(kind: UnitKind, check: (value: JsonValue, path: IssuePath) => { data: Value | undefined; issues: ConfigIssue[] }): Generator<void, Unit<Value>[] | undefined, void> {
    const list = doc[kind];
    if (list === undefined) return undefined;
    if (!Array.isArray(list)) {
      if (!poisoned([kind])) issues.push(issue('error', 'invalid-type', [kind], `expected a list of ${kind}, got ${describeValue(list)}; the ${kind} are ignored`));
      return undefined;
    }
    // The snapshot already cut the list at UNIT_LIMITS and reported it.
    const checked: Unit<Value>[] = [];
    for (const [index, value] of list.entries()) {
      const path = [kind, index];
      const id = isObject(value) && typeof value.id === 'string' ? value.id : undefined;
      if (brokenByCopy(path)) {
        checked.push({ path, id, value: undefined, failed: true });
        continue;
      }
      const result = check(value, path);
      const ok = keep(result);
      if (ok) checked.push({ path, id, value: result.data, failed: false });
      else {
        const errorPaths = result.issues.filter((i) => i.severity === 'error').map((i) => i.path);
        checked.push({ path, id, value: undefined, failed: true, refused: isObject(value) ? { raw: value, errorPaths } : undefined });
      }
      yield;
    }
    return checked;
  }

  const stages = yield* units<Stage>('stages', (value, path) => checkWithSchema(stageSchema, value, path));
  const experiences = (yield* units<Experience>('experiences', checkExperienceShape))!;
  const articles = yield* units<Article>('articles', (value, path) => checkWithSchema(articleSchema, value, path));

  // ---- duplicate ids: the first one wins
  for (const [kind, list] of [['stages', stages], ['experiences', experiences], ['articles', articles]] as const) {
    const first = new Map<string, IssuePath>();
    for (const unit of list ?? []) {
      if (unit.id === undefined) continue;
      const earlier = first.get(unit.id);
      if (!earlier) {
        first.set(unit.id, unit.path);
        continue;
      }
      issues.push(issue('error', 'duplicate-id', [...unit.path, 'id'], `duplicate ${kind.slice(0, -1)} id ${JSON.stringify(unit.id)} (first used by ${kind}[${earlier[1]}])`));
      unit.failed = true;
      unit.value = undefined;
    }
  }

  // ---- semantic checks and cross-references. Run twice: the second run knows which units the
  // first run dropped, so a reference to one of them is reported as "skipped", not missed.
  const semantic: ConfigIssue[][] = [];
  const links: References['links'] = new Map();
  for (let pass = 0; pass < 2; pass++) {
    const refs: References = { stages: index(stages), experiences: index(experiences), articles: index(articles), links };
    const found: ConfigIssue[] = [];
    function* run<Value>(list: Unit<Value>[] | undefined, check: (value: Value, path: IssuePath, refs: References) => ConfigIssue[]): Generator<void, void, void> {
      for (const unit of list ?? []) {
        if (unit.failed || unit.value === undefined) continue;
        const unitIssues = check(unit.value, unit.path, refs);
        found.push(...unitIssues);
        if (pass === 0 && unitIssues.some((i) => i.severity === 'error')) unit.failed = true;
        yield;
      }
    }
    yield* run(stages, checkStage);
    yield* run(experiences, checkExperience);
    yield* run(articles, checkArticle);
    for (const key of Object.keys(sections)) {
      if (sections[key] === undefined) continue;
      const sectionIssues = checkSection(key, sections[key], refs);
      found.push(...sectionIssues);
      if (pass === 0 && sectionIssues.some((i) => i.severity === 'error')) sections[key] = undefined;
    }
    semantic[pass] = found;
  }
  // Errors come from the first run (they decided what was dropped), warnings from the second.
  issues.push(...semantic[0]!.filter((i) => i.severity === 'error'), ...semantic[1]!.filter((i) => i.severity === 'warning'));

  // ---- units their schema refused get the other checks too, so one run reports every issue (fix the shape,
  // and no unknown stage appears next time). The unit stays dropped; what the schema already said is not repeated.
  const finalRefs: References = { stages: index(stages), experiences: index(experiences), articles: index(articles), links };
  function* checkRefused<Value>(list: Unit<Value>[] | undefined, check: (value: Value, path: IssuePath, refs: References) => ConfigIssue[]): Generator<void, void, void> {
    for (const unit of list ?? []) {
      if (!unit.refused) continue;
      yield;
      const { raw, errorPaths } = unit.refused;
      const relative = errorPaths.map((at) => at.slice(unit.path.length));
      if (relative.some((at) => at.length === 0)) continue;
      let found: ConfigIssue[];
      try {
        // Checked without the parts the schema refused (list entries become holes, so later indexes keep their
        // place). The rest is still not the schema's type: a check that trips over it has nothing more to say.
        found = check(withoutPaths(raw, relative) as unknown as Value, unit.path, finalRefs);
      } catch {
        continue;
      }
      issues.push(...found.filter((i) => !errorPaths.some((at) => isUnder(i.path, at) || isUnder(at, i.path))));
    }
  }
  yield* checkRefused(stages, checkStage);
  yield* checkRefused(experiences, checkExperience);
  yield* checkRefused(articles, checkArticle);

  // ---- assemble what survived, in the schema's key order
  const survivors = <Value>(list: Unit<Value>[] | undefined): Value[] | undefined =>
    list?.flatMap((unit) => (unit.failed || unit.value === undefined ? [] : [unit.value]));
  const assembled: Record<string, unknown> = {};
  for (const key of allowedKeys) {
    if (key === 'version') assembled.version = major < CONFIG_MAJOR ? CONFIG_VERSION : root.version;
    else if (key === 'stages' && stages) assembled.stages = survivors(stages);
    else if (key === 'experiences') assembled.experiences = survivors(experiences);
    else if (key === 'articles' && articles) assembled.articles = survivors(articles);
    else if (sections[key] !== undefined) assembled[key] = sections[key];
  }
  // Every part above was produced by the schema whose output type equals its part of WaymarkConfig.
  return { config: assembled as unknown as WaymarkConfig, issues: finish(issues) };
}

function checkExperienceShape(value: JsonValue, path: IssuePath): { data: Experience | undefined; issues: ConfigIssue[] } {
  if (!isObject(value)) {
    return { data: undefined, issues: [issue('error', 'invalid-type', path, `expected an experience (an object with "id" and "type"), got ${describeValue(value)}`)] };
  }
  const type = value.type;
  if (typeof type !== 'string' || !(EXPERIENCE_TYPES as string[]).includes(type)) {
    const hint = typeof type === 'string' ? didYouMean(type, EXPERIENCE_TYPES) : '';
    const code = type === undefined ? 'missing' : 'unknown-type';
    return { data: undefined, issues: [issue('error', code, [...path, 'type'], `expected one of ${listOf(EXPERIENCE_TYPES)}, got ${describeValue(type)}${type === undefined ? ' (required)' : hint}`)] };
  }
  // Checked against its own type only, so errors name the real problem, never "invalid union".
  const schema = experienceSchemas[type as ExperienceType];
  return checkWithSchema(schema as Parameters<typeof checkWithSchema<Experience>>[0], value, path);
}

/** A copy of `value` without what is at `paths` (relative to it): object keys removed, list entries left as holes. */
function withoutPaths(value: JsonValue, paths: readonly IssuePath[]): JsonValue {
  if (paths.length === 0 || typeof value !== 'object' || value === null) return value;
  const here = new Set(paths.filter((path) => path.length === 1).map((path) => path[0]));
  const below = (key: string | number) => paths.filter((path) => path.length > 1 && path[0] === key).map((path) => path.slice(1));
  if (Array.isArray(value)) {
    const copy: JsonValue[] = new Array(value.length);
    value.forEach((item, position) => {
      if (!here.has(position)) copy[position] = withoutPaths(item, below(position));
    });
    return copy;
  }
  const copy: Record<string, JsonValue> = {};
  for (const key of Object.keys(value)) {
    if (!here.has(key)) Object.defineProperty(copy, key, { value: withoutPaths(value[key]!, below(key)), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function index(list: Unit<unknown>[] | undefined): { declared: Set<string>; valid: Set<string> } {
  const declared = new Set<string>();
  const valid = new Set<string>();
  for (const unit of list ?? []) {
    if (unit.id === undefined) continue;
    declared.add(unit.id);
    if (!unit.failed && unit.value !== undefined) valid.add(unit.id);
  }
  return { declared, valid };
}

/** Cap the list, so a hostile document cannot produce millions of issues. */
function finish(issues: ConfigIssue[]): ConfigIssue[] {
  if (issues.length <= CONFIG_LIMITS.issues) return issues;
  const shown = issues.slice(0, CONFIG_LIMITS.issues);
  const errors = issues.slice(CONFIG_LIMITS.issues).filter((i) => i.severity === 'error').length;
  shown.push(issue(errors > 0 ? 'error' : 'warning', 'too-many-issues', [], `${issues.length - CONFIG_LIMITS.issues} more issues were not listed`));
  return shown;
}

function isObject(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
