/**
 * The Waymark config document, version 1: the contract marketers and support teams write.
 *
 * These hand-written types are the canonical shape. The zod schemas in `schema.ts` must
 * infer exactly these types (checked at compile time in `schema.ts`), so the docs an editor
 * shows, the validator and the engine can never disagree.
 */

/** A string shown to users: plain text, or one text per locale (`{"en": "Hi", "ru": "Привет"}`). */
export type Text = string | { [locale: string]: string };

/**
 * Rich text in a small safe subset (never HTML): paragraphs separated by blank lines,
 * `**bold**`, `*italic*`, `` `code` ``, `[label](https://…)` links, and `- ` list items.
 */
export type RichText = Text;

/** A duration: a number and a unit, e.g. `"500ms"`, `"30s"`, `"5m"`, `"2h"`, `"7d"`, `"2w"`. */
export type Duration = string;

/**
 * Where an element is. A plain string is a CSS selector. `anchor` matches `[data-waymark="…"]`.
 * `text` matches an element by its visible text (optionally its ARIA role), inside `within`.
 */
export type Target =
  | string
  | { selector: string }
  | { anchor: string }
  | { text: string; role?: string; within?: string };

/** A page match: a glob on the path (`/projects/*`, `/settings/**`) or an explicit matcher. */
export type UrlMatch =
  | string
  | { path: string; match?: 'glob' | 'exact' | 'prefix' | 'regex'; query?: Record<string, string> };

export type Scalar = string | number | boolean | null;

/** A comparison used by trait and event-property conditions. */
export interface Compare {
  equals?: Scalar;
  notEquals?: Scalar;
  in?: Scalar[];
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  /** ISO date or date-time; the value is compared as a date. */
  before?: string;
  /** ISO date or date-time; the value is compared as a date. */
  after?: string;
  /** A date trait at least this long ago (e.g. signed up `"30d"` ago). */
  olderThan?: Duration;
  /** A date trait at most this long ago. */
  newerThan?: Duration;
  contains?: string;
  exists?: boolean;
}

export type StruggleKind = 'rage-click' | 'dead-click' | 'error' | 'form-error' | 'back-and-forth';

export type ExperienceStatus = 'seen' | 'not-seen' | 'active' | 'completed' | 'dismissed' | 'answered';

/**
 * The condition language. Each condition is an object with exactly one kind key
 * (`all`, `any`, `not`, `page`, `visited`, `event`, `trait`, `stage`, `element`, `delay`,
 * `idle`, `struggle`, `experience`, `date`, `rollout`) plus that kind's options.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  /** The current page matches. */
  | { page: UrlMatch }
  /** The user has visited a matching page at least once (ever). */
  | { visited: UrlMatch }
  /** An event was tracked `count` times (default at least once), optionally within a window and with property filters. */
  | { event: string; count?: { gte?: number; lte?: number; eq?: number }; within?: Duration; where?: Record<string, Scalar | Compare> }
  /** A user trait compares. */
  | ({ trait: string } & Compare)
  /** The journey stage: is one of, at least, or before a stage; optionally for at least a duration. */
  | { stage: { is?: string | string[]; atLeast?: string; before?: string; forAtLeast?: Duration } }
  /** An element's state on the current page. */
  | { element: Target; state?: 'present' | 'absent' | 'visible' | 'clicked' }
  /** Time since the page, stage or session began. */
  | { delay: Duration; since?: 'page' | 'stage' | 'session' }
  /** The user has been idle (no input) at least this long. */
  | { idle: Duration }
  /** A struggle signal fired at least `count` times (default 1) within `within` (default 1m), optionally on a target. */
  | { struggle: StruggleKind; count?: number; within?: Duration; on?: Target }
  /** Another experience's state. */
  | { experience: string; state: ExperienceStatus }
  /** Between two ISO dates (inclusive from, exclusive until). */
  | { date: { from?: string; until?: string } }
  /** A deterministic percentage of users by id (0–100). `salt` re-deals the buckets. */
  | { rollout: number; salt?: string };

/** What a button or checklist item does. */
export type Action =
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'complete' }
  | { type: 'dismiss' }
  /** "Maybe later": hide it now and bring it back after `for` (default: the config's `snooze.for`, else one day). */
  | { type: 'snooze'; for?: Duration }
  | { type: 'open-article'; article: string }
  | { type: 'open-help'; query?: string }
  | { type: 'open-chat'; message?: Text }
  | { type: 'start'; experience: string }
  | { type: 'url'; url: string; newTab?: boolean }
  | { type: 'emit'; event: string; props?: Record<string, Scalar> };

export interface Button {
  label: Text;
  action: Action;
  variant?: 'primary' | 'secondary' | 'link';
}

export interface Image {
  src: string;
  /** Alternative text; empty string marks a decorative image. */
  alt: Text;
}

export type Placement =
  | 'auto' | 'top' | 'bottom' | 'left' | 'right'
  | 'top-start' | 'top-end' | 'bottom-start' | 'bottom-end'
  | 'left-start' | 'left-end' | 'right-start' | 'right-end' | 'center';

/** How often an experience may be shown. */
export interface Frequency {
  /** `once` (default for blocking types): never again after shown; `session`: once per session; `always`: whenever eligible. */
  show?: 'once' | 'session' | 'always';
  /** At most once per this interval (e.g. `"7d"`). */
  every?: Duration;
  /** At most this many shows in total. */
  maxShows?: number;
  /** After a dismissal, wait this long before it may show again; `"never"` (default) means never again. */
  afterDismiss?: Duration | 'never';
}

export type MissingTargetPolicy = 'skip' | 'center' | 'end';

/**
 * What a tour step does when its target is on the page but hidden (a collapsed menu, an off-canvas
 * drawer, `display: none`): click `reveal` (e.g. the menu button) and continue once the target shows;
 * point at `fallback` instead (e.g. the menu button) with the step's text; show the step as an
 * untargeted bottom `sheet`; or `skip` the step.
 */
export type HiddenTargetPolicy = { reveal: Target } | { fallback: Target } | 'sheet' | 'skip';

interface ExperienceBase {
  /** Unique id, used in analytics and cross-references. Letters, digits, `-`, `_`, `.`. */
  id: string;
  /** Internal label shown in the debug overlay. */
  name?: string;
  /** Journey stages this applies to; empty or absent means every stage. */
  stages?: string[];
  /** The trigger: shown when this holds (and the scheduler allows). Absent: shown when eligible. */
  when?: Condition;
  /** Higher wins when several blocking experiences are eligible at once. Default 0. */
  priority?: number;
  frequency?: Frequency;
  /** Percentage (0–100) of eligible users held out as a control group: recorded as "would have shown". */
  control?: number;
  /** Set false to switch off without deleting. */
  enabled?: boolean;
}

export interface SpotlightOptions {
  /** Padding around the target in px (default 8). */
  padding?: number;
  /** Corner radius in px (default 8). */
  radius?: number;
  /** Whether the user may click the highlighted element (default false). */
  interactive?: boolean;
}

export interface TourStep {
  /** Stable step id; defaults to the step's index. Used for resuming and analytics. */
  id?: string;
  /** The element this step points at. Absent: the step is centred. */
  target?: Target;
  /** The page this step lives on. When the user is elsewhere the tour waits (or navigates, see `url`). */
  page?: UrlMatch;
  /** Where to send the user for this step when they are not on `page`. */
  url?: string;
  title: Text;
  body?: RichText;
  image?: Image;
  placement?: Placement;
  spotlight?: boolean | SpotlightOptions;
  /** Trap focus and block the page (default: false for anchored steps, true for centred ones). */
  modal?: boolean;
  /** Advance automatically: on a click of the target, on an event, or when an element appears. */
  advanceOn?: { click?: boolean; event?: string; element?: Target };
  /** What to do when the target is missing after `waitFor`. Overrides the tour's policy. */
  onMissingTarget?: MissingTargetPolicy;
  /** How long to wait for a late target (default 3s). */
  waitFor?: Duration;
  /**
   * What to do when the target is on the page but hidden. Overrides the tour's policy. Without one:
   * on phones a bottom sheet; elsewhere the step's missing-target policy.
   */
  onHiddenTarget?: HiddenTargetPolicy;
  /**
   * Next (and a click on the target) follows the target's link when the target is a link. Default
   * true when `advanceOn.click` is set; false keeps the user on the page.
   */
  nextFollowsLink?: boolean;
  buttons?: Button[];
  /** Knowledge-base article ids suggested on this step. */
  articles?: string[];
}

export interface TourExperience extends ExperienceBase {
  type: 'tour';
  steps: TourStep[];
  /** Default for every step. */
  spotlight?: boolean | SpotlightOptions;
  /** Default missing-target policy for every step (default `skip`). */
  onMissingTarget?: MissingTargetPolicy;
  /** Default hidden-target policy for every step (see `TourStep.onHiddenTarget`). */
  onHiddenTarget?: HiddenTargetPolicy;
  /** The tour's name for users, listed under "Tours and guides" (default: the first step's title). */
  title?: Text;
  /** Listed under "Tours and guides" once seen, so the user can replay it (default true). */
  replayable?: boolean;
  /** Show "Skip tour" (default true). */
  skippable?: boolean;
  /** Show progress like "2 of 6" (default true). */
  showProgress?: boolean;
}

export interface HintExperience extends ExperienceBase {
  type: 'hint';
  target: Target;
  title?: Text;
  body: RichText;
  /** How the user opens it (default `hover`, which also opens on keyboard focus). `trigger`: opened when `when` holds. */
  openOn?: 'hover' | 'focus' | 'click' | 'trigger';
  placement?: Placement;
  buttons?: Button[];
  articles?: string[];
}

export interface BeaconExperience extends ExperienceBase {
  type: 'beacon';
  target: Target;
  /** Where the dot sits relative to the target (default `top-end`). */
  position?: 'top-start' | 'top-end' | 'bottom-start' | 'bottom-end' | 'left' | 'right' | 'center';
  title?: Text;
  body: RichText;
  placement?: Placement;
  buttons?: Button[];
  articles?: string[];
}

export interface ChecklistItem {
  id: string;
  /** Bump when an item's meaning changes; users who completed an older version keep it done unless `redoOnNewVersion`. */
  version?: number;
  title: Text;
  description?: RichText;
  action?: Action;
  /** Completes the item automatically when it holds. */
  doneWhen?: Condition;
  /** The user may tick it by hand. */
  manual?: boolean;
  /** Locked until these item ids are done. */
  dependsOn?: string[];
  /** Starts done (e.g. "Create your account"). */
  initiallyDone?: boolean;
  articles?: string[];
}

export interface ChecklistExperience extends ExperienceBase {
  type: 'checklist';
  title: Text;
  description?: RichText;
  items: ChecklistItem[];
  /** Items must be done in order (each depends on the previous). */
  strictOrder?: boolean;
  /** A floating launcher, or rendered inline where `<wm-checklist>` is placed. */
  launcher?: 'floating' | 'inline';
  position?: 'bottom-end' | 'bottom-start';
  /** Move the user to this stage when every item is done. */
  completeToStage?: string;
  /** Show a celebration when finished (default true). */
  celebrate?: boolean;
  /** A dismissed checklist returns when the user reaches this stage. */
  returnAtStage?: string;
  /** Reopen a finished checklist when a new item (or item version) is added (default false). */
  reopenOnNewItems?: boolean;
}

export type NudgeLevel =
  | { kind: 'hint'; title?: Text; body: RichText; target?: Target }
  | { kind: 'articles'; title?: Text; articles?: string[]; max?: number }
  | { kind: 'chat'; title?: Text; body?: RichText; message?: Text };

export interface NudgeExperience extends ExperienceBase {
  type: 'nudge';
  /** Offered in order, one level per firing of `when`. */
  escalation: NudgeLevel[];
}

export interface AnnouncementExperience extends ExperienceBase {
  type: 'announcement';
  display: 'banner' | 'modal';
  /** Banner position (default `top`). */
  position?: 'top' | 'bottom';
  title: Text;
  body?: RichText;
  image?: Image;
  buttons?: Button[];
  dismissible?: boolean;
}

export interface SurveyFollowUp {
  /** Inclusive score range, e.g. `[0, 6]` for NPS detractors. */
  scores: [number, number];
  title?: Text;
  body?: RichText;
  buttons?: Button[];
}

export interface SurveyExperience extends ExperienceBase {
  type: 'survey';
  kind: 'nps' | 'csat' | 'ces';
  question: Text;
  /** CSAT display (default `numbers`). */
  scale?: 'numbers' | 'stars' | 'faces';
  lowLabel?: Text;
  highLabel?: Text;
  /** Ask an open "why?" after the score; a string is the prompt. */
  askWhy?: boolean | Text;
  thankYou?: Text;
  followUps?: SurveyFollowUp[];
}

export type Experience =
  | TourExperience
  | HintExperience
  | BeaconExperience
  | ChecklistExperience
  | NudgeExperience
  | AnnouncementExperience
  | SurveyExperience;

export type ExperienceType = Experience['type'];

export interface Stage {
  id: string;
  name?: Text;
  description?: string;
  /** The user moves into this stage (forward only) when this holds. */
  enterWhen?: Condition;
}

export interface Article {
  id: string;
  title: Text;
  url: string;
  summary?: Text;
  body?: RichText;
  tags?: string[];
  stages?: string[];
  pages?: UrlMatch[];
  /** Language of this article; absent means every locale. */
  locale?: string;
}

export type SearchProvider =
  | { provider: 'zendesk'; subdomain: string; locale?: string; timeout?: Duration }
  | { provider: 'json'; url: string; timeout?: Duration };

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface OperatorHours {
  /** IANA time zone, e.g. `Europe/Vilnius`. */
  timeZone: string;
  /** Open intervals per weekday as `HH:MM-HH:MM`. */
  weekly: Partial<Record<Weekday, string[]>>;
  /** Closed dates (`YYYY-MM-DD`). */
  closed?: string[];
}

export interface ChatSettings {
  provider:
    | 'intercom' | 'crisp' | 'zendesk' | 'hubspot' | 'chatwoot' | 'carrotquest'
    | 'livechat' | 'tawk' | 'helpscout' | 'freshchat' | 'callback' | 'url' | 'none';
  /** For `url`: a page or `mailto:` address. */
  url?: string;
  hours?: OperatorHours;
  offline?: {
    /** Offer a leave-a-message form (default true). */
    form?: boolean;
    /** Where messages are POSTed as JSON. */
    endpoint?: string;
  };
  /** Which context is passed to the operator (default all). */
  context?: Array<'user' | 'stage' | 'page' | 'step' | 'struggle' | 'articles' | 'errors'>;
  /** The user trait that prefills the leave-a-message email field (e.g. `"email"`). */
  emailTrait?: string;
}

export type Corner = 'bottom-end' | 'bottom-start' | 'top-end' | 'top-start';

/** Which help the resource center offers; each part can be turned off. */
export interface ResourceCenterHelp {
  /** Search over the knowledge base (default true). */
  search?: boolean;
  /** Articles suggested for the page, stage and step (default true). */
  suggested?: boolean;
  /** Contact: live chat, or the leave-a-message form outside hours (default true when `chat` is set). */
  contact?: boolean;
}

/**
 * One launcher that holds the checklist, help, "Tours and guides" (replay) and recent announcements.
 * On by default when the config has a checklist or help (articles, search or chat).
 */
export interface ResourceCenter {
  /** Set false to turn the launcher off, true to force it on. */
  enabled?: boolean;
  /** The corner the launcher sits in (default `bottom-end`; mirrored in RTL). */
  position?: Corner;
  /** The launcher's label and the panel's title (default: the built-in "Help"). */
  title?: Text;
  /** The onboarding checklist (default true when the config has one). */
  checklist?: boolean;
  /** Search, suggested articles and contact; false turns help off (default true when the config has help). */
  help?: boolean | ResourceCenterHelp;
  /** "Tours and guides": tours the user has seen, to replay (default true). */
  guides?: boolean;
  /** Recent announcements (default true). */
  announcements?: boolean;
}

/** The host page's own layers Waymark must step out of the way of, and where focus may fall back. */
export interface HostSettings {
  /**
   * Selectors of the host's own modal dialogs and navigation drawers. While one is open Waymark
   * stays out of its way. `dialog[open]` and `[aria-modal="true"]` are always watched.
   */
  overlays?: string[];
  /** The host's main landmark, for focus when a Waymark layer closes and its opener is gone (default `main, [role="main"]`). */
  main?: string;
}

/** Defaults for "Maybe later". */
export interface SnoozeSettings {
  /** How long a `snooze` button hides an experience when it names no duration (default `"1d"`). */
  for?: Duration;
}

export interface ThemeTokens {
  mode?: 'light' | 'dark' | 'auto';
  /** Accent color (buttons, progress): hex, a colour keyword or a colour function (no var(), url()). */
  accent?: string;
  /** Corner radius in px. */
  radius?: number;
  fontFamily?: string;
  /** Base z-index for layers that cannot use the top layer. */
  zIndex?: number;
}

/** A global limit on blocking experiences, so users are never nagged. */
export interface RateLimits {
  /** At most this many blocking experiences per session (default 2). */
  blockingPerSession?: number;
  /** Minimum time between two blocking experiences (default `"2m"`). */
  minGap?: Duration;
}

export interface WaymarkConfig {
  /** Path or URL of `waymark.schema.json`, for editor autocompletion. */
  $schema?: string;
  /** Config format version, `"1"` or `"1.x"`. A major version newer than the SDK is refused. */
  version: string;
  /** Default locale and the locales content is written in. */
  locale?: { default: string; supported?: string[] };
  /** Overrides of built-in UI strings, per locale: `{"ru": {"next": "Далее"}}`. */
  strings?: Record<string, Record<string, string>>;
  theme?: ThemeTokens;
  limits?: RateLimits;
  stages?: Stage[];
  experiences: Experience[];
  articles?: Article[];
  search?: SearchProvider;
  chat?: ChatSettings;
  resourceCenter?: ResourceCenter;
  host?: HostSettings;
  snooze?: SnoozeSettings;
}
