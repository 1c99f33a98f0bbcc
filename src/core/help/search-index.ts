/**
 * A client-side knowledge-base index over the config's articles, for one locale.
 *
 * Terms of title, tags, summary and body (plain text of the rich text) go into one sorted term list with
 * postings per term, so a query word is looked up by binary search and matches every term it is a prefix of
 * ("integ" → "integrations"). Matching folds case and diacritics (`normalize.ts`). A document's score is the
 * sum over query words of the best field weight among its matching terms, then boosted when the article is
 * scoped to the user's stage or to the current page. Everything is precomputed at build time; a query touches
 * only the postings of the terms it matches.
 */
import type { Article } from '../../config/types.js';
import { isSafeUrl, localize, richTextToPlain } from '../../config/rich-text.js';
import { compileUrlMatch, parseLocation, type Location, type UrlMatcher } from '../../engine/url.js';
import { normalizeText, tokenize, type NormalizeOptions } from './normalize.js';
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
      pages: (article.pages ?? []).map((page) => compileUrlMatch(page)),
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

  /** Per document, the best weight for one query word among the terms it is a prefix of. Exact words count fully. */
  function matchWord(word: string): Map<number, number> {
    const best = new Map<number, number>();
    for (let i = lowerBound(word); i < terms.length && terms[i]!.startsWith(word); i++) {
      const term = terms[i]!;
      // A prefix counts less the more of the term is still missing: "int" for "integrations" < "integr".
      const closeness = term.length === word.length ? 1 : 0.5 + (0.4 * word.length) / term.length;
      for (const [documentIndex, weight] of postingsList[i]!) {
        const score = weight * closeness;
        if (score > (best.get(documentIndex) ?? 0)) best.set(documentIndex, score);
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
      const totals = new Map<number, { score: number; matched: number }>();
      for (const matches of perWord) {
        for (const [documentIndex, score] of matches) {
          const total = totals.get(documentIndex) ?? { score: 0, matched: 0 };
          total.score += score;
          total.matched += 1;
          totals.set(documentIndex, total);
        }
      }
      // Every word must match; only when nothing matches them all do partial matches show, ranked lower.
      const complete = [...totals].filter(([, total]) => total.matched === words.length);
      const candidates = complete.length > 0 ? complete : [...totals];
      const phrase = normalizeText(query.trim(), normalize);
      const location = searchOptions.page ? parseLocation(searchOptions.page) : undefined;
      const hits = candidates.map(([documentIndex, total]) => {
        const document = documents[documentIndex]!;
        let score = (total.score * total.matched) / words.length;
        score *= situationBoost(document, searchOptions.stage, location);
        if (phrase && document.normalizedTitle.includes(phrase)) score *= SEARCH_BOOSTS.titlePhrase;
        return hit(document, score);
      });
      hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
      return hits.slice(0, searchOptions.limit ?? 10);
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
