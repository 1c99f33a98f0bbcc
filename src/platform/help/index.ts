/**
 * Knowledge base: the client-side search index over the config's articles, suggestions for where the user is,
 * and remote search providers (Zendesk Help Center, a JSON endpoint) with timeout, cancel and local fallback.
 * Importing this module does nothing.
 */
export { createSearchIndex, FIELD_WEIGHTS, SEARCH_BOOSTS } from './search-index.js';
export type { SearchIndex, SearchIndexOptions, SearchOptions, SuggestOptions } from './search-index.js';
export { normalizeText, tokenize } from './normalize.js';
export type { NormalizeOptions } from './normalize.js';
export {
  createSearchProvider,
  createZendeskProvider,
  createJsonProvider,
  searchWithFallback,
  mergeResults,
  htmlToText,
  DEFAULT_SEARCH_TIMEOUT_MS,
} from './providers.js';
export type {
  RemoteSearchProvider,
  RemoteSearchEnv,
  RemoteSearchRequest,
  RemoteSearchResult,
  RemoteSearchError,
  RemoteSearchErrorCode,
  HelpSearchOptions,
  HelpSearchResult,
} from './providers.js';
export type { ArticleHit, ArticleSource, HelpArticle, HelpSituation } from './types.js';
