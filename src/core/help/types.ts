/**
 * The knowledge-base contract shared by the runtime, the platform's remote providers and the help panel:
 * articles as listed, search hits, and the search function the runtime hands to the panel.
 */
import type { Article } from '../../config/types.js';

/** Where an article came from: the config, or a remote knowledge base. */
export type ArticleSource = 'local' | 'zendesk' | 'json';

/** An article as the help panel lists it: plain strings, already localized, link already checked safe. */
export interface HelpArticle {
  id: string;
  title: string;
  url: string;
  summary?: string;
  source: ArticleSource;
  /** The config article (local results only): its `body` can be opened inside the panel. */
  article?: Article;
}

/** A search or suggestion result: higher `score` ranks first. */
export interface ArticleHit extends HelpArticle {
  score: number;
}

/** What the user is doing right now: boosts and filters suggestions. */
export interface HelpSituation {
  /** Current URL or path. */
  page?: string;
  /** Current journey stage id. */
  stage?: string | null;
  /** Article ids linked from the tour step, hint or checklist item in progress, best first. */
  stepArticles?: readonly string[];
}

/**
 * The part of `AbortSignal` a search needs. The core compiles without the DOM lib, so it names the shape;
 * a real `AbortSignal` fits it.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export type RemoteSearchErrorCode = 'timeout' | 'aborted' | 'http' | 'network' | 'invalid-response' | 'invalid-settings';

export interface RemoteSearchError {
  code: RemoteSearchErrorCode;
  message: string;
  /** HTTP status, for `http`. */
  status?: number;
}

export interface HelpSearchOptions extends Omit<HelpSituation, 'stepArticles'> {
  locale: string;
  /** At most this many hits (default 10). */
  limit?: number;
  /** Cancel the remote lookup (a newer query was typed, the panel closed). */
  signal?: CancelSignal;
}

export interface HelpSearchResult {
  hits: ArticleHit[];
  /** `none`: no provider configured; `failed`: local hits only, see `error`. */
  remote: 'none' | 'ok' | 'failed';
  error?: RemoteSearchError;
}

/** Search the knowledge base (the local index, and a remote one when configured): what the panel is given. */
export type HelpSearch = (query: string, options: HelpSearchOptions) => Promise<HelpSearchResult>;
