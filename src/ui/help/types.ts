/**
 * The help panel's explicit input: everything it shows or calls comes in here, so the runtime
 * (or a test) wires it without the panel reaching for globals. Only types are imported from the
 * platform layer; the functions are injected.
 */
import type { ThemeTokens } from '../../config/types.js';
import type { Chat, ChatPath } from '../../platform/chat/facade.js';
import type { MessageQueue } from '../../platform/chat/offline-message.js';
import type { ChatContext } from '../../platform/chat/types.js';
import type { HelpSearchOptions, HelpSearchResult } from '../../platform/help/providers.js';
import type { SearchIndex } from '../../platform/help/search-index.js';
import type { ArticleSource } from '../../platform/help/types.js';
import type { DismissibleStack } from '../shared/dismissible-stack.js';

/** Where the user is and what they are doing: picks suggestions and travels with a chat or message. */
export interface HelpContext {
  /** Current URL or path. */
  page?: string;
  stage?: string | null;
  /** Article ids linked from the tour step, hint or checklist item in progress, best first. */
  stepArticles?: readonly string[];
  /** The current checklist's progress, shown in the panel. */
  checklist?: { title: string; done: number; total: number };
  user?: ChatContext['user'];
  step?: ChatContext['step'];
  checklistItem?: ChatContext['checklistItem'];
  struggle?: ChatContext['struggle'];
  recentErrors?: string[];
}

/** What the panel reports for analytics (the runtime maps these to `AnalyticsEvent`s). */
export type ArticleOpenedFrom = 'suggested' | 'search' | 'action';
export type ChatOpenedFrom = 'help' | 'nudge' | 'action' | 'api';

export type HelpEvent =
  /** `source`: where the user found it; `kb`: which knowledge base it comes from. */
  | { type: 'article_opened'; articleId: string; source: ArticleOpenedFrom; kb: ArticleSource; inPanel: boolean }
  | { type: 'help_searched'; query: string; results: number; remote: HelpSearchResult['remote'] }
  /** `source` names who asked: the panel's Contact us (`help`), a nudge, another experience's button (`action`), or `wm.openChat()` (`api`). */
  | { type: 'chat_opened'; path: ChatPath; source: ChatOpenedFrom }
  | { type: 'message_left'; messageId: string };

export type HelpSearch = (query: string, options: HelpSearchOptions) => Promise<HelpSearchResult>;

export interface HelpInput {
  window: Window;
  /** e.g. `en`, `ru`, `lt`, `ar`. */
  locale: string;
  /** `config.strings` overrides. */
  strings?: Record<string, Record<string, string>>;
  theme?: ThemeTokens;
  /** The local knowledge base, for this locale. */
  index: SearchIndex;
  /** Local plus remote search with fallback (`searchWithFallback` bound to a provider); default: the index alone. */
  search?: HelpSearch;
  /** The chat facade; absent means no live chat. */
  chat?: Chat;
  /** The leave-a-message queue; absent means no offline form. */
  messages?: MessageQueue;
  context: HelpContext;
  /** Shared with the other Waymark layers so Escape closes only the topmost one. */
  stack: DismissibleStack;
  /** Clock for operator hours (default `Date.now`). */
  now?: () => number;
  /** Show the floating launcher button (default true); false when the host has its own help button. */
  launcher?: boolean;
  /** Search waits this long after the last keystroke (default 200 ms). */
  searchDelayMs?: number;
  onEvent?(event: HelpEvent): void;
  reportError?(error: unknown, where: string): void;
}
