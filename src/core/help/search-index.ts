/**
 * A client-side knowledge-base index over the config's articles, for one locale.
 *
 * Terms of title, tags, summary and body (plain text of the rich text) go into one sorted term list with
 * postings per term, so a query word is looked up by binary search and matches every term it is a prefix of
 * ("integ" → "integrations"). Matching folds case and diacritics (`normalize.ts`). A document's score is the
 * sum over query words of the best field weight among its matching terms, then boosted when the article is
 * scoped to the user's stage or to the current page. Everything is precomputed at build time; a query touches
 * only the postings of the terms it matches.
 *
 * A query word of 4 letters or more also finds terms through a typo (`fuzzy.ts`: 1 edit up to 7 letters, 2 from
 * 8), whole or as a prefix ("webhok" → "webhooks"). Only terms whose prefix has a length within that many edits
 * of the word's are compared, grouped by prefix once per length, so a query compares a few hundred prefixes, not
 * the whole text. An article found through a typo always ranks below one every word found as typed.
 */
import type { Article } from '../../config/types.js';
import { isSafeUrl, localize, richTextToPlain } from '../../config/rich-text.js';
import { pageRegexTest } from '../../config/page-regex.js';
import { compileUrlMatch, parseLocation, type Location, type UrlMatcher } from '../../engine/url.js';
import { normalizeText, tokenize, type NormalizeOptions } from './normalize.js';
import { allowedTypos, boundedDistance } from './fuzzy.js';
import type { ArticleHit, HelpArticle, HelpSituation } from './types.js';

/** How much a word found in each field counts. */
export const FIELD_WEIGHTS = { title: 8, tags: 5, summary: 3, body: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;

/** Multipliers applied to a matching article's score. */
export const SEARCH_BOOSTS = {
  /** The article lists the user's current stage. */
  stage: 1.25,
  /** One of the article's `pages` matches the current page. */
  page: 1.5,
  /** The whole query appears as typed (normalized) in the title. */
  titlePhrase: 1.2,
} as const;

export interface SearchIndexOptions extends NormalizeOptions {
  /** The user's locale, e.g. `lt` or `ru-RU`: picks the text of localized fields and drops other-language articles. */
  locale: string;
  /** Used when a text has no entry for `locale` (default `en`). */
  fallbackLocale?: string;
}

export interface SearchOptions extends Omit<HelpSituation, 'stepArticles'> {
  /** At most this many hits (default 10). */
  limit?: number;
}

export interface SuggestOptions extends HelpSituation {
  /** At most this many articles (default 5). */
  limit?: number;
}

export interface SearchIndex {
  /** Articles indexed (after dropping other locales and unsafe links). */
  readonly size: number;
  /** Ranked matches for a typed query; an empty query gives no hits. */
  search(query: string, options?: SearchOptions): ArticleHit[];
  /**
   * Articles that fit where the user is, with no query: the current step's articles first (in their order),
   * then articles scoped to both this page and this stage, then to this page, then to this stage. Articles
   * scoped elsewhere, and generic ones (no `pages`, no `stages`), are not suggested.
   */
  suggest(options: SuggestOptions): ArticleHit[];
  /**
   * Where `suggest` finds nothing: the articles meant for this stage (or for every stage), whatever page they
   * are scoped to, in the config's order (default 5).
   */
  forStage(stage: string | null | undefined, limit?: number): ArticleHit[];
  /** One indexed article by id, localized. */
  get(id: string): HelpArticle | undefined;
  /** The article's body (rich-text source) in the index's locale, when it has one: open it in the panel. */
  body(id: string): string | undefined;
}

interface IndexedDocument {
  help: HelpArticle;
  body: string | undefined;
  stages: ReadonlySet<string>;
  pages: readonly UrlMatcher[];
  normalizedTitle: string;
}

/** term → (document → field weight of that term in the document). */
type Postings = Map<number, number>;

const language = (locale: string): string => locale.split(/[-_]/)[0]!.toLowerCase();

/** How much a term found through 1 or 2 typos counts, against 1 for the word as typed (a prefix counts 0.5–0.9). */
const TYPO_CLOSENESS = [1, 0.45, 0.3] as const;

/** Terms sharing one prefix: `terms[start]` up to, not including, `terms[end]`. */
interface PrefixGroup {
  prefix: string;
  start: number;
  end: number;
}

/** How well one query word matched a document: its best score, and whether only through a typo. */
interface WordMatch {
  score: number;
  typo: boolean;
}

/** A document's weight for a term found in several fields: the best field, plus a little for each other one. */
function combine(previous: number | undefined, weight: number): number {
  if (previous === undefined) return weight;
  const best = Math.max(previous, weight);
  return best + Math.min(previous, weight) / 4;
}

/** Build the index. Cost is linear in the total text; see `scripts/bench/search.mjs`. */
export function createSearchIndex(articles: readonly Article[], options: SearchIndexOptions): SearchIndex {
  const fallback = options.fallbackLocale ?? 'en';
  const wantedLanguage = language(options.locale);
  const normalize: NormalizeOptions = { transliterate: options.transliterate ?? false };
  const documents: IndexedDocument[] = [];
  const byId = new Map<string, number>();
  const postingsByTerm = new Map<string, Postings>();

  for (const article of articles) {
    if (article.locale !== undefined && language(article.locale) !== wantedLanguage) continue;
    if (!isSafeUrl(article.url) || byId.has(article.id)) continue;
    const text = (value: Article['title'] | undefined): string => (value === undefined ? '' : localize(value, options.locale, fallback));
    const title = text(article.title);
    const summary = text(article.summary);
    const body = article.body === undefined ? undefined : text(article.body);
    const help: HelpArticle = { id: article.id, title, url: article.url, source: 'local', article };
    if (summary) help.summary = summary;
    const documentIndex = documents.length;
    documents.push({
      help,
      body,
      stages: new Set(article.stages ?? []),
      pages: (article.pages ?? []).map((page) => compileUrlMatch(page, pageRegexTest)),
      normalizedTitle: normalizeText(title, normalize),
    });
    byId.set(article.id, documentIndex);

    const fields: Array<[Field, string]> = [
      ['title', title],
      ['tags', (article.tags ?? []).join(' ')],
      ['summary', summary],
      ['body', body ? richTextToPlain(body) : ''],
    ];
    for (const [field, value] of fields) {
      const weight = FIELD_WEIGHTS[field];
      for (const term of new Set(tokenize(value, normalize))) {
        let postings = postingsByTerm.get(term);
        if (!postings) postingsByTerm.set(term, (postings = new Map()));
        postings.set(documentIndex, combine(postings.get(documentIndex), weight));
      }
    }
  }

  const terms = [...postingsByTerm.keys()].sort();
  const postingsList = terms.map((term) => postingsByTerm.get(term)!);

  /** Index of the first term ≥ `prefix`. */
  function lowerBound(prefix: string): number {
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (terms[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  // A prefix counts less the more of the term is still missing: "int" for "integrations" < "integr".
  const prefixCloseness = (prefixLength: number, termLength: number): number =>
    termLength === prefixLength ? 1 : 0.5 + (0.4 * prefixLength) / termLength;

  /** The terms grouped by their first `length` letters (terms are sorted, so a group is a range), built on first use. */
  const groupsByLength = new Map<number, PrefixGroup[]>();
  function prefixGroups(length: number): PrefixGroup[] {
    let groups = groupsByLength.get(length);
    if (groups) return groups;
    groups = [];
    for (let i = 0; i < terms.length; i++) {
      if (terms[i]!.length < length) continue;
      const prefix = terms[i]!.slice(0, length);
      const last = groups[groups.length - 1];
      if (last?.prefix === prefix) last.end = i + 1;
      else groups.push({ prefix, start: i, end: i + 1 });
    }
    groupsByLength.set(length, groups);
    return groups;
  }

  /** Per document, the best weight for one query word among the terms it is a prefix of, else the terms it nearly spells. */
  function matchWord(word: string): Map<number, WordMatch> {
    const best = new Map<number, WordMatch>();
    const consider = (termIndex: number, closeness: number, typo: boolean): void => {
      for (const [documentIndex, weight] of postingsList[termIndex]!) {
        const score = weight * closeness;
        const previous = best.get(documentIndex);
        // A match as typed beats any typo match, whatever the field.
        if (!previous || (previous.typo && !typo) || (previous.typo === typo && score > previous.score)) best.set(documentIndex, { score, typo });
      }
    };
    for (let i = lowerBound(word); i < terms.length && terms[i]!.startsWith(word); i++) consider(i, prefixCloseness(word.length, terms[i]!.length), false);

    const typos = allowedTypos(word);
    for (let length = Math.max(1, word.length - typos); length <= word.length + typos; length++) {
      for (const group of prefixGroups(length)) {
        const distance = boundedDistance(word, group.prefix, typos);
        if (distance === 0 || distance === Infinity) continue;
        for (let i = group.start; i < group.end; i++) {
          const termLength = terms[i]!.length;
          // A shorter spelling counts only as a whole term, or "slak" would find every "sla…".
          if (length < word.length && termLength !== length) continue;
          // Already found as typed.
          if (termLength >= word.length && terms[i]!.startsWith(word)) continue;
          consider(i, TYPO_CLOSENESS[distance]! * prefixCloseness(length, termLength), true);
        }
      }
    }
    return best;
  }

  function situationBoost(document: IndexedDocument, stage: string | null | undefined, location: Location | undefined): number {
    let boost = 1;
    if (stage && document.stages.has(stage)) boost *= SEARCH_BOOSTS.stage;
    if (location && matchesPage(document, location)) boost *= SEARCH_BOOSTS.page;
    return boost;
  }

  const matchesPage = (document: IndexedDocument, location: Location): boolean => document.pages.some((matcher) => matcher.test(location));

  const hit = (document: IndexedDocument, score: number): ArticleHit => ({ ...document.help, score });

  return {
    size: documents.length,

    search(query, searchOptions = {}) {
      const words = [...new Set(tokenize(query, normalize))];
      if (words.length === 0) return [];
      const perWord = words.map(matchWord);
      const totals = new Map<number, { score: number; matched: number; typo: boolean }>();
      for (const matches of perWord) {
        for (const [documentIndex, match] of matches) {
          const total = totals.get(documentIndex) ?? { score: 0, matched: 0, typo: false };
          total.score += match.score;
          total.matched += 1;
          total.typo ||= match.typo;
          totals.set(documentIndex, total);
        }
      }
      // Every word must match; only when nothing matches them all do partial matches show, ranked lower.
      const complete = [...totals].filter(([, total]) => total.matched === words.length);
      const candidates = complete.length > 0 ? complete : [...totals];
      const phrase = normalizeText(query.trim(), normalize);
      const location = searchOptions.page ? parseLocation(searchOptions.page) : undefined;
      const ranked = candidates.map(([documentIndex, total]) => {
        const document = documents[documentIndex]!;
        let score = (total.score * total.matched) / words.length;
        score *= situationBoost(document, searchOptions.stage, location);
        if (phrase && document.normalizedTitle.includes(phrase)) score *= SEARCH_BOOSTS.titlePhrase;
        return { hit: hit(document, score), typo: total.typo };
      });
      ranked.sort((a, b) => Number(a.typo) - Number(b.typo) || b.hit.score - a.hit.score || a.hit.title.localeCompare(b.hit.title));
      return ranked.slice(0, searchOptions.limit ?? 10).map(({ hit }) => hit);
    },

    suggest(situation) {
      const stepArticles = situation.stepArticles ?? [];
      const hits: ArticleHit[] = [];
      const taken = new Set<number>();
      stepArticles.forEach((id, order) => {
        const documentIndex = byId.get(id);
        if (documentIndex === undefined || taken.has(documentIndex)) return;
        taken.add(documentIndex);
        hits.push(hit(documents[documentIndex]!, 1000 - order));
      });
      const fitting: ArticleHit[] = [];
      const location = situation.page ? parseLocation(situation.page) : undefined;
      documents.forEach((document, documentIndex) => {
        if (taken.has(documentIndex)) return;
        const scopedToStage = document.stages.size > 0;
        const scopedToPage = document.pages.length > 0;
        if (!scopedToStage && !scopedToPage) return;
        const stageFits = scopedToStage && !!situation.stage && document.stages.has(situation.stage);
        const pageFits = scopedToPage && location !== undefined && matchesPage(document, location);
        // Scoped somewhere else: not for this user right now.
        if ((scopedToStage && !stageFits) || (scopedToPage && !pageFits)) return;
        fitting.push(hit(document, (pageFits ? 20 : 0) + (stageFits ? 10 : 0)));
      });
      fitting.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
      return [...hits, ...fitting].slice(0, situation.limit ?? 5);
    },

    forStage(stage, limit = 5) {
      return documents
        .filter((document) => document.stages.size === 0 || (!!stage && document.stages.has(stage)))
        .slice(0, limit)
        .map((document) => hit(document, 0));
    },

    get(id) {
      const documentIndex = byId.get(id);
      return documentIndex === undefined ? undefined : { ...documents[documentIndex]!.help };
    },

    body(id) {
      const documentIndex = byId.get(id);
      return documentIndex === undefined ? undefined : documents[documentIndex]!.body;
    },
  };
}
