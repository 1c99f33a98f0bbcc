/**
 * Remote knowledge-base search: providers for the Zendesk Help Center and a JSON endpoint, with timeout, cancel
 * and local fallback. The local index and the article types are in `core/help`. Importing this module does nothing.
 */
export {
  createSearchProvider,
  createZendeskProvider,
  createJsonProvider,
  searchWithFallback,
  mergeResults,
  htmlToText,
  DEFAULT_SEARCH_TIMEOUT_MS,
} from './providers.js';
export type { RemoteSearchProvider, RemoteSearchEnv, RemoteSearchRequest, RemoteSearchResult } from './providers.js';
