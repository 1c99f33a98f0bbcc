/**
 * The help panel's explicit input: everything it shows or calls comes in here. The runtime builds the
 * knowledge base, binds search to it, and decides whether a human can be reached; the panel is given the
 * results as functions, so it imports nothing from the platform (and a test can pass fakes).
 */
import type { ThemeTokens } from '../../config/types.js';
import type { ChatPath, Contact, LeaveMessage } from '../../core/chat/contract.js';
import type { SearchIndex } from '../../core/help/search-index.js';
import type { ArticleSource, HelpSearch, HelpSearchResult } from '../../core/help/types.js';
import type { DismissibleStack } from '../shared/dismissible-stack.js';

/** Where the user is: picks the suggested articles and shows the current checklist's progress. */
export interface HelpContext {
  /** Current URL or path. */
  page?: string;
  stage?: string | null;
  /** Article ids linked from the tour step, hint or checklist item in progress, best first. */
  stepArticles?: readonly string[];
  /** The current checklist's progress, shown in the panel. */
  checklist?: { title: string; done: number; total: number };
}

/** What the panel reports for analytics (the runtime maps these to `AnalyticsEvent`s). */
export type ArticleOpenedFrom = 'suggested' | 'search' | 'action';
export type ChatOpenedFrom = 'help' | 'nudge' | 'action' | 'api';

export type HelpEvent =
  /** `source`: where the user found it; `kb`: which knowledge base it comes from; `title`: as the user saw it (for the operator, not analytics). */
  | { type: 'article_opened'; articleId: string; title: string; source: ArticleOpenedFrom; kb: ArticleSource; inPanel: boolean }
  | { type: 'help_searched'; query: string; results: number; remote: HelpSearchResult['remote'] }
  /** `source` names who asked: the panel's Contact us (`help`), a nudge, another experience's button (`action`), or `wm.openChat()` (`api`). */
  | { type: 'chat_opened'; path: ChatPath; source: ChatOpenedFrom }
  | { type: 'message_left'; messageId: string };

export type { HelpSearch };

export interface HelpInput {
  window: Window;
  /** e.g. `en`, `ru`, `lt`, `ar`. */
  locale: string;
  /** `config.strings` overrides. */
  strings?: Record<string, Record<string, string>>;
  theme?: ThemeTokens;
  /** The local knowledge base for this locale: suggestions, the in-panel reader, and search when `search` fails. */
  index: SearchIndex;
  /** The knowledge-base search (local, plus a remote provider with fallback); default: the index alone. */
  search?: HelpSearch;
  /** "Contact us": hands over to a human when one can be reached now, else says what the panel should offer. Absent: no live chat. */
  contact?: Contact;
  /** Leave a message for the team; absent means no offline form. */
  leaveMessage?: LeaveMessage;
  /** The email the leave-a-message form starts with (e.g. the user's email trait); absent: empty. */
  draftEmail?(): string | undefined;
  /** When operators are next on duty, when that is later than now (shown with the form); null when unknown. */
  operatorsBackAt?(): number | null;
  context: HelpContext;
  /** Shared with the other Waymark layers so Escape closes only the topmost one. */
  stack: DismissibleStack;
  /** Show the floating launcher button (default true); false when the host has its own help button. */
  launcher?: boolean;
  /** Search waits this long after the last keystroke (default 200 ms). */
  searchDelayMs?: number;
  onEvent?(event: HelpEvent): void;
  reportError?(error: unknown, where: string): void;
}
