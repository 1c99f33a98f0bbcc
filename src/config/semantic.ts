/**
 * Checks a schema cannot express, run on units that already passed their schema:
 * cross-references between experiences, stages, articles and checklist items; date windows;
 * survey score ranges; unsafe links inside rich text; condition nesting depth.
 *
 * Severity rule (see validate.ts): an error drops the unit, a warning drops nothing.
 * - A reference to an id that is not declared anywhere is an error for stages, experiences and
 *   checklist items (eligibility or progress would silently never happen) and a warning for
 *   articles (the article link is just left out).
 * - A reference to an id that is declared but was itself dropped as invalid is a warning:
 *   one broken unit does not take down the units that mention it. The engine treats a
 *   missing stage, experience or article as "does not match".
 */
import type {
  Action, Article, Button, ChatSettings, ChecklistExperience, Condition, Experience, RichText, Stage, SurveyExperience, ThemeTokens, UrlMatch, WaymarkConfig,
} from './types.js';
import { themeValueProblem, type ThemeValueKind } from './theme-values.js';
import { checkPageRegex } from './page-regex.js';
import { collectLinks, type LinkFindings } from './rich-text-links.js';
import { resolveLink } from './links.js';
import { didYouMean, issue, listOf, type ConfigIssue, type IssuePath } from './issues.js';

export const MAX_CONDITION_DEPTH = 32;

export interface IdIndex {
  /** Ids written in the document, valid or not. */
  declared: ReadonlySet<string>;
  /** Ids of units that survived validation. */
  valid: ReadonlySet<string>;
}

export interface References {
  stages: IdIndex;
  experiences: IdIndex;
  articles: IdIndex;
  /** Rich-text link findings by source text, shared by the validation passes. */
  links?: Map<string, LinkFindings>;
}

type Kind = 'stages' | 'experiences' | 'articles';
const SINGULAR: Record<Kind, string> = { stages: 'stage', experiences: 'experience', articles: 'article' };

class Checker {
  readonly issues: ConfigIssue[] = [];
  constructor(private readonly refs: References) {}

  /** The links of one rich text, parsed once per validation (both semantic passes ask). */
  private links(source: string): LinkFindings {
    const cache = this.refs.links;
    let found = cache?.get(source);
    if (!found) {
      found = collectLinks(source);
      cache?.set(source, found);
    }
    return found;
  }

  error(code: string, path: IssuePath, text: string): void {
    this.issues.push(issue('error', code, path, text));
  }
  warn(code: string, path: IssuePath, text: string): void {
    this.issues.push(issue('warning', code, path, text));
  }

  reference(kind: Kind, id: string, path: IssuePath): void {
    const index = this.refs[kind];
    const noun = SINGULAR[kind];
    if (index.valid.has(id)) return;
    if (index.declared.has(id)) {
      this.warn('skipped-reference', path, `refers to ${noun} ${JSON.stringify(id)}, which is invalid and was skipped`);
      return;
    }
    const known = [...index.declared];
    const hint = didYouMean(id, known) || (known.length === 0 ? ` (no ${kind} are declared)` : known.length <= 8 ? ` (declared: ${listOf(known)})` : '');
    const text = `unknown ${noun} ${JSON.stringify(id)}${hint}`;
    if (kind === 'articles') this.warn('unknown-article', path, text);
    else this.error(`unknown-${noun}`, path, text);
  }

  references(kind: Kind, ids: readonly string[] | undefined, path: IssuePath): void {
    ids?.forEach((id, index) => this.reference(kind, id, [...path, index]));
  }

  richText(text: RichText | undefined, path: IssuePath): void {
    if (text === undefined) return;
    const check = (source: string, at: IssuePath): void => {
      const { safe, unsafe } = this.links(source);
      for (const href of unsafe) {
        this.error('unsafe-url', at, `expected rich text with safe links (https:, http:, mailto:, tel: or relative), got the link ${JSON.stringify(href)}`);
      }
      for (const href of safe) this.link(href, at);
    };
    if (typeof text === 'string') check(text, path);
    else for (const [locale, source] of Object.entries(text)) check(source, [...path, locale]);
  }

  /** A regex page pattern must compile (with the engine's flags) and be cheap to run. */
  urlMatch(match: UrlMatch | undefined, path: IssuePath): void {
    if (match === undefined || typeof match === 'string' || match.match !== 'regex') return;
    const checked = checkPageRegex(match.path);
    if (!checked.ok) this.error('invalid-regex', [...path, 'path'], `expected a safe regular expression, got ${JSON.stringify(match.path.slice(0, 80))}: ${checked.reason}`);
  }

  /** A link written like a path that leads to another site (`//host/x`, `/\\host/x`): allowed, but said. */
  link(url: string | undefined, path: IssuePath): void {
    // Only a reference starting with "/" can look like a path and still name a host.
    if (url === undefined || !url.startsWith('/')) return;
    const resolved = resolveLink(url, ANY_PAGE);
    if (!resolved?.external) return;
    const host = /^https?:\/\/([^/?#]*)/.exec(resolved.href)?.[1] ?? resolved.href;
    this.warn('off-site-link', path, `the link ${JSON.stringify(url)} looks like a path on this site but leads to ${host}; write it as "${resolved.href}" if that is meant (it opens in a new tab)`);
  }

  action(action: Action | undefined, path: IssuePath): void {
    if (action?.type === 'url') this.link(action.url, [...path, 'url']);
    if (action?.type === 'open-article') this.reference('articles', action.article, [...path, 'article']);
    if (action?.type === 'start') this.reference('experiences', action.experience, [...path, 'experience']);
  }

  buttons(buttons: readonly Button[] | undefined, path: IssuePath): void {
    buttons?.forEach((button, index) => this.action(button.action, [...path, index, 'action']));
  }

  condition(condition: Condition | undefined, path: IssuePath, depth = 1): void {
    if (condition === undefined) return;
    if (depth > MAX_CONDITION_DEPTH) {
      this.error('too-deep', path, `conditions are nested more than ${MAX_CONDITION_DEPTH} levels deep`);
      return;
    }
    if ('all' in condition) condition.all.forEach((child, i) => this.condition(child, [...path, 'all', i], depth + 1));
    else if ('any' in condition) condition.any.forEach((child, i) => this.condition(child, [...path, 'any', i], depth + 1));
    else if ('not' in condition) this.condition(condition.not, [...path, 'not'], depth + 1);
    else if ('experience' in condition) this.reference('experiences', condition.experience, [...path, 'experience']);
    else if ('page' in condition) this.urlMatch(condition.page, [...path, 'page']);
    else if ('visited' in condition) this.urlMatch(condition.visited, [...path, 'visited']);
    else if ('stage' in condition) {
      const stage = condition.stage;
      const at = [...path, 'stage'];
      if (stage.is === undefined && stage.atLeast === undefined && stage.before === undefined) {
        this.error('empty-condition', at, 'expected at least one of "is", "atLeast" or "before", got none');
      }
      if (typeof stage.is === 'string') this.reference('stages', stage.is, [...at, 'is']);
      else this.references('stages', stage.is, [...at, 'is']);
      if (stage.atLeast !== undefined) this.reference('stages', stage.atLeast, [...at, 'atLeast']);
      if (stage.before !== undefined) this.reference('stages', stage.before, [...at, 'before']);
    } else if ('date' in condition) {
      const { from, until } = condition.date;
      const at = [...path, 'date'];
      if (from === undefined && until === undefined) this.error('empty-condition', at, 'expected "from", "until" or both, got neither');
      for (const [key, value] of [['from', from], ['until', until]] as const) {
        if (value !== undefined && Number.isNaN(Date.parse(value))) this.error('invalid-date', [...at, key], `expected a real calendar date, got ${JSON.stringify(value)}`);
      }
      if (from !== undefined && until !== undefined && Date.parse(from) >= Date.parse(until)) {
        this.error('date-range', at, `expected "from" to be before "until", got from ${JSON.stringify(from)} and until ${JSON.stringify(until)}`);
      }
    } else if ('trait' in condition) {
      const { trait: _name, ...comparison } = condition;
      if (Object.keys(comparison).length === 0) {
        this.error('empty-condition', path, 'expected a comparison for the trait (equals, notEquals, in, gt, gte, lt, lte, before, after, olderThan, newerThan, contains or exists), got none');
      }
    } else if ('event' in condition && condition.count) {
      const { gte, lte, eq } = condition.count;
      if (gte !== undefined && lte !== undefined && gte > lte) {
        this.error('invalid-range', [...path, 'count'], `expected gte ≤ lte, got gte ${gte} and lte ${lte}`);
      }
      if (eq !== undefined && (gte !== undefined || lte !== undefined)) {
        this.error('invalid-range', [...path, 'count'], 'expected either "eq" or "gte"/"lte", got both');
      }
    }
  }

  experience(experience: Experience, path: IssuePath): void {
    this.references('stages', experience.stages, [...path, 'stages']);
    this.condition(experience.when, [...path, 'when']);
    switch (experience.type) {
      case 'tour': {
        const ids = new Map<string, number>();
        experience.steps.forEach((step, index) => {
          const at = [...path, 'steps', index];
          if (step.id !== undefined) {
            const first = ids.get(step.id);
            if (first !== undefined) this.error('duplicate-id', [...at, 'id'], `duplicate step id ${JSON.stringify(step.id)} (first used by steps[${first}])`);
            else ids.set(step.id, index);
          }
          this.richText(step.body, [...at, 'body']);
          this.urlMatch(step.page, [...at, 'page']);
          this.link(step.url, [...at, 'url']);
          this.buttons(step.buttons, [...at, 'buttons']);
          this.references('articles', step.articles, [...at, 'articles']);
        });
        return;
      }
      case 'hint':
      case 'beacon':
        this.richText(experience.body, [...path, 'body']);
        this.buttons(experience.buttons, [...path, 'buttons']);
        this.references('articles', experience.articles, [...path, 'articles']);
        return;
      case 'checklist':
        this.checklist(experience, path);
        return;
      case 'nudge':
        experience.escalation.forEach((level, index) => {
          const at = [...path, 'escalation', index];
          if (level.kind === 'articles') this.references('articles', level.articles, [...at, 'articles']);
          else this.richText(level.body, [...at, 'body']);
        });
        return;
      case 'announcement':
        this.richText(experience.body, [...path, 'body']);
        this.buttons(experience.buttons, [...path, 'buttons']);
        return;
      case 'survey':
        this.survey(experience, path);
        return;
    }
  }

  private checklist(checklist: ChecklistExperience, path: IssuePath): void {
    this.richText(checklist.description, [...path, 'description']);
    if (checklist.completeToStage !== undefined) this.reference('stages', checklist.completeToStage, [...path, 'completeToStage']);
    if (checklist.returnAtStage !== undefined) this.reference('stages', checklist.returnAtStage, [...path, 'returnAtStage']);
    const itemIndex = new Map<string, number>();
    checklist.items.forEach((item, index) => {
      const first = itemIndex.get(item.id);
      if (first !== undefined) this.error('duplicate-id', [...path, 'items', index, 'id'], `duplicate item id ${JSON.stringify(item.id)} (first used by items[${first}])`);
      else itemIndex.set(item.id, index);
    });
    checklist.items.forEach((item, index) => {
      const at = [...path, 'items', index];
      this.richText(item.description, [...at, 'description']);
      this.action(item.action, [...at, 'action']);
      this.condition(item.doneWhen, [...at, 'doneWhen']);
      this.references('articles', item.articles, [...at, 'articles']);
      item.dependsOn?.forEach((dependency, d) => {
        if (dependency === item.id) this.error('dependency-cycle', [...at, 'dependsOn', d], `item ${JSON.stringify(item.id)} depends on itself`);
        else if (!itemIndex.has(dependency)) {
          this.error('unknown-item', [...at, 'dependsOn', d], `unknown checklist item ${JSON.stringify(dependency)}${didYouMean(dependency, [...itemIndex.keys()])}`);
        }
      });
    });
    const cycle = findCycle(checklist.items.map((item) => [item.id, (item.dependsOn ?? []).filter((d) => d !== item.id)]));
    if (cycle) {
      const index = itemIndex.get(cycle[0]!)!;
      this.error('dependency-cycle', [...path, 'items', index, 'dependsOn'], `items depend on each other in a cycle: ${cycle.join(' → ')}`);
    }
  }

  private survey(survey: SurveyExperience, path: IssuePath): void {
    const [low, high] = SCORE_RANGES[survey.kind];
    if (survey.scale !== undefined && survey.kind !== 'csat') {
      this.warn('ignored-field', [...path, 'scale'], `"scale" applies to csat surveys only; it is ignored for ${survey.kind}`);
    }
    survey.followUps?.forEach((followUp, index) => {
      const at = [...path, 'followUps', index];
      const [from, to] = followUp.scores;
      if (from > to || from < low || to > high) {
        this.error('score-range', [...at, 'scores'], `expected a range within ${low}–${high} for ${survey.kind} with the low score first, got [${from}, ${to}]`);
      }
      this.richText(followUp.body, [...at, 'body']);
      this.buttons(followUp.buttons, [...at, 'buttons']);
    });
  }

  stage(stage: Stage, path: IssuePath): void {
    this.condition(stage.enterWhen, [...path, 'enterWhen']);
  }

  article(article: Article, path: IssuePath): void {
    this.richText(article.body, [...path, 'body']);
    this.references('stages', article.stages, [...path, 'stages']);
    this.localeCode(article.locale, [...path, 'locale']);
    this.link(article.url, [...path, 'url']);
    article.pages?.forEach((page, index) => this.urlMatch(page, [...path, 'pages', index]));
  }

  chat(chat: ChatSettings, path: IssuePath): void {
    if (chat.provider === 'url' && chat.url === undefined) this.error('missing', [...path, 'url'], 'expected a link for provider "url", got nothing (required)');
    if (!chat.hours) return;
    if (!isTimeZone(chat.hours.timeZone)) {
      this.error('invalid-time-zone', [...path, 'hours', 'timeZone'], `expected an IANA time zone like "Europe/Vilnius", got ${JSON.stringify(chat.hours.timeZone)}`);
    }
    for (const [day, intervals] of Object.entries(chat.hours.weekly)) {
      intervals?.forEach((interval, index) => {
        const [open, close] = interval.split('-');
        if (open! >= close!) this.error('invalid-hours', [...path, 'hours', 'weekly', day, index], `expected the opening time before the closing time, got ${JSON.stringify(interval)}`);
      });
    }
  }

  /** A locale code that has the right shape but that `Intl` refuses (`en-12`) would break formatting. */
  localeCode(code: string | undefined, path: IssuePath): void {
    if (code !== undefined && !isIntlLocale(code)) this.error('invalid-locale', path, `expected a locale code like "en" or "pt-BR" that Intl accepts, got ${JSON.stringify(code)}`);
  }

  theme(theme: ThemeTokens, path: IssuePath): void {
    const checks: Array<[keyof ThemeTokens, ThemeValueKind]> = [['accent', 'color'], ['fontFamily', 'font-family']];
    for (const [key, kind] of checks) {
      if (theme[key] === undefined) continue;
      const problem = themeValueProblem(kind, theme[key]);
      if (problem) this.error('invalid-theme-value', [...path, key], problem);
    }
  }

  strings(strings: NonNullable<WaymarkConfig['strings']>, path: IssuePath): void {
    for (const locale of Object.keys(strings)) this.localeCode(locale, [...path, locale]);
  }

  locale(locale: NonNullable<WaymarkConfig['locale']>, path: IssuePath): void {
    this.localeCode(locale.default, [...path, 'default']);
    locale.supported?.forEach((code, index) => this.localeCode(code, [...path, 'supported', index]));
    if (locale.supported && !locale.supported.some((code) => code.toLowerCase() === locale.default.toLowerCase())) {
      this.warn('locale-not-supported', [...path, 'default'], `the default locale ${JSON.stringify(locale.default)} is not in "supported" (${listOf(locale.supported, 'and')})`);
    }
  }
}

/** Any page: links that leave every origin are the ones spelled as paths but naming a host. */
const ANY_PAGE = 'https://page.invalid/';

export const SCORE_RANGES: Record<SurveyExperience['kind'], [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };

function isIntlLocale(code: string): boolean {
  try {
    return Intl.getCanonicalLocales(code).length === 1;
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  // The canonical list is cheap; a formatter loads ICU's date data (tens of ms on a fresh page), so only
  // aliases ("Asia/Calcutta") and mistakes take that path.
  if (zone === 'UTC' || (typeof Intl.supportedValuesOf === 'function' && Intl.supportedValuesOf('timeZone').includes(zone))) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The first dependency cycle among items, as ids (`a → b → a`), or undefined. */
function findCycle(graph: ReadonlyArray<readonly [string, readonly string[]]>): string[] | undefined {
  const edges = new Map(graph);
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done' || !edges.has(node)) return undefined;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const [node] of graph) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

export function checkExperience(experience: Experience, path: IssuePath, refs: References): ConfigIssue[] {
  const checker = new Checker(refs);
  checker.experience(experience, path);
  return checker.issues;
}

export function checkStage(stage: Stage, path: IssuePath, refs: References): ConfigIssue[] {
  const checker = new Checker(refs);
  checker.stage(stage, path);
  return checker.issues;
}

export function checkArticle(article: Article, path: IssuePath, refs: References): ConfigIssue[] {
  const checker = new Checker(refs);
  checker.article(article, path);
  return checker.issues;
}

export function checkSection(key: string, value: unknown, refs: References): ConfigIssue[] {
  const checker = new Checker(refs);
  if (key === 'chat') checker.chat(value as ChatSettings, ['chat']);
  if (key === 'locale') checker.locale(value as NonNullable<WaymarkConfig['locale']>, ['locale']);
  if (key === 'theme') checker.theme(value as ThemeTokens, ['theme']);
  if (key === 'strings') checker.strings(value as NonNullable<WaymarkConfig['strings']>, ['strings']);
  if (key === 'search') checker.localeCode((value as { locale?: string }).locale, ['search', 'locale']);
  return checker.issues;
}
