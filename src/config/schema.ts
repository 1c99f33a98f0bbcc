/**
 * zod/mini schemas for the v1 config document. They mirror the hand-written types in
 * types.ts exactly (checked at the bottom of this file), carry a description on every field
 * (exported to `waymark.schema.json` for editors), and phrase their expectations so the
 * validator can say "expected a duration like "30s", got "30 secs"".
 *
 * `zod/mini` keeps the browser bundle small. Descriptions are attached with `z.describe`,
 * which records them in zod's own registry when this module is evaluated; nothing else runs.
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

const describe = (description: string) => z.describe(description);

/** A string that must match `pattern`; both a wrong type and a mismatch say `expected`. */
function patterned(pattern: RegExp, expected: string) {
  return z.string({ error: expected }).check(z.regex(pattern, { error: expected }));
}
const nonEmpty = (expected: string = EXPECTED.nonEmpty) =>
  z.string({ error: expected }).check(z.minLength(1, { error: expected }));

const id = (description: string) => patterned(ID_PATTERN, EXPECTED.id).check(describe(description));
const duration = (description: string) => patterned(DURATION_PATTERN, EXPECTED.duration).check(describe(description));
const url = (description: string) => patterned(SAFE_URL_PATTERN, EXPECTED.url).check(describe(description));
const locale = (description: string) => patterned(LOCALE_PATTERN, EXPECTED.locale).check(describe(description));
const isoDate = (description: string) => patterned(ISO_DATE_PATTERN, EXPECTED.date).check(describe(description));
const percent = (description: string) =>
  z.number({ error: EXPECTED.percent }).check(z.gte(0, { error: EXPECTED.percent }), z.lte(100, { error: EXPECTED.percent }), describe(description));
const idList = (description: string, item: string) => z.array(id(item)).check(describe(description));
const bool = (description: string) => z.boolean().check(describe(description));
const int = (description: string) => z.int().check(describe(description));
const count = (description: string) => z.int().check(z.gte(0), describe(description));

const localeKey = patterned(LOCALE_PATTERN, EXPECTED.locale);

// ---- shared pieces ---------------------------------------------------------------------------

export const textSchema = z
  .union([z.string(), z.record(localeKey, z.string())])
  .check(z.meta({ title: 'Text', description: 'Plain text, or one text per locale: {"en": "Hi", "ru": "Привет"}.' }));
const text = (description: string) => textSchema.check(describe(description));

export const richTextSchema = z.union([z.string(), z.record(localeKey, z.string())]).check(
  z.meta({
    title: 'Rich text',
    description: 'Text in a small safe subset (never HTML): blank lines between paragraphs, **bold**, *italic*, `code`, [label](https://…) links, "- " list items. Plain, or one per locale.',
  }),
);
const richText = (description: string) => richTextSchema.check(describe(description));

export const targetSchema = z
  .union([
    nonEmpty(EXPECTED.selector).check(describe('A CSS selector.')),
    z.strictObject({ selector: nonEmpty(EXPECTED.selector).check(describe('A CSS selector.')) }),
    z.strictObject({ anchor: nonEmpty().check(describe('Matches the element with [data-waymark="<anchor>"].')) }),
    z.strictObject({
      text: nonEmpty().check(describe('The element whose visible text is this.')),
      role: z.optional(nonEmpty().check(describe('Only elements with this ARIA role (e.g. "button").'))),
      within: z.optional(nonEmpty(EXPECTED.selector).check(describe('Search only inside the element matching this CSS selector.'))),
    }),
  ])
  .check(z.meta({ title: 'Target', description: 'Where an element is: a CSS selector, {"anchor": …} for [data-waymark], or {"text": …} to match visible text.' }));
const target = (description: string) => targetSchema.check(describe(description));

export const urlMatchSchema = z
  .union([
    nonEmpty().check(describe('A glob on the path: "/projects/*", "/settings/**".')),
    z.strictObject({
      path: nonEmpty().check(describe('The path pattern.')),
      match: z.optional(z.enum(['glob', 'exact', 'prefix', 'regex']).check(describe('How `path` is matched (default glob).'))),
      query: z.optional(z.record(z.string(), z.string()).check(describe('Query parameters that must have these values.'))),
    }),
  ])
  .check(z.meta({ title: 'Page match', description: 'A page: a glob on the path, or {"path", "match", "query"}.' }));
const urlMatch = (description: string) => urlMatchSchema.check(describe(description));

export const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]).check(describe('A string, number, boolean or null.'));

const compareShape = {
  equals: z.optional(scalarSchema.check(describe('Equal to this value.'))),
  notEquals: z.optional(scalarSchema.check(describe('Not equal to this value.'))),
  in: z.optional(z.array(scalarSchema).check(describe('One of these values.'))),
  gt: z.optional(z.number().check(describe('Greater than.'))),
  gte: z.optional(z.number().check(describe('Greater than or equal.'))),
  lt: z.optional(z.number().check(describe('Less than.'))),
  lte: z.optional(z.number().check(describe('Less than or equal.'))),
  before: z.optional(isoDate('The value, as a date, is before this ISO date or date-time.')),
  after: z.optional(isoDate('The value, as a date, is after this ISO date or date-time.')),
  olderThan: z.optional(duration('A date value at least this long ago (e.g. signed up "30d" ago).')),
  newerThan: z.optional(duration('A date value at most this long ago.')),
  contains: z.optional(z.string().check(describe('A string containing this, or a list containing this value.'))),
  exists: z.optional(bool('The value is present (true) or absent (false).')),
};
export const compareSchema = z.strictObject(compareShape).check(describe('A comparison of a value.'));

const struggleKinds = ['rage-click', 'dead-click', 'error', 'form-error', 'back-and-forth'] as const;
const experienceStatuses = ['seen', 'not-seen', 'active', 'completed', 'dismissed', 'answered'] as const;

// ---- conditions ------------------------------------------------------------------------------

/** A condition: an object with exactly one kind key (the first key of each option below). */
export const conditionSchema: z.ZodMiniType<T.Condition> = z.lazy(() => conditionUnion);
const condition = (description: string) => conditionSchema.check(describe(description));

export const conditionKindSchemas = {
  all: z.strictObject({ all: z.array(conditionSchema).check(z.minLength(1), describe('Holds when every condition in the list holds.')) }),
  any: z.strictObject({ any: z.array(conditionSchema).check(z.minLength(1), describe('Holds when at least one condition in the list holds.')) }),
  not: z.strictObject({ not: condition('Holds when this condition does not.') }),
  page: z.strictObject({ page: urlMatch('The current page matches.') }),
  visited: z.strictObject({ visited: urlMatch('The user has visited a matching page at least once.') }),
  event: z.strictObject({
    event: nonEmpty().check(describe('An event name tracked with track().')),
    count: z.optional(
      z
        .strictObject({
          gte: z.optional(count('At least this many times.')),
          lte: z.optional(count('At most this many times.')),
          eq: z.optional(count('Exactly this many times.')),
        })
        .check(describe('How many times (default: at least once).')),
    ),
    within: z.optional(duration('Only count events within this window (e.g. "7d").')),
    where: z.optional(z.record(z.string(), z.union([scalarSchema, compareSchema])).check(describe('Event property filters: a value, or a comparison.'))),
  }),
  trait: z.strictObject({ trait: nonEmpty().check(describe('A user trait name, compared with the other keys.')), ...compareShape }),
  stage: z.strictObject({
    stage: z
      .strictObject({
        is: z.optional(z.union([id('A stage id.'), z.array(id('A stage id.'))]).check(describe('The current stage is this one (or one of these).'))),
        atLeast: z.optional(id('The current stage is this one or a later one.')),
        before: z.optional(id('The current stage is earlier than this one.')),
        forAtLeast: z.optional(duration('And the user has been in the stage at least this long.')),
      })
      .check(describe('The journey stage.')),
  }),
  element: z.strictObject({
    element: target('The element to check on the current page.'),
    state: z.optional(z.enum(['present', 'absent', 'visible', 'clicked']).check(describe('The element state (default present).'))),
  }),
  delay: z.strictObject({
    delay: duration('Time since the page, stage or session began.'),
    since: z.optional(z.enum(['page', 'stage', 'session']).check(describe('What the delay counts from (default page).'))),
  }),
  idle: z.strictObject({ idle: duration('The user has had no input for at least this long.') }),
  struggle: z.strictObject({
    struggle: z.enum(struggleKinds).check(describe('The struggle signal.')),
    count: z.optional(z.int().check(z.gte(1), describe('At least this many times (default 1).'))),
    within: z.optional(duration('Within this window (default "1m").')),
    on: z.optional(target('Only signals on this element.')),
  }),
  experience: z.strictObject({
    experience: id('Another experience id.'),
    state: z.enum(experienceStatuses).check(describe("That experience's state.")),
  }),
  date: z.strictObject({
    date: z
      .strictObject({
        from: z.optional(isoDate('From this date (inclusive).')),
        until: z.optional(isoDate('Until this date (exclusive).')),
      })
      .check(describe('Between two ISO dates.')),
  }),
  rollout: z.strictObject({
    rollout: percent('A deterministic percentage of users, by user id.'),
    salt: z.optional(z.string().check(describe('Change to re-deal which users fall in the percentage.'))),
  }),
};

export type ConditionKind = keyof typeof conditionKindSchemas;
export const CONDITION_KINDS = Object.keys(conditionKindSchemas) as ConditionKind[];

const conditionUnion = z.union(Object.values(conditionKindSchemas) as [ConditionOption, ...ConditionOption[]]).check(
  z.meta({
    id: 'Condition',
    title: 'Condition',
    description: `A condition: an object with exactly one kind key (${Object.keys(conditionKindSchemas).join(', ')}) plus that kind's options.`,
  }),
);
type ConditionOption = (typeof conditionKindSchemas)[ConditionKind];

// ---- actions, buttons, content ---------------------------------------------------------------

export const actionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('next').check(describe('Go to the next step.')) }),
    z.strictObject({ type: z.literal('back').check(describe('Go to the previous step.')) }),
    z.strictObject({ type: z.literal('complete').check(describe('Complete the experience.')) }),
    z.strictObject({ type: z.literal('dismiss').check(describe('Dismiss the experience.')) }),
    z.strictObject({ type: z.literal('open-article').check(describe('Open a knowledge-base article.')), article: id('The article id.') }),
    z.strictObject({
      type: z.literal('open-help').check(describe('Open the help panel.')),
      query: z.optional(z.string().check(describe('A search to run in the help panel.'))),
    }),
    z.strictObject({
      type: z.literal('open-chat').check(describe('Open live chat.')),
      message: z.optional(text('A message prefilled for the user.')),
    }),
    z.strictObject({ type: z.literal('start').check(describe('Start another experience.')), experience: id('The experience id.') }),
    z.strictObject({
      type: z.literal('url').check(describe('Open a link.')),
      url: url('The link.'),
      newTab: z.optional(bool('Open in a new tab.')),
    }),
    z.strictObject({
      type: z.literal('emit').check(describe('Track an event.')),
      event: nonEmpty().check(describe('The event name.')),
      props: z.optional(z.record(z.string(), scalarSchema).check(describe('Event properties.'))),
    }),
  ])
  .check(z.meta({ title: 'Action', description: 'What a button or checklist item does.' }));
const action = (description: string) => actionSchema.check(describe(description));

export const buttonSchema = z.strictObject({
  label: text('The button label.'),
  action: action('What the button does.'),
  variant: z.optional(z.enum(['primary', 'secondary', 'link']).check(describe('Visual style.'))),
});
const buttons = (description: string) => z.array(buttonSchema).check(describe(description));

export const imageSchema = z.strictObject({
  src: url('Image URL.'),
  alt: text('Alternative text; an empty string marks a decorative image.'),
});

const placements = [
  'auto', 'top', 'bottom', 'left', 'right', 'top-start', 'top-end', 'bottom-start', 'bottom-end',
  'left-start', 'left-end', 'right-start', 'right-end', 'center',
] as const;
const placement = (description: string) => z.enum(placements).check(describe(description));

export const frequencySchema = z.strictObject({
  show: z.optional(z.enum(['once', 'session', 'always']).check(describe('once: never again after shown; session: once per session; always: whenever eligible.'))),
  every: z.optional(duration('At most once per this interval (e.g. "7d").')),
  maxShows: z.optional(z.int().check(z.gte(1), describe('At most this many shows in total.'))),
  afterDismiss: z.optional(
    z.union([patterned(DURATION_PATTERN, EXPECTED.duration), z.literal('never')]).check(describe('After a dismissal, wait this long before it may show again; "never" (default) means never again.')),
  ),
});

const missingTargetPolicy = (description: string) => z.enum(['skip', 'center', 'end']).check(describe(description));

export const spotlightOptionsSchema = z.strictObject({
  padding: z.optional(z.number().check(z.gte(0), describe('Padding around the target in px (default 8).'))),
  radius: z.optional(z.number().check(z.gte(0), describe('Corner radius in px (default 8).'))),
  interactive: z.optional(bool('Whether the user may click the highlighted element (default false).')),
});
const spotlight = (description: string) => z.union([z.boolean(), spotlightOptionsSchema]).check(describe(description));

const articleIds = (description: string) => idList(description, 'A knowledge-base article id.');

// ---- experiences -----------------------------------------------------------------------------

const experienceBase = {
  id: id('Unique id, used in analytics and cross-references. Letters, digits, "-", "_", ".".'),
  name: z.optional(z.string().check(describe('Internal label shown in the debug overlay.'))),
  stages: z.optional(idList('Journey stages this applies to; empty or absent means every stage.', 'A stage id.')),
  when: z.optional(condition('The trigger: shown when this holds (and the scheduler allows). Absent: shown when eligible.')),
  priority: z.optional(z.number().check(describe('Higher wins when several blocking experiences are eligible at once. Default 0.'))),
  frequency: z.optional(frequencySchema.check(describe('How often it may be shown.'))),
  control: z.optional(percent('Percentage (0–100) of eligible users held out as a control group: recorded as "would have shown".')),
  enabled: z.optional(bool('Set false to switch off without deleting.')),
};
const typeLiteral = <Type extends T.ExperienceType>(type: Type, description: string) => z.literal(type).check(describe(description));

export const tourStepSchema = z.strictObject({
  id: z.optional(id("Stable step id; defaults to the step's index. Used for resuming and analytics.")),
  target: z.optional(target('The element this step points at. Absent: the step is centred.')),
  page: z.optional(urlMatch('The page this step lives on. When the user is elsewhere the tour waits (or navigates, see url).')),
  url: z.optional(url('Where to send the user for this step when they are not on page.')),
  title: text('The step title.'),
  body: z.optional(richText('The step text.')),
  image: z.optional(imageSchema.check(describe('An image above the text.'))),
  placement: z.optional(placement('Where the popover sits relative to the target (default auto).')),
  spotlight: z.optional(spotlight('Highlight the target: true, false, or options.')),
  modal: z.optional(bool('Trap focus and block the page (default: false for anchored steps, true for centred ones).')),
  advanceOn: z.optional(
    z
      .strictObject({
        click: z.optional(bool('Advance when the target is clicked.')),
        event: z.optional(nonEmpty().check(describe('Advance when this event is tracked.'))),
        element: z.optional(target('Advance when this element appears.')),
      })
      .check(describe('Advance automatically: on a click of the target, on an event, or when an element appears.')),
  ),
  onMissingTarget: z.optional(missingTargetPolicy("What to do when the target is missing after waitFor. Overrides the tour's policy.")),
  waitFor: z.optional(duration('How long to wait for a late target (default 3s).')),
  buttons: z.optional(buttons('Buttons shown on this step (default: back / next).')),
  articles: z.optional(articleIds('Knowledge-base article ids suggested on this step.')),
});

export const tourSchema = z.strictObject({
  ...experienceBase,
  type: typeLiteral('tour', 'A product tour: a sequence of steps.'),
  steps: z.array(tourStepSchema).check(z.minLength(1), z.maxLength(200), describe('The steps, in order (1–200).')),
  spotlight: z.optional(spotlight('Default spotlight for every step.')),
  onMissingTarget: z.optional(missingTargetPolicy('Default missing-target policy for every step (default skip).')),
  skippable: z.optional(bool('Show "Skip tour" (default true).')),
  showProgress: z.optional(bool('Show progress like "2 of 6" (default true).')),
});

export const hintSchema = z.strictObject({
  ...experienceBase,
  type: typeLiteral('hint', 'A tooltip attached to an element.'),
  target: target('The element the hint is attached to.'),
  title: z.optional(text('The hint title.')),
  body: richText('The hint text.'),
  openOn: z.optional(z.enum(['hover', 'focus', 'click', 'trigger']).check(describe('How the user opens it (default hover, which also opens on keyboard focus). trigger: opened when `when` holds.'))),
  placement: z.optional(placement('Where the tooltip sits (default auto).')),
  buttons: z.optional(buttons('Buttons in the tooltip.')),
  articles: z.optional(articleIds('Knowledge-base article ids suggested in the tooltip.')),
});

export const beaconSchema = z.strictObject({
  ...experienceBase,
  type: typeLiteral('beacon', 'A pulsing hotspot on an element that opens a tooltip.'),
  target: target('The element the beacon is attached to.'),
  position: z.optional(z.enum(['top-start', 'top-end', 'bottom-start', 'bottom-end', 'left', 'right', 'center']).check(describe('Where the dot sits relative to the target (default top-end).'))),
  title: z.optional(text('The tooltip title.')),
  body: richText('The tooltip text.'),
  placement: z.optional(placement('Where the tooltip sits (default auto).')),
  buttons: z.optional(buttons('Buttons in the tooltip.')),
  articles: z.optional(articleIds('Knowledge-base article ids suggested in the tooltip.')),
});

export const checklistItemSchema = z.strictObject({
  id: id('Stable item id, unique within the checklist.'),
  version: z.optional(z.int().check(z.gte(1), describe("Bump when an item's meaning changes; users who completed an older version keep it done unless reopenOnNewItems."))),
  title: text('The item title.'),
  description: z.optional(richText('The item description.')),
  action: z.optional(action('What clicking the item does.')),
  doneWhen: z.optional(condition('Completes the item automatically when it holds.')),
  manual: z.optional(bool('The user may tick it by hand.')),
  dependsOn: z.optional(idList('Locked until these item ids are done.', 'An item id in this checklist.')),
  initiallyDone: z.optional(bool('Starts done (e.g. "Create your account").')),
  articles: z.optional(articleIds('Knowledge-base article ids suggested for the item.')),
});

export const checklistSchema = z.strictObject({
  ...experienceBase,
  type: typeLiteral('checklist', 'An onboarding checklist of small tasks.'),
  title: text('The checklist title.'),
  description: z.optional(richText('Text under the title.')),
  items: z.array(checklistItemSchema).check(z.minLength(1), z.maxLength(200), describe('The items (1–200).')),
  strictOrder: z.optional(bool('Items must be done in order (each depends on the previous).')),
  launcher: z.optional(z.enum(['floating', 'inline']).check(describe('A floating launcher, or rendered inline where <wm-checklist> is placed.'))),
  position: z.optional(z.enum(['bottom-end', 'bottom-start']).check(describe('Where the floating launcher sits.'))),
  completeToStage: z.optional(id('Move the user to this stage when every item is done.')),
  celebrate: z.optional(bool('Show a celebration when finished (default true).')),
  returnAtStage: z.optional(id('A dismissed checklist returns when the user reaches this stage.')),
  reopenOnNewItems: z.optional(bool('Reopen a finished checklist when a new item (or item version) is added (default false).')),
});

export const nudgeLevelSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('hint').check(describe('Show a short tip.')),
      title: z.optional(text('The tip title.')),
      body: richText('The tip text.'),
      target: z.optional(target('Attach the tip to this element.')),
    }),
    z.strictObject({
      kind: z.literal('articles').check(describe('Suggest knowledge-base articles.')),
      title: z.optional(text('The heading above the articles.')),
      articles: z.optional(articleIds('Article ids to suggest; absent: the best matches for the page and stage.')),
      max: z.optional(z.int().check(z.gte(1), describe('At most this many articles (default 3).'))),
    }),
    z.strictObject({
      kind: z.literal('chat').check(describe('Offer live chat.')),
      title: z.optional(text('The offer title.')),
      body: z.optional(richText('The offer text.')),
      message: z.optional(text('A message prefilled for the user.')),
    }),
  ])
  .check(describe('One level of help.'));

export const nudgeSchema = z.strictObject({
  ...experienceBase,
  type: typeLiteral('nudge', 'Contextual help offered when the user seems stuck, escalating from a tip to articles to chat.'),
  escalation: z.array(nudgeLevelSchema).check(z.minLength(1), z.maxLength(10), describe('Offered in order, one level per firing of `when`.')),
});

export const announcementSchema = z.strictObject({
  ...experienceBase,
  type: typeLiteral('announcement', 'A banner or modal announcement.'),
  display: z.enum(['banner', 'modal']).check(describe('A banner at the edge of the page, or a modal dialog.')),
  position: z.optional(z.enum(['top', 'bottom']).check(describe('Banner position (default top).'))),
  title: text('The title.'),
  body: z.optional(richText('The text.')),
  image: z.optional(imageSchema.check(describe('An image (modal only).'))),
  buttons: z.optional(buttons('Buttons.')),
  dismissible: z.optional(bool('The user may close it (default true).')),
});

export const surveyFollowUpSchema = z.strictObject({
  scores: z.tuple([z.number(), z.number()]).check(describe('Inclusive score range, e.g. [0, 6] for NPS detractors.')),
  title: z.optional(text('The follow-up title.')),
  body: z.optional(richText('The follow-up text.')),
  buttons: z.optional(buttons('Buttons, e.g. open chat.')),
});

export const surveySchema = z.strictObject({
  ...experienceBase,
  type: typeLiteral('survey', 'A micro-survey: NPS (0–10), CSAT (1–5) or CES (1–7).'),
  kind: z.enum(['nps', 'csat', 'ces']).check(describe('nps: 0–10; csat: 1–5; ces: 1–7.')),
  question: text('The question.'),
  scale: z.optional(z.enum(['numbers', 'stars', 'faces']).check(describe('CSAT display (default numbers). CSAT only.'))),
  lowLabel: z.optional(text('Label under the lowest score.')),
  highLabel: z.optional(text('Label under the highest score.')),
  askWhy: z.optional(z.union([z.boolean(), textSchema]).check(describe('Ask an open "why?" after the score; a string is the prompt.'))),
  thankYou: z.optional(text('Shown after answering.')),
  followUps: z.optional(z.array(surveyFollowUpSchema).check(describe('Shown after a score in a range, e.g. offer chat to detractors.'))),
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

export const experienceSchema = z
  .discriminatedUnion('type', [tourSchema, hintSchema, beaconSchema, checklistSchema, nudgeSchema, announcementSchema, surveySchema])
  .check(z.meta({ title: 'Experience', description: 'One experience; `type` picks which fields apply.' }));

// ---- top level -------------------------------------------------------------------------------

export const stageSchema = z.strictObject({
  id: id('Unique stage id.'),
  name: z.optional(text('Display name.')),
  description: z.optional(z.string().check(describe('What this stage means, for the team.'))),
  enterWhen: z.optional(condition('The user moves into this stage (forward only) when this holds.')),
});

export const articleSchema = z.strictObject({
  id: id('Unique article id.'),
  title: text('The article title.'),
  url: url('Where the full article lives.'),
  summary: z.optional(text('A one-line summary shown in suggestions.')),
  body: z.optional(richText('The article text, shown inline.')),
  tags: z.optional(z.array(z.string()).check(describe('Search keywords.'))),
  stages: z.optional(idList('Suggested during these stages.', 'A stage id.')),
  pages: z.optional(z.array(urlMatchSchema).check(describe('Suggested on these pages.'))),
  locale: z.optional(locale('Language of this article; absent means every locale.')),
});

export const searchProviderSchema = z
  .discriminatedUnion('provider', [
    z.strictObject({
      provider: z.literal('zendesk').check(describe('Zendesk Help Center search.')),
      subdomain: nonEmpty().check(describe('Your Zendesk subdomain (acme for acme.zendesk.com).')),
      locale: z.optional(locale('Help Center locale.')),
      timeout: z.optional(duration('Give up after this long (default 3s).')),
    }),
    z.strictObject({
      provider: z.literal('json').check(describe('Your own endpoint returning articles as JSON.')),
      url: url('The endpoint; the query is appended as ?q=.'),
      timeout: z.optional(duration('Give up after this long (default 3s).')),
    }),
  ])
  .check(describe('A remote knowledge-base search.'));

const weekday = (day: string) => z.optional(z.array(patterned(TIME_RANGE_PATTERN, EXPECTED.timeRange)).check(describe(`Open intervals on ${day} as "HH:MM-HH:MM".`)));

export const operatorHoursSchema = z.strictObject({
  timeZone: nonEmpty().check(describe('IANA time zone, e.g. Europe/Vilnius.')),
  weekly: z
    .strictObject({
      mon: weekday('Monday'),
      tue: weekday('Tuesday'),
      wed: weekday('Wednesday'),
      thu: weekday('Thursday'),
      fri: weekday('Friday'),
      sat: weekday('Saturday'),
      sun: weekday('Sunday'),
    })
    .check(describe('Open intervals per weekday.')),
  closed: z.optional(z.array(patterned(DAY_PATTERN, EXPECTED.day)).check(describe('Closed dates (YYYY-MM-DD).'))),
});

export const chatSettingsSchema = z.strictObject({
  provider: z
    .enum(['intercom', 'crisp', 'zendesk', 'hubspot', 'chatwoot', 'carrotquest', 'livechat', 'tawk', 'helpscout', 'freshchat', 'callback', 'url', 'none'])
    .check(describe('The chat tool your team uses.')),
  url: z.optional(url('For provider "url": a page or mailto: address.')),
  hours: z.optional(operatorHoursSchema.check(describe('Operator hours; outside them users get articles and a leave-a-message form.'))),
  offline: z.optional(
    z
      .strictObject({
        form: z.optional(bool('Offer a leave-a-message form (default true).')),
        endpoint: z.optional(url('Where messages are POSTed as JSON.')),
      })
      .check(describe('What users get outside operator hours.')),
  ),
  context: z.optional(
    z.array(z.enum(['user', 'stage', 'page', 'step', 'struggle', 'articles', 'errors'])).check(describe('Which context is passed to the operator (default all).')),
  ),
});

export const themeSchema = z.strictObject({
  mode: z.optional(z.enum(['light', 'dark', 'auto']).check(describe('Color scheme (default auto).'))),
  accent: z.optional(nonEmpty().check(describe('Accent color (buttons, progress), any CSS color.'))),
  radius: z.optional(z.number().check(z.gte(0), describe('Corner radius in px.'))),
  fontFamily: z.optional(nonEmpty().check(describe('Font family for every component.'))),
  zIndex: z.optional(z.int().check(describe('Base z-index for layers that cannot use the top layer.'))),
});

export const limitsSchema = z.strictObject({
  blockingPerSession: z.optional(z.int().check(z.gte(0), describe('At most this many blocking experiences per session (default 2).'))),
  minGap: z.optional(duration('Minimum time between two blocking experiences (default "2m").')),
});

export const localeSettingsSchema = z.strictObject({
  default: locale('The default locale.'),
  supported: z.optional(z.array(localeKey).check(describe('The locales content is written in.'))),
});

export const stringsSchema = z.record(localeKey, z.record(z.string(), z.string()));

export const configSchema = z.strictObject({
  $schema: z.optional(z.string().check(describe('Path or URL of waymark.schema.json, for editor autocompletion.'))),
  version: z.string().check(describe('Config format version, "1" or "1.x". A major version newer than the SDK is refused.')),
  locale: z.optional(localeSettingsSchema.check(describe('Default locale and the locales content is written in.'))),
  strings: z.optional(stringsSchema.check(describe('Overrides of built-in UI strings, per locale: {"ru": {"next": "Далее"}}.'))),
  theme: z.optional(themeSchema.check(describe('Theme tokens.'))),
  limits: z.optional(limitsSchema.check(describe('A global limit on blocking experiences, so users are never nagged.'))),
  stages: z.optional(z.array(stageSchema).check(describe('Ordered journey stages.'))),
  experiences: z.array(experienceSchema).check(describe('Tours, hints, beacons, checklists, nudges, announcements and surveys.')),
  articles: z.optional(z.array(articleSchema).check(describe('Knowledge-base articles.'))),
  search: z.optional(searchProviderSchema.check(describe('A remote knowledge-base search provider.'))),
  chat: z.optional(chatSettingsSchema.check(describe('Live chat: provider, operator hours, offline behaviour, context passed.'))),
});

/** The top-level sections validated as a whole (dropped as a whole when invalid). */
export const sectionSchemas = {
  $schema: configSchema.shape.$schema,
  locale: localeSettingsSchema,
  strings: stringsSchema,
  theme: themeSchema,
  limits: limitsSchema,
  search: searchProviderSchema,
  chat: chatSettingsSchema,
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
];
