/**
 * Runs a zod/mini schema over one unit of the document and turns zod's issues into Waymark's:
 * one issue per unknown key (with a "did you mean"), "expected …, got …" everywhere, and
 * precise errors inside unions: a union is resolved to the one option the value was meant
 * to be (by its type, its discriminator, or its one kind key) and the value is checked
 * against that option alone, so a bad condition never reads "invalid union".
 */
import * as z from 'zod/mini';
import { DURATION_PATTERN } from './duration.js';
import { SAFE_URL_PATTERN } from './rich-text.js';
import { DAY_PATTERN, ID_PATTERN, ISO_DATE_PATTERN, LOCALE_PATTERN, SCHEMA_TITLES, TIME_RANGE_PATTERN } from './schema.js';
import { describeValue, didYouMean, issue, listOf, type ConfigIssue, type IssuePath } from './issues.js';

type Schema = z.core.$ZodType;

/** The parts of zod's schema definitions this module reads. */
interface SchemaDef {
  type: string;
  options?: readonly Schema[];
  discriminator?: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  getter?: () => Schema;
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
  error?: (issue: { code: string; input: unknown }) => unknown;
}

/** The parts of a raw zod issue the error map reads. */
interface RawIssue {
  code: string;
  inst?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: readonly unknown[];
  format?: string;
  divisor?: number;
}

/** The parts of a final zod issue this module reads. */
interface FinalIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  issues?: FinalIssue[];
  /** `invalid_union`: each option's own issues, paths relative to the union's value. */
  errors?: FinalIssue[][];
  pattern?: string;
  params?: Record<string, unknown>;
}

const PATTERN_CODES: ReadonlyArray<[RegExp, string]> = [
  [ID_PATTERN, 'invalid-id'],
  [DURATION_PATTERN, 'invalid-duration'],
  [SAFE_URL_PATTERN, 'unsafe-url'],
  [LOCALE_PATTERN, 'invalid-locale'],
  [ISO_DATE_PATTERN, 'invalid-date'],
  [DAY_PATTERN, 'invalid-date'],
  [TIME_RANGE_PATTERN, 'invalid-hours'],
];

/** Marks messages produced by our error map: `\u0000<index of the recorded raw issue>`. */
const RECORD_MARK = '\u0000';

export interface CheckResult<Output> {
  /** The parsed copy, when the unit has no error. */
  data: Output | undefined;
  issues: ConfigIssue[];
}

/** Check `value` (found at `path`) against `schema`. Never throws for JSON input. */
export function checkWithSchema<Output>(schema: z.ZodMiniType<Output>, value: unknown, path: IssuePath): CheckResult<Output> {
  const issues: ConfigIssue[] = [];
  const data = run(schema, value, path, issues);
  return { data: issues.some((i) => i.severity === 'error') ? undefined : (data as Output | undefined), issues };
}

function run(schema: Schema, value: unknown, path: IssuePath, out: ConfigIssue[]): unknown {
  // Raw issues seen by the error map, so a final issue can be traced to the schema that raised it.
  const records: RawIssue[] = [];
  const result = z.safeParse(schema, value, {
    error: (raw) => {
      records.push(raw as RawIssue);
      return `${RECORD_MARK}${records.length - 1}`;
    },
  });
  if (result.success) return result.data;
  for (const final of result.error.issues as unknown as FinalIssue[]) convert(final, records, value, path, out);
  return undefined;
}

function convert(final: FinalIssue, records: RawIssue[], unitValue: unknown, base: IssuePath, out: ConfigIssue[]): void {
  const relative = final.path.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number');
  const path = [...base, ...relative];
  const found = valueAt(unitValue, relative);
  const raw = final.message.startsWith(RECORD_MARK) ? records[Number(final.message.slice(1))] : undefined;
  const expected = raw ? phraseForRaw(raw) : final.message;

  switch (final.code) {
    case 'unrecognized_keys': {
      const allowed = raw?.inst ? Object.keys(defOf(raw.inst as Schema).shape ?? {}) : [];
      for (const key of final.keys ?? []) {
        const hint = didYouMean(key, allowed) || (allowed.length ? ` (allowed: ${allowed.join(', ')})` : '');
        out.push(issue('error', 'unknown-key', [...path, key], `unknown key ${JSON.stringify(key)}${hint}`));
      }
      return;
    }
    case 'invalid_union': {
      const union = raw?.inst as Schema | undefined;
      const discriminator = union ? defOf(union).discriminator : undefined;
      // zod reports an unmatched discriminator at the discriminator key; resolve from its object.
      if (union && discriminator !== undefined && relative[relative.length - 1] === discriminator) {
        resolveUnion(union, valueAt(unitValue, relative.slice(0, -1)), path.slice(0, -1), out, records);
      } else if (union) resolveUnion(union, found, path, out, records, final.errors);
      else out.push(issue('error', 'invalid-value', path, `expected ${expected}, got ${describeValue(found)}`));
      return;
    }
    case 'invalid_key': {
      const key = relative[relative.length - 1];
      const inner = final.issues?.[0];
      const innerRaw = inner?.message.startsWith(RECORD_MARK) ? records[Number(inner.message.slice(1))] : undefined;
      const phrase = innerRaw ? phraseForRaw(innerRaw) : (inner?.message ?? 'a valid key');
      out.push(issue('error', inner?.pattern ? codeForPattern(inner.pattern) : 'invalid-key', path, `expected the key to be ${phrase}, got ${JSON.stringify(key)}`));
      return;
    }
    case 'custom': {
      const code = typeof final.params?.code === 'string' ? final.params.code : 'invalid-value';
      out.push(issue('error', code, path, expected));
      return;
    }
    default: {
      const code =
        found === undefined
          ? 'missing'
          : final.code === 'invalid_format' && final.pattern
            ? codeForPattern(final.pattern)
            : final.code.replace(/_/g, '-');
      const required = found === undefined ? ' (required)' : '';
      out.push(issue('error', code, path, `expected ${expected}, got ${describeValue(found)}${required}${nearMiss(found, raw?.code === 'invalid_value' ? raw.values : undefined)}`));
    }
  }
}

/** `; did you mean "bottom"?` when a string is a typo of one of the allowed strings. */
function nearMiss(found: unknown, allowed: readonly unknown[] | undefined): string {
  if (typeof found !== 'string' || !allowed) return '';
  return didYouMean(found, allowed.filter((value): value is string => typeof value === 'string'));
}

/**
 * Pick the option `value` was meant to be and report its issues alone. zod already checked every option (`errors`,
 * when given, holds what each one found): those issues are used, never a second run of the option, which for a tree
 * of nested unions (conditions) would check each level again for every level above it.
 */
function resolveUnion(union: Schema, value: unknown, path: IssuePath, out: ConfigIssue[], records: RawIssue[], errors?: FinalIssue[][]): void {
  const def = defOf(union);
  const options = def.options ?? [];
  const report = (option: Schema): void => {
    const found = errors?.[options.indexOf(option)];
    if (!found?.length) return void run(option, value, path, out);
    for (const nested of found) convert(nested, records, value, path, out);
  };
  const fail = (code: string, expected: string, at: IssuePath = path, found: unknown = value, extra = ''): void => {
    const required = found === undefined ? ' (required)' : '';
    out.push(issue('error', found === undefined ? 'missing' : code, at, `expected ${expected}, got ${describeValue(found)}${required}${extra}`));
  };

  if (def.discriminator) {
    const key = def.discriminator;
    if (!isPlainObject(value)) return fail('invalid-type', `an object with ${JSON.stringify(key)}`);
    const allowed = options.flatMap((option) => literalValues(defOf(option).shape?.[key]));
    const found = value[key];
    const match = options.find((option) => literalValues(defOf(option).shape?.[key]).includes(found));
    if (match) return report(match);
    const hint = typeof found === 'string' ? didYouMean(found, allowed.filter((v): v is string => typeof v === 'string')) : '';
    return fail('invalid-value', `one of ${listOf(allowed)}`, [...path, key], found, hint);
  }

  const candidates = options.filter((option) => accepts(option, value));
  if (candidates.length === 0) return fail('invalid-type', phraseOf(union));
  if (candidates.length === 1) return report(candidates[0]!);

  if (isPlainObject(value)) {
    const objects = candidates.filter((option) => baseType(option) === 'object');
    const recordOptions = candidates.filter((option) => baseType(option) === 'record');
    const kinds = objects.map((option) => kindKey(option, objects));
    const present = objects.filter((_, index) => kinds[index] !== undefined && Object.hasOwn(value, kinds[index]!));
    if (present.length === 1) return report(present[0]!);
    const kindList = kinds.filter((k): k is string => k !== undefined);
    if (present.length === 0) {
      if (recordOptions[0]) return report(recordOptions[0]);
      const hints = Object.keys(value).map((key) => didYouMean(key, kindList)).find(Boolean) ?? '';
      return fail('missing-kind', `${titleOf(union) ?? 'an object'} with one of ${listOf(kindList)}`, path, value, hints);
    }
    const presentKinds = present.map((option) => kindKey(option, objects)!);
    const combine = titleOf(union) === 'a condition' ? '; combine conditions with {"all": [...]} or {"any": [...]}' : '';
    out.push(
      issue('error', 'ambiguous-kind', path, `expected exactly one of ${listOf(kindList)}, got ${listOf(presentKinds, 'and')}${combine}`),
    );
    return;
  }
  // Several options of the same JSON type (e.g. a duration or "never"): say what each would need.
  fail('invalid-value', phraseOf(union), path, value, nearMiss(value, options.flatMap((option) => (baseType(option) === 'string' ? literalValues(option) : []))));
}

// ---- schema introspection --------------------------------------------------------------------

function defOf(schema: Schema): SchemaDef {
  return schema._zod.def as unknown as SchemaDef;
}

/** Through `optional` and `lazy` wrappers. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let guard = 0; guard < 16; guard++) {
    const def = defOf(current);
    if (def.type === 'optional' && def.innerType) current = def.innerType;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else break;
  }
  return current;
}

function baseType(schema: Schema): string {
  const def = defOf(unwrap(schema));
  if (def.type === 'int') return 'number';
  if (def.type === 'tuple') return 'array';
  if (def.type === 'literal' || def.type === 'enum') return typeof (def.values ?? Object.values(def.entries ?? {}))[0];
  return def.type;
}

function accepts(schema: Schema, value: unknown): boolean {
  const inner = unwrap(schema);
  const type = baseType(inner);
  if (type === 'union') return (defOf(inner).options ?? []).some((option) => accepts(option, value));
  if (value === null) return type === 'null';
  if (Array.isArray(value)) return type === 'array';
  if (typeof value === 'object') return type === 'object' || type === 'record';
  return type === typeof value;
}

function literalValues(schema: Schema | undefined): unknown[] {
  if (!schema) return [];
  const def = defOf(unwrap(schema));
  return [...(def.values ?? Object.values(def.entries ?? {}))];
}

/** An object option's kind key: its first key, when no sibling option has that key. */
function kindKey(option: Schema, siblings: readonly Schema[]): string | undefined {
  const first = Object.keys(defOf(unwrap(option)).shape ?? {})[0];
  if (first === undefined) return undefined;
  const shared = siblings.some((other) => other !== option && Object.hasOwn(defOf(unwrap(other)).shape ?? {}, first));
  return shared ? undefined : first;
}

function titleOf(schema: Schema): string | undefined {
  const title = SCHEMA_TITLES.get(schema);
  return title !== undefined ? `a ${title.toLowerCase()}` : undefined;
}

/** What a schema expects, phrased to follow "expected". */
function phraseOf(schema: Schema): string {
  const inner = unwrap(schema);
  const def = defOf(inner);
  const custom = customPhrase(def);
  if (custom) return custom;
  switch (def.type) {
    case 'union': {
      const objects = (def.options ?? []).filter((option) => baseType(option) === 'object');
      const parts = (def.options ?? []).map((option) =>
        baseType(option) === 'object' && kindKey(option, objects) ? `an object with ${JSON.stringify(kindKey(option, objects))}` : phraseOf(option),
      );
      const title = titleOf(inner);
      return `${title ? `${title}: ` : ''}${[...new Set(parts)].join(' or ')}`;
    }
    case 'literal':
    case 'enum': {
      const values = literalValues(inner);
      return values.length === 1 ? JSON.stringify(values[0]) : `one of ${listOf(values)}`;
    }
    default:
      return TYPE_PHRASES[def.type] ?? `a ${def.type}`;
  }
}

function customPhrase(def: SchemaDef): string | undefined {
  if (!def.error) return undefined;
  try {
    const phrase = def.error({ code: 'invalid_type', input: undefined });
    return typeof phrase === 'string' ? phrase : undefined;
  } catch {
    return undefined;
  }
}

const TYPE_PHRASES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  null: 'null',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  tuple: 'a list',
};

/** The expectation behind a raw zod issue that carried no message of its own. */
function phraseForRaw(raw: RawIssue): string {
  switch (raw.code) {
    case 'invalid_type':
      return TYPE_PHRASES[raw.expected ?? ''] ?? `a ${raw.expected}`;
    case 'invalid_value':
      return raw.values?.length === 1 ? JSON.stringify(raw.values[0]) : `one of ${listOf(raw.values ?? [])}`;
    case 'too_small':
      return bound(raw, 'at least', 'more than', String(raw.minimum));
    case 'too_big':
      return bound(raw, 'at most', 'less than', String(raw.maximum));
    case 'not_multiple_of':
      return `a multiple of ${raw.divisor}`;
    case 'invalid_format':
      return `a string in the ${raw.format} format`;
    default:
      return 'a valid value';
  }
}

function bound(raw: RawIssue, inclusive: string, exclusive: string, limit: string): string {
  const relation = raw.inclusive === false ? exclusive : inclusive;
  if (raw.origin === 'array' || raw.origin === 'set') return `${relation} ${limit} item${limit === '1' ? '' : 's'}`;
  if (raw.origin === 'string') return limit === '1' && relation === 'at least' ? 'a non-empty string' : `${relation} ${limit} characters`;
  return `a number ${relation} ${limit}`;
}

function codeForPattern(pattern: string): string {
  return PATTERN_CODES.find(([regex]) => regex.toString() === pattern)?.[1] ?? 'invalid-format';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a relative path inside snapshot data (own keys only). */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
