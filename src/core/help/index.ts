/**
 * The knowledge base, pure: the client-side search index over the config's articles, suggestions for where the
 * user is, text folding, and the article and search types shared by the runtime, platform and panel.
 * Importing this module does nothing.
 */
export { createSearchIndex, FIELD_WEIGHTS, SEARCH_BOOSTS } from './search-index.js';
export type { SearchIndex, SearchIndexOptions, SearchOptions, SuggestOptions } from './search-index.js';
export { normalizeText, tokenize } from './normalize.js';
export type { NormalizeOptions } from './normalize.js';
export type {
  ArticleHit,
  ArticleSource,
  CancelSignal,
  HelpArticle,
  HelpSearch,
  HelpSearchOptions,
  HelpSearchResult,
  HelpSituation,
  RemoteSearchError,
  RemoteSearchErrorCode,
} from './types.js';
