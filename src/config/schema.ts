/**
 * zod/mini schemas for the v1 config document. They mirror the hand-written types in
 * types.ts exactly (checked at the bottom of this file) and phrase their expectations so the
 * validator can say "expected a duration like "30s", got "30 secs"".
 *
 * This module ships to browsers, so it carries no field descriptions: those live in
 * `descriptions.ts`, which only the JSON Schema export (Node tooling) imports. Importing this
 * module builds schema objects and registers nothing anywhere.
 *
 * Pieces that the JSON Schema names (`Text`, `Target`, `Duration`, …) are shared constants;
 * everything else is built per use, so each field can carry its own description.
 */
import * as z from 'zod/mini';
import type * as T from './types.js';
import { DURATION_PATTERN } from './duration.js';
import {
  EXPECTED,
  conditionSchema,
  conditionUnion,
  daySchema,
  durationSchema,
  idSchema,
  localeSchema,
  percentSchema,
  richTextSchema,
  safeUrlSchema,
  scalarSchema,
  selectorSchema,
  targetSchema,
  textSchema,
  timeRangeSchema,
  urlMatchSchema,
  patterned,
  nonEmpty,
} from './schema-common.js';

export * from './schema-common.js';

// ---- actions, buttons, content ---------------------------------------------------------------

export const actionSchemas = {
  next: z.strictObject({ type: z.literal('next') }),
  back: z.strictObject({ type: z.literal('back') }),
  complete: z.strictObject({ type: z.literal('complete') }),
  dismiss: z.strictObject({ type: z.literal('dismiss') }),
  snooze: z.strictObject({ type: z.literal('snooze'), for: z.optional(durationSchema) }),
  'open-article': z.strictObject({ type: z.literal('open-article'), article: idSchema }),
  'open-help': z.strictObject({ type: z.literal('open-help'), query: z.optional(z.string()) }),
  'open-chat': z.strictObject({ type: z.literal('open-chat'), message: z.optional(textSchema) }),
  start: z.strictObject({ type: z.literal('start'), experience: idSchema }),
  url: z.strictObject({ type: z.literal('url'), url: safeUrlSchema, newTab: z.optional(z.boolean()) }),
  emit: z.strictObject({ type: z.literal('emit'), event: nonEmpty(), props: z.optional(z.record(z.string(), scalarSchema)) }),
};
const A = actionSchemas;
export const actionSchema = z.discriminatedUnion('type', [
  A.next, A.back, A.complete, A.dismiss, A.snooze, A['open-article'], A['open-help'], A['open-chat'], A.start, A.url, A.emit,
]);

export const buttonSchema = z.strictObject({
  label: textSchema,
  action: actionSchema,
  variant: z.optional(z.enum(['primary', 'secondary', 'link'])),
});

export const imageSchema = z.strictObject({ src: safeUrlSchema, alt: textSchema });

export const placementSchema = z.enum([
  'auto', 'top', 'bottom', 'left', 'right', 'top-start', 'top-end', 'bottom-start', 'bottom-end',
  'left-start', 'left-end', 'right-start', 'right-end', 'center',
]);

export const frequencySchema = z.strictObject({
  show: z.optional(z.enum(['once', 'session', 'always'])),
  every: z.optional(durationSchema),
  maxShows: z.optional(z.int().check(z.gte(1))),
  afterDismiss: z.optional(z.union([patterned(DURATION_PATTERN, EXPECTED.duration), z.literal('never')])),
});

export const missingTargetPolicySchema = z.enum(['skip', 'center', 'end']);

export const hiddenTargetPolicySchemas = {
  reveal: z.strictObject({ reveal: targetSchema }),
  fallback: z.strictObject({ fallback: targetSchema }),
  mode: z.enum(['sheet', 'skip']),
};
export const hiddenTargetPolicySchema = z.union([hiddenTargetPolicySchemas.reveal, hiddenTargetPolicySchemas.fallback, hiddenTargetPolicySchemas.mode]);

export const spotlightOptionsSchema = z.strictObject({
  padding: z.optional(z.number().check(z.gte(0))),
  radius: z.optional(z.number().check(z.gte(0))),
  interactive: z.optional(z.boolean()),
});
export const spotlightSchema = z.union([z.boolean(), spotlightOptionsSchema]);

// ---- experiences -----------------------------------------------------------------------------

/** Fields every experience has; built per type so each type documents its own. */
const experienceBase = () => ({
  id: idSchema,
  name: z.optional(z.string()),
  stages: z.optional(z.array(idSchema)),
  when: z.optional(conditionSchema),
  priority: z.optional(z.number()),
  frequency: z.optional(frequencySchema),
  control: z.optional(percentSchema),
  enabled: z.optional(z.boolean()),
});

export const advanceOnSchema = z.strictObject({
  click: z.optional(z.boolean()),
  event: z.optional(nonEmpty()),
  element: z.optional(targetSchema),
});

export const tourStepSchema = z.strictObject({
  id: z.optional(idSchema),
  target: z.optional(targetSchema),
  page: z.optional(urlMatchSchema),
  url: z.optional(safeUrlSchema),
  title: textSchema,
  body: z.optional(richTextSchema),
  image: z.optional(imageSchema),
  placement: z.optional(placementSchema),
  spotlight: z.optional(spotlightSchema),
  modal: z.optional(z.boolean()),
  advanceOn: z.optional(advanceOnSchema),
  onMissingTarget: z.optional(missingTargetPolicySchema),
  waitFor: z.optional(durationSchema),
  onHiddenTarget: z.optional(hiddenTargetPolicySchema),
  nextFollowsLink: z.optional(z.boolean()),
  buttons: z.optional(z.array(buttonSchema)),
  articles: z.optional(z.array(idSchema)),
});

export const tourSchema = z.strictObject({
  ...experienceBase(),
  type: z.literal('tour'),
  steps: z.array(tourStepSchema).check(z.minLength(1), z.maxLength(200)),
  spotlight: z.optional(spotlightSchema),
  onMissingTarget: z.optional(missingTargetPolicySchema),
  onHiddenTarget: z.optional(hiddenTargetPolicySchema),
  title: z.optional(textSchema),
  replayable: z.optional(z.boolean()),
  skippable: z.optional(z.boolean()),
  showProgress: z.optional(z.boolean()),
});

export const hintSchema = z.strictObject({
  ...experienceBase(),
  type: z.literal('hint'),
  target: targetSchema,
  title: z.optional(textSchema),
  body: richTextSchema,
  openOn: z.optional(z.enum(['hover', 'focus', 'click', 'trigger'])),
  placement: z.optional(placementSchema),
  buttons: z.optional(z.array(buttonSchema)),
  articles: z.optional(z.array(idSchema)),
});

export const beaconSchema = z.strictObject({
  ...experienceBase(),
  type: z.literal('beacon'),
  target: targetSchema,
  position: z.optional(z.enum(['top-start', 'top-end', 'bottom-start', 'bottom-end', 'left', 'right', 'center'])),
  title: z.optional(textSchema),
  body: richTextSchema,
  placement: z.optional(placementSchema),
  buttons: z.optional(z.array(buttonSchema)),
  articles: z.optional(z.array(idSchema)),
});

export const checklistItemSchema = z.strictObject({
  id: idSchema,
  version: z.optional(z.int().check(z.gte(1))),
  title: textSchema,
  description: z.optional(richTextSchema),
  action: z.optional(actionSchema),
  doneWhen: z.optional(conditionSchema),
  manual: z.optional(z.boolean()),
  dependsOn: z.optional(z.array(idSchema)),
  initiallyDone: z.optional(z.boolean()),
  articles: z.optional(z.array(idSchema)),
});

export const checklistSchema = z.strictObject({
  ...experienceBase(),
  type: z.literal('checklist'),
  title: textSchema,
  description: z.optional(richTextSchema),
  items: z.array(checklistItemSchema).check(z.minLength(1), z.maxLength(200)),
  strictOrder: z.optional(z.boolean()),
  launcher: z.optional(z.enum(['floating', 'inline'])),
  position: z.optional(z.enum(['bottom-end', 'bottom-start'])),
  completeToStage: z.optional(idSchema),
  celebrate: z.optional(z.boolean()),
  returnAtStage: z.optional(idSchema),
  reopenOnNewItems: z.optional(z.boolean()),
});

export const nudgeLevelSchemas = {
  hint: z.strictObject({
    kind: z.literal('hint'),
    title: z.optional(textSchema),
    body: richTextSchema,
    target: z.optional(targetSchema),
  }),
  articles: z.strictObject({
    kind: z.literal('articles'),
    title: z.optional(textSchema),
    articles: z.optional(z.array(idSchema)),
    max: z.optional(z.int().check(z.gte(1))),
  }),
  chat: z.strictObject({
    kind: z.literal('chat'),
    title: z.optional(textSchema),
    body: z.optional(richTextSchema),
    message: z.optional(textSchema),
  }),
};
export const nudgeLevelSchema = z.discriminatedUnion('kind', [nudgeLevelSchemas.hint, nudgeLevelSchemas.articles, nudgeLevelSchemas.chat]);

export const nudgeSchema = z.strictObject({
  ...experienceBase(),
  type: z.literal('nudge'),
  escalation: z.array(nudgeLevelSchema).check(z.minLength(1), z.maxLength(10)),
});

export const announcementSchema = z.strictObject({
  ...experienceBase(),
  type: z.literal('announcement'),
  display: z.enum(['banner', 'modal']),
  position: z.optional(z.enum(['top', 'bottom'])),
  title: textSchema,
  body: z.optional(richTextSchema),
  image: z.optional(imageSchema),
  buttons: z.optional(z.array(buttonSchema)),
  dismissible: z.optional(z.boolean()),
});

export const surveyFollowUpSchema = z.strictObject({
  scores: z.tuple([z.number(), z.number()]),
  title: z.optional(textSchema),
  body: z.optional(richTextSchema),
  buttons: z.optional(z.array(buttonSchema)),
});

export const surveySchema = z.strictObject({
  ...experienceBase(),
  type: z.literal('survey'),
  kind: z.enum(['nps', 'csat', 'ces']),
  question: textSchema,
  scale: z.optional(z.enum(['numbers', 'stars', 'faces'])),
  lowLabel: z.optional(textSchema),
  highLabel: z.optional(textSchema),
  askWhy: z.optional(z.union([z.boolean(), textSchema])),
  thankYou: z.optional(textSchema),
  followUps: z.optional(z.array(surveyFollowUpSchema)),
});

/** One schema per experience type: the validator checks an experience against its own type only. */
export const experienceSchemas = {
  tour: tourSchema,
  hint: hintSchema,
  beacon: beaconSchema,
  checklist: checklistSchema,
  nudge: nudgeSchema,
  announcement: announcementSchema,
  survey: surveySchema,
} as const;
export const EXPERIENCE_TYPES = Object.keys(experienceSchemas) as T.ExperienceType[];

export const experienceSchema = z.discriminatedUnion('type', [tourSchema, hintSchema, beaconSchema, checklistSchema, nudgeSchema, announcementSchema, surveySchema]);

// ---- top level -------------------------------------------------------------------------------

export const stageSchema = z.strictObject({
  id: idSchema,
  name: z.optional(textSchema),
  description: z.optional(z.string()),
  enterWhen: z.optional(conditionSchema),
});

export const articleSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  url: safeUrlSchema,
  summary: z.optional(textSchema),
  body: z.optional(richTextSchema),
  tags: z.optional(z.array(z.string())),
  stages: z.optional(z.array(idSchema)),
  pages: z.optional(z.array(urlMatchSchema)),
  locale: z.optional(localeSchema),
});

export const searchProviderSchemas = {
  zendesk: z.strictObject({
    provider: z.literal('zendesk'),
    subdomain: nonEmpty(),
    locale: z.optional(localeSchema),
    timeout: z.optional(durationSchema),
  }),
  json: z.strictObject({
    provider: z.literal('json'),
    url: safeUrlSchema,
    timeout: z.optional(durationSchema),
  }),
};
export const searchProviderSchema = z.discriminatedUnion('provider', [searchProviderSchemas.zendesk, searchProviderSchemas.json]);

const openIntervals = () => z.optional(z.array(timeRangeSchema));
export const weeklyHoursSchema = z.strictObject({
  mon: openIntervals(),
  tue: openIntervals(),
  wed: openIntervals(),
  thu: openIntervals(),
  fri: openIntervals(),
  sat: openIntervals(),
  sun: openIntervals(),
});

export const operatorHoursSchema = z.strictObject({
  timeZone: nonEmpty(),
  weekly: weeklyHoursSchema,
  closed: z.optional(z.array(daySchema)),
});

export const offlineSchema = z.strictObject({
  form: z.optional(z.boolean()),
  endpoint: z.optional(safeUrlSchema),
});

export const chatSettingsSchema = z.strictObject({
  provider: z.enum(['intercom', 'crisp', 'zendesk', 'hubspot', 'chatwoot', 'carrotquest', 'livechat', 'tawk', 'helpscout', 'freshchat', 'callback', 'url', 'none']),
  url: z.optional(safeUrlSchema),
  hours: z.optional(operatorHoursSchema),
  offline: z.optional(offlineSchema),
  context: z.optional(z.array(z.enum(['user', 'stage', 'page', 'step', 'struggle', 'articles', 'errors']))),
  emailTrait: z.optional(nonEmpty()),
});

export const cornerSchema = z.enum(['bottom-end', 'bottom-start', 'top-end', 'top-start']);

export const resourceCenterHelpSchema = z.strictObject({
  search: z.optional(z.boolean()),
  suggested: z.optional(z.boolean()),
  contact: z.optional(z.boolean()),
});

export const resourceCenterSchema = z.strictObject({
  enabled: z.optional(z.boolean()),
  position: z.optional(cornerSchema),
  title: z.optional(textSchema),
  checklist: z.optional(z.boolean()),
  help: z.optional(z.union([z.boolean(), resourceCenterHelpSchema])),
  guides: z.optional(z.boolean()),
  announcements: z.optional(z.boolean()),
});

export const hostSettingsSchema = z.strictObject({
  overlays: z.optional(z.array(selectorSchema)),
  main: z.optional(selectorSchema),
});

export const snoozeSettingsSchema = z.strictObject({
  for: z.optional(durationSchema),
});

export const themeSchema = z.strictObject({
  mode: z.optional(z.enum(['light', 'dark', 'auto'])),
  accent: z.optional(nonEmpty()),
  radius: z.optional(z.number().check(z.gte(0))),
  fontFamily: z.optional(nonEmpty()),
  zIndex: z.optional(z.int()),
});

export const limitsSchema = z.strictObject({
  blockingPerSession: z.optional(z.int().check(z.gte(0))),
  minGap: z.optional(durationSchema),
});

export const localeSettingsSchema = z.strictObject({
  default: localeSchema,
  supported: z.optional(z.array(localeSchema)),
});

export const stringsSchema = z.record(localeSchema, z.record(z.string(), z.string()));

export const configSchema = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.string(),
  locale: z.optional(localeSettingsSchema),
  strings: z.optional(stringsSchema),
  theme: z.optional(themeSchema),
  limits: z.optional(limitsSchema),
  stages: z.optional(z.array(stageSchema)),
  experiences: z.array(experienceSchema),
  articles: z.optional(z.array(articleSchema)),
  search: z.optional(searchProviderSchema),
  chat: z.optional(chatSettingsSchema),
  resourceCenter: z.optional(resourceCenterSchema),
  host: z.optional(hostSettingsSchema),
  snooze: z.optional(snoozeSettingsSchema),
});

/**
 * What the validator calls the named unions in its messages ("expected a text: a string or an
 * object"). A plain read-only map, so nothing is written to zod's global registry.
 */
export const SCHEMA_TITLES: ReadonlyMap<z.core.$ZodType, string> = new Map<z.core.$ZodType, string>([
  [textSchema, 'Text'],
  [richTextSchema, 'Rich text'],
  [targetSchema, 'Target'],
  [urlMatchSchema, 'Page match'],
  [conditionUnion, 'Condition'],
  [actionSchema, 'Action'],
  [experienceSchema, 'Experience'],
]);

/** The top-level sections validated as a whole (dropped as a whole when invalid). */
export const sectionSchemas = {
  $schema: configSchema.shape.$schema,
  locale: localeSettingsSchema,
  strings: stringsSchema,
  theme: themeSchema,
  limits: limitsSchema,
  search: searchProviderSchema,
  chat: chatSettingsSchema,
  resourceCenter: resourceCenterSchema,
  host: hostSettingsSchema,
  snooze: snoozeSettingsSchema,
} as const;

// ---- the schemas and the hand-written types cannot drift -------------------------------------

/** Every property path of a type (`.steps[].title`), to a bounded depth: catches a missing or extra optional field that mutual assignability alone would let through. */
type Paths<Type, Prefix extends string = '', Depth extends unknown[] = []> = Depth['length'] extends 7
  ? never
  : Type extends readonly (infer Item)[]
    ? Paths<Item, `${Prefix}[]`, [...Depth, unknown]>
    : Type extends object
      ? { [Key in keyof Type & string]-?: `${Prefix}.${Key}` | Paths<NonNullable<Type[Key]>, `${Prefix}.${Key}`, [...Depth, unknown]> }[keyof Type & string]
      : never;
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Equivalent<A, B> = MutuallyAssignable<A, B> extends true ? MutuallyAssignable<Paths<A>, Paths<B>> : false;
type Assert<Check extends true> = Check;

export type SchemaMatchesTypes = [
  Assert<Equivalent<z.output<typeof configSchema>, T.WaymarkConfig>>,
  Assert<Equivalent<z.output<typeof experienceSchema>, T.Experience>>,
  Assert<Equivalent<z.output<typeof conditionUnion>, T.Condition>>,
  Assert<Equivalent<z.output<typeof tourSchema>, T.TourExperience>>,
  Assert<Equivalent<z.output<typeof hintSchema>, T.HintExperience>>,
  Assert<Equivalent<z.output<typeof beaconSchema>, T.BeaconExperience>>,
  Assert<Equivalent<z.output<typeof checklistSchema>, T.ChecklistExperience>>,
  Assert<Equivalent<z.output<typeof nudgeSchema>, T.NudgeExperience>>,
  Assert<Equivalent<z.output<typeof announcementSchema>, T.AnnouncementExperience>>,
  Assert<Equivalent<z.output<typeof surveySchema>, T.SurveyExperience>>,
  Assert<Equivalent<z.output<typeof actionSchema>, T.Action>>,
  Assert<Equivalent<z.output<typeof targetSchema>, T.Target>>,
  Assert<Equivalent<z.output<typeof urlMatchSchema>, T.UrlMatch>>,
  Assert<Equivalent<z.output<typeof stageSchema>, T.Stage>>,
  Assert<Equivalent<z.output<typeof articleSchema>, T.Article>>,
  Assert<Equivalent<z.output<typeof chatSettingsSchema>, T.ChatSettings>>,
  Assert<Equivalent<z.output<typeof hiddenTargetPolicySchema>, T.HiddenTargetPolicy>>,
  Assert<Equivalent<z.output<typeof resourceCenterSchema>, T.ResourceCenter>>,
  Assert<Equivalent<z.output<typeof hostSettingsSchema>, T.HostSettings>>,
  Assert<Equivalent<z.output<typeof snoozeSettingsSchema>, T.SnoozeSettings>>,
];
