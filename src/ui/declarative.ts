/**
 * Declarative HTML for developers: `<wm-tour>` with `<wm-step>` children, `<wm-hint>`,
 * `<wm-beacon>` and `<wm-checklist>` with `<wm-task>` children compile to the very config
 * objects the JSON would hold. Pure: reads attributes
 * and text content (never HTML), writes nothing, and returns problems as data.
 *
 * ```html
 * <wm-tour id="welcome" spotlight>
 *   <wm-step target="#new-project" title="Create a project" placement="bottom">
 *     Start here. **Projects** hold your boards.
 *   </wm-step>
 *   <wm-step title="That's it">Have fun!</wm-step>
 * </wm-tour>
 * <wm-hint id="export-tip" target="#export" open-on="hover">Exports go to your e-mail.</wm-hint>
 * ```
 */
import type {
  Action,
  BeaconExperience,
  ChecklistExperience,
  ChecklistItem,
  Condition,
  Experience,
  Frequency,
  HintExperience,
  MissingTargetPolicy,
  Placement,
  TourExperience,
  TourStep,
} from '../config/types.js';
import { didYouMean } from '../config/issues.js';

export interface DeclarativeIssue {
  code: 'missing-attribute' | 'invalid-attribute' | 'unknown-attribute' | 'unknown-element' | 'empty';
  /** Where, e.g. `wm-tour#welcome > wm-step[2]@placement`. */
  path: string;
  message: string;
}

export interface DeclarativeResult {
  /** Absent when the element could not be compiled at all. */
  experience?: Experience;
  issues: DeclarativeIssue[];
}

const PLACEMENTS: readonly Placement[] = [
  'auto', 'top', 'bottom', 'left', 'right', 'top-start', 'top-end', 'bottom-start', 'bottom-end',
  'left-start', 'left-end', 'right-start', 'right-end', 'center',
];
const POLICIES: readonly MissingTargetPolicy[] = ['skip', 'center', 'end'];
const OPEN_ON: readonly NonNullable<HintExperience['openOn']>[] = ['hover', 'focus', 'click', 'trigger'];
const BEACON_POSITIONS: readonly NonNullable<BeaconExperience['position']>[] = [
  'top-start', 'top-end', 'bottom-start', 'bottom-end', 'left', 'right', 'center',
];
const SHOW: readonly NonNullable<Frequency['show']>[] = ['once', 'session', 'always'];
const DURATION = /^\d+(?:\.\d+)?(?:ms|s|m|h|d|w)$/;
const CHECKLIST_POSITIONS: readonly NonNullable<ChecklistExperience['position']>[] = ['bottom-end', 'bottom-start'];
const LAUNCHERS: readonly NonNullable<ChecklistExperience['launcher']>[] = ['inline', 'floating'];
const DECLARATIVE_TAGS = 'wm-tour, wm-hint, wm-beacon, wm-checklist';

/** The attributes each element reads: anything else (bar global HTML attributes) is reported, with a did-you-mean. */
const BASE_ATTRIBUTES = ['id', 'name', 'stages', 'priority', 'show'];
const KNOWN_ATTRIBUTES: Record<string, readonly string[]> = {
  'wm-tour': [...BASE_ATTRIBUTES, 'spotlight', 'on-missing-target', 'skippable', 'show-progress'],
  'wm-step': [
    'id', 'title', 'target', 'placement', 'spotlight', 'modal', 'on-missing-target', 'wait-for', 'page', 'url', 'image', 'image-alt', 'advance-on',
  ],
  'wm-hint': [...BASE_ATTRIBUTES, 'target', 'title', 'open-on', 'placement'],
  'wm-beacon': [...BASE_ATTRIBUTES, 'target', 'title', 'position', 'placement'],
  'wm-checklist': [
    ...BASE_ATTRIBUTES, 'experience-id', 'title', 'description', 'launcher', 'position', 'strict-order', 'celebrate', 'reopen-on-new-items',
    'complete-to-stage', 'return-at-stage',
  ],
  'wm-task': [
    'id', 'title', 'version', 'event', 'visited', 'element', 'manual', 'initially-done', 'depends-on', 'articles', 'href', 'new-tab', 'article', 'start', 'help',
  ],
};
/** Global HTML attributes any element may carry; `data-*`, `aria-*` and `on*` are allowed too. */
const GLOBAL_ATTRIBUTES = new Set([
  'id', 'class', 'style', 'hidden', 'lang', 'dir', 'slot', 'part', 'exportparts', 'tabindex', 'title', 'role', 'inert', 'translate',
  'nonce', 'is', 'autofocus', 'accesskey', 'contenteditable', 'draggable', 'spellcheck', 'popover', 'enterkeyhint', 'inputmode', 'autocapitalize',
]);

/** Compile one `<wm-tour>`, `<wm-hint>` or `<wm-beacon>` element. */
export function compileDeclarative(element: Element): DeclarativeResult {
  const tag = element.localName;
  const issues: DeclarativeIssue[] = [];
  const reader = new AttributeReader(element, `${tag}${element.id ? `#${element.id}` : ''}`, issues);
  switch (tag) {
    case 'wm-tour':
      return { experience: compileTour(element, reader, issues), issues };
    case 'wm-hint':
      return withRequired(compileHint(reader, element), issues);
    case 'wm-beacon':
      return withRequired(compileBeacon(reader, element), issues);
    case 'wm-checklist': {
      const listReader = new AttributeReader(element, `wm-checklist#${element.getAttribute('experience-id') ?? ''}`, issues);
      return { experience: compileChecklist(element, listReader, issues), issues };
    }
    default:
      issues.push({ code: 'unknown-element', path: tag, message: `expected <wm-tour>, <wm-hint>, <wm-beacon> or <wm-checklist>, got <${tag}>` });
      return { issues };
  }
}

/** Compile every declarative element under `root` (skipping ones the renderer created). */
export function compileDeclarativeAll(root: ParentNode): { experiences: Experience[]; issues: DeclarativeIssue[] } {
  const experiences: Experience[] = [];
  const issues: DeclarativeIssue[] = [];
  for (const element of root.querySelectorAll(DECLARATIVE_TAGS)) {
    if (element.hasAttribute('data-waymark-ui')) continue;
    // A <wm-checklist> without <wm-task> children only marks where a configured checklist renders inline.
    if (element.localName === 'wm-checklist' && !Array.from(element.children).some((child) => child.localName === 'wm-task')) continue;
    const result = compileDeclarative(element);
    issues.push(...result.issues);
    if (result.experience) experiences.push(result.experience);
  }
  return { experiences, issues };
}

function withRequired(experience: Experience | undefined, issues: DeclarativeIssue[]): DeclarativeResult {
  return experience ? { experience, issues } : { issues };
}

function compileTour(element: Element, reader: AttributeReader, issues: DeclarativeIssue[]): TourExperience {
  const tour: TourExperience = { ...base(reader), type: 'tour', steps: [] };
  const spotlight = reader.flag('spotlight');
  if (spotlight !== undefined) tour.spotlight = spotlight;
  const policy = reader.oneOf('on-missing-target', POLICIES);
  if (policy) tour.onMissingTarget = policy;
  const skippable = reader.flag('skippable');
  if (skippable !== undefined) tour.skippable = skippable;
  const progress = reader.flag('show-progress');
  if (progress !== undefined) tour.showProgress = progress;
  const steps = Array.from(element.children).filter((child) => child.localName === 'wm-step');
  steps.forEach((stepElement, index) => {
    const stepReader = new AttributeReader(stepElement, `${reader.path} > wm-step[${index}]`, issues);
    tour.steps.push(compileStep(stepElement, stepReader));
  });
  if (steps.length === 0) issues.push({ code: 'empty', path: reader.path, message: 'expected at least one <wm-step> child, found none' });
  reader.reportUnknown();
  return tour;
}

/**
 * `<wm-step>`: one step of a declarative `<wm-tour>` (markup only: read when Waymark starts, never registered or rendered).
 *
 * @summary A step of a declarative `<wm-tour>`; its text content is the step body.
 * @tag wm-step
 * @slot - The step body (plain text).
 * @attr {string} title - The step title (required).
 * @attr {string} id - A stable step id for resuming and analytics (default: its index).
 * @attr {string} target - The element to point at, a CSS selector; without one the step is a centred dialog.
 * @attr {string} placement - Preferred side, e.g. `bottom`, `auto`.
 * @attr {boolean} spotlight - Dim the page around the target.
 * @attr {boolean} modal - Trap focus and block the page (default: only for centred steps).
 * @attr {'skip' | 'center' | 'end'} on-missing-target - What happens when the target never appears.
 * @attr {string} wait-for - How long to wait for a late target, e.g. `3s`.
 * @attr {string} page - The page this step lives on (URL pattern); elsewhere the tour waits.
 * @attr {string} url - Where to send the user for this step when they are not on `page`.
 * @attr {string} image - An image URL shown in the step.
 * @attr {string} image-alt - The image's alternative text.
 * @attr {string} advance-on - `click` (on the target), `event:<name>` or `element:<selector>`.
 */
function compileStep(element: Element, reader: AttributeReader): TourStep {
  const step: TourStep = { title: reader.required('title') ?? '' };
  const id = reader.text('id');
  if (id) step.id = id;
  const target = reader.text('target');
  if (target) step.target = target;
  const body = textContent(element);
  if (body) step.body = body;
  const placement = reader.oneOf('placement', PLACEMENTS);
  if (placement) step.placement = placement;
  const spotlight = reader.flag('spotlight');
  if (spotlight !== undefined) step.spotlight = spotlight;
  const modal = reader.flag('modal');
  if (modal !== undefined) step.modal = modal;
  const policy = reader.oneOf('on-missing-target', POLICIES);
  if (policy) step.onMissingTarget = policy;
  const waitFor = reader.duration('wait-for');
  if (waitFor) step.waitFor = waitFor;
  const page = reader.text('page');
  if (page) step.page = page;
  const url = reader.text('url');
  if (url) step.url = url;
  const image = reader.text('image');
  if (image) step.image = { src: image, alt: reader.text('image-alt') ?? '' };
  const advance = reader.text('advance-on');
  if (advance) {
    // `click`, `event:<name>` or `element:<selector>`.
    if (advance === 'click') step.advanceOn = { click: true };
    else if (advance.startsWith('event:') && advance.length > 6) step.advanceOn = { event: advance.slice(6) };
    else if (advance.startsWith('element:') && advance.length > 8) step.advanceOn = { element: advance.slice(8) };
    else reader.invalid('advance-on', 'expected "click", "event:<name>" or "element:<selector>"', advance);
  }
  reader.reportUnknown();
  return step;
}

function compileHint(reader: AttributeReader, element: Element): HintExperience | undefined {
  reader.reportUnknown();
  const target = reader.required('target');
  const body = textContent(element);
  if (!body) reader.issues.push({ code: 'empty', path: reader.path, message: 'expected text content (the hint body), found none' });
  if (!target) return undefined;
  const hint: HintExperience = { ...base(reader), type: 'hint', target, body };
  const title = reader.text('title');
  if (title) hint.title = title;
  const openOn = reader.oneOf('open-on', OPEN_ON);
  if (openOn) hint.openOn = openOn;
  const placement = reader.oneOf('placement', PLACEMENTS);
  if (placement) hint.placement = placement;
  return hint;
}

function compileBeacon(reader: AttributeReader, element: Element): BeaconExperience | undefined {
  reader.reportUnknown();
  const target = reader.required('target');
  const body = textContent(element);
  if (!body) reader.issues.push({ code: 'empty', path: reader.path, message: 'expected text content (the beacon body), found none' });
  if (!target) return undefined;
  const beacon: BeaconExperience = { ...base(reader), type: 'beacon', target, body };
  const title = reader.text('title');
  if (title) beacon.title = title;
  const position = reader.oneOf('position', BEACON_POSITIONS);
  if (position) beacon.position = position;
  const placement = reader.oneOf('placement', PLACEMENTS);
  if (placement) beacon.placement = placement;
  return beacon;
}

/**
 * `<wm-checklist experience-id="…" title="…">` with `<wm-task>` children. Declared in the page, it
 * renders right there (`launcher` defaults to `inline`); each task's text content is its description.
 */
function compileChecklist(element: Element, reader: AttributeReader, issues: DeclarativeIssue[]): ChecklistExperience {
  const list: ChecklistExperience = { ...base(reader, 'experience-id'), type: 'checklist', title: reader.required('title') ?? '', items: [] };
  const description = reader.text('description');
  if (description) list.description = description;
  list.launcher = reader.oneOf('launcher', LAUNCHERS) ?? 'inline';
  const position = reader.oneOf('position', CHECKLIST_POSITIONS);
  if (position) list.position = position;
  const strictOrder = reader.flag('strict-order');
  if (strictOrder !== undefined) list.strictOrder = strictOrder;
  const celebrate = reader.flag('celebrate');
  if (celebrate !== undefined) list.celebrate = celebrate;
  const reopen = reader.flag('reopen-on-new-items');
  if (reopen !== undefined) list.reopenOnNewItems = reopen;
  const toStage = reader.text('complete-to-stage');
  if (toStage) list.completeToStage = toStage;
  const returnAt = reader.text('return-at-stage');
  if (returnAt) list.returnAtStage = returnAt;
  const tasks = Array.from(element.children).filter((child) => child.localName === 'wm-task');
  tasks.forEach((taskElement, index) => {
    const taskReader = new AttributeReader(taskElement, `${reader.path} > wm-task[${index}]`, issues);
    list.items.push(compileTask(taskElement, taskReader));
  });
  if (tasks.length === 0) issues.push({ code: 'empty', path: reader.path, message: 'expected at least one <wm-task> child, found none' });
  reader.reportUnknown();
  return list;
}

/**
 * `<wm-task id title>`: done on `event`, `visited` or `element` (all that are given), or by hand with `manual`.
 *
 * @summary A task of a declarative `<wm-checklist>` (markup only); its text content is the task description.
 * @tag wm-task
 * @slot - The task description (plain text).
 * @attr {string} id - The task id (required).
 * @attr {string} title - The task title (required).
 * @attr {number} version - Bump when the task's meaning changes.
 * @attr {string} event - Done when this event is tracked.
 * @attr {string} visited - Done when a page matching this URL pattern is visited.
 * @attr {string} element - Done when this CSS selector matches an element on the page.
 * @attr {boolean} manual - The user may tick it by hand.
 * @attr {boolean} initially-done - Starts done (e.g. "Create your account").
 * @attr {string} depends-on - Task ids that must be done first, separated by spaces or commas.
 * @attr {string} articles - Help article ids for the task, separated by spaces or commas.
 * @attr {string} href - The task's button opens this URL (only one of `href`, `article`, `start`, `help`).
 * @attr {boolean} new-tab - With `href`: open it in a new tab.
 * @attr {string} article - The task's button opens this help article.
 * @attr {string} start - The task's button starts this experience.
 * @attr {string} help - The task's button opens the help panel, searching this text (empty: no search).
 */
function compileTask(element: Element, reader: AttributeReader): ChecklistItem {
  const item: ChecklistItem = { id: reader.required('id') ?? '', title: reader.required('title') ?? '' };
  const description = textContent(element);
  if (description) item.description = description;
  const version = reader.number('version');
  if (version !== undefined) item.version = version;
  const conditions: Condition[] = [];
  const event = reader.text('event');
  if (event) conditions.push({ event });
  const visited = reader.text('visited');
  if (visited) conditions.push({ visited });
  const present = reader.text('element');
  if (present) conditions.push({ element: present });
  if (conditions.length === 1) item.doneWhen = conditions[0]!;
  else if (conditions.length > 1) item.doneWhen = { all: conditions };
  const manual = reader.flag('manual');
  if (manual !== undefined) item.manual = manual;
  const initiallyDone = reader.flag('initially-done');
  if (initiallyDone !== undefined) item.initiallyDone = initiallyDone;
  const dependsOn = reader.text('depends-on');
  if (dependsOn) item.dependsOn = dependsOn.split(/[\s,]+/).filter(Boolean);
  const articles = reader.text('articles');
  if (articles) item.articles = articles.split(/[\s,]+/).filter(Boolean);
  const action = taskAction(reader);
  if (action) item.action = action;
  if (!item.doneWhen && !item.manual && !item.initiallyDone) {
    reader.issues.push({ code: 'missing-attribute', path: reader.path, message: 'expected "event", "visited", "element" or "manual": nothing would ever complete this task' });
  }
  reader.reportUnknown();
  return item;
}

/** At most one of `href` (with `new-tab`), `article`, `start`, `help`. */
function taskAction(reader: AttributeReader): Action | undefined {
  const href = reader.text('href');
  const article = reader.text('article');
  const start = reader.text('start');
  const help = reader.text('help');
  const given = [href, article, start, help].filter((value) => value !== undefined).length;
  if (given > 1) reader.invalid('href', 'expected only one of "href", "article", "start" or "help"', [href, article, start, help].filter(Boolean).join(', '));
  if (href) {
    const newTab = reader.flag('new-tab');
    return newTab ? { type: 'url', url: href, newTab } : { type: 'url', url: href };
  }
  if (article) return { type: 'open-article', article };
  if (start) return { type: 'start', experience: start };
  if (help !== undefined) return help ? { type: 'open-help', query: help } : { type: 'open-help' };
  return undefined;
}

/** The attributes every experience shares (`idAttribute`: where the id is, `id` unless said otherwise). */
function base(reader: AttributeReader, idAttribute = 'id'): { id: string; name?: string; stages?: string[]; priority?: number; frequency?: Frequency } {
  const out: { id: string; name?: string; stages?: string[]; priority?: number; frequency?: Frequency } = {
    id: reader.required(idAttribute) ?? '',
  };
  const name = reader.text('name');
  if (name) out.name = name;
  const stages = reader.text('stages');
  if (stages) out.stages = stages.split(/[\s,]+/).filter(Boolean);
  const priority = reader.number('priority');
  if (priority !== undefined) out.priority = priority;
  const show = reader.oneOf('show', SHOW);
  if (show) out.frequency = { show };
  return out;
}

/** Text content with common indentation removed; blank lines (paragraph breaks) kept. */
function textContent(element: Element): string {
  let text = '';
  for (const node of element.childNodes) {
    // Only direct text: nested <wm-step> children of a tour are not its body.
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1 && (node as Element).localName !== 'wm-step') text += node.textContent ?? '';
  }
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trim());
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

class AttributeReader {
  constructor(
    private readonly element: Element,
    readonly path: string,
    readonly issues: DeclarativeIssue[],
  ) {}

  text(name: string): string | undefined {
    const value = this.element.getAttribute(name);
    return value === null ? undefined : value.trim();
  }

  required(name: string): string | undefined {
    const value = this.text(name);
    if (!value) {
      this.issues.push({ code: 'missing-attribute', path: `${this.path}@${name}`, message: `expected a non-empty "${name}" attribute, found ${value === undefined ? 'none' : '""'}` });
      return undefined;
    }
    return value;
  }

  /** Present (or "true") → true, "false" → false, absent → undefined. */
  flag(name: string): boolean | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (value === '' || value === 'true' || value === name) return true;
    if (value === 'false') return false;
    this.invalid(name, 'expected "true", "false" or no value', value);
    return undefined;
  }

  number(name: string): number | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (value !== '' && Number.isFinite(parsed)) return parsed;
    this.invalid(name, 'expected a number', value);
    return undefined;
  }

  duration(name: string): string | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (DURATION.test(value)) return value;
    this.invalid(name, 'expected a duration such as "500ms" or "3s"', value);
    return undefined;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.invalid(name, `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value);
    return undefined;
  }

  /** A misspelt optional attribute would silently fall back to its default: say so, as JSON does for keys. */
  reportUnknown(): void {
    const known = KNOWN_ATTRIBUTES[this.element.localName] ?? [];
    for (const name of this.element.getAttributeNames()) {
      if (known.includes(name) || GLOBAL_ATTRIBUTES.has(name) || /^(?:data-|aria-|on)/.test(name)) continue;
      const hint = didYouMean(name, known) || ` (allowed: ${known.join(', ')})`;
      this.issues.push({ code: 'unknown-attribute', path: `${this.path}@${name}`, message: `unknown attribute ${JSON.stringify(name)} (ignored)${hint}` });
    }
  }

  invalid(name: string, expected: string, got: string): void {
    this.issues.push({ code: 'invalid-attribute', path: `${this.path}@${name}`, message: `${expected}, got ${JSON.stringify(got)}` });
  }
}
