/**
 * The documentation of the config schema: a title, description and examples for each named
 * definition, and a description (and the SDK's default, where there is a single one) for every
 * field. Only the JSON Schema export (`json-schema.ts`: the CLI, scripts, the docs generator)
 * imports this module, so none of this text reaches the browser bundle.
 *
 * Drift is a compile error: each object's `fields` must list exactly the keys of its schema's
 * shape. Nothing is registered anywhere: `schemaDefinitions()` returns a fresh list per call.
 */
import type * as z from 'zod/mini';
import * as S from './schema.js';

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A field's documentation: its description, or its description and the default the SDK applies when it is absent. */
export type FieldDoc = string | { readonly description: string; readonly default: JsonValue };

export interface Definition {
  /** The key under `$defs` (and the anchor in the reference docs). */
  readonly id: string;
  readonly schema: z.core.$ZodType;
  readonly title: string;
  readonly description: string;
  /** Per field of an object schema; absent for other schemas. */
  readonly fields?: Readonly<Record<string, FieldDoc>>;
  /** Valid values, shown by editors and in the reference docs (and validated by the tests). */
  readonly examples?: readonly JsonValue[];
}

/** The root document is not a `$defs` entry: its definition has this id. */
export const ROOT_ID = 'WaymarkConfig';

type ObjectSchema = z.core.$ZodType & { shape: Record<string, unknown> };
/** Exactly the keys of the schema's shape: a missing or extra field does not compile. */
type FieldDocs<Schema extends ObjectSchema> = { readonly [Key in keyof Schema['shape']]: FieldDoc };

interface Extra {
  title?: string;
  examples?: readonly JsonValue[];
}

function object<Schema extends ObjectSchema>(id: string, schema: Schema, description: string, fields: FieldDocs<Schema>, extra: Extra = {}): Definition {
  return { id, schema, title: extra.title ?? titleFromId(id), description, fields, ...(extra.examples ? { examples: extra.examples } : {}) };
}

function named(id: string, schema: z.core.$ZodType, description: string, extra: Extra = {}): Definition {
  return { id, schema, title: extra.title ?? titleFromId(id), description, ...(extra.examples ? { examples: extra.examples } : {}) };
}

/** `TourStep` → `Tour step`. */
function titleFromId(id: string): string {
  const words = id.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const withDefault = (description: string, value: JsonValue): FieldDoc => ({ description, default: value });

// ---- shared field sets -----------------------------------------------------------------------

const compareFields = {
  equals: 'Equal to this value.',
  notEquals: 'Not equal to this value.',
  in: 'One of these values.',
  gt: 'Greater than.',
  gte: 'Greater than or equal.',
  lt: 'Less than.',
  lte: 'Less than or equal.',
  before: 'The value, as a date, is before this ISO date or date-time.',
  after: 'The value, as a date, is after this ISO date or date-time.',
  olderThan: 'A date value at least this long ago (e.g. signed up "30d" ago).',
  newerThan: 'A date value at most this long ago.',
  contains: 'A string containing this, or a list containing this value.',
  exists: 'The value is present (true) or absent (false).',
} as const;

const experienceFields = {
  id: 'Unique id, used in analytics and cross-references. Letters, digits, "-", "_", ".".',
  name: 'Internal label shown in the debug overlay.',
  stages: 'Journey stages this applies to; empty or absent means every stage.',
  when: 'The trigger: shown when this holds (and the scheduler allows). Absent: shown when eligible.',
  priority: withDefault('Higher wins when several blocking experiences are eligible at once.', 0),
  frequency: 'How often it may be shown.',
  control: 'Percentage (0–100) of eligible users held out as a control group: recorded as "would have shown".',
  enabled: withDefault('Set false to switch off without deleting.', true),
} as const;

const popoverFields = {
  title: 'The tooltip title.',
  body: 'The tooltip text.',
  placement: withDefault('Where the tooltip sits.', 'auto'),
  buttons: 'Buttons in the tooltip.',
  articles: 'Knowledge-base article ids suggested in the tooltip.',
} as const;

const weekday = (day: string): string => `Open intervals on ${day} as "HH:MM-HH:MM".`;

// ---- conditions ------------------------------------------------------------------------------

type Kinds = typeof S.conditionKindSchemas;

/** A condition kind: its description is the one of its kind key. */
function conditionKind<Kind extends keyof Kinds>(kind: Kind, title: string, fields: FieldDocs<Kinds[Kind]>, examples: readonly JsonValue[]): Definition {
  const own = (fields as Readonly<Record<string, FieldDoc>>)[kind]!;
  const description = typeof own === 'string' ? own : own.description;
  const id = `Condition${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
  return object(id, S.conditionKindSchemas[kind], description, fields, { title: `Condition: ${title}`, examples });
}

function conditions(): Definition[] {
  return [
    conditionKind('all', 'All', { all: 'Holds when every condition in the list holds.' }, [{ all: [{ page: '/projects/*' }, { stage: { is: 'activated' } }] }]),
    conditionKind('any', 'Any', { any: 'Holds when at least one condition in the list holds.' }, [{ any: [{ page: '/billing' }, { event: 'plan_viewed' }] }]),
    conditionKind('not', 'Not', { not: 'Holds when this condition does not.' }, [{ not: { experience: 'welcome-tour', state: 'completed' } }]),
    conditionKind('page', 'Page', { page: 'The current page matches.' }, [{ page: '/settings/**' }, { page: { path: '/reports', match: 'prefix', query: { tab: 'usage' } } }]),
    conditionKind('visited', 'Visited', { visited: 'The user has visited a matching page at least once.' }, [{ visited: '/integrations' }]),
    conditionKind(
      'event',
      'Event',
      {
        event: 'An event name tracked with track().',
        count: 'How many times (default: at least once).',
        within: 'Only count events within this window (e.g. "7d").',
        where: 'Event property filters: a value, or a comparison.',
      },
      [{ event: 'project_created', count: { gte: 3 }, within: '7d', where: { plan: 'pro', seats: { gte: 5 } } }],
    ),
    conditionKind('trait', 'Trait', { trait: 'A user trait name, compared with the other keys.', ...compareFields }, [{ trait: 'plan', in: ['pro', 'team'] }, { trait: 'signedUpAt', olderThan: '30d' }]),
    conditionKind('stage', 'Stage', { stage: 'The journey stage.' }, [{ stage: { atLeast: 'activated', forAtLeast: '3d' } }]),
    conditionKind(
      'element',
      'Element',
      { element: 'The element to check on the current page.', state: withDefault('The element state.', 'present') },
      [{ element: { anchor: 'export-button' }, state: 'visible' }],
    ),
    conditionKind('delay', 'Delay', { delay: 'Time since the page, stage or session began.', since: withDefault('What the delay counts from.', 'page') }, [{ delay: '30s', since: 'session' }]),
    conditionKind('idle', 'Idle', { idle: 'The user has had no input for at least this long.' }, [{ idle: '2m' }]),
    conditionKind(
      'struggle',
      'Struggle',
      {
        struggle: 'The struggle signal.',
        count: withDefault('At least this many times.', 1),
        within: withDefault('Within this window.', '1m'),
        on: 'Only signals on this element.',
      },
      [{ struggle: 'rage-click', count: 3, within: '10s', on: '#save' }],
    ),
    conditionKind('experience', 'Experience state', { experience: 'Another experience id.', state: "That experience's state." }, [{ experience: 'welcome-tour', state: 'completed' }]),
    conditionKind('date', 'Date', { date: 'Between two ISO dates.' }, [{ date: { from: '2025-06-01', until: '2025-07-01' } }]),
    conditionKind(
      'rollout',
      'Rollout',
      { rollout: 'A deterministic percentage of users, by user id.', salt: 'Change to re-deal which users fall in the percentage.' },
      [{ rollout: 25, salt: 'new-editor' }],
    ),
  ];
}

// ---- actions ---------------------------------------------------------------------------------

function actions(): Definition[] {
  const A = S.actionSchemas;
  const action = <Key extends keyof typeof A>(key: Key, title: string, description: string, fields: FieldDocs<(typeof A)[Key]>, example: JsonValue): Definition =>
    object(`Action${title.replace(/\W/g, '')}`, A[key], description, fields, { title: `Action: ${key}`, examples: [example] });
  return [
    named('Action', S.actionSchema, 'What a button or checklist item does.', { examples: [{ type: 'next' }, { type: 'open-chat', message: 'I need help with imports' }] }),
    action('next', 'Next', 'Go to the next step.', { type: 'Go to the next step.' }, { type: 'next' }),
    action('back', 'Back', 'Go to the previous step.', { type: 'Go to the previous step.' }, { type: 'back' }),
    action('complete', 'Complete', 'Complete the experience.', { type: 'Complete the experience.' }, { type: 'complete' }),
    action('dismiss', 'Dismiss', 'Dismiss the experience.', { type: 'Dismiss the experience.' }, { type: 'dismiss' }),
    action(
      'snooze',
      'Snooze',
      '"Maybe later": hide the experience now and bring it back later (a tour resumes at its step).',
      { type: '"Maybe later": hide the experience now and bring it back later.', for: 'How long; default: the config\'s snooze.for, else one day.' },
      { type: 'snooze', for: '1d' },
    ),
    action('open-article', 'OpenArticle', 'Open a knowledge-base article.', { type: 'Open a knowledge-base article.', article: 'The article id.' }, { type: 'open-article', article: 'import-csv' }),
    action('open-help', 'OpenHelp', 'Open the help panel.', { type: 'Open the help panel.', query: 'A search to run in the help panel.' }, { type: 'open-help', query: 'invite teammates' }),
    action('open-chat', 'OpenChat', 'Open live chat.', { type: 'Open live chat.', message: 'A message prefilled for the user.' }, { type: 'open-chat' }),
    action('start', 'Start', 'Start another experience.', { type: 'Start another experience.', experience: 'The experience id.' }, { type: 'start', experience: 'reports-tour' }),
    action('url', 'Url', 'Open a link.', { type: 'Open a link.', url: 'The link.', newTab: withDefault('Open in a new tab.', false) }, { type: 'url', url: '/billing', newTab: false }),
    action('emit', 'Emit', 'Track an event.', { type: 'Track an event.', event: 'The event name.', props: 'Event properties.' }, { type: 'emit', event: 'tour_cta', props: { source: 'tour' } }),
  ];
}

// ---- experiences -----------------------------------------------------------------------------

function experiences(): Definition[] {
  return [
    named('Experience', S.experienceSchema, 'One experience; `type` picks which fields apply.'),
    object(
      'Tour',
      S.tourSchema,
      'A product tour: a sequence of steps.',
      {
        ...experienceFields,
        type: 'A product tour: a sequence of steps.',
        steps: 'The steps, in order (1–200).',
        spotlight: 'Default spotlight for every step.',
        onMissingTarget: withDefault('Default missing-target policy for every step.', 'skip'),
        onHiddenTarget: 'Default hidden-target policy for every step: what a step does when its target is on the page but hidden.',
        title: "The tour's name for users, listed under \"Tours and guides\" (default: the first step's title).",
        replayable: withDefault('Listed under "Tours and guides" once seen, so the user can replay it.', true),
        skippable: withDefault('Show "Skip tour".', true),
        showProgress: withDefault('Show progress like "2 of 6".', true),
      },
      {
        examples: [
          {
            id: 'welcome-tour',
            type: 'tour',
            stages: ['new'],
            when: { page: '/dashboard' },
            steps: [
              { title: 'Welcome to Acme', body: 'A 30-second tour of the basics.' },
              { target: { anchor: 'new-project' }, title: 'Create a project', body: 'Everything starts with a project.', advanceOn: { click: true } },
            ],
          },
        ],
      },
    ),
    object('TourStep', S.tourStepSchema, 'One step of a tour.', {
      id: "Stable step id; defaults to the step's index. Used for resuming and analytics.",
      target: 'The element this step points at. Absent: the step is centred.',
      page: 'The page this step lives on. When the user is elsewhere the tour waits (or navigates, see url).',
      url: 'Where to send the user for this step when they are not on page.',
      title: 'The step title.',
      body: 'The step text.',
      image: 'An image above the text.',
      placement: withDefault('Where the popover sits relative to the target.', 'auto'),
      spotlight: 'Highlight the target: true, false, or options.',
      modal: 'Trap focus and block the page (default: false for anchored steps, true for centred ones).',
      advanceOn: 'Advance automatically: on a click of the target, on an event, or when an element appears.',
      onMissingTarget: "What to do when the target is missing after waitFor. Overrides the tour's policy.",
      waitFor: withDefault('How long to wait for a late target.', '3s'),
      onHiddenTarget:
        "What to do when the target is on the page but hidden (collapsed menu, off-canvas drawer, display: none). Overrides the tour's policy. Without one: a bottom sheet on phones, the missing-target policy elsewhere.",
      nextFollowsLink: 'Next (and a click on the target) follows the target\'s link when the target is a link. Default: true when advanceOn.click is set; false keeps the user on the page.',
      buttons: 'Buttons shown on this step (default: back / next).',
      articles: 'Knowledge-base article ids suggested on this step.',
    }),
    object('AdvanceOn', S.advanceOnSchema, 'Advance automatically: on a click of the target, on an event, or when an element appears.', {
      click: 'Advance when the target is clicked.',
      event: 'Advance when this event is tracked.',
      element: 'Advance when this element appears.',
    }),
    object(
      'Hint',
      S.hintSchema,
      'A tooltip attached to an element.',
      {
        ...experienceFields,
        ...popoverFields,
        type: 'A tooltip attached to an element.',
        target: 'The element the hint is attached to.',
        title: 'The hint title.',
        body: 'The hint text.',
        openOn: withDefault('How the user opens it (hover also opens on keyboard focus). trigger: opened when `when` holds.', 'hover'),
      },
      { examples: [{ id: 'export-hint', type: 'hint', target: '#export', body: 'Export any report as **CSV** or PDF.', openOn: 'hover' }] },
    ),
    object(
      'Beacon',
      S.beaconSchema,
      'A pulsing hotspot on an element that opens a tooltip.',
      {
        ...experienceFields,
        ...popoverFields,
        type: 'A pulsing hotspot on an element that opens a tooltip.',
        target: 'The element the beacon is attached to.',
        position: withDefault('Where the dot sits relative to the target.', 'top-end'),
      },
      { examples: [{ id: 'integrations-beacon', type: 'beacon', target: { text: 'Integrations', role: 'link' }, title: 'New: Slack', body: 'Send alerts to Slack.' }] },
    ),
    object(
      'Checklist',
      S.checklistSchema,
      'An onboarding checklist of small tasks.',
      {
        ...experienceFields,
        type: 'An onboarding checklist of small tasks.',
        title: 'The checklist title.',
        description: 'Text under the title.',
        items: 'The items (1–200).',
        strictOrder: withDefault('Items must be done in order (each depends on the previous).', false),
        launcher: withDefault('A floating launcher, or rendered inline where <wm-checklist> is placed.', 'floating'),
        position: withDefault('Where the floating launcher sits.', 'bottom-end'),
        completeToStage: 'Move the user to this stage when every item is done.',
        celebrate: withDefault('Show a celebration when finished.', true),
        returnAtStage: 'A dismissed checklist returns when the user reaches this stage.',
        reopenOnNewItems: withDefault('Reopen a finished checklist when a new item (or item version) is added.', false),
      },
      {
        examples: [
          {
            id: 'setup',
            type: 'checklist',
            title: 'Get set up',
            items: [
              { id: 'account', title: 'Create your account', initiallyDone: true },
              { id: 'project', title: 'Create a project', doneWhen: { event: 'project_created' }, action: { type: 'start', experience: 'welcome-tour' } },
            ],
          },
        ],
      },
    ),
    object('ChecklistItem', S.checklistItemSchema, 'One task of a checklist.', {
      id: 'Stable item id, unique within the checklist.',
      version: "Bump when an item's meaning changes; users who completed an older version keep it done unless reopenOnNewItems.",
      title: 'The item title.',
      description: 'The item description.',
      action: 'What clicking the item does.',
      doneWhen: 'Completes the item automatically when it holds.',
      manual: 'The user may tick it by hand.',
      dependsOn: 'Locked until these item ids are done.',
      initiallyDone: withDefault('Starts done (e.g. "Create your account").', false),
      articles: 'Knowledge-base article ids suggested for the item.',
    }),
    object(
      'Nudge',
      S.nudgeSchema,
      'Contextual help offered when the user seems stuck, escalating from a tip to articles to chat.',
      {
        ...experienceFields,
        type: 'Contextual help offered when the user seems stuck, escalating from a tip to articles to chat.',
        escalation: 'Offered in order, one level per firing of `when`.',
      },
      {
        examples: [
          {
            id: 'import-help',
            type: 'nudge',
            when: { struggle: 'form-error', count: 2, within: '2m' },
            escalation: [{ kind: 'hint', body: 'CSV files need a header row.', target: '#import-file' }, { kind: 'articles', max: 3 }, { kind: 'chat' }],
          },
        ],
      },
    ),
    named('NudgeLevel', S.nudgeLevelSchema, 'One level of help.'),
    object('NudgeHint', S.nudgeLevelSchemas.hint, 'Show a short tip.', {
      kind: 'Show a short tip.',
      title: 'The tip title.',
      body: 'The tip text.',
      target: 'Attach the tip to this element.',
    }, { title: 'Nudge level: hint' }),
    object('NudgeArticles', S.nudgeLevelSchemas.articles, 'Suggest knowledge-base articles.', {
      kind: 'Suggest knowledge-base articles.',
      title: 'The heading above the articles.',
      articles: 'Article ids to suggest; absent: the best matches for the page and stage.',
      max: withDefault('At most this many articles.', 3),
    }, { title: 'Nudge level: articles' }),
    object('NudgeChat', S.nudgeLevelSchemas.chat, 'Offer live chat.', {
      kind: 'Offer live chat.',
      title: 'The offer title.',
      body: 'The offer text.',
      message: 'A message prefilled for the user.',
    }, { title: 'Nudge level: chat' }),
    object(
      'Announcement',
      S.announcementSchema,
      'A banner or modal announcement.',
      {
        ...experienceFields,
        type: 'A banner or modal announcement.',
        display: 'A banner at the edge of the page, or a modal dialog.',
        position: withDefault('Banner position.', 'top'),
        title: 'The title.',
        body: 'The text.',
        image: 'An image (modal only).',
        buttons: 'Buttons.',
        dismissible: withDefault('The user may close it.', true),
      },
      {
        examples: [
          {
            id: 'reports-launch',
            type: 'announcement',
            display: 'modal',
            title: { en: 'Reports are here', ru: 'Отчёты уже здесь' },
            body: 'See [what is new](https://example.com/changelog).',
            buttons: [{ label: 'Show me', action: { type: 'start', experience: 'welcome-tour' }, variant: 'primary' }],
            when: { date: { until: '2030-01-01' } },
          },
        ],
      },
    ),
    object(
      'Survey',
      S.surveySchema,
      'A micro-survey: NPS (0–10), CSAT (1–5) or CES (1–7).',
      {
        ...experienceFields,
        type: 'A micro-survey: NPS (0–10), CSAT (1–5) or CES (1–7).',
        kind: 'nps: 0–10; csat: 1–5; ces: 1–7.',
        question: 'The question.',
        scale: withDefault('CSAT display. CSAT only.', 'numbers'),
        lowLabel: 'Label under the lowest score.',
        highLabel: 'Label under the highest score.',
        askWhy: 'Ask an open "why?" after the score; a string is the prompt.',
        thankYou: 'Shown after answering.',
        followUps: 'Shown after a score in a range, e.g. offer chat to detractors.',
      },
      {
        examples: [
          {
            id: 'nps',
            type: 'survey',
            kind: 'nps',
            question: 'How likely are you to recommend Acme to a friend?',
            when: { stage: { atLeast: 'activated', forAtLeast: '14d' } },
            followUps: [{ scores: [0, 6], title: 'Sorry to hear that', buttons: [{ label: 'Talk to us', action: { type: 'open-chat' } }] }],
          },
        ],
      },
    ),
    object('SurveyFollowUp', S.surveyFollowUpSchema, 'Shown after a score in a range.', {
      scores: 'Inclusive score range, e.g. [0, 6] for NPS detractors.',
      title: 'The follow-up title.',
      body: 'The follow-up text.',
      buttons: 'Buttons, e.g. open chat.',
    }),
  ];
}

// ---- everything ------------------------------------------------------------------------------

/** Every documented definition, the root document first. A fresh list per call. */
export function schemaDefinitions(): Definition[] {
  return [
    object(
      ROOT_ID,
      S.configSchema,
      'A Waymark config document: journey stages, experiences (tours, hints, beacons, checklists, nudges, announcements, surveys), knowledge-base articles and chat settings.',
      {
        $schema: 'Path or URL of waymark.schema.json, for editor autocompletion.',
        version: 'Config format version, "1" or "1.x". A major version newer than the SDK is refused.',
        locale: 'Default locale and the locales content is written in.',
        strings: 'Overrides of built-in UI strings, per locale: {"ru": {"next": "Далее"}}.',
        theme: 'Theme tokens.',
        limits: 'A global limit on blocking experiences, so users are never nagged.',
        stages: 'Ordered journey stages.',
        experiences: 'Tours, hints, beacons, checklists, nudges, announcements and surveys.',
        articles: 'Knowledge-base articles.',
        search: 'A remote knowledge-base search provider.',
        chat: 'Live chat: provider, operator hours, offline behaviour, context passed.',
        resourceCenter: 'One launcher holding the checklist, help, "Tours and guides" and recent announcements.',
        host: 'Your own modal dialogs and drawers Waymark steps out of the way of, and your main landmark.',
        snooze: 'Defaults for "Maybe later" (the snooze button action).',
      },
      { title: 'Waymark config', examples: [{ $schema: './waymark.schema.json', version: '1', experiences: [] }] },
    ),
    ...experiences(),
    named('Condition', S.conditionSchema, `A condition: an object with exactly one kind key (${S.CONDITION_KINDS.join(', ')}) plus that kind's options.`),
    ...conditions(),
    object('EventCount', S.eventCountSchema, 'How many times (default: at least once).', {
      gte: 'At least this many times.',
      lte: 'At most this many times.',
      eq: 'Exactly this many times.',
    }),
    object('StageTest', S.stageTestSchema, 'The journey stage.', {
      is: 'The current stage is this one (or one of these).',
      atLeast: 'The current stage is this one or a later one.',
      before: 'The current stage is earlier than this one.',
      forAtLeast: 'And the user has been in the stage at least this long.',
    }),
    object('DateRange', S.dateRangeSchema, 'Between two ISO dates.', { from: 'From this date (inclusive).', until: 'Until this date (exclusive).' }),
    object('Compare', S.compareSchema, 'A comparison of a value.', compareFields, { examples: [{ gte: 5 }, { in: ['pro', 'team'] }] }),
    named('Scalar', S.scalarSchema, 'A string, number, boolean or null.'),
    ...actions(),
    object('Button', S.buttonSchema, 'A button and what it does.', {
      label: 'The button label.',
      action: 'What the button does.',
      variant: withDefault('Visual style.', 'primary'),
    }, { examples: [{ label: 'Next', action: { type: 'next' }, variant: 'primary' }] }),
    object('Image', S.imageSchema, 'An image.', { src: 'Image URL.', alt: 'Alternative text; an empty string marks a decorative image.' }),
    named('Placement', S.placementSchema, 'Where a popover sits relative to its target. On a right-to-left page, left and right are mirrored: right is always the side the text reads towards.'),
    object('Frequency', S.frequencySchema, 'How often an experience may be shown.', {
      show: withDefault('once: never again after shown; session: once per session; always: whenever eligible.', 'once'),
      every: 'At most once per this interval (e.g. "7d").',
      maxShows: 'At most this many shows in total.',
      afterDismiss: withDefault('After a dismissal, wait this long before it may show again; "never" means never again.', 'never'),
    }, { examples: [{ show: 'always', every: '7d', maxShows: 3, afterDismiss: '30d' }] }),
    named(
      'HiddenTargetPolicy',
      S.hiddenTargetPolicySchema,
      'What a step does when its target is on the page but hidden: {"reveal": target} clicks that element (e.g. the menu button) and continues once the target shows; {"fallback": target} points at that element instead, with the step\'s text; "sheet" shows the step as an untargeted bottom sheet; "skip" skips the step.',
      { examples: [{ reveal: '#menu-button' }, { fallback: { anchor: 'menu' } }, 'sheet', 'skip'] },
    ),
    object('HiddenTargetReveal', S.hiddenTargetPolicySchemas.reveal, 'Click this element (e.g. the menu button), then continue once the target shows.', {
      reveal: 'The element to click to reveal the target, e.g. the menu button.',
    }, { title: 'Hidden target: reveal' }),
    object('HiddenTargetFallback', S.hiddenTargetPolicySchemas.fallback, 'Point at this element instead (e.g. the menu button), with the step\'s text.', {
      fallback: 'The element to point at instead.',
    }, { title: 'Hidden target: fallback' }),
    named('MissingTargetPolicy', S.missingTargetPolicySchema, 'What to do when a step\'s target is missing: skip the step, show it centred, or end the tour.'),
    named('Spotlight', S.spotlightSchema, 'Highlight the target: true, false, or options.'),
    object('SpotlightOptions', S.spotlightOptionsSchema, 'How the target is highlighted.', {
      padding: withDefault('Padding around the target in px.', 8),
      radius: withDefault('Corner radius in px.', 8),
      interactive: withDefault('Whether the user may click the highlighted element.', false),
    }),
    named('Text', S.textSchema, 'Plain text, or one text per locale: {"en": "Hi", "ru": "Привет"}.', { examples: ['Next', { en: 'Next', ru: 'Далее', lt: 'Toliau' }] }),
    named(
      'RichText',
      S.richTextSchema,
      'Text in a small safe subset (never HTML): blank lines between paragraphs, **bold**, *italic*, `code`, [label](https://…) links, "- " list items. Plain, or one per locale.',
      { examples: ['Click **Export**, then pick a [format](https://example.com/formats).'] },
    ),
    named('Target', S.targetSchema, 'Where an element is: a CSS selector, {"anchor": …} for [data-waymark], or {"text": …} to match visible text.', {
      examples: ['#export', { anchor: 'new-project' }, { text: 'Save', role: 'button', within: '.toolbar' }],
    }),
    named('Selector', S.selectorSchema, 'A CSS selector.'),
    object('TargetSelector', S.targetSchemas.selectorObject, 'A CSS selector, as an object.', { selector: 'A CSS selector.' }, { title: 'Target: selector' }),
    object('TargetAnchor', S.targetSchemas.anchor, 'The element marked with [data-waymark="<anchor>"]: the most robust target.', {
      anchor: 'Matches the element with [data-waymark="<anchor>"].',
    }, { title: 'Target: anchor' }),
    object('TargetText', S.targetSchemas.text, 'The element whose visible (accessible) text is this.', {
      text: 'The element whose visible text is this.',
      role: 'Only elements with this ARIA role (e.g. "button").',
      within: 'Search only inside the element matching this CSS selector.',
    }, { title: 'Target: text' }),
    named('PageMatch', S.urlMatchSchema, 'A page: a glob on the path, or {"path", "match", "query"}.', { examples: ['/projects/*', { path: '/reports', match: 'prefix' }] }),
    object('PageMatchObject', S.urlMatchSchemas.object, 'A page, with the matching mode and query parameters.', {
      path: 'The path pattern.',
      match: withDefault('How `path` is matched.', 'glob'),
      query: 'Query parameters that must have these values.',
    }, { title: 'Page match: object' }),
    object('Stage', S.stageSchema, 'A journey stage.', {
      id: 'Unique stage id.',
      name: 'Display name.',
      description: 'What this stage means, for the team.',
      enterWhen: 'The user moves into this stage (forward only) when this holds.',
    }, { examples: [{ id: 'activated', name: 'Activated', enterWhen: { event: 'project_created' } }] }),
    object('Article', S.articleSchema, 'A knowledge-base article.', {
      id: 'Unique article id.',
      title: 'The article title.',
      url: 'Where the full article lives.',
      summary: 'A one-line summary shown in suggestions.',
      body: 'The article text, shown inline.',
      tags: 'Search keywords.',
      stages: 'Suggested during these stages.',
      pages: 'Suggested on these pages.',
      locale: 'Language of this article; absent means every locale.',
    }, { examples: [{ id: 'import-csv', title: 'Import a CSV file', url: 'https://example.com/help/import', tags: ['csv', 'import'], pages: ['/import'] }] }),
    named('SearchProvider', S.searchProviderSchema, 'A remote knowledge-base search.'),
    object('SearchZendesk', S.searchProviderSchemas.zendesk, 'Zendesk Help Center search.', {
      provider: 'Zendesk Help Center search.',
      subdomain: 'Your Zendesk subdomain (acme for acme.zendesk.com).',
      locale: 'Help Center locale.',
      timeout: withDefault('Give up after this long.', '3s'),
    }, { title: 'Search: zendesk', examples: [{ provider: 'zendesk', subdomain: 'acme', locale: 'en-us' }] }),
    object('SearchJson', S.searchProviderSchemas.json, 'Your own endpoint returning articles as JSON.', {
      provider: 'Your own endpoint returning articles as JSON.',
      url: 'The endpoint; the query is appended as ?q=.',
      timeout: withDefault('Give up after this long.', '3s'),
    }, { title: 'Search: json', examples: [{ provider: 'json', url: '/api/help/search' }] }),
    object('ChatSettings', S.chatSettingsSchema, 'Live chat: provider, operator hours, offline behaviour, context passed.', {
      provider: 'The chat tool your team uses.',
      url: 'For provider "url": a page or mailto: address.',
      hours: 'Operator hours; outside them users get articles and a leave-a-message form.',
      offline: 'What users get outside operator hours.',
      context: 'Which context is passed to the operator (default all).',
      emailTrait: 'The user trait that prefills the leave-a-message email field, e.g. "email".',
    }, { examples: [{ provider: 'crisp', hours: { timeZone: 'Europe/Vilnius', weekly: { mon: ['09:00-18:00'], fri: ['09:00-16:00'] } } }] }),
    object('OperatorHours', S.operatorHoursSchema, 'When operators answer chat.', {
      timeZone: 'IANA time zone, e.g. Europe/Vilnius.',
      weekly: 'Open intervals per weekday.',
      closed: 'Closed dates (YYYY-MM-DD).',
    }),
    object('WeeklyHours', S.weeklyHoursSchema, 'Open intervals per weekday.', {
      mon: weekday('Monday'),
      tue: weekday('Tuesday'),
      wed: weekday('Wednesday'),
      thu: weekday('Thursday'),
      fri: weekday('Friday'),
      sat: weekday('Saturday'),
      sun: weekday('Sunday'),
    }),
    object('Offline', S.offlineSchema, 'What users get outside operator hours.', {
      form: withDefault('Offer a leave-a-message form.', true),
      endpoint: 'Where messages are POSTed as JSON.',
    }),
    object('ResourceCenter', S.resourceCenterSchema, 'One launcher holding the checklist, help, "Tours and guides" (replay) and recent announcements. On by default when the config has a checklist or help (articles, search or chat).', {
      enabled: 'Set false to turn the launcher off, true to force it on (default: on when the config has a checklist or help).',
      position: withDefault('The corner the launcher sits in (mirrored in RTL).', 'bottom-end'),
      title: 'The launcher\'s label and the panel\'s title (default: the built-in "Help").',
      checklist: 'Show the onboarding checklist (default: true when the config has one).',
      help: 'Search, suggested articles and contact; false turns help off (default: on when the config has help).',
      guides: withDefault('"Tours and guides": tours the user has seen, to replay.', true),
      announcements: withDefault('Recent announcements.', true),
    }, { examples: [{ position: 'bottom-start', help: { search: true, contact: false }, announcements: false }] }),
    named('Corner', S.cornerSchema, 'A corner of the viewport (start and end follow the text direction).'),
    object('ResourceCenterHelp', S.resourceCenterHelpSchema, 'Which help the resource center offers.', {
      search: withDefault('Search over the knowledge base.', true),
      suggested: withDefault('Articles suggested for the page, stage and step.', true),
      contact: 'Contact: live chat, or the leave-a-message form outside hours (default: true when chat is set).',
    }),
    object('HostSettings', S.hostSettingsSchema, 'The host page\'s own layers Waymark steps out of the way of, and where focus may fall back.', {
      overlays: 'Selectors of your own modal dialogs and navigation drawers; while one is open Waymark stays out of its way. dialog[open] and [aria-modal="true"] are always watched.',
      main: withDefault('Your main landmark, for focus when a Waymark layer closes and the element that opened it is gone.', 'main, [role="main"]'),
    }, { examples: [{ overlays: ['.drawer.is-open', '#cookie-banner'], main: '#app-main' }] }),
    object('SnoozeSettings', S.snoozeSettingsSchema, 'Defaults for "Maybe later" (the snooze button action).', {
      for: withDefault('How long a snooze button hides an experience when it names no duration.', '1d'),
    }),
    object('Theme', S.themeSchema, 'Theme tokens.', {
      mode: withDefault('Color scheme.', 'auto'),
      accent: 'Accent color (buttons, progress), any CSS color.',
      radius: 'Corner radius in px.',
      fontFamily: 'Font family for every component.',
      zIndex: 'Base z-index for layers that cannot use the top layer.',
    }, { examples: [{ mode: 'dark', accent: '#4f46e5', radius: 10 }] }),
    object('Limits', S.limitsSchema, 'A global limit on blocking experiences, so users are never nagged.', {
      blockingPerSession: withDefault('At most this many blocking experiences per session.', 2),
      minGap: withDefault('Minimum time between two blocking experiences.', '2m'),
    }),
    object('LocaleSettings', S.localeSettingsSchema, 'Default locale and the locales content is written in.', {
      default: 'The default locale.',
      supported: 'The locales content is written in.',
    }, { examples: [{ default: 'en', supported: ['en', 'ru', 'lt'] }] }),
    named('Strings', S.stringsSchema, 'Overrides of built-in UI strings, per locale: {"ru": {"next": "Далее"}}.'),
    named('Id', S.idSchema, 'An id: a letter or digit, then up to 63 letters, digits, ".", "_" or "-".', { examples: ['welcome-tour'] }),
    named('Duration', S.durationSchema, 'A duration: a number and a unit (ms, s, m, h, d, w).', { examples: ['500ms', '30s', '7d'] }),
    named('SafeUrl', S.safeUrlSchema, 'A safe link: https:, http:, mailto:, tel:, or a relative path starting with /, ./, ../, ? or #.', {
      title: 'Link',
      examples: ['https://example.com/help', '/billing'],
    }),
    named('Locale', S.localeSchema, 'A locale code like "en" or "pt-BR".'),
    named('IsoDate', S.isoDateSchema, 'An ISO date or date-time.', { title: 'ISO date', examples: ['2025-01-31', '2025-01-31T09:00:00Z'] }),
    named('Day', S.daySchema, 'A date (YYYY-MM-DD).', { examples: ['2025-12-25'] }),
    named('TimeRange', S.timeRangeSchema, 'Opening hours as "HH:MM-HH:MM".', { title: 'Time range', examples: ['09:00-18:00'] }),
    named('Percent', S.percentSchema, 'A percentage from 0 to 100.'),
  ];
}
