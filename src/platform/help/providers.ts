/**
 * Remote knowledge-base search: a Zendesk Help Center adapter (its public "search articles" endpoint) and a
 * generic JSON endpoint adapter. Lookups are cancellable (the caller's AbortSignal) and time-limited (the
 * config's `timeout`, default 3s); a failed or late lookup is data (`{ ok: false, error }`), never a throw, and
 * `searchWithFallback` then serves the local index's hits alone. Remote hits keep only safe links and are merged
 * after the local ones without duplicates. `fetch` and the timers are injected.
 */
import type { SearchProvider } from '../../config/types.js';
import { parseDuration } from '../../config/duration.js';
import { isSafeUrl } from '../../config/rich-text.js';
import { normalizeText } from '../../core/help/normalize.js';
import type { SearchIndex } from '../../core/help/search-index.js';
import type {
  ArticleHit,
  CancelSignal,
  HelpArticle,
  HelpSearchOptions,
  HelpSearchResult,
  RemoteSearchError,
  RemoteSearchErrorCode,
} from '../../core/help/types.js';

export const DEFAULT_SEARCH_TIMEOUT_MS = 3000;
/** Longest summary kept from a remote result (snippets and bodies can be long). */
const SUMMARY_MAX = 240;

export type RemoteSearchResult = { ok: true; hits: HelpArticle[] } | { ok: false; error: RemoteSearchError };

export interface RemoteSearchEnv {
  fetch: typeof fetch;
  /** Default `globalThis.setTimeout`; tests pass timers they drive. */
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
  /** Zendesk only: replaces `https://{subdomain}.zendesk.com`, e.g. a same-origin proxy when CORS is not allowed. */
  zendeskBaseUrl?: string;
}

export interface RemoteSearchRequest {
  /** The user's locale; Zendesk's own `locale` setting wins when given. */
  locale: string;
  signal?: CancelSignal;
  /** At most this many results (default 10). */
  limit?: number;
}

export interface RemoteSearchProvider {
  readonly kind: SearchProvider['provider'];
  readonly timeoutMs: number;
  /** Never rejects. */
  search(query: string, request: RemoteSearchRequest): Promise<RemoteSearchResult>;
}

const failure = (code: RemoteSearchErrorCode, message: string, status?: number): RemoteSearchResult => ({
  ok: false,
  error: status === undefined ? { code, message } : { code, message, status },
});

type FetchJson = { ok: true; json: unknown } | { ok: false; error: RemoteSearchError };

/** GET JSON within `timeoutMs`, abandoning it (even if `fetch` ignores its signal) on timeout or the caller's abort. */
async function fetchJson(url: string, init: RequestInit, request: RemoteSearchRequest, timeoutMs: number, env: RemoteSearchEnv): Promise<FetchJson> {
  const callerSignal = request.signal;
  if (callerSignal?.aborted) return { ok: false, error: { code: 'aborted', message: 'The search was cancelled' } };
  const controller = new AbortController();
  const schedule = env.setTimeout ?? ((callback: () => void, ms: number) => globalThis.setTimeout(callback, ms));
  const cancel = env.clearTimeout ?? ((id: unknown) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>));
  let reason: 'timeout' | 'aborted' | undefined;
  let stop: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => (stop = () => reject(new DOMException('stopped', 'AbortError'))));
  stopped.catch(() => undefined);
  const abortWith = (why: 'timeout' | 'aborted') => {
    if (reason) return;
    reason = why;
    controller.abort();
    stop?.();
  };
  const onCallerAbort = () => abortWith('aborted');
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = schedule(() => abortWith('timeout'), timeoutMs);
  try {
    const response = await Promise.race([env.fetch(url, { ...init, signal: controller.signal }), stopped]);
    if (!response.ok) return { ok: false, error: { code: 'http', message: `Search endpoint answered ${response.status}`, status: response.status } };
    let json: unknown;
    try {
      json = await Promise.race([response.json() as Promise<unknown>, stopped]);
    } catch (error) {
      if (reason) throw error;
      return { ok: false, error: { code: 'invalid-response', message: 'Search endpoint did not answer JSON' } };
    }
    return { ok: true, json };
  } catch (error) {
    if (reason === 'timeout') return { ok: false, error: { code: 'timeout', message: `Search took longer than ${timeoutMs} ms` } };
    if (reason === 'aborted') return { ok: false, error: { code: 'aborted', message: 'The search was cancelled' } };
    return { ok: false, error: { code: 'network', message: `Search request failed: ${error instanceof Error ? error.message : String(error)}` } };
  } finally {
    cancel(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Plain text of an HTML snippet, computed as a string (never parsed into the page). */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#') && lower !== '#39') return String.fromCodePoint(parseInt(lower.slice(1), 10));
      return ENTITIES[lower] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function clip(text: string): string {
  return text.length <= SUMMARY_MAX ? text : `${text.slice(0, SUMMARY_MAX - 1).trimEnd()}…`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;

function timeoutOf(settings: SearchProvider): number {
  const parsed = settings.timeout === undefined ? undefined : parseDuration(settings.timeout);
  return parsed !== undefined && parsed > 0 ? parsed : DEFAULT_SEARCH_TIMEOUT_MS;
}

/** Zendesk Help Center: `GET /api/v2/help_center/articles/search.json?query=…&locale=…`, results in `results[]`. */
export function createZendeskProvider(settings: Extract<SearchProvider, { provider: 'zendesk' }>, env: RemoteSearchEnv): RemoteSearchProvider {
  const timeoutMs = timeoutOf(settings);
  const validSubdomain = /^[a-z0-9][a-z0-9-]*$/i.test(settings.subdomain);
  const base = (env.zendeskBaseUrl ?? `https://${settings.subdomain}.zendesk.com`).replace(/\/+$/, '');
  return {
    kind: 'zendesk',
    timeoutMs,
    async search(query, request) {
      if (!validSubdomain && env.zendeskBaseUrl === undefined) return failure('invalid-settings', `Not a Zendesk subdomain: "${settings.subdomain}"`);
      const limit = request.limit ?? 10;
      const params = new URLSearchParams({ query, locale: (settings.locale ?? request.locale).toLowerCase(), per_page: String(limit) });
      const response = await fetchJson(`${base}/api/v2/help_center/articles/search.json?${params}`, { headers: { Accept: 'application/json' }, credentials: 'omit' }, request, timeoutMs, env);
      if (!response.ok) return response;
      const results = isRecord(response.json) ? response.json.results : undefined;
      if (!Array.isArray(results)) return failure('invalid-response', 'Zendesk answered without a results array');
      const hits: HelpArticle[] = [];
      for (const item of results) {
        if (!isRecord(item)) continue;
        const id = idOf(item.id);
        const url = item.html_url;
        const title = typeof item.title === 'string' ? htmlToText(item.title) : '';
        if (id === undefined || typeof url !== 'string' || !isSafeUrl(url) || !title) continue;
        const hit: HelpArticle = { id: `zendesk:${id}`, title, url, source: 'zendesk' };
        const summary = typeof item.snippet === 'string' ? htmlToText(item.snippet) : typeof item.body === 'string' ? htmlToText(item.body) : '';
        if (summary) hit.summary = clip(summary);
        hits.push(hit);
        if (hits.length === limit) break;
      }
      return { ok: true, hits };
    },
  };
}

/** A JSON endpoint: `url` with `{query}` and `{locale}`; answers `[{id, title, url, summary?}]` or `{results: […]}`. */
export function createJsonProvider(settings: Extract<SearchProvider, { provider: 'json' }>, env: RemoteSearchEnv): RemoteSearchProvider {
  const timeoutMs = timeoutOf(settings);
  return {
    kind: 'json',
    timeoutMs,
    async search(query, request) {
      const url = settings.url.replace(/\{query\}/g, encodeURIComponent(query)).replace(/\{locale\}/g, encodeURIComponent(request.locale));
      if (!isSafeUrl(url)) return failure('invalid-settings', `Not a safe search URL: "${settings.url}"`);
      const response = await fetchJson(url, { headers: { Accept: 'application/json' } }, request, timeoutMs, env);
      if (!response.ok) return response;
      const json = response.json;
      const results = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.results) ? json.results : undefined;
      if (!results) return failure('invalid-response', 'Search endpoint answered neither an array nor {results: [...]}');
      const limit = request.limit ?? 10;
      const hits: HelpArticle[] = [];
      for (const item of results) {
        if (!isRecord(item)) continue;
        const id = idOf(item.id);
        const { title, url: link, summary } = item;
        if (id === undefined || typeof title !== 'string' || !title.trim() || typeof link !== 'string' || !isSafeUrl(link)) continue;
        const hit: HelpArticle = { id: `json:${id}`, title: title.trim(), url: link, source: 'json' };
        if (typeof summary === 'string' && summary.trim()) hit.summary = clip(summary.trim());
        hits.push(hit);
        if (hits.length === limit) break;
      }
      return { ok: true, hits };
    },
  };
}

/** The adapter the config asks for. */
export function createSearchProvider(settings: SearchProvider, env: RemoteSearchEnv): RemoteSearchProvider {
  return settings.provider === 'zendesk' ? createZendeskProvider(settings, env) : createJsonProvider(settings, env);
}

/** Identity of a link for de-duplication: no fragment, no trailing slash, host in lower case. */
function linkKey(url: string): string {
  const withoutHash = url.split('#')[0]!;
  return withoutHash.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?]*)/i, (origin) => origin.toLowerCase()).replace(/\/+(?=\?|$)/, '');
}

/**
 * Local hits first (they are curated for this app and ranked with the user's situation), then remote hits that
 * are neither the same link nor the same title as one already listed. Remote hits keep the provider's order;
 * their `score` is rank-based and not comparable with local scores.
 */
export function mergeResults(local: readonly ArticleHit[], remote: readonly HelpArticle[], limit = 10): ArticleHit[] {
  const merged: ArticleHit[] = [];
  const links = new Set<string>();
  const titles = new Set<string>();
  const add = (hit: ArticleHit) => {
    const link = linkKey(hit.url);
    const title = normalizeText(hit.title).replace(/\s+/g, ' ').trim();
    if (links.has(link) || titles.has(title)) return;
    links.add(link);
    titles.add(title);
    merged.push(hit);
  };
  local.forEach(add);
  remote.forEach((hit, rank) => add({ ...hit, score: 1 / (rank + 2) }));
  return merged.slice(0, limit);
}

/** Search the local index and, when configured, the remote provider; never rejects, always has the local hits. */
export async function searchWithFallback(index: SearchIndex, provider: RemoteSearchProvider | undefined, query: string, options: HelpSearchOptions): Promise<HelpSearchResult> {
  const limit = options.limit ?? 10;
  const local = index.search(query, options);
  if (!provider || !query.trim()) return { hits: local, remote: 'none' };
  const request: RemoteSearchRequest = { locale: options.locale, limit };
  if (options.signal) request.signal = options.signal;
  const result = await provider.search(query, request);
  if (!result.ok) return { hits: local, remote: 'failed', error: result.error };
  return { hits: mergeResults(local, result.hits, limit), remote: 'ok' };
}
