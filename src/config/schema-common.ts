/**
 * The config schema's shared pieces: the patterns and their "expected" phrases, ids, durations,
 * urls, locales, text, targets, URL matches and the condition union. `schema.ts` builds the
 * actions, content, experiences and the document from these, and re-exports them.
 */
import * as z from 'zod/mini';
import type * as T from './types.js';
import { DURATION_PATTERN } from './duration.js';
import { SAFE_URL_PATTERN } from './rich-text.js';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** BCP 47-ish: a 2–3 letter language, then optional subtags (`en`, `pt-BR`, `zh-Hant-TW`). */
export const LOCALE_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** `YYYY-MM-DD`, optionally with a time and a zone (`2025-01-31T09:00:00Z`). */
export const ISO_DATE_PATTERN =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;
export const DAY_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
export const TIME_RANGE_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d-(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** What each pattern means, phrased to follow "expected". Also used to pick issue codes. */
export const EXPECTED = {
  id: 'an id: a letter or digit, then up to 63 letters, digits, ".", "_" or "-"',
  duration: 'a duration like "500ms", "30s", "5m", "2h", "7d" or "2w"',
  url: 'a safe link (https:, http:, mailto:, tel:, or a relative path starting with /, ./, ../, ? or #)',
  locale: 'a locale code like "en" or "pt-BR"',
  date: 'an ISO date like "2025-01-31" or "2025-01-31T09:00:00Z"',
  day: 'a date like "2025-12-25"',
  timeRange: 'opening hours like "09:00-18:00"',
  selector: 'a CSS selector',
  nonEmpty: 'a non-empty string',
  percent: 'a percentage from 0 to 100',
} as const;

/** A string that must match `pattern`; both a wrong type and a mismatch say `expected`. */
export function patterned(pattern: RegExp, expected: string) {
  return z.string({ error: expected }).check(z.regex(pattern, { error: expected }));
}
export const nonEmpty = (expected: string = EXPECTED.nonEmpty) =>
  z.string({ error: expected }).check(z.minLength(1, { error: expected }));
export const count = () => z.int().check(z.gte(0));

// ---- shared pieces ---------------------------------------------------------------------------

export const idSchema = patterned(ID_PATTERN, EXPECTED.id);
export const durationSchema = patterned(DURATION_PATTERN, EXPECTED.duration);
export const safeUrlSchema = patterned(SAFE_URL_PATTERN, EXPECTED.url);
export const localeSchema = patterned(LOCALE_PATTERN, EXPECTED.locale);
export const isoDateSchema = patterned(ISO_DATE_PATTERN, EXPECTED.date);
export const daySchema = patterned(DAY_PATTERN, EXPECTED.day);
export const timeRangeSchema = patterned(TIME_RANGE_PATTERN, EXPECTED.timeRange);
export const selectorSchema = nonEmpty(EXPECTED.selector);
export const percentSchema = z.number({ error: EXPECTED.percent }).check(z.gte(0, { error: EXPECTED.percent }), z.lte(100, { error: EXPECTED.percent }));

export const textSchema = z.union([z.string(), z.record(localeSchema, z.string())]);
export const richTextSchema = z.union([z.string(), z.record(localeSchema, z.string())]);

export const targetSchemas = {
  selector: selectorSchema,
  selectorObject: z.strictObject({ selector: selectorSchema }),
  anchor: z.strictObject({ anchor: nonEmpty() }),
  text: z.strictObject({
    text: nonEmpty(),
    role: z.optional(nonEmpty()),
    within: z.optional(selectorSchema),
  }),
};
export const targetSchema = z.union([targetSchemas.selector, targetSchemas.selectorObject, targetSchemas.anchor, targetSchemas.text]);

export const urlMatchSchemas = {
  glob: nonEmpty(),
  object: z.strictObject({
    path: nonEmpty(),
    match: z.optional(z.enum(['glob', 'exact', 'prefix', 'regex'])),
    query: z.optional(z.record(z.string(), z.string())),
  }),
};
export const urlMatchSchema = z.union([urlMatchSchemas.glob, urlMatchSchemas.object]);

export const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Built per use, so the trait condition and `Compare` each get their own field schemas. */
const compareShape = () => ({
  equals: z.optional(scalarSchema),
  notEquals: z.optional(scalarSchema),
  in: z.optional(z.array(scalarSchema)),
  gt: z.optional(z.number()),
  gte: z.optional(z.number()),
  lt: z.optional(z.number()),
  lte: z.optional(z.number()),
  before: z.optional(isoDateSchema),
  after: z.optional(isoDateSchema),
  olderThan: z.optional(durationSchema),
  newerThan: z.optional(durationSchema),
  contains: z.optional(z.string()),
  exists: z.optional(z.boolean()),
});
export const compareSchema = z.strictObject(compareShape());

const struggleKinds = ['rage-click', 'dead-click', 'error', 'form-error', 'back-and-forth'] as const;
const experienceStatuses = ['seen', 'not-seen', 'active', 'completed', 'dismissed', 'answered'] as const;

// ---- conditions ------------------------------------------------------------------------------

/**
 * A condition: an object with exactly one kind key (the first key of each option below).
 * Parsing tries the kinds in order, and each kind whose key is absent parses `undefined`; for `not`
 * that meant the whole 15-option union again, with 15 issues built and dropped, per condition. The
 * guard refuses a missing condition at once (it is never reported: JSON has no `undefined`, and
 * optional fields stop before it), which keeps validation linear and cheap in the tree size.
 */
export const conditionSchema: z.ZodMiniType<T.Condition> = z.lazy(() => z.pipe(presentSchema, conditionUnion));
const presentSchema = z.custom<unknown>((value) => value !== undefined, { error: 'a condition' });

export const eventCountSchema = z.strictObject({ gte: z.optional(count()), lte: z.optional(count()), eq: z.optional(count()) });
export const stageTestSchema = z.strictObject({
  is: z.optional(z.union([idSchema, z.array(idSchema)])),
  atLeast: z.optional(idSchema),
  before: z.optional(idSchema),
  forAtLeast: z.optional(durationSchema),
});
export const dateRangeSchema = z.strictObject({ from: z.optional(isoDateSchema), until: z.optional(isoDateSchema) });

export const conditionKindSchemas = {
  all: z.strictObject({ all: z.array(conditionSchema).check(z.minLength(1)) }),
  any: z.strictObject({ any: z.array(conditionSchema).check(z.minLength(1)) }),
  not: z.strictObject({ not: conditionSchema }),
  page: z.strictObject({ page: urlMatchSchema }),
  visited: z.strictObject({ visited: urlMatchSchema }),
  event: z.strictObject({
    event: nonEmpty(),
    count: z.optional(eventCountSchema),
    within: z.optional(durationSchema),
    where: z.optional(z.record(z.string(), z.union([scalarSchema, compareSchema]))),
  }),
  trait: z.strictObject({ trait: nonEmpty(), ...compareShape() }),
  stage: z.strictObject({ stage: stageTestSchema }),
  element: z.strictObject({
    element: targetSchema,
    state: z.optional(z.enum(['present', 'absent', 'visible', 'clicked'])),
  }),
  delay: z.strictObject({
    delay: durationSchema,
    since: z.optional(z.enum(['page', 'stage', 'session'])),
  }),
  idle: z.strictObject({ idle: durationSchema }),
  struggle: z.strictObject({
    struggle: z.enum(struggleKinds),
    count: z.optional(z.int().check(z.gte(1))),
    within: z.optional(durationSchema),
    on: z.optional(targetSchema),
  }),
  experience: z.strictObject({
    experience: idSchema,
    state: z.enum(experienceStatuses),
  }),
  date: z.strictObject({ date: dateRangeSchema }),
  rollout: z.strictObject({
    rollout: percentSchema,
    salt: z.optional(z.string()),
  }),
};

export type ConditionKind = keyof typeof conditionKindSchemas;
export const CONDITION_KINDS = Object.keys(conditionKindSchemas) as ConditionKind[];

type ConditionOption = (typeof conditionKindSchemas)[ConditionKind];
export const conditionUnion = z.union(Object.values(conditionKindSchemas) as [ConditionOption, ...ConditionOption[]]);
